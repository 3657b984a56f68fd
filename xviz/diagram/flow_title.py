"""A flowchart's title (its `title` statement or front matter `title:`), placed above the laid-out chart."""
from __future__ import annotations

from dataclasses import replace

from xviz.diagram.layout_model import FlowLayout, Point, Rect
from xviz.diagram.measure import Measurer

MARGIN = 8.0
GAP = 12.0   # between the title and the chart


def _down(rect: Rect, by: float) -> Rect:
    return replace(rect, y=round(rect.y + by, 2))


def place_title(layout: FlowLayout, title: str | None, measure: Measurer) -> None:
    """Move the chart down to make room for its title at the top left (in place); nothing without a title."""
    if not title:
        return
    width, height = measure(title, "cluster")
    by = height + GAP

    def point(p: Point) -> Point:
        return (p[0], round(p[1] + by, 2))

    for node in layout.nodes.values():
        node.rect = _down(node.rect, by)
    for cluster in layout.clusters.values():
        cluster.rect, cluster.title_rect = _down(cluster.rect, by), _down(cluster.title_rect, by)
    for route in layout.edges.values():
        route.path = [point(p) for p in route.path]
        if route.label_rect is not None:
            route.label_rect = _down(route.label_rect, by)
    layout.title, layout.title_rect = title, Rect(MARGIN, MARGIN, width, height)
    layout.height = round(layout.height + by, 2)
    layout.width = max(layout.width, round(width + 2 * MARGIN, 2))


__all__ = ["place_title"]
