"""The libyaml composer gives exactly what the pure-Python one gives: the same data, the same node
marks (so every position an error reports is unchanged), the same errors; aliases still refused."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from scenario_support import BASICS_FILE, BUNDLED, bundled_ids
from test_scenario_mutations import mutated
from yaml.nodes import ScalarNode

from xviz.scenario import ScenarioError
from xviz.scenario import yamlsource
from xviz.scenario.yamlsource import parse_yaml

pytestmark = pytest.mark.skipif(yamlsource._FastLoader is None, reason="PyYAML built without libyaml")


def _marks(node):
    """Start of every node, end of scalars. (A mapping or list that ends the file without a final
    newline ends one line later in libyaml; no caller reads where collections end.)"""
    start = (node.start_mark.line, node.start_mark.column)
    return start + ((node.end_mark.line, node.end_mark.column) if isinstance(node, ScalarNode) else ())


def _describe(doc):
    """Everything a caller can see of a parsed document: data, and per path the node's kind and marks."""
    smap = doc.source_map
    nodes = {p: (type(n).__name__, n.tag, getattr(n, "style", None), _marks(n)) for p, n in smap.nodes.items()}
    keys = {p: _marks(n) for p, n in smap.keys.items()}
    return doc.data, nodes, keys


def _outcome(parse, text):
    try:
        return "ok", _describe(parse(text, "t.yaml"))
    except ScenarioError as exc:
        return "error", [p.format() for p in exc.problems]


@pytest.mark.parametrize("path", BUNDLED, ids=bundled_ids())
def test_bundled_files_compose_alike(path):
    text = path.read_text(encoding="utf-8")
    fast = _outcome(parse_yaml, text)
    assert fast[0] == "ok"
    assert fast == _outcome(yamlsource._parse_pure, text)


def test_crlf_text_composes_alike():
    text = BASICS_FILE.read_text(encoding="utf-8").replace("\n", "\r\n")
    assert _outcome(parse_yaml, text) == _outcome(yamlsource._parse_pure, text)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_damaged_files_compose_or_fail_alike(text):
    assert _outcome(parse_yaml, text) == _outcome(yamlsource._parse_pure, text)


@pytest.mark.parametrize("text", [
    "a: &x 1\nb: *x\n",
    "a: &x [1, 2]\nb: *x\n",
    "a: &x {k: v}\nb: {c: *x}\n",
])
def test_aliases_are_refused_at_the_alias(text):
    with pytest.raises(ScenarioError) as info:
        parse_yaml(text, "t.yaml")
    problem = info.value.first
    assert problem.code == "yaml_alias"
    assert (problem.line, problem.column) == (2, text.splitlines()[1].index("*") + 1)


def test_an_anchor_without_alias_is_fine():
    assert parse_yaml("a: &x 1\nb: 2\n", "t.yaml").data == {"a": "1", "b": "2"}
