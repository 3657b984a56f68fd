"""A small built-in layered layout, used (with a notice) when no Graphviz engine runs.

Laid out from the inside out: each subgraph is arranged on its own (longest-path layers of its direct
members, in the author's order, in its own `direction`) and then placed in its parent as one block. So
clusters nest without overlapping, siblings never overlap, and every node sits inside its cluster, below the
cluster's title. Edges are straight lines clipped at the boxes. Plainer than Graphviz, but every label keeps
its measured room.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from xviz.diagram.cluster_titles import clear_titles
from xviz.diagram.flow_measure import FlowSizes, effective_directions
from xviz.diagram.layout_model import ClusterBox, EdgeRoute, FlowLayout, NodeBox, Point, Rect
from xviz.diagram.model import Flowchart

NODE_GAP = 36.0
RANK_GAP = 56.0
LABEL_ROOM = 16.0      # free space on each side of an edge label lying between two layers
CLUSTER_PAD = 12.0
EMPTY_CLUSTER = (60.0, 24.0)
MARGIN = 8.0


@dataclass
class _Block:
    """A laid-out container's content, positions relative to its own top-left corner."""
    width: float
    height: float
    nodes: dict[str, Point] = field(default_factory=dict)        # top-left of each node
    clusters: dict[str, Rect] = field(default_factory=dict)      # outline of each subgraph inside


def _member_of(chart: Flowchart, item: str, container: str | None) -> str | None:
    """The direct member of `container` that holds `item` (itself, or the subgraph it sits in), if any."""
    while True:
        parent = chart.nodes[item].parent if item in chart.nodes else chart.subgraphs[item].parent
        if parent == container:
            return item
        if parent is None:
            return None
        item = parent


def _ranks(members: list[str], links: list[tuple[str, str, int]]) -> dict[str, int]:
    """Longest-path ranks; links that close a cycle (found by a DFS in the author's order) are ignored."""
    out: dict[str, list[tuple[str, int]]] = {m: [] for m in members}
    for a, b, length in links:
        out[a].append((b, length))
    state: dict[str, int] = {}
    forward: dict[str, list[tuple[str, int]]] = {m: [] for m in members}
    finished: list[str] = []

    def visit(start: str) -> None:
        stack = [(start, iter(out[start]))]
        state[start] = 1
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

    for member in members:
        if member not in state:
            visit(member)
    rank = {m: 0 for m in members}
    for member in reversed(finished):  # reverse post-order is a topological order of the forward links
        for target, length in forward[member]:
            rank[target] = max(rank[target], rank[member] + length)
    return rank


