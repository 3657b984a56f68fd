"""The built-in layout's geometry on every seed chart and every bundled scenario's architecture: clusters nest
without overlapping, siblings never overlap, nodes sit inside their clusters and below their titles."""
from pathlib import Path

import pytest

from xviz.diagram import layout_diagram, parse_diagram
from xviz.diagram.from_scenario import architecture_diagram
from xviz.diagram.layout_model import FlowLayout, Rect
from xviz.diagram.measure import approximate_measure
from xviz.scenario.loader import load

SEED_FLOWCHARTS = [p for p in sorted(Path("/work/shared/seed/charts").glob("*.mmd"))
                   if not p.read_text(encoding="utf-8").lstrip().startswith("sequenceDiagram")]
SCENARIOS = sorted(Path(__file__).resolve().parents[2].joinpath("scenarios").glob("*.yaml"))


def overlap(a: Rect, b: Rect, slack: float = 0.01) -> bool:
    return (a.x < b.right - slack and b.x < a.right - slack and a.y < b.bottom - slack
            and b.y < a.bottom - slack)


def ancestors(chart, item: str) -> list[str]:
    found, parent = [], chart.nodes[item].parent if item in chart.nodes else chart.subgraphs[item].parent
    while parent is not None:
        found.append(parent)
        parent = chart.subgraphs[parent].parent
    return found


def geometry_problems(chart, layout: FlowLayout) -> list[str]:
    rects = {n: b.rect for n, b in layout.nodes.items()} | {c: b.rect for c, b in layout.clusters.items()}
    problems = []
    for item, rect in rects.items():
        above = ancestors(chart, item)
        for parent in above:
            if not layout.clusters[parent].rect.contains(rect):
                problems.append(f"{item} leaves its cluster {parent}")
        if above and overlap(rect, layout.clusters[above[0]].title_rect):
            problems.append(f"{item} covers the title of {above[0]}")
        for other, other_rect in rects.items():
            if other <= item or other in above or item in ancestors(chart, other):
                continue
            if overlap(rect, other_rect):
                problems.append(f"{item} overlaps {other}")
    return problems


@pytest.fixture
def builtin(monkeypatch):
    monkeypatch.setenv("XVIZ_GRAPHVIZ", "builtin")


def test_the_checker_sees_an_overlap(builtin):
    chart = parse_diagram("flowchart TB\nsubgraph S\nA\nend\nB")
    layout = layout_diagram(chart, approximate_measure)
    a = layout.nodes["A"].rect
    layout.nodes["B"].rect = Rect(a.x + 5, a.y + 5, a.width, a.height)
    assert geometry_problems(chart, layout) == ["A overlaps B", "B overlaps S"]
    layout.nodes["B"].rect = Rect(a.x, a.bottom + 1000, a.width, a.height)
    layout.nodes["A"].rect = Rect(a.x, layout.clusters["S"].rect.y - 1, a.width, a.height)
    assert set(geometry_problems(chart, layout)) == {"A leaves its cluster S", "A covers the title of S"}


def test_ten_seed_flowcharts():
    assert len(SEED_FLOWCHARTS) == 10


@pytest.mark.parametrize("path", SEED_FLOWCHARTS, ids=lambda p: p.stem)
def test_seed_charts_nest_cleanly(path, builtin):
    chart = parse_diagram(path.read_text(encoding="utf-8"))
    layout = layout_diagram(chart, approximate_measure)
    assert layout.engine == "built-in"
    assert geometry_problems(chart, layout) == []


@pytest.mark.parametrize("path", SCENARIOS, ids=lambda p: p.stem)
def test_scenario_architectures_nest_cleanly(path, builtin):
    chart = architecture_diagram(load(path)).chart
    layout = layout_diagram(chart, approximate_measure)
    assert layout.engine == "built-in"
    assert geometry_problems(chart, layout) == []


def test_three_deep_clusters_in_their_own_direction(builtin):
    chart = parse_diagram("flowchart TB\nsubgraph Org\nsubgraph OU1\nsubgraph Acct1\ndirection LR\nA1 --> A2\nend\n"
                          "end\nsubgraph OU2\nsubgraph Acct2\nB1\nend\nsubgraph Acct3\nB2\nend\nend\nend\n"
                          "A2 --> B1\nA2 --> B2\nX --> A1")
    layout = layout_diagram(chart, approximate_measure)
    assert geometry_problems(chart, layout) == []
    a1, a2 = layout.nodes["A1"].rect, layout.nodes["A2"].rect
    assert a1.right < a2.x and a1.center[1] == a2.center[1]              # LR inside Acct1
    assert layout.clusters["OU1"].rect.bottom < layout.clusters["OU2"].rect.y   # ranks of the org's members
    assert layout.clusters["Acct2"].rect.right < layout.clusters["Acct3"].rect.x  # author's order in a layer
    assert layout.nodes["X"].rect.bottom < layout.clusters["Org"].rect.y
