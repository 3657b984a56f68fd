"""Mermaid syntax xviz accepts since issue 15: what maps to xviz is honoured, what does not is left out with a
warning naming its line; never a failed chart."""
import pytest

from xviz.diagram import DiagramError, layout_diagram, parse_diagram
from xviz.diagram.measure import approximate_measure
from xviz.diagram.model import LineStyle, Shape


def warned(chart) -> list[tuple[int, str]]:
    return [(w.line, w.message) for w in chart.warnings]


def test_click_is_ignored_with_a_warning_at_its_line():
    chart = parse_diagram('flowchart TB\nA --> B\nclick A callback "Tooltip"\nclick B href "https://example.com"')
    assert set(chart.nodes) == {"A", "B"} and len(chart.edges) == 1
    assert [line for line, _ in warned(chart)] == [3, 4]
    assert all("'click' is ignored" in message for _, message in warned(chart))


@pytest.mark.parametrize("header, body", [("flowchart LR", "A --> B"), ("sequenceDiagram", "A->>B: hi")])
def test_acc_title_and_description_become_the_accessible_name_and_description(header, body):
    chart = parse_diagram(f"{header}\naccTitle: Bucket access\naccDescr: One line.\n{body}")
    assert (chart.acc_title, chart.acc_description) == ("Bucket access", "One line.")
    block = parse_diagram(f"{header}\naccDescr {{\n  First line\n  second line\n}}\n{body}")
    assert block.acc_description == "First line\nsecond line" and not block.warnings


def test_shape_data_maps_mermaid_shape_names_and_labels():
    chart = parse_diagram('flowchart TB\nA@{ shape: diam, label: "Explicit deny?" }\nB@{ shape: cyl }\n'
                          'C@{ shape: lean-r, label: "In" } --> A\nD@{ shape: doc, icon: "fa:car" }')
    assert (chart.nodes["A"].shape, chart.nodes["A"].label) == (Shape.DIAMOND, "Explicit deny?")
    assert (chart.nodes["B"].shape, chart.nodes["B"].label) == (Shape.CYLINDER, "B")
    assert chart.nodes["C"].shape is Shape.PARALLELOGRAM and chart.edges[0].source == "C"
    assert chart.nodes["D"].shape is Shape.RECT   # no drawing for a document shape: a rectangle, said so
    assert [line for line, _ in warned(chart)] == [5, 5]
    assert "'doc' is drawn as a rectangle" in chart.warnings[0].message


def test_named_links_keep_their_numbering_and_their_data_is_ignored_with_a_warning():
    chart = parse_diagram("flowchart LR\nA e1@--> B\nB e2@-.-> C\ne1@{ animate: true }\nlinkStyle 1 stroke:#f00")
    assert [(e.source, e.target) for e in chart.edges] == [("A", "B"), ("B", "C")]
    assert chart.edges[1].line_style is LineStyle.DOTTED and chart.edges[1].style.stroke == "#f00"
    assert set(chart.nodes) == {"A", "B", "C"}   # `e1` is a link's name, not a node
    assert warned(chart) == [(4, "link data for 'e1' (animation) is not drawn")]


def test_sequence_create_and_destroy_draw_the_participant_for_the_whole_diagram():
    chart = parse_diagram("sequenceDiagram\nA->>B: hi\ncreate participant C as Carol\nA->>C: make\ndestroy C\n"
                          "C->>A: bye")
    assert list(chart.participants) == ["A", "B", "C"] and chart.participants["C"].label == "Carol"
    assert len(chart.messages()) == 3
    assert [line for line, _ in warned(chart)] == [3, 5]


def test_sequence_links_and_properties_are_ignored_with_a_warning():
    chart = parse_diagram('sequenceDiagram\nparticipant A\nlink A: Dashboard @ https://example.com\n'
                          'links A: {"Repo": "https://example.com"}\nA->>A: self')
    assert len(chart.messages()) == 1 and [line for line, _ in warned(chart)] == [3, 4]


def test_sequence_participant_data_chooses_an_actor():
    chart = parse_diagram('sequenceDiagram\nparticipant U@{ "type": "actor" }\nparticipant D@{ "type": "database" }\n'
                          "U->>D: query")
    assert chart.participants["U"].actor and not chart.participants["D"].actor
    assert warned(chart) == [(3, "participant type 'database' is drawn as a box")]


@pytest.mark.parametrize("text", ["flowchart TB\nA --> B", "sequenceDiagram\nA->>B: hi",
                                  "---\ntitle: T\n---\nflowchart TB\nA"])
