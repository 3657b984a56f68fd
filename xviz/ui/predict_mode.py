"""Predict mode in the workbench: which scenario predicts (remembered per scenario), the guesses made,
the keys A / E / I, and the strip that shows them. The workbench asks `shown(snapshot)` for what to
draw; a guess or a switch re-renders the document's own snapshot, so nothing is patched by hand."""
from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut

from xviz.document import Snapshot
from xviz.ui.predict import KEYS, Predictions, hidden_steps, masked
from xviz.ui.predict_bar import PredictBar, PredictShown


def scenario_key(snapshot: Snapshot | None) -> str:
    """The scenario's id (what settings and tallies are kept under), else its file."""
    if snapshot is not None and snapshot.loaded is not None:
        return snapshot.loaded.model.id
    return str(snapshot.state.file or "untitled") if snapshot is not None else ""


class PredictMode(QObject):
    """Signals:
        mode_changed(bool): predicting was switched on or off for the scenario on show.
    """

    mode_changed = Signal(bool)

    def __init__(self, workbench):
        super().__init__(workbench)
        self._bench = workbench
        self.settings = None  # AppSettings, set by the main window; None: not remembered
        self.bar = PredictBar()
        self._on = False
        self._scenario = ""
        self._predictions: dict[str, Predictions] = {}  # by scenario: a tally survives reopening
        self.bar.mode_toggled.connect(self.set_on)
        self.bar.guessed.connect(self.guess)
        self.bar.reset_requested.connect(self.reset)
        self.shortcuts = []
        for letter, key in KEYS.items():
            shortcut = QShortcut(QKeySequence(letter), workbench)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)  # text editors keep their letters
            shortcut.activated.connect(lambda k=key: self.guess(k))
            self.shortcuts.append(shortcut)
        self.mode_changed.connect(self._enable_keys)
        self._enable_keys(False)

    def _enable_keys(self, on: bool) -> None:
        for shortcut in self.shortcuts:  # off, the letters belong to whatever has focus
            shortcut.setEnabled(on)

    @property
    def predictions(self) -> Predictions:
        return self._predictions.setdefault(self._scenario, Predictions())

    def is_on(self) -> bool:
        return self._on

    def opened(self, snapshot: Snapshot) -> None:
        """A scenario was opened: predicting as last chosen for it."""
        self._scenario = scenario_key(snapshot)
        on = bool(self.settings and self.settings.predicting(self._scenario))
        if on != self._on:
            self._on = on
            self.mode_changed.emit(on)

    def shown(self, snapshot: Snapshot) -> Snapshot:
        """What the workbench draws: the snapshot with the verdicts not yet predicted taken out."""
        return masked(snapshot, self.predictions) if self._on else snapshot

    def hidden(self, snapshot: Snapshot) -> list:
        return hidden_steps(snapshot, self.predictions) if self._on else []

    def set_on(self, on: bool) -> None:
        on = bool(on)
        if on == self._on:
            self.refresh()
            return
        self._on = on
        if self.settings is not None:
            self.settings.set_predicting(self._scenario, on)
        self.mode_changed.emit(on)
        self._bench.rerender()

    def _current_truth(self):
        """The current step as the document evaluated it (not as masked)."""
        document = self._bench.document()
        flow = self._bench.flow_panel.current_flow()
        if document is None or flow is None or self._bench.flow_panel.trying():
            return None, ()
        snapshot = document.snapshot
        return snapshot.step(flow.id, self._bench.flow_panel.current_step()), snapshot.state.what_ifs

    def guess(self, key: str) -> None:
        """A guess (button, key, or the trainer entering the room's show of hands) reveals the step."""
        if not self._on:
            return
        step, what_ifs = self._current_truth()
        if step is not None and self.predictions.predict(step, what_ifs, key) is not None:
            self._bench.rerender()

    def reset(self) -> None:
        self.predictions.reset()
        self._bench.rerender()

    def refresh(self) -> None:
        """The strip for the step on show."""
        step, what_ifs = self._current_truth()
        self.bar.show_state(PredictShown(self._on, self.predictions.hidden(step, what_ifs),
                                         self.predictions.get(step, what_ifs), self.predictions.tally()))
