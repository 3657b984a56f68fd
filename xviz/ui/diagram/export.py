"""Saving a DiagramScene: SVG with the labels as text, PNG at a scale."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QGraphicsScene

SVG_DPI = 96
# A PNG past this many pixels costs seconds and gigabytes to fill and compress (a 2,000-node chart at scale 2
# is about 400 million); the scale is lowered to fit and the caller tells the user.
MAX_PNG_PIXELS = 60_000_000


def fitting_scale(scene: QGraphicsScene, scale: float) -> float:
    """`scale`, or the largest scale at which the scene's PNG stays within MAX_PNG_PIXELS."""
    source = scene.sceneRect()
    area = max(source.width() * source.height(), 1.0)
    return min(scale, (MAX_PNG_PIXELS / area) ** 0.5)


def export_svg(scene: QGraphicsScene, path: str | Path, title: str = "xviz diagram", description: str = "") -> None:
    """Save the scene as SVG; `title` and `description` become its <title> and <desc> (what a screen reader
    announces: a chart's accTitle and accDescr)."""
    source = scene.sceneRect()
    generator = QSvgGenerator()
    generator.setFileName(str(path))
    generator.setSize(QSize(int(source.width() + 0.5), int(source.height() + 0.5)))
    generator.setViewBox(QRectF(0, 0, source.width(), source.height()))
    generator.setResolution(SVG_DPI)
    generator.setTitle(title)
    if description:
        generator.setDescription(description)
    painter = QPainter(generator)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        scene.render(painter, QRectF(0, 0, source.width(), source.height()), source)
    finally:
        painter.end()


def render_image(scene: QGraphicsScene, scale: float = 2.0) -> QImage:
    source = scene.sceneRect()
    image = QImage(max(1, int(source.width() * scale + 0.5)), max(1, int(source.height() * scale + 0.5)),
                   QImage.Format.Format_ARGB32)
    image.fill(scene.backgroundBrush().color() if scene.backgroundBrush().style() != Qt.BrushStyle.NoBrush
               else QColor("white"))
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        scene.render(painter, QRectF(0, 0, image.width(), image.height()), source)
    finally:
        painter.end()
    return image


def export_png(scene: QGraphicsScene, path: str | Path, scale: float = 2.0) -> float:
    """Save the scene as a PNG; the scale used (lower than asked when the image would pass MAX_PNG_PIXELS)."""
    used = fitting_scale(scene, scale)
    if not render_image(scene, used).save(str(path), "PNG"):
        raise OSError(f"could not write {path}")
    return used
