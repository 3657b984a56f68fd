"""Moving a cluster's title along its top band to where no edge crosses it.

Graphviz centres a cluster's title and routes edges into the cluster straight through it. After layout we
look where edges cross the title's band and slide the title (within the cluster) to the free stretch nearest
the centre. When no stretch is wide enough the title stays centred; the drawing puts it on a background above
the edges so it stays readable.
"""
from __future__ import annotations

from xviz.diagram.flow_crossings import polyline
from xviz.diagram.layout_model import ClusterBox, FlowLayout, Point, Rect
from xviz.diagram.spatial import GridIndex, box_of

Piece = tuple[Point, Point]

CLEARANCE = 6.0   # free room kept between a title and an edge crossing its band
INSET = 4.0       # a title keeps this far from its cluster's sides
SAMPLES = 12      # points per Bézier segment when looking for crossings


def _pieces(paths: list[list[Point]]) -> list[Piece]:
    """Every edge as straight pieces between sampled points."""
    found: list[Piece] = []
    for path in paths:
        points = polyline(path, SAMPLES)
        found += zip(points, points[1:])
    return found


def _piece_crossings(band: Rect, pieces: list[Piece]) -> list[float]:
    """x of every piece's stretch inside the band (where it enters and leaves it)."""
    xs: list[float] = []
    for (xa, ya), (xb, yb) in pieces:
        low, high = max(min(ya, yb), band.y), min(max(ya, yb), band.bottom)
        if low > high or max(xa, xb) < band.x or min(xa, xb) > band.right:
            continue
        if ya == yb:
            xs += [xa, xb]
            continue
        for y in (low, high):   # where the piece enters and leaves the band
            xs.append(xa + (xb - xa) * (y - ya) / (yb - ya))
    return xs


def _crossings(band: Rect, paths: list[list[Point]]) -> list[float]:
    """x of every sampled edge point (and of the straight pieces between them) inside the band."""
    return _piece_crossings(band, _pieces(paths))


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
    pieces = _pieces([edge.path for edge in layout.edges.values()
                      if edge.line_style.value != "invisible" and edge.path])
    index: GridIndex[int] = GridIndex()   # each cluster looks only at the pieces near its title's band
    for i, (a, b) in enumerate(pieces):
        index.add(i, (min(a[0], b[0]), min(a[1], b[1]), max(a[0], b[0]), max(a[1], b[1])))
    for cluster in layout.clusters.values():
        if not cluster.title:
            continue
        title = cluster.title_rect
        band = Rect(cluster.rect.x, title.y, cluster.rect.width, title.height)
        crossings = _piece_crossings(band, [pieces[i] for i in sorted(index.near(box_of(band)))])
        if not any(title.x - CLEARANCE < x < title.right + CLEARANCE for x in crossings):
            continue
        left = _free_left(cluster, crossings)
        if left is not None:
            cluster.title_rect = Rect(round(left, 2), title.y, title.width, title.height)


__all__ = ["clear_titles"]