def test_a_utf8_byte_order_mark_is_not_part_of_the_chart(text):
    assert parse_diagram("\ufeff" + text).kind in ("flowchart", "sequence")


def test_a_subgraph_linked_to_itself_is_not_drawn_and_says_so():
    chart = parse_diagram("flowchart TB\nsubgraph S\nA\nend\nS --> S\nA --> B")
    assert warned(chart) == [(5, "a link from subgraph 'S' to itself is not drawn")]
    layout = layout_diagram(chart, approximate_measure)
    assert layout.edges["e:0"].path == [] and layout.edges["e:1"].path


def test_nesting_up_to_the_limit_is_drawn_and_one_more_is_an_error():
    from xviz.diagram.flow_parser import MAX_NESTING

    def nested(depth):
        return "flowchart TB\n" + "".join(f"subgraph S{i}\nN{i}\n" for i in range(depth)) + "end\n" * depth

    assert len(parse_diagram(nested(MAX_NESTING)).subgraphs) == MAX_NESTING
    with pytest.raises(DiagramError) as caught:
        parse_diagram(nested(MAX_NESTING + 1))
    assert caught.value.line == 2 * MAX_NESTING + 2 and "at most" in caught.value.message


def test_front_matter_title_is_drawn_above_the_chart():
    chart = parse_diagram("---\ntitle: Who may read\n---\nflowchart TB\nA --> B")
    assert chart.title == "Who may read" and not chart.warnings
    layout = layout_diagram(chart, approximate_measure)
    assert layout.title == "Who may read"
    assert all(node.rect.y > layout.title_rect.bottom for node in layout.nodes.values())
    assert all(y > layout.title_rect.bottom for edge in layout.edges.values() for _, y in edge.path)


def test_a_charts_own_title_statement_wins_over_front_matter():
    assert parse_diagram("---\ntitle: Outer\n---\nflowchart TB\ntitle Inner\nA").title == "Inner"


def test_theme_variables_from_init_and_front_matter_style_what_the_chart_does_not():
    chart = parse_diagram("---\nconfig:\n  themeVariables:\n    primaryColor: '#fde68a'\n    fontFamily: serif\n---\n"
                          "%%{init: {'theme': 'dark', 'themeVariables': {'lineColor': '#dc2626', "
                          "'clusterBkg': '#e0f2fe'}}}%%\nflowchart TB\nsubgraph S\nA --> B\nend\nstyle B fill:#fff")
    assert chart.nodes["A"].style.fill == "#fde68a" and chart.nodes["B"].style.fill == "#fff"
    assert chart.edges[0].style.stroke == "#dc2626" and chart.subgraphs["S"].style.fill == "#e0f2fe"
    assert [line for line, _ in warned(chart)] == [5, 7]   # fontFamily; the 'dark' theme


def test_markdown_strings_are_drawn_without_their_markers():
    chart = parse_diagram('flowchart TB\nA["`**Any** allow in _one_ policy?`"] -->|"`*yes*`"| B\n'
                          'subgraph S["`__Account__`"]\nB\nend')
    assert chart.nodes["A"].label == "Any allow in one policy?"
    assert chart.edges[0].label == "yes" and chart.subgraphs["S"].title == "Account"


def test_font_awesome_icons_are_left_out_with_a_warning():
    chart = parse_diagram('flowchart TB\nA["fa:fa-ban Denied"] --> B[fab:fa-github Repo]')
    assert (chart.nodes["A"].label, chart.nodes["B"].label) == ("Denied", "Repo")
    assert [message for _, message in warned(chart)] == ["icon 'fa:fa-ban' is not drawn",
                                                         "icon 'fab:fa-github' is not drawn"]


def test_a_semicolon_ends_a_sequence_statement_unless_it_closes_an_entity():
    chart = parse_diagram("sequenceDiagram\nA->>B: ask; B-->>A: answer #59; with a semicolon\nNote over A: a; A->>A: b")
    assert [(m.source, m.target, m.text) for m in chart.messages()] == [
        ("A", "B", "ask"), ("B", "A", "answer ; with a semicolon"), ("A", "A", "b")]
    assert chart.items[2].text == "a"


def test_a_chart_past_the_node_cap_is_an_error_at_the_node_that_passes_it():
    from xviz.diagram.flow_parser import MAX_NODES

    text = "flowchart TB\n" + "\n".join(f"N{i}" for i in range(MAX_NODES + 1))
    with pytest.raises(DiagramError) as caught:
        parse_diagram(text)
    assert (caught.value.line, caught.value.column) == (MAX_NODES + 2, 1)
    assert f"at most {MAX_NODES} nodes" in caught.value.message
