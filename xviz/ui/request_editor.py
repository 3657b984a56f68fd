""""Try a step of your own": pick who asks, for what, on which target, and see the engine's verdict.

The request runs through the same derivation and engine as the scenario's steps, against the
policies as they are now (edits and what-ifs included). It never changes the scenario or its file.
"""
from __future__ import annotations

import dataclasses

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QComboBox, QGridLayout, QHBoxLayout, QLineEdit, QPushButton, QSizePolicy, QVBoxLayout, QWidget,
)

from xviz.ui.app import ui_context
from xviz.ui.plain import mark_data, plain_label
from xviz.ui.try_request import TryError, TryRequest, action_choices, actor_choices, evaluate_try, target_choices
from xviz.ui.verdicts import verdict_color, verdict_label
from xviz.document.steps import step_view
from xviz.document.views import StepView


class RequestEditor(QWidget):
    """Signals:
        evaluated(object): a StepView of the learner's request, with its verdict and explanation.
    """

    evaluated = Signal(object)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._live = None
        self._choices = []
        self._lists: tuple = ()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 6, 4, 4)
        self.intro = plain_label(wrap=True)  # below the form: the form and the verdict come first
        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        self.actor_label, self.actor = plain_label(), mark_data(QComboBox())
        self.action_label, self.action = plain_label(), mark_data(QComboBox())
        self.action.setEditable(True)
        self.target_label, self.target = plain_label(), mark_data(QComboBox())
        self.object_label, self.object = plain_label(), QLineEdit()
        self.external_id_label, self.external_id = plain_label(), QLineEdit()
        self.source_ip_label, self.source_ip = plain_label(), QLineEdit()
        self.region_label, self.region = plain_label(), QLineEdit()
        fields = [(self.actor_label, self.actor), (self.action_label, self.action),
                  (self.target_label, self.target), (self.object_label, self.object),
                  (self.external_id_label, self.external_id), (self.source_ip_label, self.source_ip),
                  (self.region_label, self.region)]
        for n, (label, field) in enumerate(fields):
            label.setBuddy(field)
            field.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            if isinstance(field, QComboBox):
                field.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            row, column = divmod(n, 2)
            grid.addWidget(label, row, column * 2)
            grid.addWidget(field, row, column * 2 + 1)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        bottom = QHBoxLayout()  # above the form: the verdict stays in sight when the form scrolls
        self.run_button = QPushButton()
        self.run_button.setDefault(True)
        self.run_button.clicked.connect(self.evaluate)
        for line in (self.object, self.external_id, self.source_ip, self.region):
            line.returnPressed.connect(self.evaluate)
        self.action.lineEdit().returnPressed.connect(self.evaluate)
        self.verdict = plain_label()
        self.verdict.setObjectName("tryVerdict")
        self.verdict.setContentsMargins(8, 2, 8, 2)
        self.message = plain_label(data=True, wrap=True)  # the engine's or the model's own words
        bottom.addWidget(self.run_button)
        bottom.addWidget(self.verdict)
        bottom.addWidget(self.message, 1)
        layout.addLayout(bottom)
        layout.addLayout(grid)
        layout.addWidget(self.intro)
        layout.addStretch(1)
        self._result: StepView | None = None
        ui_context().appearance_changed.connect(self._show_verdict)
        self.retranslate()
        self.set_source(None)

    def set_source(self, snapshot) -> None:
        """The snapshot to ask (None: nothing evaluated, the editor says it cannot run). A new snapshot
        of the same world keeps the form, and a request already tried is evaluated again on it."""
        loaded = getattr(snapshot, "loaded", None)
        choices = actor_choices(loaded) if loaded is not None else []
        lists = ([self.actor_text(c) for c in choices], action_choices(loaded) if loaded is not None else [],
                 target_choices(loaded) if loaded is not None else [])
        self._live = snapshot
        if choices != self._choices or lists != self._lists:
            self._choices, self._lists = choices, lists
            for combo, items in zip((self.actor, self.action, self.target), lists):
                combo.clear()
                combo.addItems(items)
            self._result = None
        self.setEnabled(loaded is not None)
        self.message.setText("")
        if self._result is not None and loaded is not None:
            self.evaluate()
        self._show_verdict()

    def actor_text(self, choice) -> str:
        """`alice (user, 111111111111)`: the name from the file, the kind in the interface language."""
        kind = {"user": self.tr("user"), "role": self.tr("role session"), "service": self.tr("service"),
                "root": self.tr("account root user"), "account": self.tr("account, through a resource share"),
                "anonymous": self.tr("anonymous caller")}[choice.kind]
        if choice.kind == "anonymous":
            return kind
        if choice.kind in ("root", "account"):
            return f"{kind} ({choice.detail})"
        return f"{choice.key} ({kind}, {choice.detail})"

    def set_request(self, actor_key: str, action: str, target: str, **params: str) -> None:
        """Fill the form (tests, and a future "try this step" on a scenario step)."""
        index = next((i for i, c in enumerate(self._choices) if c.key == actor_key), -1)
        self.actor.setCurrentIndex(index)
        self.action.setEditText(action)
        self.target.setCurrentIndex(self.target.findText(target))
        for name in ("object", "external_id", "source_ip", "region"):
            getattr(self, name).setText(params.get(name, ""))

    def request(self) -> TryRequest | None:
        index = self.actor.currentIndex()
        if not 0 <= index < len(self._choices):
            return None
        return TryRequest(self._choices[index], self.action.currentText(), self.target.currentText(),
                          self.object.text().strip(), self.external_id.text().strip(),
                          self.source_ip.text().strip(), self.region.text().strip())

    def result(self) -> StepView | None:
        return self._result

    def evaluate(self) -> StepView | None:
        """Run the form's request; the verdict shows here, the explanation in the explanation panel."""
        loaded = getattr(self._live, "loaded", None)
        request = self.request()
        if loaded is None or request is None:
            return None
        try:
            run = evaluate_try(loaded, request)
        except TryError as error:
            self._result = None
            self.message.setText(self.tr("This request cannot be evaluated:") + f" {error}")
            self._show_verdict()
            return None
        # The learner's own step has no story: the explanation is the engine's alone.
        step = dataclasses.replace(step_view(run, None), narration="",
                                   title=f"{self.actor_text(request.actor)} → {request.action.strip()} → {request.target}")
        self._result = step
        self.message.setText("")
        self._show_verdict()
        self.evaluated.emit(step)
        return step

    def _show_verdict(self) -> None:
        step = self._result
        self.verdict.setVisible(step is not None)
        if step is None:
            return
        colors = ui_context().colors
        color = verdict_color(step.verdict, colors)
        self.verdict.setText(verdict_label(step.verdict))
        self.verdict.setStyleSheet(f"QLabel#tryVerdict {{ background: {color}; color: {colors.badge_text};"
                                   " border-radius: 6px; font-weight: bold; }")

    def retranslate(self) -> None:
        for i, choice in enumerate(self._choices):
            self.actor.setItemText(i, self.actor_text(choice))
        self.intro.setText(self.tr("Your own request, evaluated with the policies as they are now "
                                   "(edits and what-ifs included). The file is not changed."))
        self.actor_label.setText(self.tr("Who:"))
        self.action_label.setText(self.tr("Action:"))
        self.target_label.setText(self.tr("Target:"))
        self.object_label.setText(self.tr("Object key:"))
        self.object.setPlaceholderText(self.tr("optional, e.g. reports/2024.csv"))
        self.external_id_label.setText(self.tr("External ID:"))
        self.external_id.setPlaceholderText(self.tr("optional, for sts:AssumeRole"))
        self.source_ip_label.setText(self.tr("Source IP:"))
        self.source_ip.setPlaceholderText(self.tr("optional, e.g. 203.0.113.10"))
        self.region_label.setText(self.tr("Region:"))
        self.region.setPlaceholderText(self.tr("optional, e.g. ap-northeast-1"))
        self.run_button.setText(self.tr("Evaluate"))
        self._show_verdict()

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
