"""Exercises in the app: the goal and every check with ✓/✗ from the snapshot on show, read-only
policies outside `editable` (in the snapshot, with a banner), hints one at a time, "Show solution" as
one undoable change, the success state with the golf score, and progress on the home screen."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from xviz.document import Document
from xviz.scenario.exercise_progress import ExerciseProgress
from xviz.ui.catalog import exercise_standing

EXERCISES = Path(__file__).resolve().parents[2] / "scenarios" / "exercises"
EXTERNAL_ID = EXERCISES / "01-require-external-id.yaml"
EDITABLE = "world.roles.CustomerAccessRole.trust_policy"


@pytest.fixture
def exercise_window(window, tmp_path):
    path = tmp_path / EXTERNAL_ID.name
    shutil.copy(EXTERNAL_ID, path)
    window.open_path(str(path))
    return window


def test_policies_outside_editable_are_read_only_in_the_snapshot_with_a_banner():
    document = Document.open(EXTERNAL_ID)
    policies = {p.id: p for p in document.snapshot.view.policies}
    assert not policies[EDITABLE].read_only
    others = [p for pid, p in policies.items() if pid != EDITABLE]
    assert others and all(p.read_only and "exercise" in p.banner["en"] and p.banner["ja"] for p in others)
    before = document.snapshot
    assert document.edit(others[0].id, "{}") is before  # the document refuses the edit


def test_checks_follow_every_snapshot_and_the_solution_is_one_undoable_change(exercise_window):
    bench = exercise_window.workbench
    panel = bench.exercise.panel
    assert panel.isVisible() and "Qm4vT8zR1n" in panel.goal.text()
    marks = [line[0] for line in panel.check_lines()]
    assert len(marks) == 3 and "✗" in marks and not panel.success.isVisible()

    panel.solution_button.click()
    assert [line[0] for line in panel.check_lines()] == ["✓", "✓", "✓"]
    assert panel.success.isVisible() and "score 2" in panel.success.text().lower()
    assert "sts:ExternalId" in bench.view().policy(EDITABLE).text

    exercise_window.act_undo.trigger()
    assert [line[0] for line in panel.check_lines()] == marks
    assert not panel.success.isVisible()
    exercise_window.act_redo.trigger()
    assert panel.success.isVisible()


def test_typing_the_fix_meets_the_checks_live(exercise_window):
    bench = exercise_window.workbench
    text = bench.view().policy(EDITABLE).text
    fixed = text.replace('"Action": "sts:AssumeRole"',
                         '"Action": "sts:AssumeRole", "Condition": {"StringEquals": {"sts:ExternalId": "Qm4vT8zR1n"}}')
    assert fixed != text
    bench.open_policy(EDITABLE).setPlainText(fixed)
    assert bench.exercise.shown().result.all_met
    assert bench.exercise.panel.success.isVisible()


def test_a_change_that_cannot_be_evaluated_says_so_instead_of_checks(exercise_window):
    bench = exercise_window.workbench
    bench.open_policy(EDITABLE).setPlainText('{"Version": "2012-10-17", "Statement": [')
    panel = bench.exercise.panel
    assert bench.view().stale
    assert "cannot be evaluated yet" in panel.checks.text() and not panel.success.isVisible()


def test_hints_come_one_at_a_time_and_are_remembered(exercise_window, settings):
    panel = exercise_window.workbench.exercise.panel
    assert not panel.hints.isVisible()
    panel.hint_button.click()
    assert panel.hints.text().startswith("Hint 1 of 2") and "Hint 2" not in panel.hints.text()
    panel.hint_button.click()
    assert "Hint 2 of 2" in panel.hints.text()
    assert not panel.hint_button.isEnabled()  # no third hint
    progress = ExerciseProgress.from_json(settings.exercise_progress_json())
    assert progress.get("exercise-require-external-id").hints_seen == 2


def test_solving_is_kept_in_the_settings_and_shown_on_the_home_screen(exercise_window, settings):
    exercise_window.workbench.exercise.panel.solution_button.click()
    progress = ExerciseProgress.from_json(settings.exercise_progress_json())
    assert progress.get("exercise-require-external-id").solved
    # the home screen reads the same JSON without importing the scenario package
    assert exercise_standing(settings.exercise_progress_json(), "exercise-require-external-id") == (True, 2)
    assert exercise_standing(settings.exercise_progress_json(), "another") == (False, None)
    assert exercise_standing("not json", "x") == (False, None)


def test_the_home_screen_lists_the_exercises_with_progress(qtbot, settings, tmp_path):
    from xviz.ui.home import HomeScreen

    folder = tmp_path / "scenarios"
    shutil.copytree(EXERCISES, folder / "exercises")
    settings.set_exercise_progress_json('{"exercise-require-external-id": {"solved": true, "best_score": 2}}')
    home = HomeScreen(settings, folder)
    qtbot.addWidget(home)
    home.show()
    assert len(home.exercise_cards) == len(list(EXERCISES.glob("*.yaml")))
    metas = [card.meta.text() for card in home.exercise_cards]
    assert "solved, best score 2" in metas[0] and all("not solved yet" in m for m in metas[1:])
    assert home.exercises_count.text() == f"1 of {len(metas)} solved"


def test_a_scenario_without_exercise_shows_no_panel(scenario_window):
    assert not scenario_window.workbench.exercise.panel.isVisible()
    assert not any(p.read_only for p in scenario_window.workbench.view().policies)


def test_dump_state_reports_the_checks_as_shown(exercise_window):
    from xviz.ui.state_dump import dump_state

    bench = exercise_window.workbench
    before = dump_state(bench, "en")["exercise"]
    assert [c["met"] for c in before["checks"]] == [line[0] == "✓" for line in bench.exercise.panel.check_lines()]
    assert before["solved"] is False
    bench.exercise.panel.solution_button.click()
    after = dump_state(bench, "en")["exercise"]
    assert after["solved"] is True and after["score"]["total"] == 2
