"""Diagrams drawn with Qt: the scene the app shows and steps through, the real-font measurer, export."""
from xviz.ui.diagram.export import export_png, export_svg, render_image
from xviz.ui.diagram.measurer import QtTextMeasurer
from xviz.ui.diagram.scene import DiagramScene
from xviz.ui.diagram.theme import DARK, LIGHT, DiagramTheme, theme_named

__all__ = ["DARK", "LIGHT", "DiagramScene", "DiagramTheme", "QtTextMeasurer", "export_png", "export_svg",
           "render_image", "theme_named"]
