"""Stepping through a flow: controls, shortcuts, play, badges and the explanation that follows."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from xviz.ui.main_window import MainWindow


@pytest.fixture
def window(scenario_window):
    return scenario_window


def test_opening_a_scenario_fills_every_panel(window, scenario_file, settings):
    bench = window.workbench
    assert window.stack.currentWidget() is bench
    assert window.windowTitle() == "Borrowing a role[*]"
    panel = bench.flow_panel
    assert panel.step_count() == 3
    assert panel.current_step() == 0
    assert [panel.steps.topLevelItem(i).text(2) for i in range(3)] == ["Allow", "Implicit deny", "Explicit deny"]
    text = bench.explanation.text()
    assert text.startswith("Alice asks STS for the role.\n\nWho am I now:\n") and "\n\nWhy:\n" in text
    assert bench.notice.isHidden()
    tree = bench.world_tree
    top = [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]
    assert top == ["o-a1b2c3d4e5 / r-ab12", "Account B (222222222222)", "AWS service principals"]
    # Step 1 is selected, and the trust policy statement that allowed it is open and marked.
    editor = bench.policy_tabs.current_editor()
    assert editor.objectName() == "policy:world.roles.CrossAccountRole.trust_policy"
    assert editor.marked_range() is not None
    assert settings.recent_files == [str(scenario_file.resolve())]


def test_controls_and_shortcuts_move_between_steps(window, qtbot):
    panel = window.workbench.flow_panel
    qtbot.keyClick(window, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert panel.current_step() == 1
    assert window.workbench.explanation.text().startswith("The bucket says nothing.")
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


def badges(window) -> list[str]:
    steps = window.workbench.flow_panel.steps
    return [steps.topLevelItem(i).text(2) for i in range(steps.topLevelItemCount())]


def test_stepping_marks_the_deciding_statement(window):
    bench = window.workbench
    bench.flow_panel.set_step(2)  # PutObject: the bucket policy's Deny statement decides
    editor = bench.policy_tabs.current_editor()
    assert editor.objectName() == "policy:world.resources.shared-bucket.policy"
    start, end = editor.marked_range()
    assert editor.toPlainText()[start:end].startswith('{"Effect": "Deny"')
    assert editor.toPlainText()[start:end].endswith("}")
    bench.flow_panel.set_step(1)  # implicit deny: nothing decided it, no mark
    assert all(e.marked_range() is None for e in bench.policy_tabs.editors().values())


def test_each_keystroke_re_evaluates_and_broken_json_keeps_the_last_verdicts(window, qtbot, scenario_file):
    bench = window.workbench
    assert badges(window)[0] == "Allow"
    editor = bench.open_policy("world.roles.CrossAccountRole.trust_policy")
    original = editor.toPlainText()
    cursor = editor.textCursor()
    cursor.setPosition(original.index("111111111111:root"))
    cursor.setPosition(original.index(":root"), cursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    qtbot.keyClicks(editor, "333333333333")  # the trust policy now names another account, not A
    assert badges(window)[0] == "Implicit deny"
    assert not bench.flow_panel.is_stale()

    editor.moveCursor(editor.textCursor().MoveOperation.Start)
    qtbot.keyClicks(editor, "x")  # not JSON any more: the last verdicts stay, greyed, with the reason
    assert badges(window)[0] == "Implicit deny"
    assert bench.flow_panel.is_stale()
    assert not bench.notice.isHidden()
    lines = scenario_file.read_text(encoding="utf-8").splitlines()
    policy_line = next(i for i, text in enumerate(lines, 1) if "trust_policy: |" in text) + 1
    # Where the broken character sits in the file (the text is indented 8 spaces in the YAML).
    assert bench.notice.problems.text().startswith(f"{scenario_file.name}:{policy_line}:9: ")
    assert editor.diagnostics()[0].line == 1

    while window.act_undo.isEnabled():  # the scenario's one history: Edit > Undo
        window.act_undo.trigger()
    assert editor.toPlainText() == original
    assert badges(window)[0] == "Allow"
    assert not bench.flow_panel.is_stale()
    assert bench.notice.isHidden()


def test_save_writes_the_edited_policy_back_into_the_file(window, scenario_file, qtbot):
    editor = window.workbench.open_policy("world.users.alice.policies.AllowAssume")
    before = scenario_file.read_text(encoding="utf-8")
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(editor, " ")
    window.act_save.trigger()
    assert not window.isWindowModified()
    after = scenario_file.read_text(encoding="utf-8")
    assert after != before
    assert after.replace("}\n \n", "}\n\n") .count("# ") == before.count("# ")  # comments kept
    assert [a for a in after.splitlines() if a not in before.splitlines()] == ["             "]


def test_a_scenario_the_loader_rejects_opens_with_its_problem(qtbot, settings, scenarios_dir, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text((scenarios_dir / "01-borrow.yaml").read_text(encoding="utf-8").replace(
        'management_account: "111111111111"', 'management_account: "111111111111"\n    typo_key: 1'),
        encoding="utf-8")
    window = MainWindow(settings, scenarios_dir)
    try:
        window.open_path(str(bad))
        bench = window.workbench
        assert not bench.notice.isHidden()
        line = next(i for i, text in enumerate(bad.read_text(encoding="utf-8").splitlines(), 1) if "typo_key" in text)
        assert bench.notice.problems.text().startswith(f"bad.yaml:{line}:5: ")
        assert "typo_key" in bench.notice.problems.text()
        assert badges(window)[0] == "Expected: Allow"  # what the file says, not evaluated
        assert bench.policy_tabs.current_editor() is not None  # the policies are still there to read
    finally:
        window.close()
        window.deleteLater()


def test_editing_a_policy_marks_the_window_modified_and_keeps_the_text(window, qtbot):
    policy_id = "world.users.alice.policies.AllowAssume"
    editor = window.workbench.open_policy(policy_id)
    assert not window.isWindowModified()
    assert not window.act_undo.isEnabled()
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(editor, "x")
    assert window.isWindowModified()
    assert window.act_undo.isEnabled()
    assert window.workbench.view().policy(policy_id).text.endswith("}\nx")
    problems = window.workbench.policy_tabs.problems

    def rows_for_policy():
        return [problems.row_at(r)[1] for r in range(problems.rowCount()) if problems.row_at(r)[0] == policy_id]

    [diag] = rows_for_policy()
    assert (diag.line, diag.severity) == (11, "error")
    window.act_undo.trigger()
    assert rows_for_policy() == []
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


def test_diagrams_follow_the_stepper_and_the_verdicts(window, qtbot):
    bench = window.workbench
    assert bench.diagrams.has_real_scene("architecture") and bench.diagrams.has_real_scene("sequence")
    assert bench.scenes.errors == {}
    sequence = bench.diagrams.views["sequence"].scene()
    assert sequence.element("step:assume").badge.status == "allow"
    assert sequence.element("step:write").badge.status == "deny"
    bench.flow_panel.set_step(1)
    assert sequence.element("step:read").opacity() == 1.0
    assert sequence.element("step:assume").opacity() < 1.0

    editor = bench.open_policy("world.roles.CrossAccountRole.trust_policy")
    editor.moveCursor(editor.textCursor().MoveOperation.Start)
    qtbot.keyClicks(editor, "x")  # stale: badges come off rather than show old news as current
    assert sequence.element("step:assume").badge is None


def test_export_the_diagram_on_screen(window, tmp_path):
    assert window.export_diagram_to(tmp_path / "arch.svg")
    svg = (tmp_path / "arch.svg").read_text(encoding="utf-8")
    assert "<svg" in svg and "CrossAccountRole" in svg  # labels stay text
    window.workbench.diagrams.setCurrentIndex(1)
    assert window.export_diagram_to(tmp_path / "flow.png")
    assert (tmp_path / "flow.png").stat().st_size > 1000


def test_a_what_if_switch_re_evaluates_with_its_patch(window, language):
    panel = window.workbench.flow_panel
    [check] = panel.what_if_checks
    assert check.text() == "The role trusts nobody"
    assert badges(window)[0] == "Allow"
    check.setChecked(True)
    assert panel.active_what_ifs() == ["no-trust"]
    assert badges(window)[0] == "Implicit deny"
    assert not panel.is_stale()
    language("ja")
    assert check.text() == "ロールが誰も信頼しない"
    assert panel.what_if_label.text() == "もしも:"
    check.setChecked(False)
    assert badges(window)[0] == "許可"


def test_clicking_the_diagram_opens_the_policies_behind_it(window, qtbot):
    bench = window.workbench
    view = bench.diagrams.views["architecture"]
    scene = view.scene()
    edge = scene.element("trust:root.111111111111->role.CrossAccountRole")
    assert edge is not None
    bench.policy_tabs.close_all()
    bench.diagrams.element_clicked.emit("architecture", edge.element_id)
    assert bench.policy_tabs.current_editor().objectName() == "policy:world.roles.CrossAccountRole.trust_policy"

    # A real click on the bucket node, through the view.
    node = scene.element("res.shared-bucket")
    bench.diagrams.setCurrentWidget(view)
    point = view.mapFromScene(node.sceneBoundingRect().center())
    assert view.element_at(point) == "res.shared-bucket"
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert bench.policy_tabs.current_editor().objectName() == "policy:world.resources.shared-bucket.policy"


def test_clicking_a_sequence_message_selects_its_step(window):
    bench = window.workbench
    bench.diagrams.element_clicked.emit("sequence", "step:write")
    assert bench.flow_panel.current_step() == 2
