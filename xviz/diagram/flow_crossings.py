"""Counting where the drawn edges of a flowchart layout cross each other (a measure of how tangled it is).

Each edge is sampled along its Bézier chain and treated as a polyline; two edges count once when any of their
pieces cross. Edges that share an end are skipped: they meet at that end by design.
"""
from __future__ import annotations

from xviz.diagram.layout_model import FlowLayout, Point
from xviz.diagram.model import Flowchart, LineStyle

SAMPLES = 8   # points per Bézier segment


def polyline(path: list[Point], samples: int = SAMPLES) -> list[Point]:
    """A cubic Bézier path (start, then three points per segment) as a polyline."""
    found = [path[0]]
    for i in range(1, len(path) - 2, 3):
        (x0, y0), (x1, y1), (x2, y2), (x3, y3) = path[i - 1], path[i], path[i + 1], path[i + 2]
        for step in range(1, samples + 1):
            t = step / samples
            a, b, c, d = (1 - t) ** 3, 3 * t * (1 - t) ** 2, 3 * t * t * (1 - t), t ** 3
            found.append((a * x0 + b * x1 + c * x2 + d * x3, a * y0 + b * y1 + c * y2 + d * y3))
    return found


def _turn(p: Point, q: Point, r: Point) -> float:
    return (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])


def _pieces_cross(a: Point, b: Point, c: Point, d: Point) -> bool:
    return _turn(a, b, c) * _turn(a, b, d) < 0 and _turn(c, d, a) * _turn(c, d, b) < 0


def _box(points: list[Point]) -> tuple[float, float, float, float]:
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return min(xs), min(ys), max(xs), max(ys)


def _pieces(points: list[Point]) -> list[tuple[Point, Point, tuple[float, float, float, float]]]:
    return [(a, b, (min(a[0], b[0]), min(a[1], b[1]), max(a[0], b[0]), max(a[1], b[1])))
            for a, b in zip(points, points[1:])]


def _meet(one: tuple[float, float, float, float], other: tuple[float, float, float, float]) -> bool:
    return not (one[2] < other[0] or other[2] < one[0] or one[3] < other[1] or other[3] < one[1])


def _paths_cross(one: list, other: list, other_box: tuple[float, float, float, float]) -> bool:
    for a, b, box in one:
        if not _meet(box, other_box):
            continue
        for c, d, piece_box in other:
            if _meet(box, piece_box) and _pieces_cross(a, b, c, d):
                return True
    return False


def count_crossings(layout: FlowLayout) -> int:
    """How many pairs of visible edges (not sharing an end) cross at least once."""
    edges = [(route, _pieces(polyline(route.path))) for route in layout.edges.values()
             if route.line_style is not LineStyle.INVISIBLE and route.path]
    boxes = [_box([p for piece in pieces for p in piece[:2]]) for _, pieces in edges]
    total = 0
    for i, (first, one) in enumerate(edges):
        for j in range(i + 1, len(edges)):
            second, other = edges[j]
            if {first.source, first.target} & {second.source, second.target}:
                continue
            if _meet(boxes[i], boxes[j]) and _paths_cross(one, other, boxes[j]):
                total += 1
    return total


def clusters_around(chart: Flowchart, item: str) -> set[str]:
    """The clusters an edge ending at `item` has to pass through: those holding it, and itself if a cluster."""
    found = {item} if item in chart.subgraphs else set()
    container = chart.nodes[item].parent if item in chart.nodes else chart.subgraphs[item].parent
    while container is not None:
        found.add(container)
        container = chart.subgraphs[container].parent
    return found


def count_intrusions(chart: Flowchart, layout: FlowLayout) -> int:
    """How many visible edges run through a node that is not one of their ends, or through a cluster that holds
    neither end (Graphviz rarely does either; a cheap redraw can). Boxes are looked up in a grid by point."""
    from xviz.diagram.spatial import GridIndex, box_of   # spatial imports layout_model only

    boxes: GridIndex[tuple[str, str]] = GridIndex()
    for node, box in layout.nodes.items():
        boxes.add(("node", node), box_of(box.rect))
    for sg_id, box in layout.clusters.items():
        boxes.add(("cluster", sg_id), box_of(box.rect))
    total = 0
    for edge in chart.edges:
        route = layout.edges[edge.id]
        if route.line_style is LineStyle.INVISIBLE or not route.path:
            continue
        allowed = clusters_around(chart, edge.source) | clusters_around(chart, edge.target)

        def blocks(kind: str, key: str) -> bool:
            if kind == "node":
                if key in (edge.source, edge.target):
                    return False
                rect = layout.nodes[key].rect
            else:
                if key in allowed:
                    return False
                rect = layout.clusters[key].rect
            # its label may sit in a cluster the ends share: such a box does not count
            return route.label_rect is None or not rect.contains(route.label_rect)

        for x, y in polyline(route.path)[1:-1]:
            if any(rect.x + 1 < x < rect.right - 1 and rect.y + 1 < y < rect.bottom - 1
                   for rect in (layout.nodes[k].rect if kind == "node" else layout.clusters[k].rect
                                for kind, k in boxes.at(x, y) if blocks(kind, k))):
                total += 1
                break
    return total


__all__ = ["clusters_around", "count_crossings", "count_intrusions", "polyline"]
