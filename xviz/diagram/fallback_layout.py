"""A small built-in layered layout, used (with a notice) when no Graphviz engine runs.

Longest-path ranks, the author's order inside each rank (subgraph members stay together), straight edges
clipped at the boxes. Plainer than Graphviz, but every label keeps its measured room.
"""
from __future__ import annotations

from xviz.diagram.flow_measure import FlowSizes
from xviz.diagram.layout_model import ClusterBox, EdgeRoute, FlowLayout, NodeBox, Point, Rect
from xviz.diagram.model import Flowchart

NODE_GAP = 36.0
RANK_GAP = 56.0
CLUSTER_PAD = 12.0
MARGIN = 8.0


def _author_order(chart: Flowchart) -> list[str]:
    """Nodes in the author's order, each subgraph's members together."""
    found: list[str] = []

    def walk(members: list[str]) -> None:
        for member in members:
            if member in chart.subgraphs:
                walk(chart.subgraphs[member].members)
            else:
                found.append(member)

    walk(chart.top_level)
    return found


def _anchor(chart: Flowchart, item: str) -> str | None:
    if item in chart.nodes:
        return item
    for member in chart.subgraphs[item].members:
        found = _anchor(chart, member)
        if found:
            return found
    return None


def _ranks(chart: Flowchart, order: list[str]) -> dict[str, int]:
    """Longest-path ranks; edges that close a cycle (found by a DFS in the author's order) are ignored."""
    out: dict[str, list[tuple[str, int]]] = {n: [] for n in order}
    for edge in chart.edges:
        a, b = _anchor(chart, edge.source), _anchor(chart, edge.target)
        if a and b and a != b:
            out[a].append((b, edge.length))
    state: dict[str, int] = {}
    forward: dict[str, list[tuple[str, int]]] = {n: [] for n in order}
    finished: list[str] = []

    def visit(node: str) -> None:
        stack = [(node, iter(out[node]))]
        state[node] = 1
        while stack:
            current, targets = stack[-1]
            for target, length in targets:
                if state.get(target) == 1:
                    continue  # a back edge: ignoring it breaks the cycle
                forward[current].append((target, length))
                if target not in state:
                    state[target] = 1
                    stack.append((target, iter(out[target])))
                    break
            else:
                state[current] = 2
                finished.append(current)
                stack.pop()

    for node in order:
        if node not in state:
            visit(node)
    rank = {n: 0 for n in order}
    for node in reversed(finished):  # reverse post-order is a topological order of the forward edges
        for target, length in forward[node]:
            rank[target] = max(rank[target], rank[node] + length)
    return rank


def _clip(rect: Rect, toward: Point) -> Point:
    """Where the line from the rectangle's centre toward a point leaves the rectangle."""
    cx, cy = rect.center
    dx, dy = toward[0] - cx, toward[1] - cy
    if dx == 0 and dy == 0:
        return (cx, cy)
    scale = min((rect.width / 2) / abs(dx) if dx else float("inf"),
                (rect.height / 2) / abs(dy) if dy else float("inf"))
    return (round(cx + dx * scale, 2), round(cy + dy * scale, 2))


def layout_fallback(chart: Flowchart, sizes: FlowSizes) -> FlowLayout:
    order = _author_order(chart)
    rank = _ranks(chart, order)
    horizontal = chart.direction.horizontal
    title_room = max((h for _, h in sizes.titles.values()), default=0.0) + CLUSTER_PAD if chart.subgraphs else 0.0
    layers: dict[int, list[str]] = {}
    for node in order:
        layers.setdefault(rank[node], []).append(node)

    def along(node: str) -> float:   # extent in the rank direction
        return sizes.nodes[node][0 if horizontal else 1]

    def across(node: str) -> float:
        return sizes.nodes[node][1 if horizontal else 0]

    depth_of_layer, cursor = {}, 0.0
    for index in range(max(layers, default=-1) + 1):
        members = layers.get(index, [])
        thickness = max((along(n) for n in members), default=0.0)
        depth_of_layer[index] = (cursor + title_room, thickness)
        cursor += title_room + thickness + RANK_GAP
    def gap(a: str, b: str) -> float:
        # Neighbours in different subgraphs need room for two cluster borders and a title between them.
        same = chart.nodes[a].parent == chart.nodes[b].parent
        return NODE_GAP if same else NODE_GAP + 2 * CLUSTER_PAD + title_room

    spans = {i: sum(across(n) for n in m) + sum(gap(x, y) for x, y in zip(m, m[1:])) for i, m in layers.items()}
    widest = max(spans.values(), default=0.0)
    centres: dict[str, tuple[float, float]] = {}
    for index, members in layers.items():
        start, thickness = depth_of_layer[index]
        offset = (widest - spans[index]) / 2
        for position, node in enumerate(members):
            centres[node] = (start + thickness / 2, offset + across(node) / 2)
            if position + 1 < len(members):
                offset += across(node) + gap(node, members[position + 1])
    total_along = cursor - RANK_GAP if layers else 0.0

    def place(a: float, b: float) -> Point:
        if chart.direction.reversed:
            a = total_along - a
        return (b, a) if not horizontal else (a, b)

    layout = FlowLayout(width=0, height=0, engine="built-in")
    for node_id in order:
        x, y = place(*centres[node_id])
        w, h = sizes.nodes[node_id]
        node = chart.nodes[node_id]
        layout.nodes[node_id] = NodeBox(node_id, node.label, node.shape,
                                        Rect(x - w / 2, y - h / 2, w, h), node.style)
    _clusters(chart, sizes, layout)
    _shift_to_margin(layout)
    _edges(chart, sizes, layout)
    rights = [r.rect.right for r in [*layout.nodes.values(), *layout.clusters.values()]]
    bottoms = [r.rect.bottom for r in [*layout.nodes.values(), *layout.clusters.values()]]
    layout.width = round(max(rights, default=0.0) + MARGIN, 2)
    layout.height = round(max(bottoms, default=0.0) + MARGIN, 2)
    return layout


