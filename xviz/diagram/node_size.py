"""The box each node shape needs around its measured label, so the text never touches the outline."""
from __future__ import annotations

import math

from xviz.diagram.model import Shape

PAD_X = 16.0
PAD_Y = 10.0


def node_size(shape: Shape, text_width: float, text_height: float) -> tuple[float, float]:
    w, h = text_width, text_height
    box_h = h + 2 * PAD_Y
    if shape is Shape.DIAMOND:
        # A rhombus holds a w×h rectangle when w/W + h/H <= 1; W = 1.5w, H = 3h meets it with room.
        return round(max(1.5 * w + 2 * PAD_X, 60.0), 2), round(max(3 * h + PAD_Y, 50.0), 2)
    if shape in (Shape.CIRCLE, Shape.DOUBLE_CIRCLE):
        extra = 10.0 if shape is Shape.DOUBLE_CIRCLE else 0.0
        d = math.hypot(w, h) + 2 * PAD_Y + extra
        return round(d, 2), round(d, 2)
    if shape is Shape.HEXAGON:
        return round(w + box_h + 2 * PAD_X, 2), round(box_h, 2)
    if shape is Shape.STADIUM:
        return round(w + box_h + PAD_X, 2), round(box_h, 2)
    if shape is Shape.CYLINDER:
        width = w + 2 * PAD_X
        cap = min(width * 0.12, 14.0)
        return round(width, 2), round(box_h + 2 * cap, 2)
    if shape in (Shape.PARALLELOGRAM, Shape.PARALLELOGRAM_ALT, Shape.TRAPEZOID, Shape.TRAPEZOID_ALT):
        return round(w + 2 * PAD_X + 2 * slant(box_h), 2), round(box_h, 2)
    if shape is Shape.ASYMMETRIC:
        return round(w + 2 * PAD_X + box_h / 2, 2), round(box_h, 2)
    if shape is Shape.SUBROUTINE:
        return round(w + 2 * PAD_X + 16, 2), round(box_h, 2)
    return round(w + 2 * PAD_X, 2), round(box_h, 2)


def slant(height: float) -> float:
    """Horizontal offset of the slanted sides of parallelograms and trapezoids (drawing uses it too)."""
    return height * 0.45
