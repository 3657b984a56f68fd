"""Flowchart layout through Graphviz: every box at a fixed measured size, text drawn later by us.

No user text reaches the engine: nodes and subgraph titles are fixed-size placeholders, so Japanese labels
get exactly the room the real font needs. A labelled edge passes through an invisible node the size of its
label (as mermaid draws it: the label sits on the line). Edges carry an `id` attribute and are read back by
it (graphviz-pure lists edges in its own order).
"""
from __future__ import annotations

import copy

from xviz.diagram.cluster_titles import clear_titles
from xviz.diagram.flow_crossings import count_crossings, count_intrusions
from xviz.diagram.flow_measure import FlowSizes, direct_nodes, effective_directions, measure_flowchart
from xviz.diagram.flow_order import order_breaks
from xviz.diagram.flow_restack import restack_in_author_order
from xviz.diagram.flow_title import place_title
from xviz.diagram.graphviz_engine import EngineUnavailable, GraphvizEngine, find_engine
from xviz.diagram.layout_model import ClusterBox, EdgeRoute, FlowLayout, NodeBox, Point, Rect
from xviz.diagram.measure import Measurer
from xviz.diagram.model import Flowchart, LineStyle, Shape
from xviz.diagram.wrap import wrapped_chart

MARGIN = 8.0
NODE_SEP = 0.55  # inches, as Graphviz counts
RANK_SEP = 0.6   # halved when labelled edges add a rank of their own
CLUSTER_MARGIN = 16
# Graphviz lets sibling clusters in one rank touch; drawing each a little inside its box leaves a gap.
CLUSTER_INSET = 6.0
BREAK_COST = 2
INTRUSION_COST = 2
CROSSING_COUNT_LIMIT = 150
_DOT_SHAPES = {Shape.DIAMOND: "diamond", Shape.CIRCLE: "circle", Shape.DOUBLE_CIRCLE: "circle",
               Shape.HEXAGON: "hexagon"}


def _inches(points: float) -> str:
    return f"{points / 72.0:.4f}"


def _placeholder(size: tuple[float, float]) -> str:
    width, height = size
    return (f'<<table border="0" cellborder="0" cellspacing="0" cellpadding="0" fixedsize="true" '
            f'width="{width:.2f}" height="{height:.2f}"><tr><td></td></tr></table>>')


