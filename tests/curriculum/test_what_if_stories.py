"""Every bundled what-if that flips a step tells that step's new story, in both languages.

A flip: the step's outcome under the switch differs from its outcome without it. The story must be
written for the new outcome (xviz.scenario.narration.written_narration, the rule `xviz run --check`
enforces) and differ from the one written for the old outcome (a copy would teach a contradiction)."""
from __future__ import annotations

import pytest
from texts import BUNDLED

from xviz.scenario import load
from xviz.scenario.narration import written_narration
from xviz.scenario.runner import run_steps

CASES = [(path, name) for path in BUNDLED for name in load(path).model.what_ifs]


def _flips(path, name):
    base = {r.plan.ref: (r.outcome, r.plan.step) for r in run_steps(load(path))}
    switched = load(path, what_ifs=[name])
    for run in run_steps(switched):
        before, step = base[run.plan.ref]
        if run.outcome != before:
            yield run, before, step


@pytest.mark.parametrize("path,name", CASES, ids=[f"{p.stem}:{n}" for p, n in CASES])
def test_every_flipped_step_has_its_new_story(path, name):
    for run, before, old_step in _flips(path, name):
        story = written_narration(run.plan.step, run.outcome)
        assert story is not None, f"{run.plan.ref} under {name}: {before} -> {run.outcome}, no narration"
        assert story.en.strip() and story.ja.strip()
        old = written_narration(old_step, before)
        assert old is None or (story.en != old.en and story.ja != old.ja), f"{run.plan.ref}: the old story"


def test_the_bundled_switches_flip_what_the_curriculum_counts():
    flips = [(p.stem, n, r.plan.ref) for p, n in CASES for r, _, _ in _flips(p, n)]
    switches_that_flip = {(p, n) for p, n, _ in flips}
    # 31 switches flipped 38 steps before round 2; the artifact key (08) and the tour (00) add one each.
    assert (len(CASES), len(switches_that_flip), len(flips)) == (33, 31, 40)
