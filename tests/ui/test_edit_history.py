"""One undo stack for the scenario: policy edits in several editors and what-if switches, in order."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt


TRUST = "world.roles.CrossAccountRole.trust_policy"
ALICE = "world.users.alice.policies.AllowAssume"


@pytest.fixture
def window(scenario_window):
    return scenario_window


def verdicts(window) -> list[str | None]:
    return [step.verdict for step in window.workbench.view().flows[0].steps]


def type_at(qtbot, editor, needle: str, replacement: str) -> None:
    """Select `needle` in the editor and type `replacement` over it, key by key."""
    text = editor.toPlainText()
    cursor = editor.textCursor()
    cursor.setPosition(text.index(needle))
    cursor.setPosition(text.index(needle) + len(needle), cursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    qtbot.keyClicks(editor, replacement)


def test_undo_and_redo_across_two_editors_and_a_what_if(window, qtbot):
    bench = window.workbench
    history = bench.history
    trust = bench.open_policy(TRUST)
    trust_text = trust.toPlainText()
    type_at(qtbot, trust, "111111111111:root", "333333333333:root")  # one burst: one command
    assert history.count() == 1
    assert verdicts(window)[0] == "implicit_deny"

    alice = bench.open_policy(ALICE)
    alice_text = alice.toPlainText()
    type_at(qtbot, alice, "sts:AssumeRole", "sts:TagSession")
    assert history.count() == 2

    bench.flow_panel.what_if_checks[0].setChecked(True)  # the role trusts nobody
    assert history.count() == 3
    assert window.isWindowModified()

    window.act_undo.trigger()  # the what-if goes off again
    assert not bench.flow_panel.what_if_checks[0].isChecked()
    assert bench.snapshot().state.what_ifs == ()
    window.act_undo.trigger()  # alice's policy is back; the trust policy edit is still there
    assert alice.toPlainText() == alice_text
    assert trust.toPlainText() != trust_text
    assert bench.policy_tabs.current_editor() is alice
    window.act_undo.trigger()
    assert trust.toPlainText() == trust_text
    assert bench.view().policy(TRUST).text == trust_text
    assert verdicts(window)[0] == "allow"  # re-evaluated after each undo
    assert not window.isWindowModified()  # back at the file as it was opened
    assert not window.act_undo.isEnabled()

    for _ in range(2):
        window.act_redo.trigger()
    assert "333333333333:root" in trust.toPlainText()
    assert "sts:TagSession" in alice.toPlainText()
    window.act_redo.trigger()  # the what-if's own trust policy is evaluated now, and shown read-only
    assert trust.isReadOnly() and '"Statement": []' in trust.toPlainText()
    assert "333333333333:root" in bench.snapshot().state.edited(tuple(TRUST.split(".")))  # kept for later
    assert bench.flow_panel.what_if_checks[0].isChecked()
    assert bench.snapshot().state.what_ifs == ("no-trust",)
    assert window.isWindowModified()
    assert not window.act_redo.isEnabled()


def test_ctrl_z_in_an_editor_goes_through_the_scenario_history(window, qtbot):
    bench = window.workbench
    editor = bench.open_policy(ALICE)
    before = editor.toPlainText()
    editor.setFocus()
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(editor, "x")  # not JSON any more
    assert bench.view().stale
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.toPlainText() == before
    assert not bench.view().stale
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert editor.toPlainText() == before + "x"


def test_undo_reopens_a_closed_policy_and_typing_after_undo_is_a_new_step(window, qtbot):
    bench = window.workbench
    tabs = bench.policy_tabs
    editor = bench.open_policy(ALICE)
    before = editor.toPlainText()
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(editor, " ")
    tabs._close_tab(tabs.tabs.indexOf(editor))
    assert ALICE not in tabs.editors()
    window.act_undo.trigger()
    reopened = tabs.editors()[ALICE]
    assert reopened.toPlainText() == before
    assert tabs.current_editor() is reopened
    qtbot.keyClicks(reopened, "ab")
    assert bench.history.count() == 1  # the undone edit is gone; "ab" is one new step
    window.act_undo.trigger()
    assert reopened.toPlainText() == before


def test_saving_marks_the_history_clean(window, qtbot):
    editor = window.workbench.open_policy(ALICE)
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(editor, " ")
    assert window.isWindowModified()
    window.act_save.trigger()
    assert not window.isWindowModified()
    window.act_undo.trigger()  # now differs from the saved file
    assert window.isWindowModified()
    window.act_redo.trigger()
    assert not window.isWindowModified()
