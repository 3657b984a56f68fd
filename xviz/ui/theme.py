"""Light and dark palettes, and the few colours the workbench adds on top (verdicts, diagnostics)."""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette


@dataclass(frozen=True)
class Colors:
    """Colours that are not part of QPalette; chosen to keep 4.5:1 contrast on their background."""

    allow: str
    explicit_deny: str
    implicit_deny: str
    badge_text: str
    error: str
    warning: str
    info: str
    bracket_match: str
    statement_mark: str  # the statement that decided the current step
    current_line: str
    card: str
    card_border: str
    banner: str
    banner_text: str
    # JSON highlighting
    json_key: str
    json_string: str
    json_number: str
    json_constant: str
    json_punctuation: str


LIGHT = Colors(
    allow="#1e7b34", explicit_deny="#b3261e", implicit_deny="#8a5a00", badge_text="#ffffff",
    error="#d32f2f", warning="#b26a00", info="#1565c0",
    bracket_match="#c8e6c9", statement_mark="#fff2b3", current_line="#f3f6fa", card="#ffffff", card_border="#c9d1db",
    banner="#fff4ce", banner_text="#4a3b00",
    json_key="#0b5394", json_string="#a31515", json_number="#098658", json_constant="#7a3e9d",
    json_punctuation="#555555",
)

DARK = Colors(
    allow="#2e9d4a", explicit_deny="#d9483b", implicit_deny="#b07a10", badge_text="#ffffff",
    error="#ff6b6b", warning="#ffb74d", info="#64b5f6",
    bracket_match="#2f5233", statement_mark="#4d4215", current_line="#262a30", card="#2b2f36", card_border="#444b55",
    banner="#4a3b00", banner_text="#fff4ce",
    json_key="#9cdcfe", json_string="#ce9178", json_number="#b5cea8", json_constant="#c586c0",
    json_punctuation="#c8c8c8",
)


def colors_for(theme: str) -> Colors:
    return DARK if theme == "dark" else LIGHT


def palette_for(theme: str) -> QPalette:
    """A full palette for the Fusion style, so both themes look the same on every platform."""
    if theme == "dark":
        window, base, alt, text, button, highlight, link, mid = (
            "#1f2226", "#181a1d", "#23262b", "#e6e6e6", "#2b2f36", "#3d6fb6", "#7fb2ff", "#444b55")
        disabled = "#7a7f87"
    else:
        window, base, alt, text, button, highlight, link, mid = (
            "#eef1f5", "#ffffff", "#f5f7fa", "#1b1f24", "#f7f8fa", "#2f6fbf", "#0b57d0", "#c9d1db")
        disabled = "#8a9099"
    p = QPalette()
    roles = {
        QPalette.ColorRole.Window: window, QPalette.ColorRole.WindowText: text,
        QPalette.ColorRole.Base: base, QPalette.ColorRole.AlternateBase: alt,
        QPalette.ColorRole.Text: text, QPalette.ColorRole.Button: button,
        QPalette.ColorRole.ButtonText: text, QPalette.ColorRole.Highlight: highlight,
        QPalette.ColorRole.HighlightedText: "#ffffff", QPalette.ColorRole.Link: link,
        QPalette.ColorRole.ToolTipBase: base, QPalette.ColorRole.ToolTipText: text,
        QPalette.ColorRole.PlaceholderText: disabled, QPalette.ColorRole.Mid: mid,
        QPalette.ColorRole.Midlight: alt, QPalette.ColorRole.Dark: mid,
    }
    for role, color in roles.items():
        p.setColor(role, QColor(color))
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText, QPalette.ColorRole.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor(disabled))
    return p
