"""The author's order of siblings survives layout: nodes and whole clusters, top-down and left-to-right."""
from pathlib import Path

import pytest

from engine_support import needs_engine
from xviz.diagram import parse_diagram
from xviz.diagram.flow_crossings import count_crossings, count_intrusions
from xviz.diagram.flow_layout import DotWriter, layout_flowchart, read_layout
from xviz.diagram.flow_measure import measure_flowchart
from xviz.diagram.flow_order import order_breaks
from xviz.diagram.flow_restack import restack_in_author_order
from xviz.diagram.from_scenario_architecture import architecture_diagram
from xviz.diagram.graphviz_engine import find_engine
from xviz.diagram.layout_model import ClusterBox, EdgeRoute, FlowLayout, NodeBox, Rect
from xviz.diagram.measure import approximate_measure
from xviz.diagram.model import EdgeHead, LineStyle, Shape
from xviz.diagram.style import Style
from xviz.scenario.loader import load


SEED = sorted(Path("/work/shared/seed/charts").glob("*.mmd"))
SCENARIOS = sorted(Path(__file__).resolve().parents[2].joinpath("scenarios").glob("*.yaml"))

# Graphviz alone draws each of these out of order (checked in test_graphviz_alone_breaks_the_order).
TOP_DOWN = ('flowchart TB\nsubgraph Net["Network"]\nVPC\nTGW\nsubgraph Sub["Subnets"]\nPub\nPriv\nend\nend\n'
            'RAM\nSub --> RAM\nTGW --> RAM\nRAM --> App')
LEFT_RIGHT = ('flowchart LR\nsubgraph Org\nsubgraph Dev\nd\nend\nsubgraph Stg\ns\nend\nsubgraph Prd\np\nend\nend\n'
              'subgraph Ops\nalice\nbob\nrole\nroot\nend\nrole -->|go| p\nrole -->|go| d\nrole -->|go| s\n'
              'root -.->|t| p\nroot -.->|t| d\nalice -->|a| p')

# Reached by restacking out-of-order siblings (flow_restack): 9 breaks where Graphviz alone leaves 16, with
# 61 crossings against its 59 (approximate measure, scenarios as of this writing; between 57 and 59 as title
# placement and label wrapping changed Graphviz's own drawing). Curriculum round 2 (more principals in 07 and
# 08, the CI/CD artifact bucket and key everyone reads, the tour) brought the breaks to 12 and the crossings
# to 86 (the same charts with the round-1 scenarios: 9 and 61).
TOTAL_BREAKS = 12
TOTAL_CROSSINGS = 86
CROSSINGS_GIVEN_UP = 4   # at most this many more crossings than Graphviz alone, over all the charts


def _raw_layouts(text: str) -> list[FlowLayout]:
    chart = parse_diagram(text)
    sizes = measure_flowchart(chart, approximate_measure)
    writers = [DotWriter(chart, sizes, reverse) for reverse in (False, True)]
    return [read_layout(chart, sizes, w, find_engine().run_json(w.write()), "test") for w in writers]


def _overlap(a: Rect, b: Rect) -> bool:
    return a.x < b.right and b.x < a.right and a.y < b.bottom and b.y < a.bottom


def _touches(point, rect: Rect, slack: float = 1.0) -> bool:
    x, y = point
    return rect.x - slack <= x <= rect.right + slack and rect.y - slack <= y <= rect.bottom + slack


@needs_engine
@pytest.mark.parametrize("text", [TOP_DOWN, LEFT_RIGHT], ids=["TB", "LR"])
def test_graphviz_alone_breaks_the_order(text):
    chart = parse_diagram(text)
    assert all(order_breaks(chart, raw) for raw in _raw_layouts(text))


@needs_engine
def test_top_down_keeps_nodes_before_a_cluster_written_after_them():
    chart = parse_diagram(TOP_DOWN)
    layout = layout_flowchart(chart, approximate_measure)
    assert order_breaks(chart, layout) == []
    vpc, tgw = layout.nodes["VPC"].rect, layout.nodes["TGW"].rect
    subnets = layout.clusters["Sub"].rect
    assert vpc.right < tgw.x and tgw.right < subnets.x
    assert subnets.contains(layout.nodes["Pub"].rect) and subnets.contains(layout.nodes["Priv"].rect)
    assert layout.clusters["Net"].rect.contains(subnets)
    # The redrawn edge leaves the moved cluster and reaches RAM.
    path = layout.edges["e:0"].path
    assert _touches(path[0], subnets) and _touches(path[-1], layout.nodes["RAM"].rect)


@needs_engine
def test_left_to_right_keeps_clusters_and_people_top_to_bottom():
    chart = parse_diagram(LEFT_RIGHT)
    layout = layout_flowchart(chart, approximate_measure)
    assert order_breaks(chart, layout) == []
    ys = [layout.clusters[c].rect.y for c in ("Dev", "Stg", "Prd")]
    assert ys == sorted(ys)
    people = [layout.nodes[n].rect.center[1] for n in ("alice", "bob", "role", "root")]
    assert people == sorted(people)
    boxes = [box.rect for box in layout.nodes.values()]
    assert not any(_overlap(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1:])
    labels = [route.label_rect for route in layout.edges.values()]
    assert not any(_overlap(label, box) for label in labels for box in boxes)
    for edge in chart.edges:   # every edge still runs from its source to its target
        path = layout.edges[edge.id].path
        assert _touches(path[0], layout.nodes[edge.source].rect)
        assert _touches(path[-1], layout.nodes[edge.target].rect)
        assert len(path) % 3 == 1


