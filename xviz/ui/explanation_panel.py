"""The explanation panel: the current step's verdict, its narration and the engine's reasons."""
from __future__ import annotations

import textwrap

from PySide6.QtCore import QEvent
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QPlainTextEdit, QVBoxLayout, QWidget

from xviz.ui.app import ui_context
from xviz.ui.catalog import join_lines, pick
from xviz.ui.plain import mark_data, plain_label
from xviz.ui.stages import StageView
from xviz.ui.verdicts import expected_label, verdict_color, verdict_label
from xviz.document.views import StepView


class ExplanationPanel(QWidget):
    """Shows one StepView (or the scenario's summary when no step is selected). Text only, never HTML."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._step: StepView | None = None
        self._stages: list[StageView] = []
        self._stage_names: list[str] = []
        self._stage = -1
        self._intro: object = ""
        self._stale = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(6)
        self.step_title = plain_label(data=True, wrap=True)
        font = QFont(self.step_title.font())
        font.setBold(True)
        self.step_title.setFont(font)
        self.verdict = plain_label()
        self.verdict.setObjectName("verdictBadge")
        self.verdict.setContentsMargins(8, 2, 8, 2)
        # What the switched-on what-ifs change, in the scenario's words: on screen while they are on.
        self.what_if_story = mark_data(plain_label(wrap=True))
        self.what_if_story.setObjectName("whatIfStory")
        self.what_if_story.setContentsMargins(6, 4, 6, 4)
        self.what_if_story.hide()
        self._what_ifs: tuple = ()
        self.notice = plain_label(wrap=True)
        self.notice.setFrameShape(QFrame.Shape.StyledPanel)
        self.notice.setContentsMargins(6, 4, 6, 4)
        self.body = mark_data(QPlainTextEdit())
        self.body.setReadOnly(True)
        self.body.setFrameShape(QFrame.Shape.NoFrame)
        layout.addWidget(self.step_title)
        layout.addWidget(self.verdict)
        layout.addWidget(self.what_if_story)
        layout.addWidget(self.notice)
        layout.addWidget(self.body, 1)
        ui_context().appearance_changed.connect(self._render)
        self._render()

    def set_stale(self, stale: bool) -> None:
        if stale != self._stale:
            self._stale = stale
            self._render()

    def set_what_ifs(self, what_ifs) -> None:
        """The scenario's switches (WhatIfView); the story of those switched on shows over the step."""
        active = tuple(w for w in what_ifs if w.active)
        if active != self._what_ifs:
            self._what_ifs = active
            self._render()

    def _show_what_ifs(self, language: str) -> None:
        colors = ui_context().colors
        self.what_if_story.setStyleSheet(f"QLabel#whatIfStory {{ background: {colors.banner}; color: {colors.banner_text};"
                                         " border-radius: 6px; }")
        stories = [self.tr("What if: {0}").format(pick(w.label, language).strip())
                   + ("\n" + join_paragraphs(pick(w.narration, language)) if w.narration else "")
                   for w in self._what_ifs]
        self.what_if_story.setText("\n\n".join(stories))
        self.what_if_story.setVisible(bool(stories))

    def set_intro(self, text: object) -> None:
        """The scenario's summary, shown before a step is chosen."""
        self._intro = text
        self._render()

    def show_step(self, step: StepView | None) -> None:
        """A step's story and reasons; the same view again (a keystroke elsewhere) redraws nothing."""
        if step is self._step and self._stage == -1 and step is not None:
            return
        self._step = step
        self._stage = -1
        self._render()

    def show_stage(self, step: StepView | None, stages: list[StageView], names: list[str], index: int) -> None:
        """One stage of the step's evaluation (index into `stages`, -1 for the whole step), with the
        list of all stages around it so the learner sees where in AWS's order they are."""
        self._step, self._stages, self._stage_names = step, list(stages), list(names)
        self._stage = index if 0 <= index < len(stages) else -1
        self._render()

    def current_stage(self) -> StageView | None:
        return self._stages[self._stage] if 0 <= self._stage < len(self._stages) else None

    def text(self) -> str:
        return self.body.toPlainText()

    def _render(self) -> None:
        language = ui_context().language
        self._show_what_ifs(language)
        step = self._step
        self.step_title.setVisible(step is not None)
        self.verdict.setVisible(step is not None)
        if step is None:
            self.notice.hide()
            self.body.setPlainText(join_paragraphs(pick(self._intro, language)))
        else:
            self.step_title.setText(step.title)
            shown = step.verdict or step.expected
            text = verdict_label(step.verdict) if step.verdict else verdict_label(None)
            if not step.verdict and step.expected:
                text = expected_label(step.expected)
            self.verdict.setText(text)
            color = ui_context().colors.card_border if self._stale and step.verdict else verdict_color(
                shown, ui_context().colors)
            filled = bool(step.verdict)
            self.verdict.setStyleSheet(
                f"QLabel#verdictBadge {{ background: {color if filled else 'transparent'};"
                f" color: {ui_context().colors.badge_text if filled else color}; border: 2px solid {color};"
                " border-radius: 6px; font-weight: bold; }")
            self._show_notice(step, language)
            if self.current_stage() is not None:
                self.body.setPlainText(self._stage_text(language))
                return
            self.body.setPlainText(self._step_text(step, language))

    def _show_notice(self, step: StepView, language: str) -> None:
        """One line over the text when it is not the scenario's own story of this verdict."""
        text = ""
        if self._stale and step.verdict:  # (a generated story says itself that it is the engine's)
            text = self.tr("Your last change cannot be evaluated yet: this is the verdict from before it.")
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    def _step_text(self, step: StepView, language: str) -> str:
        """The story of the verdict shown, what changed, the notes, then the engine's reasons."""
        parts = [join_paragraphs(pick(step.narration, language))]
        if step.changed and step.narration_written:  # a generated story already leads with it
            parts.append(self.tr("What changed:") + " " + pick(step.changed, language))
        notes = step.note_texts(language)
        if notes:
            parts.append(self.tr("Notes:") + "\n" + "\n".join(f"• {note}" for note in notes))
        if step.who_am_i is not None:
            parts.append(self.tr("Who am I now:") + "\n" + "\n".join(step.who_am_i.lines(language)))
        if step.cli.get(language):
            parts.append(self.tr("The same call with the AWS CLI:") + "\n" + "\n".join(step.cli[language]))
        reasons = step.explanation.get(language) or step.explanation.get("en") or []
        if reasons:  # already laid out by xviz.explain (indents, bullets): shown as they come
            parts.append(self.tr("Why:") + "\n" + "\n".join(line.rstrip() for line in reasons).strip("\n"))
        return "\n\n".join(p for p in parts if p)

    def _stage_text(self, language: str) -> str:
        stage, index, count = self.current_stage(), self._stage, len(self._stages)
        lines = [self.tr("Stage {0} of {1}: {2}").format(index + 1, count, self._stage_names[index])]
        lines += ["→ " + line for line in (stage.sentence.get(language) or stage.sentence.get("en", "")).splitlines()]
        if stage.decisive:
            lines.append("◆ " + self.tr("This stage decided the outcome of the step."))
        lines.append("")
        if stage.statements:
            lines.append(self.tr("Statements looked at (✓ matches, ✗ does not):"))
            for statement in stage.statements:
                mark = "✓" if statement.matched else "✗"
                text = statement.text.get(language) or statement.text.get("en", "")
                lines.append(f"  {mark} {text}")
        else:
            lines.append(self.tr("No statement takes part in this stage."))
        lines += ["", self.tr("All stages, in the order AWS evaluates them:")]
        for n, (other, name) in enumerate(zip(self._stages, self._stage_names)):
            pointer = "▶" if n == index else "  "
            decided = "  ◆ " + self.tr("decided here") if other.decisive else ""
            lines.append(f"{pointer} {n + 1}. {name}: {self._result_word(other.result)}{decided}")
        return "\n".join(lines)

    def _result_word(self, result: str) -> str:
        return {"allow": self.tr("allows"), "deny": self.tr("denies"), "no_allow": self.tr("no Allow"),
                "not_applicable": self.tr("does not apply")}.get(result, result)

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.LanguageChange:
            self._render()
        super().changeEvent(event)


def join_paragraphs(text: str) -> str:
    """Unwrap the hard line breaks of YAML block text; blank-line breaks and indented code stay."""
    paragraphs = []
    for paragraph in text.split("\n\n"):
        lines = [ln for ln in paragraph.splitlines() if ln.strip()]
        if not lines:
            continue
        if all(ln.startswith("    ") for ln in lines):  # a command or config example
            paragraphs.append(textwrap.dedent("\n".join(lines)))
        else:
            paragraphs.append(join_lines(paragraph))
    return "\n\n".join(paragraphs)
