"""The scenario document in the window: the plain `Document`, its undo stack, and one signal.

Every change (a keystroke, a what-if, undo, redo, save) becomes a new snapshot and `changed` carries it
to every view; views never change each other.
"""
from __future__ import annotations

import dataclasses
import os

from PySide6.QtCore import QCoreApplication, QObject, Signal

from xviz.document import Document, DocumentState, Snapshot
from xviz.ui.edit_history import EditHistory


class ScenarioDocument(QObject):
    """Signals:
        changed(object): the new Snapshot, after every change.
    """

    changed = Signal(object)

    def __init__(self, document: Document, parent: QObject | None = None):
        super().__init__(parent)
        self.document = document
        self.history = EditHistory(self._show_state, self)

    @property
    def snapshot(self) -> Snapshot:
        return self.document.snapshot

    def _show_state(self, state: DocumentState) -> None:
        before = self.document.snapshot
        after = self.document.set_state(self.document.moved(state))
        if after is not before:
            self.changed.emit(after)

    def edit_policy(self, policy_id: str, text: str) -> None:
        """A keystroke (or paste) in a policy's editor. The text the snapshot already shows is no change
        (an editor echoing what an undo put into it)."""
        shown = self.document.snapshot.view.policy(policy_id)
        if shown is None or shown.text == text:
            return
        after = self.document.state_with_edit(policy_id, text)
        if after is not None:
            self.history.policy_edited(policy_id, self.document.state, after)

    def set_what_ifs(self, names) -> None:
        self.history.changed(self.document.state, self.document.state_with_what_ifs(names),
                             QCoreApplication.translate("EditHistory", "Switch a what-if"))

    def set_file_text(self, text: str, label: str) -> None:
        """Replace the scenario's own text (the user's policy edits stay on top of it): one undo step
        named `label`, saved with the file."""
        state = self.document.state
        self.history.changed(state, dataclasses.replace(state, file_text=text), label)

    def show_solution(self) -> None:
        """Type the exercise's reference solution into its policies: one undoable change."""
        after = self.document.state_with_solution()
        if after is not None:
            self.history.changed(self.document.state, after, self.tr("Show solution"))

    def text(self) -> str:
        return self.document.text()

    def save(self, path: str | os.PathLike | None = None, expected=None, allow_read_only: bool = False):
        """Document.save (its refusals and OSError propagate); on success the history is clean here.
        Returns the saved file's fingerprint."""
        before = self.document.snapshot
        saved = self.document.save(path, expected, allow_read_only)
        self.history.setClean()
        if self.document.snapshot is not before:  # Save As: messages name the new file
            self.changed.emit(self.document.snapshot)
        return saved