def _moved(rect: Rect, dx: float, dy: float) -> Rect:
    return Rect(round(rect.x + dx, 2), round(rect.y + dy, 2), rect.width, rect.height)


def _shift_to_margin(layout: FlowLayout) -> None:
    rects = [n.rect for n in layout.nodes.values()] + [c.rect for c in layout.clusters.values()]
    if not rects:
        return
    dx, dy = MARGIN - min(r.x for r in rects), MARGIN - min(r.y for r in rects)
    for node in layout.nodes.values():
        node.rect = _moved(node.rect, dx, dy)
    for cluster in layout.clusters.values():
        cluster.rect, cluster.title_rect = _moved(cluster.rect, dx, dy), _moved(cluster.title_rect, dx, dy)


def _clusters(chart: Flowchart, sizes: FlowSizes, layout: FlowLayout) -> None:
    boxes: dict[str, Rect] = {}

    def box(sg_id: str, depth: int) -> Rect | None:
        rects = []
        for member in chart.subgraphs[sg_id].members:
            inner = box(member, depth + 1) if member in chart.subgraphs else layout.nodes[member].rect
            if inner is not None:
                rects.append(inner)
        tw, th = sizes.titles[sg_id]
        if not rects:
            return None
        left = min(r.x for r in rects) - CLUSTER_PAD
        top = min(r.y for r in rects) - CLUSTER_PAD - th
        right = max(max(r.right for r in rects) + CLUSTER_PAD, left + tw)
        bottom = max(r.bottom for r in rects) + CLUSTER_PAD
        rect = Rect(round(left, 2), round(top, 2), round(right - left, 2), round(bottom - top, 2))
        boxes[sg_id] = rect
        subgraph = chart.subgraphs[sg_id]
        title = Rect(round(rect.center[0] - tw / 2, 2), rect.y, tw, th)
        layout.clusters[sg_id] = ClusterBox(sg_id, subgraph.title, rect, title, subgraph.style, depth)
        return rect

    for member in chart.top_level:
        if member in chart.subgraphs:
            box(member, 0)
    layout.clusters = dict(sorted(layout.clusters.items(), key=lambda kv: list(chart.subgraphs).index(kv[0])))


def _edges(chart: Flowchart, sizes: FlowSizes, layout: FlowLayout) -> None:
    def rect_of(item: str) -> Rect:
        if item in layout.nodes:
            return layout.nodes[item].rect
        if item in layout.clusters:
            return layout.clusters[item].rect
        return Rect(0, 0, 1, 1)

    for edge in chart.edges:
        a, b = rect_of(edge.source), rect_of(edge.target)
        start, end = _clip(a, b.center), _clip(b, a.center)
        if edge.source == edge.target:  # a self loop: out of the right side and back in
            r = a
            start, end = (r.right, r.center[1] - r.height / 4), (r.right, r.center[1] + r.height / 4)
            path = [start, (r.right + 30, start[1] - 10), (r.right + 30, end[1] + 10), end]
        else:
            third = ((end[0] - start[0]) / 3, (end[1] - start[1]) / 3)
            path = [start, (start[0] + third[0], start[1] + third[1]),
                    (start[0] + 2 * third[0], start[1] + 2 * third[1]), end]
        label_rect = None
        if edge.id in sizes.edge_labels:
            lw, lh = sizes.edge_labels[edge.id]
            mx, my = (path[0][0] + path[-1][0]) / 2, (path[0][1] + path[-1][1]) / 2
            label_rect = Rect(round(mx - lw / 2, 2), round(my - lh / 2, 2), lw, lh)
        layout.edges[edge.id] = EdgeRoute(edge.id, edge.source, edge.target,
                                          [(round(x, 2), round(y, 2)) for x, y in path], edge.line_style,
                                          edge.head, edge.tail, edge.label, label_rect, edge.style)
