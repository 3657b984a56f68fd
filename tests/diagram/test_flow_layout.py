"""Flowchart layout: fixed measured sizes, order and rank relations, subgraph direction, determinism."""
import pytest

from engine_support import HAVE_ENGINE, needs_engine
from xviz.diagram import layout_diagram, parse_diagram
from xviz.diagram.flow_layout import dot_source, layout_flowchart
from xviz.diagram.graphviz_engine import EngineUnavailable, find_engine
from xviz.diagram.measure import approximate_measure
from xviz.diagram.node_size import node_size


def lay(text: str):
    return layout_diagram(parse_diagram(text), approximate_measure)


def test_no_user_text_reaches_the_engine():
    source = dot_source(parse_diagram('flowchart LR\nA["秘密 } ]"] -->|"ラベル"| B'), approximate_measure)
    assert "秘密" not in source and "ラベル" not in source


@needs_engine
def test_nodes_keep_their_measured_size_and_edges_are_keyed_by_id():
    layout = lay('flowchart TB\nA["中央集権的なログ管理"] -->|"一時的なアクセス"| B{判定}\nB --> C')
    assert layout.engine in ("graphviz-pure", "dot") and layout.notice is None
    a = layout.nodes["A"].rect
    assert (a.width, a.height) == node_size(layout.nodes["A"].shape, *approximate_measure("中央集権的なログ管理", "node"))
    assert set(layout.edges) == {"e:0", "e:1"}
    e0 = layout.edges["e:0"]
    assert (e0.source, e0.target) == ("A", "B") and len(e0.path) % 3 == 1
    assert e0.label_rect.width >= approximate_measure("一時的なアクセス", "edge")[0]


@needs_engine
@pytest.mark.parametrize("direction, axis, sign", [("TB", 1, 1), ("BT", 1, -1), ("LR", 0, 1), ("RL", 0, -1)])
def test_ranks_follow_the_chart_direction(direction, axis, sign):
    layout = lay(f"flowchart {direction}\nA --> B --> C")
    centres = [layout.nodes[n].rect.center[axis] * sign for n in "ABC"]
    assert centres == sorted(centres) and len(set(centres)) == 3


@needs_engine
def test_author_order_is_kept_within_a_rank():
    layout = lay("flowchart TB\nP --> One\nP --> Two\nP --> Three")
    xs = [layout.nodes[n].rect.center[0] for n in ("One", "Two", "Three")]
    assert xs == sorted(xs)
    layout = lay("flowchart LR\nP --> One\nP --> Two\nP --> Three")
    ys = [layout.nodes[n].rect.center[1] for n in ("One", "Two", "Three")]
    assert ys == sorted(ys)


@needs_engine
def test_subgraph_direction_is_honoured_across_the_chart_direction():
    layout = lay("flowchart TB\nsubgraph S\ndirection LR\nA --> B --> C\nend\nX --> A")
    a, b, c = (layout.nodes[n].rect.center for n in "ABC")
    assert a[1] == b[1] == c[1] and a[0] < b[0] < c[0]
    layout = lay("flowchart TB\nsubgraph S\ndirection RL\nA --> B\nend")
    assert layout.nodes["A"].rect.center[0] > layout.nodes["B"].rect.center[0]
    layout = lay("flowchart TB\nsubgraph S\ndirection BT\nA --> B\nend")
    assert layout.nodes["A"].rect.center[1] > layout.nodes["B"].rect.center[1]
    path = layout.edges["e:0"].path  # drawn from its source even though the engine saw it reversed
    assert abs(path[0][1] - layout.nodes["A"].rect.y) < abs(path[0][1] - layout.nodes["B"].rect.y)


@needs_engine
def test_clusters_hold_their_members_and_titles():
    layout = lay('flowchart TB\nsubgraph O["外側のアカウント"]\nA\nsubgraph I[内側]\nB\nend\nend\nA --> B\nI --> C')
    outer, inner = layout.clusters["O"], layout.clusters["I"]
    assert outer.rect.contains(inner.rect) and inner.rect.contains(layout.nodes["B"].rect)
    assert outer.rect.contains(layout.nodes["A"].rect) and not outer.rect.contains(layout.nodes["C"].rect)
    assert outer.rect.contains(outer.title_rect) and outer.title_rect.bottom <= layout.nodes["A"].rect.y + 0.5
    assert inner.depth == outer.depth + 1


