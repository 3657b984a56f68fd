"""The policy editor: JSON text with colours, line numbers, matching brackets and diagnostics.

The editor never changes what the user typed: colours, bracket marks and wavy underlines are all
drawn on top (syntax formats and ExtraSelections). Undo and redo are the editor's own stack.
"""
from __future__ import annotations

import re
from PySide6.QtCore import QEvent, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QKeySequence, QPainter, QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QToolTip, QWidget

from xviz.ui.diagnostics import EditorDiagnostic, Validator, json_syntax_validator, run_validator, to_editor_diagnostic
from xviz.ui.json_highlighter import JsonHighlighter
from xviz.ui.plain import plain_tooltip
from xviz.ui.text_index import Utf16Map, utf16_len
from xviz.ui.theme import LIGHT, Colors

# What one underline covers: a string (closed or not), a word or number, else one character.
_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"?|[\w.+\-:*]+|\S')
_OPEN, _CLOSE = "{[", "}]"


def bracket_pairs(text: str) -> dict[int, int]:
    """Index of each bracket -> index of its partner (-1 when unmatched), ignoring brackets in strings."""
    pairs: dict[int, int] = {}
    stack: list[int] = []
    in_string = escaped = False
    for i, ch in enumerate(text):
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"' or ch == "\n":  # a JSON string never spans lines
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in _OPEN:
            stack.append(i)
        elif ch in _CLOSE:
            if stack and _OPEN.index(text[stack[-1]]) == _CLOSE.index(ch):
                opener = stack.pop()
                pairs[opener], pairs[i] = i, opener
            else:
                pairs[i] = -1
    for opener in stack:
        pairs[opener] = -1
    return pairs


class LineNumberGutter(QWidget):
    """Line numbers, with a coloured mark on lines that have a diagnostic."""

    MARK_WIDTH = 6

    def __init__(self, editor: "PolicyEditor"):
        super().__init__(editor)
        self._editor = editor

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(self.width_needed(), 0)

    def width_needed(self) -> int:
        digits = max(2, len(str(self._editor.blockCount())))
        return 10 + self.MARK_WIDTH + self.fontMetrics().horizontalAdvance("9") * digits

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt API
        self._editor.paint_gutter(self, event.rect())

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            line = self._editor.line_at_y(event.pos().y())
            messages = [d.message for d in self._editor.diagnostics() if d.line == line]
            if messages:
                QToolTip.showText(event.globalPos(), plain_tooltip("\n".join(messages)), self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)


