"""Outlines of the flowchart node shapes and the arrowheads, as QPainterPaths."""
from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QPainterPath, QPolygonF

from xviz.diagram.model import Shape
from xviz.diagram.node_size import slant


def _polygon(points: list[tuple[float, float]]) -> QPainterPath:
    path = QPainterPath()
    path.addPolygon(QPolygonF([QPointF(x, y) for x, y in points]))
    path.closeSubpath()
    return path


def node_path(shape: Shape, r: QRectF) -> QPainterPath:
    x, y, w, h = r.x(), r.y(), r.width(), r.height()
    right, bottom, cx, cy = x + w, y + h, x + w / 2, y + h / 2
    path = QPainterPath()
    if shape is Shape.ROUND:
        path.addRoundedRect(r, 8, 8)
    elif shape is Shape.STADIUM:
        path.addRoundedRect(r, h / 2, h / 2)
    elif shape in (Shape.CIRCLE, Shape.DOUBLE_CIRCLE):
        path.addEllipse(r)
        if shape is Shape.DOUBLE_CIRCLE:
            path.addEllipse(r.adjusted(5, 5, -5, -5))
    elif shape is Shape.DIAMOND:
        path = _polygon([(cx, y), (right, cy), (cx, bottom), (x, cy)])
    elif shape is Shape.HEXAGON:
        d = h / 2
        path = _polygon([(x + d, y), (right - d, y), (right, cy), (right - d, bottom), (x + d, bottom), (x, cy)])
    elif shape is Shape.PARALLELOGRAM:
        s = slant(h)
        path = _polygon([(x + s, y), (right, y), (right - s, bottom), (x, bottom)])
    elif shape is Shape.PARALLELOGRAM_ALT:
        s = slant(h)
        path = _polygon([(x, y), (right - s, y), (right, bottom), (x + s, bottom)])
    elif shape is Shape.TRAPEZOID:
        s = slant(h)
        path = _polygon([(x + s, y), (right - s, y), (right, bottom), (x, bottom)])
    elif shape is Shape.TRAPEZOID_ALT:
        s = slant(h)
        path = _polygon([(x, y), (right, y), (right - s, bottom), (x + s, bottom)])
    elif shape is Shape.ASYMMETRIC:
        path = _polygon([(x, y), (right, y), (right, bottom), (x, bottom), (x + h / 2, cy)])
    elif shape is Shape.CYLINDER:
        cap = min(w * 0.12, 14.0)
        path.moveTo(x, y + cap / 2)
        path.arcTo(QRectF(x, y, w, cap), 180, -180)
        path.lineTo(right, bottom - cap / 2)
        path.arcTo(QRectF(x, bottom - cap, w, cap), 0, -180)
        path.closeSubpath()
        path.moveTo(x, y + cap / 2)
        path.arcTo(QRectF(x, y, w, cap), 180, 180)
    elif shape is Shape.SUBROUTINE:
        path.addRect(r)
        path.moveTo(x + 8, y)
        path.lineTo(x + 8, bottom)
        path.moveTo(right - 8, y)
        path.lineTo(right - 8, bottom)
    else:
        path.addRect(r)
    return path


def text_rect(shape: Shape, r: QRectF) -> QRectF:
    """Where the label goes inside a shape (the cylinder's text sits below its top cap)."""
    if shape is Shape.CYLINDER:
        cap = min(r.width() * 0.12, 14.0)
        return r.adjusted(0, cap, 0, 0)
    return r


def arrowhead(tip: QPointF, toward_from: QPointF, kind: str, size: float = 9.0) -> QPainterPath:
    """An arrowhead at `tip`, pointing away from `toward_from`: filled triangle, open V, circle or cross."""
    angle = math.atan2(tip.y() - toward_from.y(), tip.x() - toward_from.x())
    path = QPainterPath()

    def at(back: float, side: float) -> QPointF:
        return QPointF(tip.x() - back * math.cos(angle) - side * math.sin(angle),
                       tip.y() - back * math.sin(angle) + side * math.cos(angle))

    if kind in ("arrow", "filled"):
        path.addPolygon(QPolygonF([tip, at(size, size * 0.5), at(size, -size * 0.5), tip]))
    elif kind == "open":
        path.moveTo(at(size, size * 0.5))
        path.lineTo(tip)
        path.lineTo(at(size, -size * 0.5))
    elif kind == "circle":
        centre = at(size * 0.45, 0)
        path.addEllipse(centre, size * 0.45, size * 0.45)
    elif kind == "cross":
        centre = at(size * 0.5, 0)
        d = size * 0.4
        for sx, sy in ((1, 1), (1, -1)):
            path.moveTo(centre.x() - d * sx, centre.y() - d * sy)
            path.lineTo(centre.x() + d * sx, centre.y() + d * sy)
    return path
