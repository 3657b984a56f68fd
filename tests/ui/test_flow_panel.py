"""Stepping through a flow: controls, shortcuts, play, badges and the explanation that follows."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from xviz.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot, settings, scenarios_dir, scenario_file):
    window = MainWindow(settings, scenarios_dir)
    window.resize(1400, 900)
    window.show()
    window.open_path(str(scenario_file))
    yield window
    window.setWindowModified(False)
    window.close()
    window.deleteLater()


def test_opening_a_scenario_fills_every_panel(window, scenario_file, settings):
    bench = window.workbench
    assert window.stack.currentWidget() is bench
    assert window.windowTitle() == "Borrowing a role[*]"
    panel = bench.flow_panel
    assert panel.step_count() == 3
    assert panel.current_step() == 0
    assert [panel.steps.topLevelItem(i).text(2) for i in range(3)] == [
        "Expected: Allow", "Expected: Implicit deny", "Expected: Explicit deny"]
    assert bench.explanation.text() == "Alice asks STS for the role."
    tree = bench.world_tree
    top = [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]
    assert top == ["o-a1b2c3d4e5 / r-ab12", "Account B (222222222222)", "AWS service principals"]
    assert bench.policy_tabs.current_editor().toPlainText().startswith("{\n  \"Version\"")
    assert settings.recent_files == [str(scenario_file.resolve())]


def test_controls_and_shortcuts_move_between_steps(window, qtbot):
    panel = window.workbench.flow_panel
    qtbot.keyClick(window, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert panel.current_step() == 1
    assert window.workbench.explanation.text() == "The bucket says nothing."
    window.act_last.trigger()
    assert panel.current_step() == 2
    assert not panel.forward_button.isEnabled()
    panel.go_forward()  # past the end: stays
    assert panel.current_step() == 2
    panel.back_button.click()
    assert panel.current_step() == 1
    qtbot.keyClick(window, Qt.Key.Key_Home, Qt.KeyboardModifier.AltModifier)
    assert panel.current_step() == 0
    assert not panel.first_button.isEnabled()
    assert panel.position_label.text() == "Step 1 of 3"


def test_play_advances_and_stops_at_the_end(window):
    panel = window.workbench.flow_panel
    panel.speed_combo.setCurrentIndex(panel.speed_combo.findData(2.0))
    assert panel._timer.interval() == 1000
    window.act_play.trigger()
    assert panel.is_playing()
    panel._advance_while_playing()  # what the timer does on each tick
    panel._advance_while_playing()
    assert panel.current_step() == 2
    panel._advance_while_playing()
    assert not panel.is_playing()
    window.act_play.trigger()  # at the end, play starts over from the first step
    assert panel.current_step() == 0 and panel.is_playing()
    panel.stop()


def test_engine_verdicts_fill_the_badges(window):
    view = window.workbench.view()
    steps = view.flows[0].steps
    steps[0].verdict, steps[1].verdict = "allow", "explicit_deny"
    steps[1].explanation = {"en": ["An SCP denies it."]}
    window.workbench.refresh_verdicts()
    panel = window.workbench.flow_panel
    assert panel.steps.topLevelItem(0).text(2) == "Allow"
    assert panel.steps.topLevelItem(1).text(2) == "Explicit deny"
    assert panel.steps.topLevelItem(2).text(2) == "Expected: Explicit deny"
    panel.set_step(1)
    assert window.workbench.explanation.text().endswith("Why:\n\n• An SCP denies it.")


def test_editing_a_policy_marks_the_window_modified_and_keeps_the_text(window, qtbot):
    editor = window.workbench.policy_tabs.current_editor()
    assert not window.isWindowModified()
    assert not window.act_undo.isEnabled()
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(editor, "x")
    assert window.isWindowModified()
    assert window.act_undo.isEnabled()
    policy = window.workbench.view().policies[0]
    assert policy.text.endswith("}\nx")
    assert window.workbench.policy_tabs.problems.rowCount() == 1
    window.act_undo.trigger()
    assert window.workbench.policy_tabs.problems.rowCount() == 0
    assert window.act_redo.isEnabled()


def test_world_tree_opens_a_policy(window):
    bench = window.workbench
    trust = next(p for p in bench.view().policies if p.policy_type == "trust")
    bench.world_tree.policy_activated.emit(trust.id)
    assert bench.policy_tabs.current_editor().toPlainText() == trust.text


def test_home_and_blank_template(window):
    window.setWindowModified(False)
    window.act_home.trigger()
    assert window.stack.currentWidget() is window.home
    assert not window.act_save.isEnabled()
    window.act_blank.trigger()
    assert window.stack.currentWidget() is window.workbench
    editor = window.workbench.policy_tabs.current_editor()
    assert editor is not None and editor.diagnostics() == []