class _Arranger:
    def __init__(self, chart: Flowchart, sizes: FlowSizes) -> None:
        self.chart = chart
        self.sizes = sizes
        self.directions = effective_directions(chart)

    def container(self, container: str | None) -> _Block:
        """Lay out the direct members of a container (None: the whole chart) as layers of blocks."""
        chart = self.chart
        members = chart.subgraphs[container].members if container else chart.top_level
        direction = self.directions[container] if container else chart.direction
        if not members:
            return _Block(*EMPTY_CLUSTER)
        inner = {m: self.cluster(m) for m in members if m in chart.subgraphs}
        size = {m: (inner[m].width, inner[m].height) if m in inner else self.sizes.nodes[m] for m in members}
        links, label_along = [], {}
        for edge in chart.edges:
            a, b = _member_of(chart, edge.source, container), _member_of(chart, edge.target, container)
            if a and b and a != b:
                links.append((a, b, edge.length))
                if edge.id in self.sizes.edge_labels:
                    width, height = self.sizes.edge_labels[edge.id]
                    label_along[(a, b)] = max(label_along.get((a, b), 0.0), width if direction.horizontal else height)
        rank = _ranks(members, links)
        layers: dict[int, list[str]] = {}
        for member in members:
            layers.setdefault(rank[member], []).append(member)
        order = sorted(layers)

        def along(m: str) -> float:
            return size[m][0 if direction.horizontal else 1]

        def across(m: str) -> float:
            return size[m][1 if direction.horizontal else 0]

        # The gap after each layer leaves room for the labels of links that leave it.
        gaps = {}
        for index in order:
            leaving = [w for (a, b), w in label_along.items() if rank[a] == index or rank[b] == index]
            gaps[index] = max([RANK_GAP] + [w + 2 * LABEL_ROOM for w in leaving])
        spans = {i: sum(across(m) for m in layers[i]) + NODE_GAP * (len(layers[i]) - 1) for i in order}
        widest = max(spans.values())
        block = _Block(0.0, 0.0)
        placed: dict[str, tuple[float, float]] = {}   # member -> (along start, across start)
        cursor = 0.0
        for index in order:
            thickness = max(along(m) for m in layers[index])
            offset = (widest - spans[index]) / 2
            for member in layers[index]:
                placed[member] = (cursor + (thickness - along(member)) / 2, offset)
                offset += across(member) + NODE_GAP
            cursor += thickness + gaps[index]
        total_along = cursor - gaps[order[-1]]
        for member, (a, c) in placed.items():
            if direction.reversed:
                a = total_along - a - along(member)
            x, y = (a, c) if direction.horizontal else (c, a)
            if member in inner:
                self._put(block, member, inner[member], x, y)
            else:
                block.nodes[member] = (x, y)
        block.width, block.height = (total_along, widest) if direction.horizontal else (widest, total_along)
        return block

    def cluster(self, sg_id: str) -> _Block:
        """A subgraph as one block: its title band on top, its content below, padding all round."""
        content = self.container(sg_id)
        title_width, title_height = self.sizes.titles[sg_id]
        width = max(content.width + 2 * CLUSTER_PAD, title_width)
        height = title_height + content.height + CLUSTER_PAD
        block = _Block(width, height)
        self._put(block, None, content, (width - content.width) / 2, title_height)
        return block

    @staticmethod
    def _put(outer: _Block, sg_id: str | None, inner: _Block, x: float, y: float) -> None:
        """Copy a block's contents into another at (x, y); `sg_id` names the cluster the block draws."""
        if sg_id is not None:
            outer.clusters[sg_id] = Rect(x, y, inner.width, inner.height)
        for node, (nx, ny) in inner.nodes.items():
            outer.nodes[node] = (x + nx, y + ny)
        for cluster, r in inner.clusters.items():
            outer.clusters[cluster] = Rect(x + r.x, y + r.y, r.width, r.height)


def _clip(rect: Rect, toward: Point) -> Point:
    """Where the line from the rectangle's centre toward a point leaves the rectangle."""
    cx, cy = rect.center
    dx, dy = toward[0] - cx, toward[1] - cy
    if dx == 0 and dy == 0:
        return (cx, cy)
    scale = min((rect.width / 2) / abs(dx) if dx else float("inf"),
                (rect.height / 2) / abs(dy) if dy else float("inf"))
    return (round(cx + dx * scale, 2), round(cy + dy * scale, 2))


def _rounded(rect: Rect) -> Rect:
    return Rect(round(rect.x, 2), round(rect.y, 2), round(rect.width, 2), round(rect.height, 2))


def layout_fallback(chart: Flowchart, sizes: FlowSizes) -> FlowLayout:
    block = _Arranger(chart, sizes).container(None)
    layout = FlowLayout(width=round(block.width + 2 * MARGIN, 2), height=round(block.height + 2 * MARGIN, 2),
                        engine="built-in")
    for node_id, (x, y) in block.nodes.items():
        node = chart.nodes[node_id]
        w, h = sizes.nodes[node_id]
        layout.nodes[node_id] = NodeBox(node_id, node.label, node.shape, _rounded(Rect(x + MARGIN, y + MARGIN, w, h)),
                                        node.style)
    layout.nodes = {n: layout.nodes[n] for n in chart.nodes}   # the chart's order, as Graphviz's reader gives
    for sg_id, subgraph in chart.subgraphs.items():   # parents open before their children
        r = block.clusters[sg_id]
        rect = _rounded(Rect(r.x + MARGIN, r.y + MARGIN, r.width, r.height))
        tw, th = sizes.titles[sg_id]
        title = _rounded(Rect(rect.center[0] - tw / 2, rect.y, tw, th))
        depth = layout.clusters[subgraph.parent].depth + 1 if subgraph.parent else 0
        layout.clusters[sg_id] = ClusterBox(sg_id, subgraph.title, rect, title, subgraph.style, depth)
    _edges(chart, sizes, layout)
    clear_titles(layout)
    return layout


def _edges(chart: Flowchart, sizes: FlowSizes, layout: FlowLayout) -> None:
    def rect_of(item: str) -> Rect:
        return layout.nodes[item].rect if item in layout.nodes else layout.clusters[item].rect

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


__all__ = ["layout_fallback"]