class PolicyEditor(QPlainTextEdit):
    """Edits one policy document and validates it on every change.

    Signals:
        diagnostics_changed(list): the EditorDiagnostic list after each validation.
        policy_text_changed(str): the full text after each change, for the document to re-evaluate.
    """

    diagnostics_changed = Signal(list)
    policy_text_changed = Signal(str)

    def __init__(self, text: str = "", validator: Validator | None = json_syntax_validator,
                 parent: QWidget | None = None, colors: Colors = LIGHT):
        """`validator` None: the editor does not validate; its owner calls show_diagnostics."""
        super().__init__(parent)
        self._validator: Validator | None = validator
        self._diagnostics: list[EditorDiagnostic] = []
        self._colors = colors
        self._pairs_cache: tuple[str, dict[int, int]] = ("", {})
        self._marked: tuple[int, int] | None = None  # Qt positions of the statement the stepper points at
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.setMouseTracking(True)
        self._gutter = LineNumberGutter(self)
        self._highlighter = JsonHighlighter(self.document(), colors)
        self.blockCountChanged.connect(self._update_gutter_width)
        self.updateRequest.connect(self._scroll_gutter)
        self.cursorPositionChanged.connect(self._refresh_selections)
        self.document().contentsChanged.connect(self._on_contents_changed)
        self.setPlainText(text)  # starts a fresh undo stack: loading is not an edit
        self._update_gutter_width()

    # --- public -------------------------------------------------------------------------------
    def diagnostics(self) -> list[EditorDiagnostic]:
        return list(self._diagnostics)

    def set_validator(self, validator: Validator) -> None:
        self._validator = validator
        self.validate_now()

    def validate_now(self) -> None:
        if self._validator is None:  # the document validates; show_diagnostics brings its findings
            return
        self.show_diagnostics(run_validator(self._validator, self.toPlainText()))

    def show_diagnostics(self, diagnostics) -> None:
        """Underline these findings (line and column inside this text)."""
        found = [d if isinstance(d, EditorDiagnostic) else to_editor_diagnostic(d) for d in diagnostics]
        if found == self._diagnostics:
            return
        self._diagnostics = found
        self._refresh_selections()
        self._gutter.update()
        self.diagnostics_changed.emit(self.diagnostics())

    def set_colors(self, colors: Colors) -> None:
        self._colors = colors
        self._highlighter.set_colors(colors)
        self._refresh_selections()

    def setFont(self, font: QFont) -> None:  # noqa: N802 - Qt API
        super().setFont(font)
        self._gutter.setFont(font)
        self.setTabStopDistance(self.fontMetrics().horizontalAdvance(" ") * 4)
        self._update_gutter_width()

    def go_to(self, line: int, column: int = 1) -> None:
        """Put the cursor at a 1-based line and column (code points) and show it."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.qt_position(line, column))
        self.setTextCursor(cursor)
        self.centerCursor()
        self.setFocus()

    def mark_statement(self, line: int | None, column: int = 1) -> None:
        """Tint the JSON value starting at line/column (a statement's "{" … "}", or from a key such as
        a failing condition's to the end of its line) and scroll to it, without taking the keyboard
        focus; None clears the mark."""
        if line is None:
            self._marked = None
        else:
            start = self.qt_position(line, column)
            text = self.toPlainText()
            positions = Utf16Map(text)
            partner = bracket_pairs(text).get(positions.from_qt(start), -1)
            if partner >= 0:
                end = positions.to_qt(partner) + 1
            else:  # not a bracket (a condition key, an "Action"): the rest of its line
                block = self.document().findBlock(start)
                end = max(block.position() + block.length() - 1, start + 1)
            self._marked = (start, end)
            cursor = QTextCursor(self.document())
            cursor.setPosition(end)
            self.setTextCursor(cursor)  # end first, then start: the whole statement comes into view
            cursor.setPosition(start)
            self.setTextCursor(cursor)
        self._refresh_selections()

    def replace_text(self, text: str) -> None:
        """Show another version of the text (an undo or redo from the scenario's history): the view
        stays where it was and the cursor goes to the first place that differs."""
        old = self.toPlainText()
        if text == old:
            return
        same = next((i for i, (a, b) in enumerate(zip(old, text)) if a != b), min(len(old), len(text)))
        bar = self.verticalScrollBar().value()
        cursor = QTextCursor(self.document())
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.insertText(text)
        cursor.setPosition(Utf16Map(text).to_qt(same))
        self.setTextCursor(cursor)
        self.verticalScrollBar().setValue(bar)
        self.ensureCursorVisible()

    def event(self, event) -> bool:
        # With the scenario's shared history (no undo of its own), Ctrl+Z must reach the window's action.
        if (event.type() == QEvent.Type.ShortcutOverride and not self.isUndoRedoEnabled()
                and (event.matches(QKeySequence.StandardKey.Undo) or event.matches(QKeySequence.StandardKey.Redo))):
            event.ignore()
            return True
        return super().event(event)

    def marked_range(self) -> tuple[int, int] | None:
        return self._marked

    def qt_position(self, line: int, column: int) -> int:
        block = self.document().findBlockByNumber(max(line, 1) - 1)
        if not block.isValid():
            block = self.document().lastBlock()
        text = block.text()
        return block.position() + utf16_len(text[: max(column, 1) - 1])

    def diagnostic_range(self, diag: EditorDiagnostic) -> tuple[int, int]:
        """Qt positions [start, end) underlined for a diagnostic; empty only on an empty line."""
        block = self.document().findBlockByNumber(diag.line - 1)
        if not block.isValid():
            block = self.document().lastBlock()
        text = block.text()
        index = min(diag.column - 1, len(text))
        match = _TOKEN.match(text, index) if index < len(text) else None
        if match:
            start, end = match.start(), match.end()
        else:  # past the end of the line (e.g. a missing closing bracket): mark the last character
            start, end = max(len(text) - 1, 0), len(text)
        positions = Utf16Map(text)
        return block.position() + positions.to_qt(start), block.position() + positions.to_qt(end)

    def diagnostic_at(self, position: int) -> EditorDiagnostic | None:
        line = self.document().findBlock(position).blockNumber() + 1
        for diag in self._diagnostics:
            start, end = self.diagnostic_range(diag)
            if start <= position <= end and diag.line == line:
                return diag
        return None

    def line_at_y(self, y: int) -> int:
        """The 1-based line at a height in the gutter (which shares the viewport's top)."""
        return self.cursorForPosition(QPoint(0, y)).blockNumber() + 1

    # --- drawing ------------------------------------------------------------------------------
    def _on_contents_changed(self) -> None:
        self._marked = None  # the text moved under the mark
        self.validate_now()
        self.policy_text_changed.emit(self.toPlainText())

    def _update_gutter_width(self, *_args) -> None:
        self.setViewportMargins(self._gutter.width_needed(), 0, 0, 0)

    def _scroll_gutter(self, rect: QRect, dy: int) -> None:
        if dy:
            self._gutter.scroll(0, dy)
        else:
            self._gutter.update(0, rect.y(), self._gutter.width(), rect.height())

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        if self._marked is not None:  # marked while the window was still being laid out: keep it in view
            self.ensureCursorVisible()
        r = self.contentsRect()
        self._gutter.setGeometry(QRect(r.left(), r.top(), self._gutter.width_needed(), r.height()))

    def paint_gutter(self, gutter: QWidget, rect: QRect) -> None:
        painter = QPainter(gutter)
        palette = self.palette()
        painter.fillRect(rect, palette.alternateBase())
        marked = {}
        for diag in self._diagnostics:  # the most severe mark wins on a line
            if diag.line not in marked or diag.severity == "error":
                marked[diag.line] = diag.severity
        current = self.textCursor().blockNumber()
        block = self.firstVisibleBlock()
        top = round(self.blockBoundingGeometry(block).translated(self.contentOffset()).top())
        height = self.fontMetrics().height()
        while block.isValid() and top <= rect.bottom():
            bottom = top + round(self.blockBoundingRect(block).height())
            if block.isVisible() and bottom >= rect.top():
                number = block.blockNumber() + 1
                severity = marked.get(number)
                if severity:
                    painter.fillRect(QRect(2, top + 2, LineNumberGutter.MARK_WIDTH - 2, height - 4),
                                     QColor(self._severity_color(severity)))
                painter.setPen(palette.text().color() if block.blockNumber() == current
                               else palette.placeholderText().color())
                painter.drawText(QRect(0, top, gutter.width() - 6, height),
                                 Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, str(number))
            block = block.next()
            top = bottom
        painter.end()

    def _severity_color(self, severity: str) -> str:
        return {"error": self._colors.error, "warning": self._colors.warning}.get(severity, self._colors.info)

    def _refresh_selections(self) -> None:
        selections = [self._current_line_selection(), *self._statement_selection(), *self._bracket_selections()]
        for diag in self._diagnostics:
            selections.append(self._diagnostic_selection(diag))
        self.setExtraSelections(selections)

    def _current_line_selection(self) -> QTextEdit.ExtraSelection:
        sel = QTextEdit.ExtraSelection()
        sel.format.setBackground(QColor(self._colors.current_line))
        sel.format.setProperty(QTextFormat.Property.FullWidthSelection, True)
        sel.cursor = self.textCursor()
        sel.cursor.clearSelection()
        return sel

    def _statement_selection(self) -> list[QTextEdit.ExtraSelection]:
        # The cursor moves before the text changes when typing over a selection: a mark past the
        # shortened text is gone already.
        if self._marked is None or self._marked[0] >= self.document().characterCount():
            return []
        sel = QTextEdit.ExtraSelection()
        color = QColor(self._colors.statement_mark)
        sel.format.setBackground(color)
        sel.cursor = QTextCursor(self.document())
        sel.cursor.setPosition(self._marked[0])
        sel.cursor.setPosition(min(self._marked[1], self.document().characterCount() - 1),
                               QTextCursor.MoveMode.KeepAnchor)
        return [sel]

    def _diagnostic_selection(self, diag: EditorDiagnostic) -> QTextEdit.ExtraSelection:
        start, end = self.diagnostic_range(diag)
        sel = QTextEdit.ExtraSelection()
        color = QColor(self._severity_color(diag.severity))
        cursor = QTextCursor(self.document())
        if start == end:  # an empty line: tint the whole line instead of an invisible underline
            cursor.setPosition(start)
            color.setAlpha(60)
            sel.format.setBackground(color)
            sel.format.setProperty(QTextFormat.Property.FullWidthSelection, True)
        else:
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            sel.format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
            sel.format.setUnderlineColor(color)
        sel.cursor = cursor
        return sel

    def matching_bracket(self) -> tuple[int, int] | None:
        """Qt positions of the bracket at the cursor and of its partner (-1 when unmatched)."""
        text = self.toPlainText()
        if self._pairs_cache[0] != text:
            self._pairs_cache = (text, bracket_pairs(text))
        pairs = self._pairs_cache[1]
        positions = Utf16Map(text)
        index = positions.from_qt(self.textCursor().position())
        for candidate in (index - 1, index):  # the bracket just typed wins over the next one
            if candidate in pairs:
                partner = pairs[candidate]
                return positions.to_qt(candidate), (positions.to_qt(partner) if partner >= 0 else -1)
        return None

    def _bracket_selections(self) -> list[QTextEdit.ExtraSelection]:
        match = self.matching_bracket()
        if match is None:
            return []
        here, partner = match
        color = QColor(self._colors.bracket_match if partner >= 0 else self._colors.error)
        if partner < 0:
            color.setAlpha(90)
        selections = []
        for position in (here, partner):
            if position < 0:
                continue
            sel = QTextEdit.ExtraSelection()
            sel.cursor = QTextCursor(self.document())
            sel.cursor.setPosition(position)
            sel.cursor.setPosition(position + 1, QTextCursor.MoveMode.KeepAnchor)
            sel.format.setBackground(color)
            selections.append(sel)
        return selections

    # --- hover --------------------------------------------------------------------------------
    def viewportEvent(self, event) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.ToolTip:
            position = self.cursorForPosition(event.pos()).position()
            diag = self.diagnostic_at(position)
            if diag is not None:
                QToolTip.showText(event.globalPos(), plain_tooltip(diag.message), self.viewport())
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

