"""LiveScenario: an edit re-runs only what changed, and gives the same verdicts as loading the edited file."""
from __future__ import annotations

from pathlib import Path

import pytest

from xviz.scenario import loads
from xviz.scenario.runner import run_steps
from xviz.ui.scenario_adapter import LiveScenario
from xviz.ui.view_model import verdict_from_expect

BUNDLED = sorted(Path(__file__).resolve().parents[2].joinpath("scenarios").glob("*.yaml"))
TRUST = "world.roles.CrossAccountRole.trust_policy"


def verdicts(live: LiveScenario) -> list[str | None]:
    return [step.verdict for flow in live.view.flows for step in flow.steps]


def fresh_verdicts(text: str, file: str) -> list[str | None]:
    return [verdict_from_expect(run.outcome) for run in run_steps(loads(text, file))]


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.stem)
def test_every_bundled_scenario_evaluates_as_it_expects(path):
    live = LiveScenario(path)
    assert live.view.problems == []
    for flow in live.view.flows:
        for step in flow.steps:
            assert step.verdict is not None
            if step.expected:
                assert step.verdict == step.expected, f"{flow.id}.{step.id}"


def test_an_edit_gives_the_verdicts_of_the_edited_file(scenario_file):
    live = LiveScenario(scenario_file)
    text = live.view.policy(TRUST).text
    assert live.edit_policy(TRUST, text.replace("111111111111", "333333333333"))
    assert verdicts(live)[0] == "implicit_deny"
    assert verdicts(live) == fresh_verdicts(live.text, str(scenario_file))
    assert "333333333333" in live.text and live.text.count("\n") == scenario_file.read_text().count("\n")


def test_a_broken_edit_keeps_the_last_verdicts_and_says_where(scenario_file):
    live = LiveScenario(scenario_file)
    before = verdicts(live)
    text = live.view.policy(TRUST).text
    assert not live.edit_policy(TRUST, text.replace('"Allow"', '"Alow"'))  # the engine rejects the Effect
    assert live.view.stale and verdicts(live) == before
    [problem] = live.view.edit_problems
    assert problem.line is not None
    line = scenario_file.read_text().splitlines()[problem.line - 1]
    assert "trust_policy" not in line and '"Effect": "Allow"' in line  # the policy's own line in the file
    assert live.edit_policy(TRUST, text)
    assert not live.view.stale and live.view.edit_problems == []


def test_save_writes_the_edits_in_place_and_the_file_loads_again(scenario_file, tmp_path):
    live = LiveScenario(scenario_file)
    text = live.view.policy(TRUST).text
    live.edit_policy(TRUST, text.replace("111111111111", "333333333333"))
    live.edit_policy("world.users.alice.policies.AllowAssume",
                     live.view.policy("world.users.alice.policies.AllowAssume").text.replace("sts:AssumeRole", "sts:*"))
    copy = tmp_path / "copy.yaml"
    live.save(copy)
    saved = copy.read_text(encoding="utf-8")
    original = scenario_file.read_text(encoding="utf-8")
    changed = [(a, b) for a, b in zip(original.splitlines(), saved.splitlines()) if a != b]
    assert len(changed) == 2 and len(saved.splitlines()) == len(original.splitlines())
    assert fresh_verdicts(saved, str(copy)) == verdicts(live)
