"""Show text from files and engines as plain text only: never interpreted as HTML or rich text."""
from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

# Set on widgets whose text is data (file names, scenario prose, policy names), not interface text;
# the translation test skips them.
DATA_PROPERTY = "xviz_data_text"


def plain_label(text: str = "", parent: QWidget | None = None, *, data: bool = False, wrap: bool = False) -> QLabel:
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    label.setWordWrap(wrap)
    if data:
        mark_data(label)
    return label


def mark_data(widget: QWidget) -> QWidget:
    widget.setProperty(DATA_PROPERTY, True)
    return widget


def plain_tooltip(text: str) -> str:
    """Tool tips guess whether text is rich; escaping makes any text show literally."""
    if not text:
        return ""
    return "<p style='white-space:pre-wrap'>" + html.escape(text) + "</p>"
