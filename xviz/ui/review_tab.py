"""The "Who can…? / Reach from…" tab of the flow panel: both review panels, fed from the snapshot.

The panels ask about the evaluated world on show (`snapshot.loaded`). A new world (an edit, a what-if,
an undo) is handed to them with the question kept, and a question that had an answer is asked again, so
an answer on screen is always the answer for the policies on screen. Their `lit_changed` and
`walk_requested` are passed on: the workbench lights the architecture and turns a walk into a change of
the document's text (`walk_text`), never into widgets.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QScrollArea, QSplitter, QTabWidget, QVBoxLayout, QWidget

from xviz.review.answers import add_flow
from xviz.ui.app import ui_context
from xviz.ui.plain import mark_data
from xviz.ui.review_panels import ReachPanel, WhoCanPanel, _ReviewPanel


def walk_text(text: str, existing, name: str, flow: dict) -> tuple[str, str]:
    """The scenario text with `flow` added as its first flow under a name no flow has yet (`name`,
    `name-2`, …), and that name. A file without flows gets a `flows:` section at its end. Raises
    ValueError when the file's `flows:` is not a block mapping the flow can be added to."""
    taken = set(existing)
    unique = name if name not in taken else next(f"{name}-{i}" for i in range(2, len(taken) + 3)
                                                   if f"{name}-{i}" not in taken)
    lines = text.splitlines()
    if not any(line.startswith("flows:") for line in lines):
        text = text + ("" if text.endswith("\n") or not text else "\n") + "flows:\n"
    return add_flow(text, unique, flow), unique


def _question(panel: _ReviewPanel) -> tuple:
    if isinstance(panel, WhoCanPanel):
        return (panel.resource.currentText(),)
    return (panel.start.currentText(),)


def _restore(panel: _ReviewPanel, question: tuple) -> None:
    """The combo boxes are refilled for a new world: put the learner's choice back."""
    combo = panel.resource if isinstance(panel, WhoCanPanel) else panel.start
    combo.setCurrentText(question[0])


class ReviewTab(QWidget):
    """Signals:
        lit_changed(tuple): diagram ids of an answer to light on the architecture; () clears.
        walk_requested(str, dict): an answer as a flow (name, data) to add to the scenario.
    """

    lit_changed = Signal(tuple)
    walk_requested = Signal(str, dict)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.who_can = WhoCanPanel()
        self.reach = ReachPanel()
        self._asked: set = set()  # the panels whose question the learner asked in this file
        # Below the diagram the room is wide and low: one question at a time, its answers beside it.
        self.questions = QTabWidget()
        self.questions.setDocumentMode(True)
        for panel in self.panels():
            # ARNs and answers come from the scenario (the panels' own words are in both languages).
            mark_data(panel.answers)
            for combo in (getattr(panel, "resource", None), getattr(panel, "start", None)):
                if combo is not None:
                    mark_data(combo)
            panel.title.hide()  # the tab says it
            panel.layout().removeWidget(panel.answers)
            panel.layout().addStretch(1)  # the form at the top, the answers beside it
            page = QSplitter(Qt.Orientation.Horizontal)
            page.addWidget(panel)
            page.addWidget(panel.answers)
            page.setStretchFactor(0, 2)
            page.setStretchFactor(1, 3)
            panel.layout().setContentsMargins(4, 4, 4, 4)
            panel.lit_changed.connect(self.lit_changed)
            panel.ask_button.clicked.connect(lambda _checked=False, p=panel: self._asked.add(p))
            panel.walk_requested.connect(lambda name, flow, p=panel: self._walk(p, name, flow))
            self.questions.addTab(page, "")
        self.who_can.action.returnPressed.connect(lambda: self._asked.add(self.who_can))
        scroller = QScrollArea()  # the forms must not make the flow panel (and the diagram above) give way
        scroller.setWidget(self.questions)
        scroller.setWidgetResizable(True)
        scroller.setFrameShape(QScrollArea.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroller)
        self._loaded = None
        self._file: str | None = None
        self._walking: _ReviewPanel = self.who_can  # the panel whose answer is being walked
        ui_context().language_changed.connect(self._retranslate)
        self._retranslate(ui_context().language)

    def panels(self) -> tuple[_ReviewPanel, _ReviewPanel]:
        return self.who_can, self.reach

    def tab_title(self) -> str:
        return self.tr("Who can…? / Reach from…")

    def set_known_ids(self, known) -> None:
        for panel in self.panels():
            panel.set_known_ids(known)

    def show_world(self, snapshot) -> None:
        """Ask about the world of a new snapshot (the same world again changes nothing). While the tab
        is not on show the newest snapshot waits for it, so typing elsewhere pays nothing here."""
        if not self.isVisible():
            self._waiting = snapshot
            return
        self._waiting = None
        loaded = snapshot.loaded if snapshot is not None else None
        if loaded is self._loaded:
            return
        self._loaded = loaded
        file = snapshot.state.file if snapshot is not None else None
        if file != self._file:  # another scenario: its own questions
            self._file, self._asked = file, set()
        for panel in self.panels():
            question = _question(panel)
            panel.set_scenario(loaded)
            _restore(panel, question)
            if panel in self._asked and loaded is not None:
                panel.ask()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        if getattr(self, "_waiting", None) is not None:
            self.show_world(self._waiting)

    def _walk(self, panel: _ReviewPanel, name: str, flow: dict) -> None:
        self._walking = panel
        self.walk_requested.emit(name, flow)

    def show_problem(self, message: str) -> None:
        """Why the answer just walked could not become a flow, under that answer."""
        self._walking.status.setText(message)

    def _retranslate(self, lang: str) -> None:
        for i, panel in enumerate(self.panels()):
            panel.retranslate(lang)
            self.questions.setTabText(i, panel.t("who_title" if panel is self.who_can else "reach_title"))
