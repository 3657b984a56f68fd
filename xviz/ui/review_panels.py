"""The "Who can…?" and "Reach from…" panels: ask a review question about the open scenario, list the
answer, light it on the architecture diagram and open it as steps to walk through.

Self-contained: give a panel the loaded scenario (`set_scenario`) and which diagram ids exist
(`set_known_ids`); connect `lit_changed` to the architecture scene's highlight (an empty tuple
clears it) and `walk_requested` to whatever adds a flow (`xviz.review.answers.add_flow` writes it
into the scenario text) and selects it in the stepper.
"""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QComboBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QTreeWidget,
                               QTreeWidgetItem, QVBoxLayout, QWidget)

from xviz.review.answers import reach_flow, reach_ids, who_can_flow, who_can_ids
from xviz.review.ask import ReviewError, parse_pairs
from xviz.review.index import ReviewIndex
from xviz.review.reach import reach
from xviz.review.texts import actor_kind, statement_line
from xviz.review.texts import text as answer_text
from xviz.review.who_can import who_can

TEXTS = {
    "en": {"who_title": "Who can…?", "reach_title": "Reach from…", "action": "Action", "resource": "Resource",
           "context": "Context", "service_context": "Service context", "from": "From", "ask": "Ask",
           "walk": "Walk through as steps", "pairs_hint": "KEY=VALUE, separated by spaces",
           "no_scenario": "Open a scenario first.", "principals": "{count} principal(s) allowed",
           "roles": "{count} role(s) reachable", "answer": "Answer", "why": "Kind / last call"},
    "ja": {"who_title": "誰が実行できるか", "reach_title": "到達できるロール", "action": "アクション",
           "resource": "リソース", "context": "コンテキスト", "service_context": "サービスのコンテキスト",
           "from": "起点", "ask": "問い合わせる", "walk": "ステップとしてたどる",
           "pairs_hint": "キー=値 を空白で区切って入力", "no_scenario": "先にシナリオを開いてください。",
           "principals": "許可されるプリンシパル: {count} 件", "roles": "引き受けられるロール: {count} 件",
           "answer": "回答", "why": "種類 / 最後の呼び出し"},
}


def _pairs(line: QLineEdit, option: str) -> dict:
    return parse_pairs(line.text().split(), option)


def _short(arn: str) -> str:
    """A chain link as a reader names it: the role or provider name (the full ARN is in the tooltip)."""
    return arn.rsplit("/", 1)[-1] if "/" in arn else arn


def _details(item: QTreeWidgetItem, lines: list[str], tips: list[str] | None = None) -> None:
    """Lines under an answer, across both columns."""
    for line, tip in zip(lines, tips or lines):
        child = QTreeWidgetItem([line])
        child.setToolTip(0, tip)
        item.addChild(child)
        child.setFirstColumnSpanned(True)


