"""Small icons drawn in code, in the palette's text colour, so they follow the theme and the type size."""
from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap, QPolygonF

NAV_KINDS = ("first", "back", "play", "pause", "forward", "last", "up", "down")


def nav_icon(kind: str, color: QColor, size: int) -> QIcon:
    """Media-style step controls: |◀  ◀  ▶  ❚❚  ▶  ▶| as vector shapes (no font glyphs needed)."""
    if kind not in NAV_KINDS:
        raise ValueError(kind)
    scale = 2  # drawn at twice the size for sharp edges on high-DPI screens
    pixmap = QPixmap(size * scale, size * scale)
    pixmap.setDevicePixelRatio(scale)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(color)
    s = float(size)
    top, bottom, mid = s * 0.2, s * 0.8, s * 0.5

    def triangle(left: float, right: float) -> None:  # points right when left < right
        painter.drawPolygon(QPolygonF([QPointF(left, top), QPointF(right, mid), QPointF(left, bottom)]))

    bar = s * 0.12
    if kind == "play":
        triangle(s * 0.3, s * 0.78)
    elif kind == "pause":
        painter.drawRect(QRectF(s * 0.28, top, bar * 1.4, bottom - top))
        painter.drawRect(QRectF(s * 0.56, top, bar * 1.4, bottom - top))
    elif kind == "forward":
        triangle(s * 0.32, s * 0.72)
    elif kind == "back":
        triangle(s * 0.68, s * 0.28)
    elif kind == "last":
        triangle(s * 0.24, s * 0.64)
        painter.drawRect(QRectF(s * 0.66, top, bar, bottom - top))
    elif kind in ("up", "down"):  # a stage inside the step: smaller, pointing along the stage list
        apex, base = (s * 0.3, s * 0.7) if kind == "up" else (s * 0.7, s * 0.3)
        painter.drawPolygon(QPolygonF([QPointF(s * 0.25, base), QPointF(s * 0.75, base), QPointF(mid, apex)]))
    elif kind == "first":
        painter.drawRect(QRectF(s * 0.22, top, bar, bottom - top))
        triangle(s * 0.76, s * 0.36)
    painter.end()
    icon = QIcon(pixmap)
    disabled = QColor(color)
    disabled.setAlpha(70)
    if kind != "pause":  # a faded copy for disabled buttons, so it reads as "not now"
        faded = QPixmap(pixmap)
        p = QPainter(faded)
        p.setCompositionMode(QPainter.CompositionMode.CompositionMode_DestinationIn)
        p.fillRect(faded.rect(), disabled)
        p.end()
        icon.addPixmap(faded, QIcon.Mode.Disabled)
    return icon
