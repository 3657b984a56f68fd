"""Layout flaws of issue 15, each pinned by its geometry: edge ends on node borders, no edge through a node or
under a cluster's title, titles on the border no edge crosses, fans that follow a diamond's outline."""
from pathlib import Path

import pytest

from engine_support import needs_engine
from geometry_support import (edges_through_nodes, edges_through_titles, ends_off_border,
                              labels_out_of_frame)
from xviz.diagram import layout_diagram, parse_diagram
from xviz.diagram.layout_model import Rect
from xviz.diagram.measure import approximate_measure
from xviz.diagram.model import Shape


pytestmark = needs_engine
SEED_CHARTS = sorted(Path("/work/shared/seed/charts").glob("*-flowchart.mmd"))

# Shaped like source charts 06 and 09: labelled links from one account into the nodes of others.
INTO_ACCOUNTS = '''flowchart TB
subgraph Net["ネットワークアカウント"]
VPC["共有VPC"]
S1["サブネットA"]
S2["サブネットB"]
end
subgraph App1["アプリアカウント1"]
E1["EC2インスタンス"]
end
subgraph App2["アプリアカウント2"]
E2["EC2インスタンス"]
end
S1 --> |"RAM共有"| E1
S2 --> |"RAM共有"| E2
'''
# Shaped like source chart 10: left to right, a node fanning out to accounts above and below it.
FAN_OUT_LR = '''flowchart LR
subgraph DevOps["DevOpsアカウント"]
Pipeline["CodePipeline"]
end
subgraph Dev["開発アカウント"]
D["DeployRole"]
end
subgraph Stg["ステージング"]
S["DeployRole"]
end
subgraph Prd["本番アカウント"]
P["DeployRole"]
end
Pipeline --> |"AssumeRole"| D
Pipeline --> |"AssumeRole"| S
Pipeline --> |"AssumeRole"| P
'''
DECISIONS = '''flowchart LR
Req["Request"] --> D{"Explicit deny?"}
D -->|yes| Deny["Denied"]
D -->|no| A{"Any allow?"}
A -->|yes| Ok["Allowed"]
A -->|no| Imp["Implicitly denied"]
Deny --> Log["Audit log"]
Imp --> Log
Ok --> Log
'''


def lay(text: str):
    return lay_chart(parse_diagram(text))


def lay_chart(chart):
    return layout_diagram(chart, approximate_measure)


def assert_clean(layout) -> None:
    assert ends_off_border(layout) == []
    assert edges_through_nodes(layout) == []
    assert edges_through_titles(layout) == []


@pytest.mark.parametrize("chart", [INTO_ACCOUNTS, FAN_OUT_LR, DECISIONS], ids=["into-accounts", "fan-out-lr", "decisions"])
def test_edges_meet_borders_and_never_run_under_a_title_or_through_a_node(chart):
    assert_clean(lay(chart))


@pytest.mark.skipif(not SEED_CHARTS, reason="seed charts not present")
@pytest.mark.parametrize("path", SEED_CHARTS, ids=lambda p: p.stem)
def test_source_charts_have_no_edge_under_a_title(path):
    assert_clean(lay(path.read_text(encoding="utf-8")))


# Labelled links between nodes of one account, and across accounts, in both directions of the chart.
LABELS_IN_FRAMES = '''flowchart {direction}
subgraph Org["Organization"]
subgraph A["Account A"]
U["alice"] -->|"sts:AssumeRole"| R["DeployRole"]
end
subgraph B["Account B"]
S["bucket"]
Q["queue"] -->|"notifies"| S
end
end
R -->|"s3:PutObject"| S
'''


@pytest.mark.parametrize("direction", ["TB", "LR", "BT", "RL"])
def test_edge_labels_stay_inside_the_frames_that_hold_both_ends(direction):
    chart = parse_diagram(LABELS_IN_FRAMES.format(direction=direction))
    layout = lay_chart(chart)
    assert labels_out_of_frame(chart, layout) == []
    assert_clean(layout)


def test_a_cluster_only_entered_from_above_has_its_title_at_the_bottom():
    layout = lay(INTO_ACCOUNTS)
    for account in ("App1", "App2"):
        box = layout.clusters[account]
        assert box.title_rect.center[1] > layout.nodes["E1"].rect.bottom
        assert box.rect.contains(box.title_rect)
    net = layout.clusters["Net"]   # edges only leave it: the title stays on top
    assert net.title_rect.bottom < layout.nodes["VPC"].rect.y


@pytest.mark.parametrize("edges, on_top", [("X --> A\nB --> A", True), ("A --> X\nB --> A", False)],
                         ids=["entered-from-below", "left-through-the-top"])
