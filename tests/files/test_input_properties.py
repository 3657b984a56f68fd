"""Whatever the text, the scenario loader raises only ScenarioError and the mermaid parser only
DiagramError: property tests over YAML-ish and mermaid-ish text, and over small edits of real files."""
from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from xviz.diagram import DiagramError, mermaid_blocks, parse_block, parse_diagram
from xviz.scenario import ScenarioError, loads

REPO = Path(__file__).resolve().parents[2]
BASICS = (REPO / "scenarios" / "01-assumerole-basics.yaml").read_text(encoding="utf-8")
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# The pieces YAML and scenarios are made of, so that random text gets past the first character.
YAML_BITS = st.sampled_from([
    "\n", "  ", "- ", ": ", "key", "world", "flows", "steps", "accounts", "policies", "&a ", "*a", "[", "]",
    "{", "}", ",", "|", "|-", ">", '"', "'", "#", "\t", "? ", "!!str ", "!x ", "\\ud800", '"\\ud800"', "0x1F",
    "9" * 5000, "~", "null", "yes", "---", "...", "%YAML 1.1\n", "\ufeff", "\x00", "\u2028", "ロール",
])
MERMAID_BITS = st.sampled_from([
    "\n", "flowchart TB", "flowchart LR", "graph", "sequenceDiagram", "subgraph", "end", "A", "B", "-->", "-.->",
    "==>", "--", "[", "]", "(", ")", "{", "}", "((", "))", ">", "|", '"', "%%", ":", ";", "participant", "actor",
    "as", "->>", "-->>", "-x", "Note", "over", "loop", "alt", "else", "opt", "par", "and", "rect", "classDef",
    "class", "style", "click", "---", "  ", "\t", "\\ud800", "\ud800", "ロール", "#quot;", "&", "@{", "}@",
])


def only_scenario_error(text: str) -> None:
    try:
        loads(text, "prop.yaml")
    except ScenarioError as error:
        for problem in error.problems:
            assert problem.file == "prop.yaml"
            problem.format().encode("utf-8")  # printable: no lone surrogate reaches the message


@SETTINGS
@given(st.lists(YAML_BITS, max_size=60).map("".join))
def test_scenario_loader_raises_only_its_error_on_yaml_like_text(text):
    only_scenario_error(text)


@SETTINGS
@given(st.integers(0, len(BASICS)), st.integers(0, 40), st.lists(YAML_BITS, max_size=6).map("".join))
def test_scenario_loader_raises_only_its_error_on_an_edited_real_file(start, length, insert):
    only_scenario_error(BASICS[:start] + insert + BASICS[start + length:])


@SETTINGS
@given(st.text(max_size=300))
def test_scenario_loader_raises_only_its_error_on_any_text(text):
    only_scenario_error(text)


def only_diagram_error(text: str) -> None:
    try:
        parse_diagram(text, "prop.mmd")
    except DiagramError as error:
        assert error.source == "prop.mmd" and error.line >= 1
    for block in mermaid_blocks("```mermaid\n" + text + "\n```\n"):
        try:
            parse_block(block, "prop.md")
        except DiagramError as error:
            assert error.line >= 2


@SETTINGS
@given(st.lists(MERMAID_BITS, max_size=60).map(" ".join))
def test_mermaid_parser_raises_only_its_error_on_mermaid_like_text(text):
    only_diagram_error(text)


@SETTINGS
@given(st.text(max_size=300))
def test_mermaid_parser_raises_only_its_error_on_any_text(text):
    only_diagram_error(text)


def nested_yaml(kind: str, opened: int, closed: int) -> str:
    if kind == "flow":
        return "world: " + "[" * opened + "]" * closed + "\n"
    if kind == "sequence":
        return "world:\n" + "- " * opened + "x\n"
    return "\n".join("  " * i + "k:" for i in range(opened)) + "\n" + "# \t\n" * (closed % 2)  # a tab: pure path


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(["flow", "sequence", "mapping"]), st.integers(0, 700), st.integers(0, 700))
def test_scenario_loader_raises_only_its_error_at_any_nesting(kind, opened, closed):
    only_scenario_error(nested_yaml(kind, opened, closed))


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(["subgraph s{i}", "loop x", "alt y", "rect rgb(1,2,3)"]), st.integers(0, 300),
       st.integers(0, 300))
def test_mermaid_parser_raises_only_its_error_at_any_nesting(opener, opened, closed):
    header = "flowchart TB" if opener.startswith("subgraph") else "sequenceDiagram"
    body = "".join(opener.format(i=i) + "\n" for i in range(opened))
    only_diagram_error(f"{header}\n{body}A->>B: hi\n" + "end\n" * closed)
