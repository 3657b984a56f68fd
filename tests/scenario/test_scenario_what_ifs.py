"""Every what-if of every bundled scenario, run as `xviz run --check --what-if` runs it: each step
ends as the switch's `expect` (or the step's own) says, in both languages, and every switch
changes something a learner can see."""
from __future__ import annotations

import pytest
from scenario_support import BUNDLED

from xviz.document import Document
from xviz.document.run_report import mismatches, render_text
from xviz.scenario import load
from xviz.scenario.runner import run_steps

SWITCHES = [(path, name) for path in BUNDLED for name in load(path).model.what_ifs]


def _what_we_see(runs):
    return {r.plan.ref: (r.outcome, r.result.get("trace"), [n.code for n in r.notes]) for r in runs}


def test_every_bundled_scenario_has_switches():
    assert len({path for path, _ in SWITCHES}) == len(BUNDLED)


@pytest.mark.parametrize("path, name", SWITCHES, ids=[f"{p.name[:2]}-{n}" for p, n in SWITCHES])
def test_each_switch_runs_as_it_expects_in_both_languages(path, name):
    snapshot = Document.open(path).set_what_ifs([name])
    assert mismatches(snapshot) == [], (name, mismatches(snapshot))
    expect = snapshot.loaded.model.what_ifs[name].expect
    outcomes = {r.plan.ref: r.outcome for r in snapshot.runs}
    assert {ref: outcomes[ref] for ref in expect} == dict(expect)
    for lang in ("en", "ja"):
        text = render_text(snapshot, lang)
        assert getattr(snapshot.loaded.model.what_ifs[name].label, lang).strip() in text


@pytest.mark.parametrize("path, name", SWITCHES, ids=[f"{p.name[:2]}-{n}" for p, n in SWITCHES])
def test_each_switch_changes_what_some_step_shows(path, name):
    """A switch whose patch misses (a path that is not used any more) would change nothing."""
    before = _what_we_see(run_steps(load(path)))
    after = _what_we_see(run_steps(load(path, what_ifs=[name])))
    assert [ref for ref in before if before[ref] != after[ref]], f"{name} changes no step"
