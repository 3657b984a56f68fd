"""Geometry checks on a laid-out flowchart, shared by the layout-flaw tests: edge ends on node borders, no
edge through a node or a title, labels inside the frames that hold them. Each returns the offending ids, so
a failing assertion names them."""
from __future__ import annotations

from xviz.diagram.flow_crossings import clusters_around, polyline
from xviz.diagram.layout_model import FlowLayout, NodeBox, Point, Rect
from xviz.diagram.model import LineStyle, Shape

ROUND_SHAPES = (Shape.CIRCLE, Shape.DOUBLE_CIRCLE)


def border_distance(node: NodeBox, point: Point) -> float:
    """How far a point is from the outline of the node's shape (0 on it)."""
    r = node.rect
    cx, cy = r.center
    dx, dy = point[0] - cx, point[1] - cy
    if node.shape is Shape.DIAMOND:
        # |dx|/hw + |dy|/hh = 1 on the outline; scale back to points along the nearer axis.
        value = abs(dx) / (r.width / 2) + abs(dy) / (r.height / 2)
        return abs(value - 1) * min(r.width, r.height) / 2
    if node.shape in ROUND_SHAPES:
        return abs((dx * dx + dy * dy) ** 0.5 - min(r.width, r.height) / 2)
    inside_x, inside_y = abs(dx) <= r.width / 2, abs(dy) <= r.height / 2
    if inside_x and inside_y:
        return min(r.width / 2 - abs(dx), r.height / 2 - abs(dy))
    ox, oy = max(abs(dx) - r.width / 2, 0), max(abs(dy) - r.height / 2, 0)
    return (ox * ox + oy * oy) ** 0.5


def strictly_inside(node: NodeBox, point: Point, margin: float = 2.0) -> bool:
    r = node.rect
    cx, cy = r.center
    dx, dy = abs(point[0] - cx), abs(point[1] - cy)
    hw, hh = r.width / 2 - margin, r.height / 2 - margin
    if hw <= 0 or hh <= 0:
        return False
    if node.shape is Shape.DIAMOND:
        return dx / hw + dy / hh < 1
    if node.shape in ROUND_SHAPES:
        return (dx * dx + dy * dy) ** 0.5 < min(hw, hh)
    return dx < hw and dy < hh


def _visible(layout: FlowLayout):
    return [e for e in layout.edges.values() if e.line_style is not LineStyle.INVISIBLE and e.path]


def ends_off_border(layout: FlowLayout, tolerance: float = 3.0) -> list[str]:
    """Edges whose first or last point is not on the outline of the node at that end."""
    found = []
    for edge in _visible(layout):
        for end, point in ((edge.source, edge.path[0]), (edge.target, edge.path[-1])):
            node = layout.nodes.get(end)
            if node is not None and border_distance(node, point) > tolerance:
                found.append(f"{edge.id}@{end}")
    return found


def edges_through_nodes(layout: FlowLayout) -> list[str]:
    """Edges that run through a node other than their ends (or through their own end node's inside)."""
    found = []
    for edge in _visible(layout):
        points = polyline(edge.path, 12)[1:-1]
        for node in layout.nodes.values():
            if any(strictly_inside(node, p) for p in points):
                found.append(f"{edge.id}~{node.id}")
    return found


def edges_through_titles(layout: FlowLayout, margin: float = 2.0) -> list[str]:
    """Edges that run under a cluster's title (where the title's background would hide them)."""
    found = []
    for edge in _visible(layout):
        points = polyline(edge.path, 12)
        for cluster in layout.clusters.values():
            if not cluster.title:
                continue
            t = cluster.title_rect
            if any(t.x + margin < x < t.right - margin and t.y + margin < y < t.bottom - margin for x, y in points):
                found.append(f"{edge.id}~{cluster.id}")
    return found


def inside(outer: Rect, inner: Rect, slack: float = 0.5) -> bool:
    return outer.contains(inner, slack)


def labels_out_of_frame(chart, layout: FlowLayout) -> list[str]:
    """Edge labels not inside every cluster holding both ends of their edge (the frame they belong to)."""
    found = []
    for edge in chart.edges:
        route = layout.edges[edge.id]
        if route.label_rect is None:
            continue
        shared = (clusters_around(chart, edge.source) & clusters_around(chart, edge.target)) - {edge.source, edge.target}
        if not all(inside(layout.clusters[sg].rect, route.label_rect) for sg in shared):
            found.append(edge.id)
    return found
