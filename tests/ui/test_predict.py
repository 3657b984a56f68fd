"""Predict the verdict: a step's verdict stays hidden everywhere (flow panel badge, sequence badge,
explanation, architecture outcome marks, --dump-state) until the learner picks one with A / E / I or a
click; then it is revealed with one line saying right or wrong, and the tally counts it."""
from __future__ import annotations

from PySide6.QtCore import Qt

from xviz.ui.predict import HIDDEN, Predictions
from xviz.ui.state_dump import dump_state
from xviz.ui.verdicts import verdict_label


def _predicting(window):
    window.act_predict.trigger()
    bench = window.workbench
    assert bench.predict.is_on() and window.act_predict.isChecked()
    return bench


def _badge(bench, row: int) -> str:
    return bench.flow_panel.steps.topLevelItem(row).text(2)


def _sequence_badges(bench) -> dict:
    drawn = bench.scenes._sequence
    return {m: drawn.scene.element(m).badge.status if drawn.scene.element(m).badge is not None else None
            for m in drawn.found.messages.values()}


def test_hidden_means_hidden_everywhere_until_a_key_reveals_it(scenario_window, qtbot):
    bench = _predicting(scenario_window)
    assert [_badge(bench, r) for r in range(3)] == [verdict_label(HIDDEN)] * 3
    assert set(_sequence_badges(bench).values()) == {None}
    assert not [r for r in bench.scenes.architecture_rows() if r["state"] in ("allowed", "denied")]
    shown = bench.explanation.text()
    assert "Alice asks STS" not in shown and "Why:" not in shown  # neither the story nor the reasons
    assert bench.explanation.verdict.text() == verdict_label(HIDDEN)
    assert bench.flow_panel.stage_count() == 0  # the stages would give the verdict away
    assert "after your prediction" in bench.flow_panel.stage_position.text()
    state = dump_state(bench, "en")
    assert state["hidden_steps"] == ["main.assume", "main.read", "main.write"]
    assert [s["verdict"] for s in state["steps"]] == [None, None, None]

    bench.setFocus()
    qtbot.keyClick(scenario_window, Qt.Key.Key_A)  # Allow: right for the first step
    assert _badge(bench, 0) == verdict_label("allow")
    assert [_badge(bench, r) for r in (1, 2)] == [verdict_label(HIDDEN)] * 2
    assert sorted(map(str, _sequence_badges(bench).values())) == ["None", "None", "allow"]
    assert "Alice asks STS" in bench.explanation.text()
    assert [r for r in bench.scenes.architecture_rows() if r["state"] == "allowed"]
    assert bench.flow_panel.stage_count() > 0
    assert bench.predict.bar.result.text().startswith("✓")
    assert bench.predict.bar.tally.text() == "1 of 1 predicted right"
    assert dump_state(bench, "en")["hidden_steps"] == ["main.read", "main.write"]


def test_a_wrong_guess_says_so_and_counts_in_the_tally_which_resets(scenario_window, qtbot):
    bench = _predicting(scenario_window)
    bench.flow_panel.set_step(1)  # the read: ImplicitDeny
    bench.predict.bar.buttons["explicit_deny"].click()
    assert _badge(bench, 1) == verdict_label("implicit_deny")
    line = bench.predict.bar.result.text()
    assert line.startswith("✗") and verdict_label("explicit_deny") in line and verdict_label("implicit_deny") in line
    qtbot.keyClick(scenario_window, Qt.Key.Key_I)  # already revealed: a second guess changes nothing
    assert bench.predict.predictions.tally() == (0, 1)
    bench.flow_panel.set_step(2)
    qtbot.keyClick(scenario_window, Qt.Key.Key_E)
    assert bench.predict.bar.tally.text() == "1 of 2 predicted right"
    bench.predict.bar.reset_button.click()
    assert bench.predict.predictions.tally() == (0, 0)
    assert [_badge(bench, r) for r in range(3)] == [verdict_label(HIDDEN)] * 3


def test_keys_do_nothing_with_predicting_off_and_typing_in_an_editor_is_not_a_guess(scenario_window, qtbot):
    bench = scenario_window.workbench
    qtbot.keyClick(scenario_window, Qt.Key.Key_A)
    assert bench.predict.predictions.tally() == (0, 0)
    _predicting(scenario_window)
    editor = bench.open_policy(bench.view().policies[0].id)
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_A)
    assert bench.predict.predictions.tally() == (0, 0)


def test_switching_a_what_if_asks_again(scenario_window, qtbot):
    bench = _predicting(scenario_window)
    qtbot.keyClick(scenario_window, Qt.Key.Key_A)
    assert _badge(bench, 0) == verdict_label("allow")
    bench.flow_panel.what_if_checks[0].setChecked(True)
    assert _badge(bench, 0) == verdict_label(HIDDEN)  # what does the what-if change? predict it
    qtbot.keyClick(scenario_window, Qt.Key.Key_I)
    assert _badge(bench, 0) == verdict_label("implicit_deny")
    assert bench.predict.predictions.tally() == (2, 2)


def test_predicting_is_remembered_per_scenario(window, scenario_file, settings):
    window.open_path(str(scenario_file))
    _predicting(window)
    assert settings.predicting("test-scenario")
    window.act_predict.trigger()
    assert not settings.predicting("test-scenario")
    window.act_predict.trigger()
    window.open_path(str(scenario_file))
    assert window.workbench.predict.is_on()


def test_steps_that_cannot_be_predicted_are_never_hidden():
    from dataclasses import replace

    from xviz.document.views import StepView

    predictions = Predictions()
    step = StepView("s", "t", flow="f", verdict="input_error")
    assert not predictions.hidden(step, ())
    assert predictions.predict(step, (), "allow") is None
    assert predictions.hidden(replace(step, verdict="allow"), ())


def test_dump_state_from_the_command_line_says_which_steps_are_hidden(tmp_path, scenario_file):
    import json

    from tests.ui.test_open_command import run_xviz

    out = tmp_path / "state.json"
    result = run_xviz("open", str(scenario_file), "--predict", "--step", "2", "--guess", "I",
                      "--dump-state", str(out), tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    state = json.loads(out.read_text(encoding="utf-8"))
    assert state["predicting"] is True
    assert state["hidden_steps"] == ["main.assume", "main.write"]  # the read was predicted (ImplicitDeny)
    assert [s["verdict"] for s in state["steps"]] == [None, "ImplicitDeny", None]
