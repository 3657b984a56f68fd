"""A uniform grid over the drawing, so the post-layout passes ask "what is near here?" instead of looking
at every box or every edge each time (which made them grow with the square of the organization).

Items are bounding boxes (x0, y0, x1, y1) filed under every cell they cover; a query returns the keys filed
in the cells it covers, each once. Callers still test the exact geometry: the grid only narrows the search.
"""
from __future__ import annotations

from collections import defaultdict
from typing import Generic, Hashable, Iterable, TypeVar

from xviz.diagram.layout_model import Rect

Key = TypeVar("Key", bound=Hashable)
Box = tuple[float, float, float, float]

CELL = 96.0   # points: about a node's width, so a typical query touches a handful of cells


def box_of(rect: Rect) -> Box:
    return (rect.x, rect.y, rect.right, rect.bottom)


def points_box(points: Iterable[tuple[float, float]]) -> Box:
    xs, ys = zip(*points)
    return (min(xs), min(ys), max(xs), max(ys))


class GridIndex(Generic[Key]):
    def __init__(self, cell: float = CELL) -> None:
        self.cell = cell
        self.cells: dict[tuple[int, int], list[Key]] = defaultdict(list)

    def _span(self, box: Box) -> tuple[range, range]:
        c = self.cell
        return (range(int(box[0] // c), int(box[2] // c) + 1), range(int(box[1] // c), int(box[3] // c) + 1))

    def add(self, key: Key, box: Box) -> None:
        columns, rows = self._span(box)
        for i in columns:
            for j in rows:
                self.cells[(i, j)].append(key)

    def near(self, box: Box) -> list[Key]:
        """Keys whose boxes may meet `box` (each once, in the order first found)."""
        columns, rows = self._span(box)
        found: dict[Key, None] = {}
        cells = self.cells
        for i in columns:
            for j in rows:
                bucket = cells.get((i, j))
                if bucket:
                    found.update(dict.fromkeys(bucket))
        return list(found)

    def at(self, x: float, y: float) -> list[Key]:
        """Keys filed in the cell holding one point."""
        return self.cells.get((int(x // self.cell), int(y // self.cell)), [])


__all__ = ["Box", "CELL", "GridIndex", "box_of", "points_box"]
