"""The policy editor: diagnostics at the right place, undo, brackets, hover text, colours."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QHelpEvent, QTextCursor
from PySide6.QtWidgets import QToolTip

from xviz.ui.diagnostics import EditorDiagnostic, json_syntax_validator, run_validator
from xviz.ui.policy_editor import PolicyEditor, bracket_pairs


POLICY = """\
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "sts:AssumeRole",
      "Resource": "arn:aws:iam::222222222222:role/CrossAccountRole"
    }
  ]
}
"""


def make_editor(qtbot, text=POLICY, **kwargs) -> PolicyEditor:
    editor = PolicyEditor(text, **kwargs)
    qtbot.addWidget(editor)
    editor.resize(700, 400)
    editor.show()
    return editor


def put_cursor(editor: PolicyEditor, line: int, column: int) -> None:
    cursor = editor.textCursor()
    cursor.setPosition(editor.qt_position(line, column))
    editor.setTextCursor(cursor)


def underlined_ranges(editor: PolicyEditor) -> list[tuple[int, int]]:
    return [(s.cursor.selectionStart(), s.cursor.selectionEnd()) for s in editor.extraSelections()
            if s.format.underlineStyle() != s.format.underlineStyle().NoUnderline]


def test_valid_policy_has_no_diagnostics(qtbot):
    editor = make_editor(qtbot)
    assert editor.diagnostics() == []
    assert underlined_ranges(editor) == []


def test_typing_broken_json_marks_the_right_line_and_undo_removes_it(qtbot):
    editor = make_editor(qtbot)
    put_cursor(editor, 5, 24)  # just after "Allow", before its comma
    assert editor.toPlainText().splitlines()[4][23] == ","
    qtbot.keyClicks(editor, '"')  # "Allow"", : the string ends, a stray quote opens another
    diagnostics = editor.diagnostics()
    assert len(diagnostics) == 1
    assert diagnostics[0].line == 5
    assert diagnostics[0].column == 24
    start, end = underlined_ranges(editor)[0]
    assert editor.document().findBlock(start).blockNumber() + 1 == 5
    assert end > start
    assert editor.diagnostic_at(start) == diagnostics[0]

    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.toPlainText() == POLICY
    assert editor.diagnostics() == []
    assert underlined_ranges(editor) == []

    editor.redo()
    assert editor.diagnostics()[0].line == 5


def test_missing_comma_points_at_the_next_line(qtbot):
    editor = make_editor(qtbot)
    put_cursor(editor, 2, 27)  # after "2012-10-17",
    cursor = editor.textCursor()
    cursor.deletePreviousChar()  # remove the comma
    editor.setTextCursor(cursor)
    [diag] = editor.diagnostics()
    assert (diag.line, diag.column) == (3, 3)
    start, end = underlined_ranges(editor)[0]
    assert editor.toPlainText()[start:end] == '"Statement"'


def test_error_after_an_emoji_is_underlined_at_the_right_character(qtbot):
    # "😀" is one code point for Python but two UTF-16 units for Qt: positions shift by one after it.
    text = '{"note": "😀", "x" 1}'
    editor = make_editor(qtbot, text)
    [diag] = editor.diagnostics()
    index = text.index("1")
    assert diag.column == index + 1
    assert underlined_ranges(editor) == [(index + 1, index + 2)]


def test_validation_never_changes_the_text(qtbot):
    broken = '{"Statement": [ {"Effect": "Allow",, } ]'
    editor = make_editor(qtbot, broken)
    assert editor.diagnostics()
    assert editor.toPlainText() == broken


@pytest.mark.qt_log_ignore(r"^This plugin does not support raise\(\)$")  # offscreen tool tip window
def test_hover_shows_the_message_as_plain_text(qtbot):
    def validator(text):
        return [EditorDiagnostic(1, 2, "<b>not bold</b> & more", "error")]

    editor = make_editor(qtbot, '{"a": 1}', validator=validator)
    [diag] = editor.diagnostics()
    start, _ = editor.diagnostic_range(diag)
    cursor = QTextCursor(editor.document())
    cursor.setPosition(start + 1)
    point = editor.cursorRect(cursor).center()
    event = QHelpEvent(QEvent.Type.ToolTip, point, editor.viewport().mapToGlobal(point))
    editor.viewportEvent(event)
    assert QToolTip.isVisible()
    assert "&lt;b&gt;not bold&lt;/b&gt; &amp; more" in QToolTip.text()
    QToolTip.hideText()


def test_custom_validator_diagnostics_and_crashing_validator(qtbot):
    def validator(text):
        return [EditorDiagnostic(3, 3, "Statement must not be empty", "warning", "X1")]

    editor = make_editor(qtbot, validator=validator)
    assert editor.diagnostics()[0].severity == "warning"

    def broken(text):
        raise RuntimeError("validator bug")

    editor.set_validator(broken)
    [diag] = editor.diagnostics()
    assert diag.line == 1 and "validator bug" in diag.message


def test_matching_bracket_and_unmatched_bracket(qtbot):
    editor = make_editor(qtbot, '{"a": ["]", 1]}')
    put_cursor(editor, 1, 8)  # just after the "["
    here, partner = editor.matching_bracket()
    assert (here, partner) == (6, 13)  # the "]" inside the string is skipped
    editor.setPlainText('{"a": [1}')
    put_cursor(editor, 1, 10)  # after the final "}"
    here, partner = editor.matching_bracket()
    assert here == 8 and partner == -1


def test_bracket_pairs_ignores_strings_and_escapes():
    text = '{"k\\"{": [1, {"x": "]"}]}'
    pairs = bracket_pairs(text)
    assert pairs[0] == len(text) - 1
    assert all(text[i] in "{}[]" for i in pairs)
    assert text.index("{", 1) not in pairs  # the brace inside the key's string


def test_json_syntax_validator_lines_and_columns():
    [diag] = json_syntax_validator('{\n  "a": 1,\n}')
    assert (diag.line, diag.column) == (3, 1)
    assert run_validator(json_syntax_validator, "[]") == []


def test_keys_and_strings_get_different_colours(qtbot):
    editor = make_editor(qtbot)
    block = editor.document().findBlockByNumber(4)  # "Effect": "Allow",
    formats = {(r.start, r.length): r.format.foreground().color().name() for r in block.layout().formats()}
    text = block.text()
    key = formats[(text.index('"Effect"'), len('"Effect"'))]
    value = formats[(text.index('"Allow"'), len('"Allow"'))]
    assert key != value


def test_gutter_reports_the_line_under_the_mouse(qtbot):
    editor = make_editor(qtbot)
    rect = editor.cursorRect(QTextCursor(editor.document().findBlockByNumber(3)))
    assert editor.line_at_y(rect.center().y()) == 4
    assert editor.line_at_y(QPoint(0, 1).y()) == 1