@needs_engine
def test_layout_is_deterministic():
    text = "flowchart TB\nsubgraph N\nA\nB\nend\nA -->|x| C\nB --> C\nC --> D & E"
    first, second = lay(text), lay(text)
    assert first == second


def test_fallback_layout_when_no_engine_runs(monkeypatch):
    monkeypatch.setenv("XVIZ_GRAPHVIZ", "/nonexistent/dot")
    layout = lay('flowchart TB\nsubgraph S["アカウント"]\nA --> B\nend\nB -->|"ラベル"| C\nC --> A')
    assert layout.engine == "built-in"
    assert "built-in" in layout.notice and "/nonexistent/dot" in layout.notice
    a, b, c = (layout.nodes[n].rect for n in "ABC")
    assert a.bottom < b.y and b.bottom < c.y           # ranks top to bottom; the cycle C --> A is broken
    assert layout.clusters["S"].rect.contains(a) and layout.clusters["S"].rect.contains(b)
    assert not layout.clusters["S"].rect.contains(c)
    assert layout.edges["e:1"].label_rect is not None
    assert layout.width > 0 and layout.height > 0


def test_fallback_keeps_subgraph_neighbours_apart(monkeypatch):
    monkeypatch.setenv("XVIZ_GRAPHVIZ", "builtin")
    layout = lay("flowchart LR\nsubgraph One\nA\nend\nsubgraph Two\nB\nend\nP --> A\nP --> B")
    one, two = layout.clusters["One"].rect, layout.clusters["Two"].rect
    assert one.bottom < two.y


def test_engine_choice_from_environment(monkeypatch):
    monkeypatch.setenv("XVIZ_GRAPHVIZ", "builtin")
    with pytest.raises(EngineUnavailable):
        find_engine()
    monkeypatch.setenv("XVIZ_GRAPHVIZ", "/no/such/engine")
    with pytest.raises(EngineUnavailable, match="no such executable"):
        find_engine()


@needs_engine
def test_author_order_of_clusters_and_their_members_in_a_left_to_right_chart():
    # Graphviz turns declaration order into bottom-to-top order in an LR chart; the OUs and the people in
    # an account must still read top to bottom as written.
    layout = lay("flowchart LR\nsubgraph Org\nsubgraph Dev\nd\nend\nsubgraph Stg\ns\nend\nsubgraph Prd\np\nend\nend\n"
                 "subgraph Ops\nalice\nbob\nrole\nend\nrole --> d\nrole --> s\nrole --> p")
    ys = lambda *ids: [layout.nodes[n].rect.center[1] for n in ids]  # noqa: E731
    assert ys("d", "s", "p") == sorted(ys("d", "s", "p"))
    assert ys("alice", "bob", "role") == sorted(ys("alice", "bob", "role"))
    clusters = [layout.clusters[c].rect.y for c in ("Dev", "Stg", "Prd")]
    assert clusters == sorted(clusters)


@pytest.mark.parametrize("engine", ["graphviz-pure", "builtin"])
def test_cluster_title_moves_off_an_edge_that_crosses_it(engine, monkeypatch):
    from xviz.diagram.cluster_titles import _crossings
    from xviz.diagram.layout_model import Rect

    if engine == "graphviz-pure" and not HAVE_ENGINE:
        pytest.skip("no Graphviz engine installed")
    monkeypatch.setenv("XVIZ_GRAPHVIZ", engine)
    # Edges both enter and leave the account, so its title stays on the top border (see _titles_below).
    chart = ('flowchart TB\nX["the caller"]\nsubgraph S["Account"]\ndirection LR\nA["a wide node on the left"]\n'
             'B["in the middle"]\nC["a wide node on the right"]\nend\nY["what it calls"]\nX --> B\nB --> Y')
    layout = lay(chart)
    cluster = layout.clusters["S"]
    title = cluster.title_rect
    crossed = _crossings(Rect(title.x, title.y, title.width, title.height), [layout.edges["e:0"].path])
    assert crossed == []
    assert cluster.rect.contains(title)
    # The edge really runs through the band's centre, where the title would have stood.
    band = Rect(cluster.rect.x, title.y, cluster.rect.width, title.height)
    assert any(abs(x - cluster.rect.center[0]) < title.width / 2 for x in _crossings(band, [layout.edges["e:0"].path]))