class _ReviewPanel(QWidget):
    """What both panels share: the scenario, the language, the answer list and the two signals.

    Signals:
        lit_changed(tuple): diagram ids to light (the rest dimmed); () clears.
        walk_requested(str, dict): a flow name and its data (ordinary scenario steps) to walk through.
    """

    lit_changed = Signal(tuple)
    walk_requested = Signal(str, dict)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.lang = "en"
        self.index: ReviewIndex | None = None
        self.known: Callable[[str], bool] = lambda _id: True
        self.title = QLabel()
        self.title.setObjectName("reviewPanelTitle")
        self.form = QFormLayout()
        self.ask_button = QPushButton()
        self.ask_button.clicked.connect(self.ask)
        self.walk_button = QPushButton()
        self.walk_button.setEnabled(False)
        self.walk_button.clicked.connect(self._walk)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.answers = QTreeWidget()
        self.answers.setColumnCount(2)
        self.answers.setUniformRowHeights(True)
        self.answers.itemSelectionChanged.connect(self._selection_changed)
        buttons = QHBoxLayout()
        buttons.addWidget(self.ask_button)
        buttons.addWidget(self.walk_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(self.form)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addWidget(self.answers, 1)
        self._results: list = []
        self._labels: dict[str, QLabel] = {}

    def _row(self, key: str, field: QWidget) -> None:
        label = QLabel()
        self._labels[key] = label
        self.form.addRow(label, field)

    def t(self, key: str, **params) -> str:
        return TEXTS[self.lang][key].format(**params)

    def set_scenario(self, loaded) -> None:
        self.index = ReviewIndex(loaded) if loaded is not None else None
        self.answers.clear()
        self._results = []
        self._fill_choices()
        self.lit_changed.emit(())

    def set_known_ids(self, known: Callable[[str], bool]) -> None:
        self.known = known

    def retranslate(self, lang: str) -> None:
        self.lang = lang
        for key, label in self._labels.items():
            label.setText(self.t(key))
        self.ask_button.setText(self.t("ask"))
        self.walk_button.setText(self.t("walk"))
        self.answers.setHeaderLabels([self.t("answer"), self.t("why")])
        self._retranslate_more()
        if self._results:
            self._show()

    def ask(self) -> None:
        if self.index is None:
            self.status.setText(self.t("no_scenario"))
            return
        try:
            self._results = self._answer()
        except ReviewError as err:
            self._results = []
            self.answers.clear()
            self.status.setText(str(err))
            self.lit_changed.emit(())
            return
        self._show()
        self.lit_changed.emit(self._ids(self._results))

    def _selection_changed(self) -> None:
        chosen = self._selected()
        self.walk_button.setEnabled(bool(self._results))
        self.lit_changed.emit(self._ids(chosen or self._results))

    def _selected(self) -> list:
        rows = {self.answers.indexOfTopLevelItem(item.parent() or item) for item in self.answers.selectedItems()}
        return [self._results[i] for i in sorted(rows) if 0 <= i < len(self._results)]

    def _walk(self) -> None:
        chosen = self._selected() or self._results
        if chosen:
            self.walk_requested.emit(*self._flow(chosen))

    # Each panel: _fill_choices, _retranslate_more, _answer, _show, _ids, _flow.


class WhoCanPanel(_ReviewPanel):
    """Who can do ACTION on RESOURCE: every principal allowed, with the statements that decided it."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.action = QLineEdit()
        self.action.setPlaceholderText("s3:GetObject")
        self.resource = QComboBox()
        self.resource.setEditable(True)
        self.resource.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.context = QLineEdit()
        self.service_context = QLineEdit()
        for key, field in (("action", self.action), ("resource", self.resource), ("context", self.context),
                           ("service_context", self.service_context)):
            self._row(key, field)
        self.action.returnPressed.connect(self.ask)
        self.retranslate("en")

    def _retranslate_more(self) -> None:
        self.title.setText(f"<b>{self.t('who_title')}</b>")
        for line in (self.context, self.service_context):
            line.setPlaceholderText(self.t("pairs_hint"))

    def _fill_choices(self) -> None:
        self.resource.clear()
        if self.index is not None:
            self.resource.addItems(sorted(self.index.resource_by_arn) + sorted(p.arn for p in self.index.principals
                                                                             if p.kind == "role"))

    def _answer(self) -> list:
        return who_can(self.index, self.action.text().strip(), self.resource.currentText().strip(),
                       _pairs(self.context, "--context"), _pairs(self.service_context, "--service-context"))

    def _show(self) -> None:
        self.answers.clear()
        for a in self._results:
            item = QTreeWidgetItem([a.principal, answer_text(self.lang, actor_kind(a.actor))])
            self.answers.addTopLevelItem(item)
            lines = [statement_line(self.lang, d) for d in a.result.get("decisive", [])]
            _details(item, lines or [answer_text(self.lang, "no_statement")])
        self.answers.expandAll()
        self.answers.resizeColumnToContents(0)
        self.status.setText(self.t("principals", count=len(self._results)))
        self.walk_button.setEnabled(bool(self._results))

    def _ids(self, answers: list) -> tuple:
        return who_can_ids(self.index, answers, self.resource.currentText().strip(), self.known) if answers else ()

    def _flow(self, answers: list) -> tuple[str, dict]:
        return "who-can", who_can_flow(answers, self.action.text().strip(), self.resource.currentText().strip())


class ReachPanel(_ReviewPanel):
    """Reach from a principal: every role it can assume, directly or by chaining, with a shortest chain."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.start = QComboBox()
        self.start.setEditable(True)
        self.start.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.context = QLineEdit()
        self._row("from", self.start)
        self._row("context", self.context)
        self.retranslate("en")

    def _retranslate_more(self) -> None:
        self.title.setText(f"<b>{self.t('reach_title')}</b>")
        self.context.setPlaceholderText(self.t("pairs_hint"))

    def _fill_choices(self) -> None:
        self.start.clear()
        if self.index is not None:
            self.start.addItems([p.arn for p in self.index.principals] + sorted(self.index.provider_by_arn))

    def _answer(self) -> list:
        return reach(self.index, self.start.currentText().strip(), _pairs(self.context, "--context"))

    def _show(self) -> None:
        self.answers.clear()
        for r in self._results:
            item = QTreeWidgetItem([r.role, r.hops[-1].plan.step.action])
            self.answers.addTopLevelItem(item)
            _details(item, [" → ".join(_short(arn) for arn in r.chain)], [" → ".join(r.chain)])
        self.answers.expandAll()
        self.answers.resizeColumnToContents(0)
        self.status.setText(self.t("roles", count=len(self._results)))
        self.walk_button.setEnabled(bool(self._results))

    def _ids(self, reached: list) -> tuple:
        return reach_ids(self.index, reached, self.known) if reached else ()

    def _flow(self, reached: list) -> tuple[str, dict]:
        return "reach", reach_flow(reached[0])