def test_bottom_to_top_titles_sit_on_the_top_border_unless_edges_cross_it(edges, on_top):
    layout = lay(f'flowchart BT\nX["outside"]\nsubgraph S["Account S"]\nA["node a"]\nB["node b"]\nend\n{edges}')
    box, nodes = layout.clusters["S"], [layout.nodes["A"].rect, layout.nodes["B"].rect]
    assert box.rect.contains(box.title_rect)
    if on_top:
        assert box.title_rect.bottom <= min(r.y for r in nodes)
    else:
        assert box.title_rect.y >= max(r.bottom for r in nodes)
    assert edges_through_titles(layout) == []


def test_thirteen_levels_of_nesting_keep_every_title_and_edge():
    depth = 13
    lines = ["flowchart TB"] + [f"subgraph S{d}[Level {d}]\nN{d}[node {d}]" for d in range(depth)] + ["end"] * depth
    lines += [f"N{d} --> N{d + 1}" for d in range(depth - 1)]
    layout = lay("\n".join(lines))
    assert len(layout.clusters) == depth and all(route.path for route in layout.edges.values())
    for cluster in layout.clusters.values():
        assert cluster.rect.contains(cluster.title_rect), cluster.id
    assert_clean(layout)


def test_a_fanned_edge_end_lies_on_a_diamonds_outline():
    from xviz.diagram.flow_restack import onto_outline

    box = Rect(0, 0, 100, 60)
    # A point on the right side, a quarter of the height above the middle: the diamond's edge is 25 in.
    assert onto_outline((100, 15), box, Shape.DIAMOND, 0) == (75, 15)
    assert onto_outline((100, 15), box, Shape.RECT, 0) == (100, 15)
    assert onto_outline((50, 60), box, Shape.DIAMOND, 1) == (50, 60)   # the middle of a side is the tip


def test_notes_and_self_message_labels_stay_inside_their_frames():
    chart = ("sequenceDiagram\nparticipant A as Alice\nparticipant B as Bob\nopt when the bucket is shared\n"
             "A->>B: read\nNote right of B: a long note that would stick out to the right of Bob\n"
             "loop retry\nNote left of A: a note on the left side of Alice\nB->>B: check itself again\nend\nend")
    layout = layout_diagram(parse_diagram(chart), approximate_measure)
    outer, inner = sorted(layout.blocks, key=lambda b: b.rect.width, reverse=True)
    notes = list(layout.notes.values())
    assert all(outer.rect.contains(n.rect) for n in notes)
    assert inner.rect.contains(notes[1].rect) and outer.rect.contains(inner.rect)
    loop_label = next(m.label_rect for m in layout.messages.values() if m.source == m.target)
    assert inner.rect.contains(loop_label)
    assert min(b.rect.x for b in layout.blocks) >= 0 and max(b.rect.right for b in layout.blocks) <= layout.width


def test_a_tree_written_in_any_order_is_drawn_as_a_tidy_tree():
    import random

    from xviz.diagram.flow_crossings import count_crossings
    from xviz.diagram.flow_layout import is_tree

    shuffle = random.Random(5)
    edges = [((i - 1) // 3, i) for i in range(1, 200)]
    shuffle.shuffle(edges)
    nodes = shuffle.sample(range(200), 200)
    chart = parse_diagram("flowchart TB\n" + "\n".join(f"N{i}[node {i}]" for i in nodes) + "\n"
                          + "\n".join(f"N{a} --> N{b}" for a, b in edges))
    assert is_tree(chart)
    layout = lay_chart(chart)
    assert count_crossings(layout) == 0
    for a, b in edges:   # each child below its parent, every subtree under its root
        assert layout.nodes[f"N{b}"].rect.y > layout.nodes[f"N{a}"].rect.bottom


@pytest.mark.parametrize("text", ["flowchart TB\nA --> B\nC --> B", "flowchart TB\nA --> B\nB --> A",
                                  "flowchart TB\nsubgraph S\nA --> B\nend"])
def test_charts_that_are_not_trees_are_told_apart(text):
    from xviz.diagram.flow_layout import is_tree

    assert not is_tree(parse_diagram(text))


def test_an_edge_into_a_cluster_it_also_leaves_comes_in_from_the_side_below_the_title():
    # The right-hand cluster is entered and left, so its title stays on top, right above B: the edge from A
    # cannot come down through it and meets B from the side instead.
    layout = lay('flowchart TB\nsubgraph L["left group"]\nA["source node"]\nC["back"]\nend\n'
                 'subgraph R["a right group"]\nB["target"]\nend\nA --> B\nB --> C')
    assert_clean(layout)
    end, target = layout.edges["e:0"].path[-1], layout.nodes["B"].rect
    assert end[0] in (target.x, target.right) and target.y < end[1] < target.bottom
    assert layout.clusters["R"].title_rect.bottom <= target.y
