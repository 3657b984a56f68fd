"""Text measurement with the real font, so Japanese labels get the room they need."""
from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase, QFontMetricsF

from xviz.diagram.measure import BOLD_ROLES, FONT_SIZES

# Preferred families, first installed wins; Noto Sans CJK covers Japanese and Latin in one face.
PREFERRED_FAMILIES = ("Noto Sans CJK JP", "Noto Sans JP", "IPAGothic", "Hiragino Sans", "Yu Gothic UI",
                      "Meiryo", "Noto Sans", "DejaVu Sans")


def diagram_family() -> str:
    installed = set(QFontDatabase.families())
    for family in PREFERRED_FAMILIES:
        if family in installed:
            return family
    return QFont().defaultFamily()


class QtTextMeasurer:
    """`measurer(text, role) -> (width, height)` with `QFontMetricsF`; also hands out the fonts to draw with."""

    def __init__(self, family: str | None = None, scale: float = 1.0) -> None:
        self.family = family or diagram_family()
        self.scale = scale
        self._fonts: dict[str, QFont] = {}
        self._metrics: dict[str, QFontMetricsF] = {}
        self._cache: dict[tuple[str, str], tuple[float, float]] = {}

    def font(self, role: str) -> QFont:
        font = self._fonts.get(role)
        if font is None:
            font = QFont(self.family)
            font.setPixelSize(max(1, round(FONT_SIZES.get(role, 14.0) * self.scale)))  # pixels: same on any screen
            font.setBold(role in BOLD_ROLES)
            self._fonts[role] = font
            self._metrics[role] = QFontMetricsF(font)
        return font

    def line_height(self, role: str) -> float:
        self.font(role)
        return self._metrics[role].lineSpacing()

    def __call__(self, text: str, role: str) -> tuple[float, float]:
        key = (text, role)
        found = self._cache.get(key)
        if found is None:
            self.font(role)
            metrics = self._metrics[role]
            lines = text.split("\n") if text else [""]
            # horizontalAdvance of the whole line: mixed Latin/CJK runs fall back per script, measured as drawn.
            width = max(metrics.horizontalAdvance(line) for line in lines)
            found = (round(width + 2.0, 2), round(metrics.lineSpacing() * len(lines), 2))
            self._cache[key] = found
        return found
