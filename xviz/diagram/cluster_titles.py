"""Moving a cluster's title along its top band to where no edge crosses it.

Graphviz centres a cluster's title and routes edges into the cluster straight through it. After layout we
look where edges cross the title's band and slide the title (within the cluster) to the free stretch nearest
the centre. When no stretch is wide enough the title stays centred; the drawing puts it on a background above
the edges so it stays readable.
"""
from __future__ import annotations

from xviz.diagram.flow_crossings import polyline
from xviz.diagram.layout_model import ClusterBox, FlowLayout, Point, Rect

CLEARANCE = 6.0   # free room kept between a title and an edge crossing its band
INSET = 4.0       # a title keeps this far from its cluster's sides
SAMPLES = 12      # points per Bézier segment when looking for crossings


def _samples(path: list[Point]) -> list[Point]:
    return polyline(path, SAMPLES)


def _crossings(band: Rect, paths: list[list[Point]]) -> list[float]:
    """x of every sampled edge point (and of the straight pieces between them) inside the band."""
    xs: list[float] = []
    for path in paths:
        points = _samples(path)
        for (xa, ya), (xb, yb) in zip(points, points[1:]):
            low, high = max(min(ya, yb), band.y), min(max(ya, yb), band.bottom)
            if low > high or max(xa, xb) < band.x or min(xa, xb) > band.right:
                continue
            if ya == yb:
                xs += [xa, xb]
                continue
            for y in (low, high):   # where the piece enters and leaves the band
                xs.append(xa + (xb - xa) * (y - ya) / (yb - ya))
    return xs


def _free_left(cluster: ClusterBox, crossings: list[float]) -> float | None:
    """The left edge of the title's new place, nearest the centre, or None when there is no room."""
    width = cluster.title_rect.width
    lowest, highest = cluster.rect.x + INSET, cluster.rect.right - INSET - width
    if highest < lowest:
        return None
    blocked = sorted((x - CLEARANCE - width, x + CLEARANCE) for x in crossings)   # lefts that would collide
    centred = cluster.title_rect.x
    candidates = [min(max(centred, lowest), highest), lowest, highest]
    candidates += [edge for start, end in blocked for edge in (start, end) if lowest <= edge <= highest]
    free = [c for c in candidates if not any(start < c < end for start, end in blocked)]
    return min(free, key=lambda c: (abs(c - centred), c)) if free else None


def clear_titles(layout: FlowLayout) -> None:
    """Slide each crossed title to a free stretch of its band (in place)."""
    paths = [edge.path for edge in layout.edges.values() if edge.line_style.value != "invisible"]
    for cluster in layout.clusters.values():
        if not cluster.title:
            continue
        title = cluster.title_rect
        band = Rect(cluster.rect.x, title.y, cluster.rect.width, title.height)
        crossings = _crossings(band, paths)
        if not any(title.x - CLEARANCE < x < title.right + CLEARANCE for x in crossings):
            continue
        left = _free_left(cluster, crossings)
        if left is not None:
            cluster.title_rect = Rect(round(left, 2), title.y, title.width, title.height)


__all__ = ["clear_titles"]
