"""An open scenario: its state, the snapshot of that state, and the changes a user makes. No Qt here
(the window wraps it in ui.scenario_document, which adds signals and the undo stack)."""
from __future__ import annotations

import dataclasses
import json
import os
from pathlib import Path

from xviz.document.base import Base, base_of_runs, evaluate_base
from xviz.document.build import full, with_policy_text
from xviz.document.snapshot import Snapshot
from xviz.document.state import DocumentState
from xviz.document.tree import policy_id
from xviz.scenario import ScenarioError
from xviz.document.raw import refused_snapshot
from xviz.files import Fingerprint, save_atomically
from xviz.scenario.loader import read_scenario_file, screen, splice_edits
from xviz.scenario.whatif import resolve_path


class Document:
    """Every change goes through `set_state` (edits, what-ifs, undo, redo alike) and yields one new
    snapshot; nothing else changes what is shown."""

    def __init__(self, file: str | os.PathLike | None, text: str):
        file = os.fspath(file) if file is not None else None
        self._base: tuple[str, Base | None] | None = None
        self.fingerprint: Fingerprint | None = None  # the file as read or last saved (see xviz.files)
        state = DocumentState(file, text)
        try:  # a text that would hang or crash a reader (an alias bomb, a huge line) reaches none
            screen(text, file)
        except ScenarioError as error:
            self.snapshot = refused_snapshot(state, error)
            return
        # The file as written is its own base: no step differs from itself, so it is evaluated once.
        self.snapshot: Snapshot = full(state, None)
        self._base = (text, base_of_runs(self.snapshot.runs) if self.snapshot.loaded is not None else None)

    @classmethod
    def open(cls, path: str | os.PathLike, text: str | None = None) -> "Document":
        """The file at `path` (or `text` standing for its content, e.g. a recovery copy). Raises
        ScenarioError when it cannot be read at all (missing, not UTF-8, over the size limit)."""
        fingerprint = None
        if text is None:
            text, fingerprint = read_scenario_file(path)
        document = cls(path, text)
        document.fingerprint = fingerprint
        return document

    @property
    def state(self) -> DocumentState:
        return self.snapshot.state

    @property
    def path(self) -> Path | None:
        return Path(self.state.file) if self.state.file else None

    def _base_for(self, file: str | None, text: str) -> Base | None:
        if self._base is None or self._base[0] != text:
            self._base = (text, evaluate_base(text, file))
        return self._base[1]

    # --- changes ----------------------------------------------------------------------------------
    def path_of(self, pid: str) -> tuple | None:
        return next((spot.path for spot in self.snapshot.spots if policy_id(spot.path) == pid), None)

    def state_with_edit(self, pid: str, text: str) -> DocumentState | None:
        """The state after typing `text` into policy `pid`; None for a policy that cannot be edited."""
        path = self.path_of(pid)
        view = self.snapshot.view.policy(pid)
        if path is None or view is None or view.read_only:
            return None
        return self.state.edit(path, text)

    def state_with_solution(self) -> DocumentState | None:
        """The state with the exercise's reference solution typed into its policies (None when the
        scenario is no exercise): an edit like any other, so undo takes it back."""
        loaded = self.snapshot.loaded
        exercise = loaded.model.exercise if loaded is not None else None
        if exercise is None:
            return None
        state = self.state
        for patch in exercise.solution:
            path = resolve_path(loaded.data, patch.path)
            if path is None or patch.remove:
                continue
            value = patch.value
            state = state.edit(path, value if isinstance(value, str) else json.dumps(value, indent=2))
        return state

    def state_with_what_ifs(self, names) -> DocumentState:
        order = [w.id for w in self.snapshot.view.what_ifs]
        return self.state.with_what_ifs(names, order)

    def set_state(self, state: DocumentState) -> Snapshot:
        """Show `state`. One policy's text changed alone: only the steps it touches are evaluated again."""
        current = self.state
        base = self._base_for(state.file, state.file_text)
        if state == current:
            return self.snapshot
        changed = {p for p, t in set(state.edits) ^ set(current.edits)}
        if (len(changed) == 1 and state.what_ifs == current.what_ifs and state.file_text == current.file_text
                and state.file == current.file and state.edited(next(iter(changed))) is not None):
            self.snapshot = with_policy_text(self.snapshot, state, next(iter(changed)), base)
        else:
            self.snapshot = full(state, base)
        return self.snapshot

    def edit(self, pid: str, text: str) -> Snapshot:
        state = self.state_with_edit(pid, text)
        return self.set_state(state) if state is not None else self.snapshot

    def set_what_ifs(self, names) -> Snapshot:
        return self.set_state(self.state_with_what_ifs(names))

    # --- the file ---------------------------------------------------------------------------------
    def text(self) -> str:
        """The file's text with every edit written into its block (comments and order kept)."""
        text, failed = splice_edits(self.state.file_text, self.state.edits, self.state.file)
        if failed:
            raise ScenarioError([problem for _path, problem in failed])
        return text

    def save(self, path: str | os.PathLike | None = None, expected: Fingerprint | None = None,
             allow_read_only: bool = False) -> Fingerprint:
        """Write the text with every edit (also one that does not parse: work in progress) atomically,
        refused (ChangedOnDisk, ReadOnlyFile) with the file untouched when it is not what was read or is
        read-only (see xviz.files.save_atomically). The state stays as it is (the edits are in the file
        now, and undo goes on working); only a save that happened moves the document to `path`."""
        target = os.fspath(path) if path is not None else self.state.file
        if target is None:
            raise ValueError("no file name to save to")
        self.fingerprint = save_atomically(target, self.text(), expected, allow_read_only=allow_read_only)
        if target != self.state.file:
            self.snapshot = full(dataclasses.replace(self.state, file=target),
                                 self._base_for(target, self.state.file_text))
        return self.fingerprint

    def moved(self, state: DocumentState) -> DocumentState:
        """`state` (e.g. from the undo stack) in the file the document belongs to now."""
        return state if state.file == self.state.file else dataclasses.replace(state, file=self.state.file)
