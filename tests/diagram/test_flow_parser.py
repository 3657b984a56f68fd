"""Flowchart parsing: shapes, links, labels, chains, subgraphs, styles."""
import pytest

from xviz.diagram import parse_diagram
from xviz.diagram.model import Direction, EdgeHead, LineStyle, Shape


def flow(body: str, header: str = "flowchart TB"):
    return parse_diagram(header + "\n" + body)


@pytest.mark.parametrize("text, shape", [
    ("A[text]", Shape.RECT), ("A(text)", Shape.ROUND), ("A([text])", Shape.STADIUM),
    ("A[[text]]", Shape.SUBROUTINE), ("A[(text)]", Shape.CYLINDER), ("A((text))", Shape.CIRCLE),
    ("A(((text)))", Shape.DOUBLE_CIRCLE), ("A{text}", Shape.DIAMOND), ("A{{text}}", Shape.HEXAGON),
    ("A[/text/]", Shape.PARALLELOGRAM), ("A[\\text\\]", Shape.PARALLELOGRAM_ALT),
    ("A[/text\\]", Shape.TRAPEZOID), ("A[\\text/]", Shape.TRAPEZOID_ALT), ("A>text]", Shape.ASYMMETRIC),
])
def test_each_shape(text, shape):
    node = flow(text).nodes["A"]
    assert (node.shape, node.label) == (shape, "text")


def test_quoted_label_keeps_unicode_brackets_and_breaks():
    node = flow('A["共有リソース<br/>(VPC [x] 等)"]').nodes["A"]
    assert node.label == "共有リソース\n(VPC [x] 等)"


def test_entities_and_br_variants():
    node = flow('A["a<br>b<br />c #quot;q#quot; &amp;"]').nodes["A"]
    assert node.label == 'a\nb\nc "q" &'


@pytest.mark.parametrize("link, style, head, tail, length", [
    ("-->", LineStyle.SOLID, EdgeHead.ARROW, EdgeHead.NONE, 1),
    ("--->", LineStyle.SOLID, EdgeHead.ARROW, EdgeHead.NONE, 2),
    ("---", LineStyle.SOLID, EdgeHead.NONE, EdgeHead.NONE, 1),
    ("-.->", LineStyle.DOTTED, EdgeHead.ARROW, EdgeHead.NONE, 1),
    ("-.-", LineStyle.DOTTED, EdgeHead.NONE, EdgeHead.NONE, 1),
    ("==>", LineStyle.THICK, EdgeHead.ARROW, EdgeHead.NONE, 1),
    ("===", LineStyle.THICK, EdgeHead.NONE, EdgeHead.NONE, 1),
    ("--o", LineStyle.SOLID, EdgeHead.CIRCLE, EdgeHead.NONE, 1),
    ("--x", LineStyle.SOLID, EdgeHead.CROSS, EdgeHead.NONE, 1),
    ("<-->", LineStyle.SOLID, EdgeHead.ARROW, EdgeHead.ARROW, 1),
    ("~~~", LineStyle.INVISIBLE, EdgeHead.NONE, EdgeHead.NONE, 1),
])
def test_link_kinds(link, style, head, tail, length):
    edge = flow(f"A {link} B").edges[0]
    assert (edge.source, edge.target) == ("A", "B")
    assert (edge.line_style, edge.head, edge.tail, edge.length) == (style, head, tail, length)


@pytest.mark.parametrize("text", [
    'A -->|"RAM共有"| B', 'A --> |"RAM共有"| B', "A -->|RAM共有| B", "A-->|RAM共有|B",
    "A -- RAM共有 --> B", 'A -- "RAM共有" --> B',
])
def test_link_label_forms(text):
    edge = flow(text).edges[0]
    assert (edge.source, edge.target, edge.label) == ("A", "B", "RAM共有")