class DotWriter:
    """Writes the DOT text for a chart and remembers how to read the answer back."""

    def __init__(self, chart: Flowchart, sizes: FlowSizes, declare_reversed: bool = False) -> None:
        self.chart = chart
        self.declare_reversed = declare_reversed   # members written last-first (see flow_order)
        self.sizes = sizes
        self.directions = effective_directions(chart)
        self.node_names = {node_id: f"n{i}" for i, node_id in enumerate(chart.nodes)}
        self.cluster_names = {sg_id: f"cluster_{i}" for i, sg_id in enumerate(chart.subgraphs)}
        self.placeholders: dict[str, str] = {}   # empty subgraph -> invisible node that holds it open
        self.reversed: set[str] = set()          # edges written head-first to honour a reversed direction
        self.lines: list[str] = []
        # Labelled edge -> the label node, placed in the innermost subgraph holding both ends.
        self.label_nodes = {edge.id: f"l{i}" for i, edge in enumerate(chart.edges) if edge.id in sizes.edge_labels}
        self.label_home = {edge.id: self._common_container(edge.source, edge.target)
                           for edge in chart.edges if edge.id in self.label_nodes}
        self.title_below = self._titles_below()
        self.labels_in: dict[str | None, list[str]] = {}   # container -> the labels placed in it
        for edge_id, home in self.label_home.items():
            self.labels_in.setdefault(home, []).append(edge_id)

    def _container_of(self, item: str) -> str | None:
        return self.chart.nodes[item].parent if item in self.chart.nodes else self.chart.subgraphs[item].parent

    def _common_container(self, a: str, b: str) -> str | None:
        chain: list[str | None] = []
        found = self._container_of(a)
        while found is not None:
            chain.append(found)
            found = self.chart.subgraphs[found].parent
        found = self._container_of(b)
        while found is not None and found not in chain:
            found = self.chart.subgraphs[found].parent
        return found

    def _chain(self, item: str) -> set[str]:
        """The clusters holding `item` (itself included when it is a cluster)."""
        found = {item} if item in self.chart.subgraphs else set()
        container = self._container_of(item)
        while container is not None:
            found.add(container)
            container = self.chart.subgraphs[container].parent
        return found

    def _titles_below(self) -> set[str]:
        """Clusters whose title goes on the bottom border: in a top-to-bottom chart, those that edges enter
        (through the top) but none leave; bottom to top, those that edges leave but none enter. A title on the
        border the edges cross would hide them where they meet it."""
        if self.chart.direction.horizontal:
            return set()
        entered, left = set(), set()
        for edge in self.chart.edges:
            if edge.line_style is LineStyle.INVISIBLE:
                continue
            source, target = self._chain(edge.source), self._chain(edge.target)
            entered |= target - source
            left |= source - target
        if self.chart.direction.reversed:
            entered, left = left, entered
        return entered - left

    def write(self) -> str:
        chart = self.chart
        rank_sep = RANK_SEP / 2 if self.label_nodes else RANK_SEP
        self.lines = [
            "digraph xviz {",
            f"  graph [rankdir={chart.direction.value}, compound=true, ordering=out, newrank=true, "
            f"nodesep={NODE_SEP}, ranksep={rank_sep}, splines=true, margin=0, pad=0];",
            '  node [shape=box, fixedsize=true, label="", margin=0];',
            "  edge [dir=none];",
        ]
        self._container(None, "  ")
        for edge in chart.edges:
            self._edge(edge)
        self.lines.append("}")
        return "\n".join(self.lines) + "\n"

    def _container(self, container: str | None, indent: str) -> None:
        chart = self.chart
        members = chart.subgraphs[container].members if container else chart.top_level
        for member in (reversed(members) if self.declare_reversed else members):
            if member in chart.subgraphs:
                self._cluster(member, indent)
            else:
                self._node(member, indent)
        for edge_id in self.labels_in.get(container, []):
            width, height = self.sizes.edge_labels[edge_id]
            self.lines.append(f"{indent}{self.label_nodes[edge_id]} [width={_inches(width)}, "
                              f"height={_inches(height)}, style=invis];")
        if container is None:
            return
        direction = self.directions[container]
        across = direction.horizontal != chart.direction.horizontal
        nodes = direct_nodes(chart, container)
        if across and len(nodes) > 1:
            # Perpendicular to the chart: one rank, in the author's order (reversed for RL/BT).
            ordered = list(reversed(nodes)) if direction.reversed else nodes
            self.lines.append(f"{indent}{{rank=same; " + " ".join(self.node_names[n] for n in ordered) + ";}")

    def _cluster(self, sg_id: str, indent: str) -> None:
        subgraph = self.chart.subgraphs[sg_id]
        name = self.cluster_names[sg_id]
        self.lines.append(f"{indent}subgraph {name} {{")
        # Graphviz reads labelloc along the ranks: bottom to top, "b" is drawn at the top.
        below = (sg_id in self.title_below) != self.chart.direction.reversed
        self.lines.append(f"{indent}  label={_placeholder(self.sizes.titles[sg_id])}; labelloc={'b' if below else 't'}; "
                          f"margin={CLUSTER_MARGIN};")
        if not subgraph.members:
            placeholder = f"p{len(self.placeholders)}"
            self.placeholders[sg_id] = placeholder
            self.lines.append(f"{indent}  {placeholder} [width=0.6, height=0.3, style=invis];")
        self._container(sg_id, indent + "  ")
        self.lines.append(f"{indent}}}")

    def _node(self, node_id: str, indent: str) -> None:
        width, height = self.sizes.nodes[node_id]
        shape = _DOT_SHAPES.get(self.chart.nodes[node_id].shape, "box")
        self.lines.append(f"{indent}{self.node_names[node_id]} [width={_inches(width)}, "
                          f"height={_inches(height)}, shape={shape}];")

    def anchor(self, item: str) -> tuple[str, str | None]:
        """The DOT node an edge attaches to, and the cluster to clip it at when `item` is a subgraph."""
        if item in self.node_names:
            return self.node_names[item], None
        subgraph = self.chart.subgraphs[item]
        for member in subgraph.members:
            node, _ = self.anchor(member)
            return node, self.cluster_names[item]
        return self.placeholders[item], self.cluster_names[item]

    def _runs_backwards(self, source: str, target: str) -> bool:
        """True when both ends sit directly in a subgraph drawn against the chart's direction."""
        chart = self.chart
        parent = chart.nodes[source].parent if source in chart.nodes else None
        if parent is None or target not in chart.nodes or chart.nodes[target].parent != parent:
            return False
        direction = self.directions[parent]
        across = direction.horizontal != chart.direction.horizontal
        if across:
            return direction.reversed
        return direction.reversed != chart.direction.reversed

    def _edge(self, edge) -> None:
        if edge.source == edge.target and edge.source in self.chart.subgraphs:
            return   # a subgraph linked to itself: not drawn (the parser warned), and given no room
        backwards = self._runs_backwards(edge.source, edge.target)
        if backwards:
            self.reversed.add(edge.id)
        tail, ltail = self.anchor(edge.source)
        head, lhead = self.anchor(edge.target)
        common = []
        if edge.line_style is LineStyle.INVISIBLE:
            common.append("style=invis")
        label = self.label_nodes.get(edge.id)
        if label is None:
            # Labelled edges take two ranks (through their label); plain ones match so ranks line up.
            length = edge.length * (2 if self.label_nodes else 1)
            self._half(f"{edge.id}", tail, ltail, head, lhead, length, backwards, common)
        else:
            self._half(f"{edge.id}/a", tail, ltail, label, None, edge.length, backwards, common)
            self._half(f"{edge.id}/b", label, None, head, lhead, 1, backwards, common)

    def _half(self, edge_id: str, tail: str, ltail: str | None, head: str, lhead: str | None, length: int,
              backwards: bool, common: list[str]) -> None:
        if backwards:
            tail, head, ltail, lhead = head, tail, lhead, ltail
        attrs = [f'id="{edge_id}"', *common]
        if ltail:
            attrs.append(f"ltail={ltail}")
        if lhead:
            attrs.append(f"lhead={lhead}")
        if length > 1:
            attrs.append(f"minlen={length}")
        self.lines.append(f"  {tail} -> {head} [{', '.join(attrs)}];")


