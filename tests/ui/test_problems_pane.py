"""The problems list under the policy editor: one line when there is nothing to list."""
from __future__ import annotations


def test_no_problems_is_one_header_line_and_the_first_problem_opens_the_list(scenario_window, qtbot, language):
    window = scenario_window
    tabs = window.workbench.policy_tabs
    assert tabs.problems.rowCount() == 1  # the trust policy's confused-deputy warning, opened by the step
    assert tabs.problems_header.text() == "Problems (1)"
    tabs.close_all()
    window.workbench.open_policy("world.users.alice.policies.AllowAssume")
    assert tabs.problems.rowCount() == 0
    assert tabs.problems_header.text() == "No problems"
    assert tabs.problems_view.isHidden()
    one_line = tabs.problems_header.sizeHint().height() + 8
    assert tabs.sizes()[1] <= one_line  # the editor has the room, not an empty table

    editor = tabs.current_editor()
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(editor, "x")  # trailing garbage: one syntax error
    assert tabs.problems.rowCount() == 1
    assert tabs.problems_header.text() == "Problems (1)"
    assert not tabs.problems_view.isHidden()
    assert tabs.sizes()[1] > one_line + 40  # room for the rows

    language("ja")  # the same problem, in Japanese; no tab opens or closes
    assert tabs.problems.rowCount() == 1 and tabs.problems_header.text() == "問題 (1 件)"
    window.act_undo.trigger()
    tabs.close_all()
    assert tabs.problems.rowCount() == 0
    assert tabs.problems_header.text() == "問題はありません"
    assert tabs.problems_view.isHidden()
    assert tabs.sizes()[1] <= one_line


def test_the_list_stays_open_while_typing_through_invalid_json(scenario_window, qtbot):
    tabs = scenario_window.workbench.policy_tabs
    tabs.close_all()
    scenario_window.workbench.open_policy("world.users.alice.policies.AllowAssume")
    editor = tabs.current_editor()
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(editor, "x")
    opened = tabs.sizes()[1]
    qtbot.keyClick(editor, "\b")  # valid again: the list empties but does not fold under the learner's cursor
    assert tabs.problems.rowCount() == 0 and tabs.problems_header.text() == "No problems"
    assert not tabs.problems_view.isHidden() and tabs.sizes()[1] == opened
