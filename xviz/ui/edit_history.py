"""One undo stack for the whole scenario: every policy edit and every what-if switch, across editors.

A command holds two document states (before, after) and puts one of them back through the scenario
document, never into a widget: the views follow the document's snapshot. Typing into one policy merges
into one command while the burst lasts (the same policy, keystrokes less than BURST_GAP_S apart, no
undo or other change in between).
"""
from __future__ import annotations

import itertools
import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand, QUndoStack

from xviz.document import DocumentState

BURST_GAP_S = 1.5
POLICY_TEXT_ID = 1001  # QUndoCommand.id(): commands with the same id may merge


class StateCommand(QUndoCommand):
    """The document's state before and after one change."""

    def __init__(self, apply: Callable[[DocumentState], None], text: str, before: DocumentState,
                 after: DocumentState, burst: tuple[str, int] | None = None):
        super().__init__(text)
        self._apply, self.before, self.after, self.burst = apply, before, after, burst

    def id(self) -> int:  # noqa: A003 - Qt API
        return POLICY_TEXT_ID if self.burst is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt API
        if not isinstance(other, StateCommand) or other.burst is None or other.burst != self.burst:
            return False
        self.after = other.after
        return True

    def undo(self) -> None:
        self._apply(self.before)

    def redo(self) -> None:
        self._apply(self.after)


class EditHistory(QUndoStack):
    """The scenario's undo stack. `apply(state)` shows a state (the document evaluates it); it runs on
    push (a no-op when the document is there already), undo and redo. The clean state is the saved file."""

    def __init__(self, apply: Callable[[DocumentState], None], parent=None):
        super().__init__(parent)
        self._apply = apply
        self._bursts = itertools.count(1)
        self._burst: tuple[str, int, float] | None = None  # (policy id, burst number, time of last keystroke)
        self._pushing = False
        self.indexChanged.connect(self._seal_after_jump)

    def policy_edited(self, policy_id: str, before: DocumentState, after: DocumentState) -> None:
        if before == after:
            return
        now = time.monotonic()
        if self._burst is None or self._burst[0] != policy_id or now - self._burst[2] > BURST_GAP_S:
            self._burst = (policy_id, next(self._bursts), now)
        self._burst = (policy_id, self._burst[1], now)
        self._push(StateCommand(self._apply, QCoreApplication.translate("EditHistory", "Edit policy"),
                                before, after, self._burst[:2]))

    def changed(self, before: DocumentState, after: DocumentState, text: str) -> None:
        """Any change but typing (a what-if, "Show solution", an answer walked as a flow): one undo step
        named `text` in the Edit menu."""
        if before == after:
            return
        self.end_burst()
        self._push(StateCommand(self._apply, text, before, after))

    def end_burst(self) -> None:
        """The next keystroke starts a new undo step (focus left the editor, a tab changed)."""
        self._burst = None

    def reset(self) -> None:
        """A new scenario: nothing to undo, and clean."""
        self.clear()
        self.end_burst()

    def _push(self, command: QUndoCommand) -> None:
        self._pushing = True
        try:
            self.push(command)
        finally:
            self._pushing = False

    def _seal_after_jump(self, _index: int) -> None:
        if not self._pushing:  # an undo or redo: typing after it is a new step
            self.end_burst()