def _point(token: str, height: float) -> Point:
    x, y = token.split(",")[:2]
    return (round(float(x) + MARGIN, 2), round(height - float(y) + MARGIN, 2))


def read_layout(chart: Flowchart, sizes: FlowSizes, writer: DotWriter, answer: dict, engine: str) -> FlowLayout:
    """Turn the engine's JSON into our layout (points, y down, a margin all round)."""
    _, _, graph_width, graph_height = (float(v) for v in answer["bb"].split(","))
    layout = FlowLayout(width=round(graph_width + 2 * MARGIN, 2), height=round(graph_height + 2 * MARGIN, 2),
                        engine=engine)
    by_name = {obj["name"]: obj for obj in answer.get("objects", [])}
    for node_id, name in writer.node_names.items():
        cx, cy = _point(by_name[name]["pos"], graph_height)
        width, height = sizes.nodes[node_id]
        node = chart.nodes[node_id]
        layout.nodes[node_id] = NodeBox(node_id, node.label, node.shape,
                                        Rect(round(cx - width / 2, 2), round(cy - height / 2, 2), width, height),
                                        node.style)
    depth = {}
    for sg_id, name in writer.cluster_names.items():
        subgraph = chart.subgraphs[sg_id]
        depth[sg_id] = depth[subgraph.parent] + 1 if subgraph.parent else 0
        llx, lly, urx, ury = (float(v) for v in by_name[name]["bb"].split(","))
        left, top = _point(f"{llx},{ury}", graph_height)
        rect = Rect(round(left + CLUSTER_INSET, 2), round(top + CLUSTER_INSET, 2),
                    round(urx - llx - 2 * CLUSTER_INSET, 2), round(ury - lly - 2 * CLUSTER_INSET, 2))
        tw, th = sizes.titles[sg_id]
        tx, ty = _point(by_name[name]["lp"], graph_height) if "lp" in by_name[name] else rect.center
        inset = -CLUSTER_INSET if sg_id in writer.title_below else CLUSTER_INSET   # stay inside the drawn box
        layout.clusters[sg_id] = ClusterBox(sg_id, subgraph.title, rect,
                                            Rect(round(tx - tw / 2, 2), round(ty - th / 2 + inset, 2), tw, th),
                                            subgraph.style, depth[sg_id])
    answered = {edge["id"]: edge for edge in answer.get("edges", []) if "id" in edge}

    def points_of(edge_id: str, backwards: bool) -> list[Point]:
        found = [_point(t, graph_height) for t in answered[edge_id]["pos"].split() if not t.startswith(("e,", "s,"))]
        return found[::-1] if backwards else found

    for edge in chart.edges:
        backwards = edge.id in writer.reversed
        label_rect = None
        if edge.id in writer.label_nodes:
            first, second = points_of(f"{edge.id}/a", backwards), points_of(f"{edge.id}/b", backwards)
            # Straight through the label node: a cubic whose control points lie on the line.
            (x1, y1), (x2, y2) = first[-1], second[0]
            bridge = [(round(x1 + (x2 - x1) / 3, 2), round(y1 + (y2 - y1) / 3, 2)),
                      (round(x1 + 2 * (x2 - x1) / 3, 2), round(y1 + 2 * (y2 - y1) / 3, 2)), (x2, y2)]
            points = first + bridge + second[1:]
            lx, ly = _point(by_name[writer.label_nodes[edge.id]]["pos"], graph_height)
            lw, lh = sizes.edge_labels[edge.id]
            label_rect = Rect(round(lx - lw / 2, 2), round(ly - lh / 2, 2), lw, lh)
        elif edge.id in answered:
            points = points_of(edge.id, backwards)
        else:
            points = []   # not written to the engine (see DotWriter._edge)
        layout.edges[edge.id] = EdgeRoute(edge.id, edge.source, edge.target, points, edge.line_style, edge.head,
                                          edge.tail, edge.label, label_rect, edge.style)
    return layout


