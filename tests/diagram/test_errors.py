"""Malformed charts: one DiagramError naming the line, the column and what was expected."""
import pytest

from xviz.diagram import DiagramError, mermaid_blocks, parse_block, parse_diagram


@pytest.mark.parametrize("text, line, column, expected", [
    ("flowchart TB\nA[unclosed", 2, 2, "']'"),
    ('flowchart TB\nA["x] --> B', 2, 3, 'a closing "'),
    ("flowchart TB\nA --> ", 2, 7, "a node id"),
    ("flowchart TB\nA B", 2, 3, "a link"),
    ("flowchart TB\nsubgraph S\nA\n", 2, 1, "'end'"),
    ("flowchart TB\nend", 2, 1, "a statement"),
    ("flowchart XY\nA", 1, 11, "TB, TD, BT, LR or RL"),
    ("flowchart TB\nA -->|label B", 2, 6, "'|'"),
    ("flowchart TB\nA -- text B", 2, 3, "the rest of the link"),
    ("flowchart TB\nA\nstyle Z fill:#fff", 3, 1, "a node or subgraph id"),
    ("flowchart TB\nA-->B\nlinkStyle 3 stroke:#f00", 3, 11, "a number below 1"),
    ("flowchart TB\nA\nstyle A fill", 3, 9, "name:value"),
    ("pie\n\"a\": 1", 1, 1, "'flowchart'"),
    ("", 1, 1, "'flowchart TB' or 'sequenceDiagram'"),
    ("sequenceDiagram\nA->>B hello", 2, 7, "':' and the message text"),
    ("sequenceDiagram\nA=>B: x", 2, 1, "a message such as"),
    ("sequenceDiagram\nalt x\nA->>B: y\n", 2, 1, "'end'"),
    ("sequenceDiagram\nelse x", 2, 1, "an open 'alt' block"),
    ("sequenceDiagram\nend", 2, 1, "a statement"),
    ("sequenceDiagram\ndeactivate A", 2, 1, "'activate A' earlier"),
    ("sequenceDiagram\nNote left of A,B: x", 2, 14, "a single participant"),
    ("sequenceDiagram\nbox Blue G\nA->>B: x\nend", 3, 1, "participant, actor or end"),
    ("flowchart TB\n" + "".join(f"subgraph S{i}\n" for i in range(33)), 34, 1, "a flatter chart"),
    ("flowchart TB\nA@{ shape: diam", 2, 2, "'}'"),
    ("flowchart TB\nA@{ shape: [diam }", 2, 4, "key: value pairs"),
    ("flowchart TB\naccDescr {\nnever closed\nA", 2, 10, "a closing '}'"),
    ("---\ntitle: [unclosed\n---\nflowchart TB\nA", 2, 17, "key: value lines"),
    ("sequenceDiagram\nparticipant A@{ \"type\": \"actor\"", 2, 15, "'}'"),
])
def test_malformed_chart_points_at_line_and_column(text, line, column, expected):
    with pytest.raises(DiagramError) as caught:
        parse_diagram(text, "chart.mmd")
    error = caught.value
    assert (error.line, error.column) == (line, column), str(error)
    assert expected in (error.expected or ""), str(error)
    assert str(error).startswith(f"chart.mmd:{line}:{column}: ")


def test_markdown_block_errors_use_the_markdown_line():
    markdown = "# Title\n\ntext\n\n```mermaid\nflowchart TB\nA --> B\n```\n\n```mermaid\nflowchart TB\nA[oops\n```\n"
    blocks = mermaid_blocks(markdown)
    assert [b.first_line for b in blocks] == [6, 11]
    assert parse_block(blocks[0]).edges[0].target == "B"
    with pytest.raises(DiagramError) as caught:
        parse_block(blocks[1], "doc.md")
    assert (caught.value.line, caught.value.column, caught.value.source) == (12, 2, "doc.md")
