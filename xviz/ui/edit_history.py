"""One undo stack for the whole scenario: every policy edit and every what-if switch, across editors.

The commands hold texts and switch states, not editor objects, so undoing an edit to a policy whose
tab was closed opens it again. Typing into one policy merges into one command while the burst lasts
(the same policy, keystrokes less than BURST_GAP_S apart, no undo or other edit in between).
"""
from __future__ import annotations

import itertools
import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand, QUndoStack

BURST_GAP_S = 1.5
POLICY_TEXT_ID = 1001  # QUndoCommand.id(): commands with the same id may merge


class PolicyTextCommand(QUndoCommand):
    """A policy's text before and after one burst of typing."""

    def __init__(self, apply: Callable[[str, str], None], policy_id: str, before: str, after: str, burst: int):
        super().__init__(QCoreApplication.translate("EditHistory", "Edit policy"))
        self._apply, self.policy_id, self.before, self.after, self.burst = apply, policy_id, before, after, burst

    def id(self) -> int:  # noqa: A003 - Qt API
        return POLICY_TEXT_ID

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt API
        if not isinstance(other, PolicyTextCommand) or (other.policy_id, other.burst) != (self.policy_id, self.burst):
            return False
        self.after = other.after
        return True

    def undo(self) -> None:
        self._apply(self.policy_id, self.before)

    def redo(self) -> None:
        self._apply(self.policy_id, self.after)


class WhatIfCommand(QUndoCommand):
    """The what-if switches before and after one toggle."""

    def __init__(self, apply: Callable[[list], None], before: list, after: list):
        super().__init__(QCoreApplication.translate("EditHistory", "Switch a what-if"))
        self._apply, self.before, self.after = apply, list(before), list(after)

    def undo(self) -> None:
        self._apply(self.before)

    def redo(self) -> None:
        self._apply(self.after)


class EditHistory(QUndoStack):
    """The scenario's undo stack. `apply_policy(id, text)` and `apply_what_ifs(names)` put a state on
    screen and into the live scenario; they run on push (idempotent: the editor already shows it),
    undo and redo. The stack's clean state is the saved file."""

    def __init__(self, apply_policy: Callable[[str, str], None], apply_what_ifs: Callable[[list], None], parent=None):
        super().__init__(parent)
        self._apply_policy, self._apply_what_ifs = apply_policy, apply_what_ifs
        self._bursts = itertools.count(1)
        self._burst: tuple[str, int, float] | None = None  # (policy id, burst number, time of last keystroke)
        self._applying = False
        self._pushing = False
        self.indexChanged.connect(self._seal_after_jump)

    def applying(self) -> bool:
        """True while a command puts its state on screen: the echoes of that are not new edits."""
        return self._applying

    def policy_edited(self, policy_id: str, before: str, after: str) -> None:
        if self._applying or before == after:
            return
        now = time.monotonic()
        if self._burst is None or self._burst[0] != policy_id or now - self._burst[2] > BURST_GAP_S:
            self._burst = (policy_id, next(self._bursts), now)
        self._burst = (policy_id, self._burst[1], now)
        self._push(PolicyTextCommand(self._run_policy, policy_id, before, after, self._burst[1]))

    def what_ifs_switched(self, before: list, after: list) -> None:
        if self._applying or list(before) == list(after):
            return
        self.end_burst()
        self._push(WhatIfCommand(self._run_what_ifs, before, after))

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

    def _run_policy(self, policy_id: str, text: str) -> None:
        self._guarded(self._apply_policy, policy_id, text)

    def _run_what_ifs(self, names: list) -> None:
        self._guarded(self._apply_what_ifs, list(names))

    def _guarded(self, apply, *args) -> None:
        self._applying = True
        try:
            apply(*args)
        finally:
            self._applying = False
