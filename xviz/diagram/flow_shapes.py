"""Mermaid 11's shape data on a node, `A@{ shape: diam, label: "Decide" }`: the names it gives xviz's shapes.

Shapes xviz has no drawing for are drawn as rectangles with a warning; keys other than `shape` and `label`
(icons, images, sizes, animation) are ignored with a warning. Never a failure: the chart still draws.
"""
from __future__ import annotations

import yaml

from xviz.diagram.errors import DiagramError
from xviz.diagram.model import Shape

SHAPE_NAMES: dict[str, Shape] = {}
for _shape, _names in {
    Shape.RECT: "rect proc process rectangle",
    Shape.ROUND: "rounded event",
    Shape.STADIUM: "stadium terminal pill",
    Shape.SUBROUTINE: "subroutine fr-rect subproc subprocess framed-rectangle",
    Shape.CYLINDER: "cyl cylinder db database",
    Shape.CIRCLE: "circle circ",
    Shape.DOUBLE_CIRCLE: "dbl-circ double-circle",
    Shape.DIAMOND: "diam diamond decision question",
    Shape.HEXAGON: "hex hexagon prepare",
    Shape.PARALLELOGRAM: "lean-r lean-right in-out",
    Shape.PARALLELOGRAM_ALT: "lean-l lean-left out-in",
    Shape.TRAPEZOID: "trap-b trapezoid trapezoid-bottom priority",
    Shape.TRAPEZOID_ALT: "trap-t trapezoid-top inv-trapezoid manual",
    Shape.ASYMMETRIC: "odd",
}.items():
    SHAPE_NAMES.update(dict.fromkeys(_names.split(), _shape))


def closing_brace(text: str, start: int) -> int:
    """Index of the `}` closing the `{` at `start`, skipping quoted text; -1 when there is none."""
    depth, quote = 0, None
    for index in range(start, len(text)):
        char = text[index]
        if quote:
            quote = None if char == quote else quote
        elif char in "\"'":
            quote = char
        elif char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                return index
    return -1


def read_shape_data(body: str, line: int, column: int) -> dict:
    """The mapping between `@{` and `}` (YAML flow style, as mermaid reads it)."""
    try:
        data = yaml.safe_load("{" + body + "}")
    except yaml.YAMLError as error:
        raise DiagramError(f"cannot read the shape data: {getattr(error, 'problem', None) or error}", line, column,
                           "key: value pairs such as shape: diam, label: \"text\"") from None
    if not isinstance(data, dict):
        raise DiagramError("shape data must be key: value pairs", line, column, "shape: diam, label: \"text\"")
    return data


__all__ = ["SHAPE_NAMES", "closing_brace", "read_shape_data"]
