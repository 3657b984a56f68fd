"""Saving a DiagramScene: SVG with the labels as text, PNG at a scale.

Both are drawn into memory first and written with `save_atomically`: a failed or refused export
leaves no file (not even an empty one), and an existing file is replaced whole or not at all. A PNG
larger than the caps in xviz.files.limits is refused before any pixel memory is taken."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QGraphicsScene

from xviz.files import save_atomically
from xviz.files.limits import MAX_EXPORT_PIXELS, MAX_EXPORT_SIDE

SVG_DPI = 96
# A PNG past this many pixels costs seconds and gigabytes to fill and compress (a 2,000-node chart at scale 2
# is about 400 million); the scale is lowered to fit and the caller tells the user.
MAX_PNG_PIXELS = 60_000_000


class ExportTooLarge(OSError):
    """The picture would be larger than the export caps; nothing was drawn or written."""

    def __init__(self, width: int, height: int):
        super().__init__(f"the picture would be {width:,} x {height:,} pixels; the limit is "
                         f"{MAX_EXPORT_PIXELS // 1_000_000} megapixels and {MAX_EXPORT_SIDE:,} pixels a side "
                         "(use a smaller scale, or SVG)")
        self.width, self.height = width, height


def fitting_scale(scene: QGraphicsScene, scale: float) -> float:
    """`scale`, or the largest scale at which the scene's PNG stays within MAX_PNG_PIXELS."""
    source = scene.sceneRect()
    area = max(source.width() * source.height(), 1.0)
    return min(scale, (MAX_PNG_PIXELS / area) ** 0.5)


def export_svg(scene: QGraphicsScene, path: str | Path, title: str = "xviz diagram", description: str = "") -> None:
    """Save the scene as SVG; `title` and `description` become its <title> and <desc> (what a screen reader
    announces: a chart's accTitle and accDescr)."""
    source = scene.sceneRect()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
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
    buffer.close()
    save_atomically(path, bytes(data.data()))


def png_size(scene: QGraphicsScene, scale: float = 2.0) -> tuple[int, int]:
    source = scene.sceneRect()
    return max(1, int(source.width() * scale + 0.5)), max(1, int(source.height() * scale + 0.5))


def render_image(scene: QGraphicsScene, scale: float = 2.0) -> QImage:
    width, height = png_size(scene, scale)
    if width > MAX_EXPORT_SIDE or height > MAX_EXPORT_SIDE or width * height > MAX_EXPORT_PIXELS:
        raise ExportTooLarge(width, height)
    source = scene.sceneRect()
    image = QImage(width, height, QImage.Format.Format_ARGB32)
    if image.isNull():  # Qt could not get the memory
        raise ExportTooLarge(width, height)
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
    """Save the scene as a PNG, written whole or not at all; returns the scale used (lower than asked
    when the image would pass MAX_PNG_PIXELS). ExportTooLarge past the caps even then (a side too long)."""
    used = fitting_scale(scene, scale)
    image = render_image(scene, used)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise OSError(f"could not encode the PNG for {path}")
    buffer.close()
    save_atomically(path, bytes(data.data()))
    return used