@needs_engine
def test_restacking_is_deterministic():
    chart = parse_diagram(LEFT_RIGHT)
    assert layout_flowchart(chart, approximate_measure) == layout_flowchart(chart, approximate_measure)


def _box(node_id: str, x: float, y: float) -> NodeBox:
    return NodeBox(node_id, node_id, Shape.RECT, Rect(x, y, 40, 20), Style())


def test_restack_swaps_a_band_keeping_its_stretch_and_redraws_the_edges():
    # Hand-made TB layout: P above, then B at x=0 and A at x=100 although the author wrote A before B.
    chart = parse_diagram("flowchart TB\nP\nA\nB\nP --> A\nP --> B")
    layout = FlowLayout(width=200, height=100)
    layout.nodes = {"P": _box("P", 50, 0), "A": _box("A", 100, 60), "B": _box("B", 0, 60)}
    for edge in chart.edges:
        start, end = layout.nodes[edge.source].rect, layout.nodes[edge.target].rect
        layout.edges[edge.id] = EdgeRoute(edge.id, edge.source, edge.target,
                                          [start.center, start.center, end.center, end.center], LineStyle.SOLID,
                                          EdgeHead.ARROW, EdgeHead.NONE, "", None, Style())
    assert restack_in_author_order(chart, layout, {}) == 1
    assert (layout.nodes["A"].rect.x, layout.nodes["B"].rect.x) == (0, 100)
    assert layout.nodes["P"].rect.x == 50
    to_a, to_b = layout.edges["e:0"].path, layout.edges["e:1"].path
    assert to_a[-1] == (20, 60) and to_b[-1] == (120, 60)   # into the tops of A (now on the left) and B
    # Both leave P's bottom, fanned out over its middle half: the one going left on the left.
    assert to_a[0] == (60, 20) and to_b[0] == (80, 20)
    assert restack_in_author_order(chart, layout, {}) == 0   # already in order: nothing moves


def _survey_charts():
    for path in SEED:
        diagram = parse_diagram(path.read_text(encoding="utf-8"), str(path))
        if diagram.kind == "flowchart":
            yield diagram
    for path in SCENARIOS:
        yield architecture_diagram(load(path)).chart


@needs_engine
@pytest.mark.skipif(not SEED or not SCENARIOS, reason="seed charts or scenarios not present")
def test_order_breaks_and_crossings_over_seed_charts_and_scenarios_stay_down():
    totals = {True: [0, 0, 0], False: [0, 0, 0]}   # restacked or not: breaks, crossings, intrusions
    for chart in _survey_charts():
        for restack, total in totals.items():
            layout = layout_flowchart(chart, approximate_measure, restack=restack)
            total[0] += len(order_breaks(chart, layout))
            total[1] += count_crossings(layout)
            total[2] += count_intrusions(chart, layout)
    (breaks, crossings, intrusions), (alone_breaks, alone_crossings, alone_intrusions) = totals[True], totals[False]
    assert breaks <= TOTAL_BREAKS and breaks < alone_breaks
    assert crossings <= TOTAL_CROSSINGS and crossings <= alone_crossings + CROSSINGS_GIVEN_UP
    assert intrusions <= alone_intrusions


def test_crossings_are_counted_between_edges_that_share_no_end():
    layout = FlowLayout(width=100, height=100)

    def edge(edge_id, source, target, a, b):
        layout.edges[edge_id] = EdgeRoute(edge_id, source, target, [a, a, b, b], LineStyle.SOLID, EdgeHead.ARROW,
                                          EdgeHead.NONE, "", None, Style())
    edge("x", "A", "B", (0, 0), (100, 100))
    edge("y", "C", "D", (0, 90), (100, 0))
    edge("z", "A", "E", (0, 0), (100, 50))      # shares A with x: not counted against x
    edge("w", "F", "G", (0, 200), (100, 200))   # far away
    assert count_crossings(layout) == 2          # x with y, y with z


def test_intrusions_count_edges_through_strangers_not_through_their_own_clusters():
    chart = parse_diagram("flowchart LR\nsubgraph S\nA\nend\nsubgraph T\nC\nend\nA --> B\nB --> A")
    layout = FlowLayout(width=300, height=100)
    layout.nodes = {"A": _box("A", 20, 40), "B": _box("B", 200, 40), "C": _box("C", 110, 40)}
    layout.clusters = {sg: ClusterBox(sg, sg, rect, rect, Style(), 0)
                       for sg, rect in (("S", Rect(10, 30, 60, 40)), ("T", Rect(100, 30, 60, 40)))}

    def straight(edge_id, a, b):
        return EdgeRoute(edge_id, "?", "?", [a, a, b, b], LineStyle.SOLID, EdgeHead.ARROW, EdgeHead.NONE, "", None,
                         Style())
    layout.edges = {"e:0": straight("e:0", (60, 50), (200, 50)),    # through C and T: one intrusion
                    "e:1": straight("e:1", (220, 60), (40, 60))}    # through T; into S is fine (A is in S)
    assert count_intrusions(chart, layout) == 2
    layout.edges["e:1"].path = [(220, 90), (220, 90), (40, 90), (40, 90)]   # below C and T: clear
    assert count_intrusions(chart, layout) == 1
