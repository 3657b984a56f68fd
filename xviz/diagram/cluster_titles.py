"""Moving a cluster's title along its top band to where no edge crosses it.

Graphviz centres a cluster's title and routes edges into the cluster straight through it. After layout we
look where edges cross the title's band and slide the title (within the cluster) to the free stretch nearest
the centre. When no stretch is wide enough the title stays centred, and an edge still under it is redrawn as a
fresh curve leaving its box along the ranks where that runs clear (the drawing puts titles on a background
above the edges, so an edge left under one would vanish there). The DOT writer already puts the title on the
border edges do not cross (flow_layout.DotWriter._titles_below).
"""
from __future__ import annotations

from xviz.diagram.flow_crossings import polyline
from xviz.diagram.layout_model import ClusterBox, FlowLayout, Point, Rect
from xviz.diagram.spatial import GridIndex, box_of

Piece = tuple[Point, Point]

CLEARANCE = 6.0   # free room kept between a title and an edge crossing its band
INSET = 4.0       # a title keeps this far from its cluster's sides
SAMPLES = 12      # points per Bézier segment when looking for crossings


def _samples(path: list[Point]) -> list[Point]:
    return polyline(path, SAMPLES)


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


def clear_titles(layout: FlowLayout, horizontal: bool = False) -> None:
    """Slide each crossed title to a free stretch of its band, then redraw edges still under a title (in place).
    `horizontal`: the chart's ranks run left to right."""
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
    dodge_titles(layout, horizontal)



def _under(points: list[Point], rects: GridIndex[Rect], margin: float = 2.0, skip: tuple[Rect, ...] = ()) -> bool:
    """Does any point fall inside one of the indexed rectangles (other than `skip`)?"""
    for x, y in points:
        for rect in rects.at(x, y):
            if rect not in skip and rect.x + margin < x < rect.right - margin and rect.y + margin < y < rect.bottom - margin:
                return True
    return False


def dodge_titles(layout: FlowLayout, horizontal: bool) -> int:
    """Edges still running under a title once the titles have slid (a title sits where an edge leaves its node
    sideways, say) are redrawn as fresh curves from box to box, leaving along the ranks, or else meeting an end
    from its side; a redraw is kept only when it clears every title and enters no other node or label. The
    number redrawn."""
    from xviz.diagram.flow_restack import Axes, through   # flow_restack needs nothing from here

    titles: GridIndex[Rect] = GridIndex()
    for cluster in layout.clusters.values():
        if cluster.title:
            titles.add(cluster.title_rect, box_of(cluster.title_rect))
    blocks: GridIndex[Rect] = GridIndex()
    for box in layout.nodes.values():
        blocks.add(box.rect, box_of(box.rect))
    for route in layout.edges.values():
        if route.label_rect is not None:
            blocks.add(route.label_rect, box_of(route.label_rect))
    axes, redrawn = Axes(horizontal), 0

    def rect_of(item: str) -> Rect | None:
        found = layout.nodes.get(item) or layout.clusters.get(item)
        return found.rect if found is not None else None

    for route in layout.edges.values():
        if route.line_style.value == "invisible" or not route.path or not _under(_samples(route.path), titles):
            continue
        ends = (rect_of(route.source), rect_of(route.target))
        if ends[0] is None or ends[1] is None:
            continue
        boxes = [ends[0], route.label_rect, ends[1]] if route.label_rect is not None else list(ends)
        own = (*ends, route.label_rect) if route.label_rect is not None else ends
        # Straight from box to box first; else meeting an end from the side, away from a title above it.
        for exit_across, enter_across in ((False, False), (False, True), (True, False), (True, True)):
            fresh = through(axes, boxes, exit_across, enter_across)
            points = _samples(fresh)[1:-1]
            if not _under(points, titles) and not _under(points, blocks, skip=own):
                route.path = fresh
                redrawn += 1
                break
    return redrawn


__all__ = ["clear_titles", "dodge_titles"]