def is_tree(chart: Flowchart) -> bool:
    """A chart without subgraphs whose nodes each have at most one link in, and no cycle: a tree (or several).
    Graphviz draws a tree tidily, each parent's children in the order of its links (`ordering=out`); putting
    siblings back in the order the nodes were first written would pull subtrees apart into a mesh."""
    if chart.subgraphs:
        return False
    parent: dict[str, str] = {}
    for edge in chart.edges:
        if edge.target in parent or edge.source == edge.target:
            return False
        parent[edge.target] = edge.source
    reaches_root: set[str] = set()
    for node in parent:   # walking up from any node must end at a root, not come back round
        walked, at = set(), node
        while at in parent and at not in reaches_root:
            if at in walked:
                return False
            walked.add(at)
            at = parent[at]
        reaches_root |= walked
    return True


def _untidiness(chart: Flowchart, layout: FlowLayout) -> tuple[int, int]:
    """How far a layout is from the author's order, and how tangled it is, as one score (lower is better).

    An order break costs as much as BREAK_COST crossings: putting siblings back in order is worth a crossing
    or two, not a tangle. An edge drawn through a node or a foreign cluster costs INTRUSION_COST crossings.
    Big charts skip the tangle count (it grows with the square of the edges)."""
    breaks = len(order_breaks(chart, layout))
    if len(chart.edges) > CROSSING_COUNT_LIMIT:
        return breaks, breaks
    tangle = count_crossings(layout) + INTRUSION_COST * count_intrusions(chart, layout)
    return breaks * BREAK_COST + tangle, breaks


def layout_flowchart(chart: Flowchart, measure: Measurer, engine: GraphvizEngine | None = None,
                     restack: bool = True) -> FlowLayout:
    """Lay a flowchart out with Graphviz; when no engine runs, the built-in layout with a notice saying why.

    Siblings Graphviz put out of the author's order are restacked (flow_restack) when that does not tangle the
    chart more than it is worth; `restack=False` gives Graphviz's own placement, for comparison."""
    from xviz.diagram.fallback_layout import layout_fallback  # imported here: only needed without Graphviz

    chart = wrapped_chart(chart, measure)   # long labels wrap at a readable width (the caller's chart stays)
    sizes = measure_flowchart(chart, measure)
    try:
        engine = engine or find_engine()
        candidates: list[FlowLayout] = []
        # Left to right, the author's order may come out either way round (see flow_order): try both.
        for declare_reversed in ((False, True) if chart.direction.horizontal else (False,)):
            writer = DotWriter(chart, sizes, declare_reversed)
            layout = read_layout(chart, sizes, writer, engine.run_json(writer.write()), engine.name)
            if not order_breaks(chart, layout):
                candidates = [layout]
                break
            candidates.append(layout)
            restacked = copy.deepcopy(layout)
            if restack and not is_tree(chart) and restack_in_author_order(chart, restacked, writer.label_home):
                candidates.append(restacked)
        score = _untidiness if restack else (lambda chart, found: len(order_breaks(chart, found)))
        layout = min(candidates, key=lambda found: score(chart, found)) if len(candidates) > 1 else candidates[0]
        clear_titles(layout, chart.direction.horizontal)
    except EngineUnavailable as why:
        layout = layout_fallback(chart, sizes)
        layout.notice = f"Simple built-in layout: {why}"
    place_title(layout, chart.title, measure)
    return layout


def dot_source(chart: Flowchart, measure: Measurer) -> str:
    """The DOT text xviz would hand to Graphviz (for debugging and tests)."""
    return DotWriter(chart, measure_flowchart(chart, measure)).write()


__all__ = ["DotWriter", "dot_source", "layout_flowchart", "read_layout"]
