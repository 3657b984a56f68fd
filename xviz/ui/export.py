"""Export a diagram scene to SVG (text stays text) or PNG (twice the scene's size, for projectors)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QApplication, QGraphicsScene

MARGIN = 16.0


def export_scene(scene: QGraphicsScene, path: str | Path, background: QColor | None = None) -> Path:
    """Write `scene` to `path` (.svg or .png); raises ValueError for another suffix, OSError on write."""
    path = Path(path)
    source = scene.itemsBoundingRect().adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN)
    if source.isEmpty():
        source = QRectF(0, 0, 100, 100)
    suffix = path.suffix.lower()
    if suffix == ".svg":
        generator = QSvgGenerator()
        generator.setFileName(str(path))
        generator.setSize(QSize(int(source.width()), int(source.height())))
        generator.setViewBox(QRectF(0, 0, source.width(), source.height()))
        screen = QApplication.primaryScreen()
        generator.setResolution(int(screen.logicalDotsPerInch()) if screen else 96)
        generator.setTitle(path.stem)
        painter = QPainter(generator)
        if background is not None:
            painter.fillRect(QRectF(0, 0, source.width(), source.height()), background)
        scene.render(painter, QRectF(0, 0, source.width(), source.height()), source)
        painter.end()
    elif suffix == ".png":
        scale = 2
        image = QImage(int(source.width() * scale), int(source.height() * scale), QImage.Format.Format_ARGB32)
        image.fill(background if background is not None else QColor(Qt.GlobalColor.white))
        painter = QPainter(image)
        painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        scene.render(painter, QRectF(image.rect()), source)
        painter.end()
        if not image.save(str(path)):
            raise OSError(f"could not write {path}")
    else:
        raise ValueError(f"unsupported export format {suffix!r}: use .svg or .png")
    return path
