"""Diagrams drawn with Qt: the scene the app shows and steps through, the real-font measurer, export."""
from xviz.ui.diagram.pyside_none_guard import guard_none_refcount

guard_none_refcount()  # PySide6 6.12 on Python 3.11 would abort after a few thousand Qt calls otherwise

from xviz.ui.diagram.export import export_png, export_svg, render_image  # noqa: E402 (after the guard)
from xviz.ui.diagram.measurer import QtTextMeasurer  # noqa: E402
from xviz.ui.diagram.scene import DiagramScene  # noqa: E402
from xviz.ui.diagram.theme import DARK, LIGHT, DiagramTheme, theme_named  # noqa: E402

__all__ = ["DARK", "LIGHT", "DiagramScene", "DiagramTheme", "QtTextMeasurer", "export_png", "export_svg",
           "guard_none_refcount", "render_image", "theme_named"]