def test_dotted_and_thick_links_with_text():
    chart = flow("A -. maybe .-> B\nB == sure ==> C")
    assert [(e.line_style, e.label) for e in chart.edges] == [(LineStyle.DOTTED, "maybe"), (LineStyle.THICK, "sure")]


def test_chains_and_ampersands_in_author_order():
    chart = flow("A --> B --> C\nX & Y --> P & Q")
    assert [(e.id, e.source, e.target) for e in chart.edges] == [
        ("e:0", "A", "B"), ("e:1", "B", "C"), ("e:2", "X", "P"), ("e:3", "X", "Q"), ("e:4", "Y", "P"),
        ("e:5", "Y", "Q")]
    assert list(chart.nodes) == ["A", "B", "C", "X", "Y", "P", "Q"]


def test_header_variants_and_comments():
    chart = parse_diagram("%% a comment\n\ngraph LR;\nA-->B; B-->C %% trailing\n")
    assert chart.direction is Direction.LR
    assert len(chart.edges) == 2
    assert parse_diagram("flowchart TD\nA").direction is Direction.TB


def test_nested_subgraphs_membership_order_and_direction():
    chart = flow('subgraph Outer["外"]\nA\nsubgraph Inner[inner]\ndirection LR\nB --> C\nend\nD\nend\nE --> Inner')
    outer, inner = chart.subgraphs["Outer"], chart.subgraphs["Inner"]
    assert outer.title == "外" and inner.title == "inner"
    assert outer.members == ["A", "Inner", "D"]
    assert inner.members == ["B", "C"] and inner.parent == "Outer"
    assert inner.direction is Direction.LR and outer.direction is None
    assert chart.top_level == ["Outer", "E"]
    assert chart.nodes["B"].parent == "Inner" and chart.nodes["E"].parent is None
    assert (chart.edges[-1].source, chart.edges[-1].target) == ("E", "Inner")
    assert "Inner" not in chart.nodes


def test_node_first_mentioned_outside_moves_into_subgraph_like_mermaid():
    chart = flow("A --> B\nsubgraph S\nB\nend")
    assert chart.nodes["B"].parent == "S" and chart.top_level == ["A", "S"]


def test_subgraph_title_forms():
    chart = flow('subgraph one\nA\nend\nsubgraph "Two words"\nB\nend\nsubgraph Three words\nC\nend')
    assert [(s.id, s.title) for s in chart.subgraphs.values()] == [
        ("one", "one"), ("Two words", "Two words"), ("Three words", "Three words")]


def test_styles_classes_and_link_styles():
    chart = flow(
        "classDef hot fill:#f00,color:#fff\nclassDef default stroke:#333\n"
        "A:::hot --> B\nclass B hot\nstyle B fill:#0f0,stroke-width:3px,stroke-dasharray: 5 5\n"
        "subgraph S\nC\nend\nstyle S fill:#00f\nlinkStyle 0 stroke:#ff0,stroke-width:4px")
    a, b = chart.nodes["A"], chart.nodes["B"]
    assert (a.style.fill, a.style.color, a.style.stroke) == ("#f00", "#fff", "#333")
    assert (b.style.fill, b.style.color, b.style.stroke_width, b.style.dash) == ("#0f0", "#fff", 3.0, (5.0, 5.0))
    assert chart.subgraphs["S"].style.fill == "#00f"
    assert (chart.edges[0].style.stroke, chart.edges[0].style.stroke_width) == ("#ff0", 4.0)


def test_unknown_style_property_is_a_warning_not_a_silent_drop():
    chart = flow("A\nstyle A fill:#fff,glow:3")
    assert chart.nodes["A"].style.fill == "#fff"
    assert [w.message for w in chart.warnings] == ["unknown style property 'glow' ignored"]
    assert chart.warnings[0].line == 3


def test_node_ids_with_dashes_and_dots_do_not_swallow_links():
    chart = flow("my-node-->other.node\nA-.->B")
    assert [(e.source, e.target) for e in chart.edges] == [("my-node", "other.node"), ("A", "B")]
