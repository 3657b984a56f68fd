"""Charts nested past MAX_CHART_NESTING are refused by the parser, at the line that opens one level too
many, instead of a RecursionError in the layout (issue 14)."""
from __future__ import annotations

import pytest

from xviz.cli import main
from xviz.diagram import DiagramError, parse_diagram
from xviz.files.limits import MAX_CHART_NESTING


def nested_flowchart(levels: int) -> str:
    return ("flowchart TB\n" + "".join(f"subgraph s{i}\n" for i in range(levels)) + "A --> B\n"
            + "end\n" * levels)


def nested_sequence(levels: int) -> str:
    return "sequenceDiagram\n" + "loop again\n" * levels + "A->>B: hi\n" + "end\n" * levels


@pytest.mark.parametrize("chart", [nested_flowchart, nested_sequence])
def test_nesting_up_to_the_limit_parses_and_one_more_is_refused_at_its_line(chart):
    parse_diagram(chart(MAX_CHART_NESTING))
    with pytest.raises(DiagramError) as info:
        parse_diagram(chart(MAX_CHART_NESTING + 1), "deep.mmd")
    assert (info.value.line, info.value.column) == (MAX_CHART_NESTING + 2, 1)
    assert f"more than {MAX_CHART_NESTING} deep" in info.value.message


@pytest.mark.parametrize("chart", [nested_flowchart, nested_sequence])
def test_render_of_a_deeply_nested_chart_exits_2_with_one_message(qapp, tmp_path, capsys, chart):
    source = tmp_path / "deep.mmd"
    source.write_text(chart(2000), encoding="utf-8")
    assert main(["render", str(source), "-o", str(tmp_path / "deep.svg")]) == 2
    err = capsys.readouterr().err
    assert f"deep.mmd:{MAX_CHART_NESTING + 2}:1:" in err and "Traceback" not in err
    assert not (tmp_path / "deep.svg").exists()
