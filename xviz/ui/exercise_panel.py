"""The exercise panel: the goal, every check with ✓/✗ as the snapshot on show has it, hints one at a
time, "Show solution", and the success line with the golf score. It is drawn from what the workbench
hands it (`show`) and sends the learner's requests back as signals."""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from xviz.ui.app import ui_context
from xviz.ui.catalog import join_lines, pick
from xviz.ui.plain import mark_data, plain_label
from xviz.ui.verdicts import verdict_label
from xviz.document.views import verdict_key


@dataclass(frozen=True)
class ExerciseShown:
    """What the panel shows: the exercise (model), its evaluation now (ExerciseResult, or None with
    `problem` saying why it cannot be checked), and how many hints the learner has asked for."""

    exercise: object | None = None  # xviz.scenario.model.Exercise
    result: object | None = None  # xviz.scenario.exercise.ExerciseResult
    problem: str = ""
    hints_seen: int = 0
    solved_before: bool = False


class ExercisePanel(QFrame):
    """Signals:
        hint_requested(): the next hint, please.
        solution_requested(): apply the reference solution (through the document, undoable).
    """

    hint_requested = Signal()
    solution_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("exercisePanel")
        self._shown = ExerciseShown()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(4)
        self.heading = plain_label()
        font = QFont(self.heading.font())
        font.setBold(True)
        self.heading.setFont(font)
        self.goal = mark_data(plain_label(wrap=True))
        self.checks = mark_data(plain_label(wrap=True))
        self.success = plain_label(wrap=True)
        self.success.setObjectName("exerciseSuccess")
        self.hints = mark_data(plain_label(wrap=True))
        buttons = QHBoxLayout()
        self.hint_button = QPushButton()
        self.hint_button.clicked.connect(self.hint_requested.emit)
        self.solution_button = QPushButton()
        self.solution_button.clicked.connect(self.solution_requested.emit)
        buttons.addWidget(self.hint_button)
        buttons.addWidget(self.solution_button)
        buttons.addStretch(1)
        for widget in (self.heading, self.goal, self.checks, self.success, self.hints):
            layout.addWidget(widget)
        layout.addLayout(buttons)
        ui_context().appearance_changed.connect(self._render)
        self.hide()

    def show_exercise(self, shown: ExerciseShown) -> None:
        self._shown = shown
        self._render()

    def check_lines(self) -> list[str]:
        return self.checks.text().splitlines()

    def _render(self) -> None:
        shown, language = self._shown, ui_context().language
        self.setVisible(shown.exercise is not None)
        if shown.exercise is None:
            return
        colors = ui_context().colors
        self.setStyleSheet(f"QFrame#exercisePanel {{ border: 2px solid {colors.info}; border-radius: 6px; }}")
        self.heading.setText(self.tr("Exercise"))
        self.goal.setText(join_lines(pick(shown.exercise.goal.model_dump(), language)))
        result = shown.result
        if result is None:
            self.checks.setText(self.tr("The checks cannot run yet: {0}").format(shown.problem))
        else:
            lines, now = [], self.tr("now: {0}")
            for check in result.checks:
                label = join_lines(pick(check.check.label.model_dump(), language))
                if check.met:
                    lines.append(f"✓ {label}")
                else:
                    lines.append(f"✗ {label}  (" + now.format(verdict_label(verdict_key(check.outcome))) + ")")
            self.checks.setText("\n".join(lines))
        solved = result is not None and result.all_met
        if solved:
            text = self.tr("★ Solved: every check holds.")
            if result.score is not None:
                text += " " + self.tr("Least-privilege score {0} (actions {1}, wildcards {2}, statements {3}); "
                                      "par {4}: fewer is better.").format(
                    result.score.total, result.score.actions, result.score.wildcards, result.score.statements,
                    result.reference.total if result.reference is not None else "–")
            self.success.setText(text)
            self.success.setStyleSheet(f"QLabel#exerciseSuccess {{ color: {colors.allow}; font-weight: bold; }}")
        self.success.setVisible(solved)
        hints = [join_lines(pick(h.model_dump(), language)) for h in shown.exercise.hints]
        seen = min(shown.hints_seen, len(hints))
        self.hints.setText("\n".join(self.tr("Hint {0} of {1}: {2}").format(n, len(hints), hint)
                                     for n, hint in enumerate(hints[:seen], 1)))
        self.hints.setVisible(seen > 0)
        self.hint_button.setText(self.tr("Show a hint") if seen == 0 else self.tr("Next hint"))
        self.hint_button.setEnabled(seen < len(hints))
        self.solution_button.setText(self.tr("Show solution"))

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.LanguageChange:
            self._render()
        super().changeEvent(event)
