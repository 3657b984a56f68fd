"""The "Predict the verdict" strip: the switch, the three guesses (keys A / E / I), the line that says
right or wrong after a reveal, and the tally. It shows what the workbench hands it and sends the
learner's choices back as signals; it keeps no predictions of its own."""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QCheckBox, QFrame, QHBoxLayout, QPushButton, QWidget

from xviz.ui.app import ui_context
from xviz.ui.plain import plain_label
from xviz.ui.predict import GUESSES, Prediction
from xviz.ui.verdicts import verdict_color, verdict_label


@dataclass(frozen=True)
class PredictShown:
    """What the strip shows: the mode, whether the current step waits for a guess, the guess made for
    it (after a reveal), and the tally (right, made)."""

    on: bool = False
    waiting: bool = False
    made: Prediction | None = None
    tally: tuple[int, int] = (0, 0)


class PredictBar(QFrame):
    """Signals:
        mode_toggled(bool): the learner switched predicting on or off.
        guessed(str): a guess (a verdict key) for the current step.
        reset_requested(): the tally is to start again.
    """

    mode_toggled = Signal(bool)
    guessed = Signal(str)
    reset_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("predictBar")
        self._shown = PredictShown()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        self.toggle = QCheckBox()
        self.toggle.toggled.connect(self.mode_toggled.emit)
        layout.addWidget(self.toggle)
        self.prompt = plain_label()
        layout.addWidget(self.prompt)
        self.buttons: dict[str, QPushButton] = {}
        for key in GUESSES:
            button = QPushButton()
            button.clicked.connect(lambda _checked=False, k=key: self.guessed.emit(k))
            layout.addWidget(button)
            self.buttons[key] = button
        self.result = plain_label(wrap=True)
        self.result.setObjectName("predictResult")
        layout.addWidget(self.result, 1)
        self.tally = plain_label()
        layout.addWidget(self.tally)
        self.reset_button = QPushButton()
        self.reset_button.clicked.connect(self.reset_requested.emit)
        layout.addWidget(self.reset_button)
        ui_context().appearance_changed.connect(self._render)
        self._render()

    def show_state(self, shown: PredictShown) -> None:
        self._shown = shown
        self._render()

    def _render(self) -> None:
        shown = self._shown
        self.toggle.blockSignals(True)
        self.toggle.setChecked(shown.on)
        self.toggle.blockSignals(False)
        self.toggle.setText(self.tr("Predict the verdict"))
        room = ui_context().presenter
        self.prompt.setText(self.tr("The room's prediction:") if room else self.tr("Your prediction:"))
        letters = {"allow": "A", "explicit_deny": "E", "implicit_deny": "I"}
        colors = ui_context().colors
        for key, button in self.buttons.items():
            button.setText(f"{verdict_label(key)} ({letters[key]})")
            button.setVisible(shown.on and shown.waiting)
            button.setStyleSheet(f"QPushButton {{ border: 2px solid {verdict_color(key, colors)};"
                                 " border-radius: 6px; padding: 2px 10px; }")
        self.prompt.setVisible(shown.on and shown.waiting)
        self.result.setVisible(shown.on and shown.made is not None and not shown.waiting)
        if shown.made is not None:
            made = shown.made
            if made.right:
                text = self.tr("✓ Right: {0}.").format(verdict_label(made.actual))
            else:
                text = self.tr("✗ Not this time: predicted {0}, the verdict is {1}.").format(
                    verdict_label(made.guess), verdict_label(made.actual))
            self.result.setText(text)
            color = colors.allow if made.right else colors.explicit_deny
            self.result.setStyleSheet(f"QLabel#predictResult {{ color: {color}; font-weight: bold; }}")
        right, made = shown.tally
        self.tally.setText(self.tr("{0} of {1} predicted right").format(right, made))
        self.tally.setVisible(shown.on)
        self.reset_button.setText(self.tr("Reset tally"))
        self.reset_button.setVisible(shown.on and made > 0)

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.LanguageChange:
            self._render()
        super().changeEvent(event)
