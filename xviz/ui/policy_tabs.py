"""The policy editors, one tab per open policy, over the problems list of all of them."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QHeaderView, QLabel, QSplitter, QTableView, QTabWidget, QVBoxLayout,
                               QWidget)

from xviz.ui.app import mono_font, ui_context
from xviz.ui.diagnostics import ProblemsModel, Validator, engine_validator, localized
from xviz.ui.catalog import pick
from xviz.ui.plain import mark_data, plain_tooltip
from xviz.ui.policy_editor import PolicyEditor
from xviz.document.views import PolicyView, TreeNode
from xviz.ui.world_tree import node_label

ValidatorFactory = Callable[[PolicyView], Validator]
PROBLEMS_HEIGHT = 120  # the problems list's share when it has rows
QWIDGETSIZE_MAX = (1 << 24) - 1  # Qt's "no maximum"


def policy_tab_title(policy: PolicyView) -> str:
    """The policy's name; generic names ("trust policy") get their owner too, to tell tabs apart."""
    label = node_label(TreeNode(policy.name, "policy"))
    return f"{label} ({policy.owner})" if label != policy.name and policy.owner else label


class PolicyTabs(QSplitter):
    """Signals:
        policy_edited(str, str): a policy's id and its new text, after each keystroke.
        current_editor_changed(): the tab changed (the Edit menu follows the current editor's undo).
    """

    policy_edited = Signal(str, str)
    current_editor_changed = Signal()

    def __init__(self, parent: QWidget | None = None, validator_factory: ValidatorFactory | None = None,
                 document_driven: bool = False):
        """`document_driven`: texts, read-only state and findings come from the scenario document's
        snapshots (show_policies); the editors do not validate on their own."""
        super().__init__(Qt.Orientation.Vertical, parent)
        self._validator_factory = (lambda _policy: None) if document_driven else (
            validator_factory or (lambda policy: engine_validator(policy.policy_type)))
        self._document_driven = document_driven
        self._editors: dict[str, PolicyEditor] = {}
        self.native_undo = True  # False when the scenario's EditHistory undoes edits instead
        self._policies: dict[str, PolicyView] = {}
        self.tabs = mark_data(QTabWidget())  # tab titles are policy names from the file
        # One line over the editor when a what-if gave the policy's text (read-only then).
        self.banner = mark_data(QLabel())
        self.banner.setObjectName("policyBanner")
        self.banner.setWordWrap(True)
        self.banner.hide()
        editors = QWidget()
        editors_layout = QVBoxLayout(editors)
        editors_layout.setContentsMargins(0, 0, 0, 0)
        editors_layout.setSpacing(2)
        editors_layout.addWidget(self.banner)
        editors_layout.addWidget(self.tabs, 1)
        self.tabs.setDocumentMode(True)
        self.tabs.setTabsClosable(True)
        self.tabs.setMovable(True)
        self.tabs.tabCloseRequested.connect(self._close_tab)
        self.tabs.currentChanged.connect(lambda _i: self.current_editor_changed.emit())
        self.tabs.currentChanged.connect(lambda _i: self._show_banner())
        self.problems = ProblemsModel(self)
        self.problems_view = QTableView()
        self.problems_view.setModel(self.problems)
        self.problems_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.problems_view.verticalHeader().hide()
        header = self.problems_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # The message gets the room; a long one is elided and shown whole in its tool tip.
        header.setSectionResizeMode(ProblemsModel.COLUMNS.index("message"), QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        self.problems_view.setWordWrap(False)
        self.problems_view.activated.connect(self._jump_to_problem)
        # The list over a one-line header; with no problems only the header shows ("No problems"),
        # so the editor gets the room.
        self.problems_header = QLabel()
        self.problems_pane = QWidget()
        pane = QVBoxLayout(self.problems_pane)
        pane.setContentsMargins(4, 2, 4, 0)
        pane.setSpacing(2)
        pane.addWidget(self.problems_header)
        pane.addWidget(self.problems_view, 1)
        self.addWidget(editors)
        self.addWidget(self.problems_pane)
        self.setStretchFactor(0, 1)
        self.setStretchFactor(1, 0)  # room the window gains goes to the editor, not to the list
        self.setSizes([440, PROBLEMS_HEIGHT])
        self._problems_opened = False
        self.problems.modelReset.connect(self._show_problem_count)
        self._show_problem_count()
        ui_context().appearance_changed.connect(self._apply_appearance)
        self._apply_appearance()

    def editors(self) -> dict[str, PolicyEditor]:
        return dict(self._editors)

    def current_editor(self) -> PolicyEditor | None:
        widget = self.tabs.currentWidget()
        return widget if isinstance(widget, PolicyEditor) else None

    def open_policy(self, policy: PolicyView) -> PolicyEditor:
        editor = self._editors.get(policy.id)
        if editor is None:
            editor = PolicyEditor(policy.text, self._validator_factory(policy), colors=ui_context().colors)
            editor.setFont(mono_font(ui_context().point_size))
            editor.setObjectName(f"policy:{policy.id}")
            editor.setUndoRedoEnabled(self.native_undo)
            editor.diagnostics_changed.connect(lambda diags, pid=policy.id: self._on_diagnostics(pid, diags))
            editor.setReadOnly(policy.read_only)
            editor.policy_text_changed.connect(lambda text, pid=policy.id: self.policy_edited.emit(pid, text))
            self._editors[policy.id] = editor
            self._policies[policy.id] = policy
            index = self.tabs.addTab(editor, policy_tab_title(policy))
            self.tabs.setTabToolTip(index, plain_tooltip(f"{policy.owner} · {policy.policy_type}".strip(" ·")))
            if self._document_driven:
                editor.show_diagnostics(self._findings(policy))
            self._on_diagnostics(policy.id, editor.diagnostics())
        self.tabs.setCurrentWidget(editor)
        self._show_banner()
        return editor

    def show_policies(self, policies) -> None:
        """A new snapshot: each open editor shows its policy's text as evaluated (typed, undone, or a
        what-if's), read-only when a what-if gave it, with the document's findings; editors of policies
        that are gone close."""
        by_id = {p.id: p for p in policies}
        for policy_id, editor in list(self._editors.items()):
            policy = by_id.get(policy_id)
            if policy is None:
                self._close_tab(self.tabs.indexOf(editor))
                continue
            self._policies[policy_id] = policy
            editor.setReadOnly(policy.read_only)
            if editor.toPlainText() != policy.text:
                editor.replace_text(policy.text)
            editor.show_diagnostics(self._findings(policy))
        self._show_banner()

    def _findings(self, policy: PolicyView) -> list:
        language = ui_context().language
        return [localized(d, language) for d in policy.diagnostics]

    def current_policy(self) -> PolicyView | None:
        editor = self.current_editor()
        return next((self._policies[pid] for pid, e in self._editors.items() if e is editor), None)

    def _show_banner(self) -> None:
        policy = self.current_policy()
        text = pick(policy.banner, ui_context().language) if policy is not None and policy.banner else ""
        self.banner.setText(text)
        self.banner.setVisible(bool(text))

    def close_all(self) -> None:
        while self.tabs.count():
            self._close_tab(0)
        self._problems_opened = False  # nothing is being typed now: an empty list may fold again
        self._show_problem_count()

    def _close_tab(self, index: int) -> None:
        editor = self.tabs.widget(index)
        self.tabs.removeTab(index)
        for policy_id, candidate in list(self._editors.items()):
            if candidate is editor:  # the text lives on in the document: closing a tab loses nothing
                del self._editors[policy_id]
                self.problems.set_diagnostics(policy_id, [])
        editor.deleteLater()

    def _on_diagnostics(self, policy_id: str, diagnostics: list) -> None:
        self.problems.set_diagnostics(policy_id, diagnostics, policy_tab_title(self._policies[policy_id]))

    def _show_problem_count(self) -> None:
        count = self.problems.rowCount()
        self.problems_header.setText(self.tr("Problems ({count})").format(count=count) if count
                                     else self.tr("No problems"))
        total = sum(self.sizes())
        if not count and not self._problems_opened:
            self.problems_view.hide()
            height = self.problems_pane.sizeHint().height()
            self.problems_pane.setMaximumHeight(height)
            self.setSizes([max(total - height, 0), height])  # now, not at the next layout pass
        elif count and self.problems_view.isHidden():  # the first problem: the list opens at its usual height
            # and stays open, so the editor does not jump while the learner types through invalid JSON.
            self._problems_opened = True
            self.problems_view.show()
            self.problems_pane.setMaximumHeight(QWIDGETSIZE_MAX)
            wanted = self._problems_height()
            if total > 2 * wanted:
                self.setSizes([total - wanted, wanted])

    def _problems_height(self) -> int:
        """Room for the header and three rows, in the type size on show (presenter mode is larger)."""
        rows = self.problems_view.verticalHeader().defaultSectionSize() * 3
        return max(PROBLEMS_HEIGHT, self.problems_header.sizeHint().height() + rows
                   + self.problems_view.horizontalHeader().sizeHint().height() + 12)

    def _jump_to_problem(self, index) -> None:
        policy_id, diag = self.problems.row_at(index.row())
        if policy_id in self._editors:
            self.tabs.setCurrentWidget(self._editors[policy_id])
            self._editors[policy_id].go_to(diag.line, diag.column)

    def _apply_appearance(self) -> None:
        context = ui_context()
        self.banner.setStyleSheet(f"QLabel#policyBanner {{ background: {context.colors.banner};"
                                  f" color: {context.colors.banner_text}; padding: 3px 6px; border-radius: 4px; }}")
        for editor in self._editors.values():
            editor.set_colors(context.colors)
            editor.setFont(mono_font(context.point_size))

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.LanguageChange:
            for i in range(self.tabs.count()):
                for policy_id, editor in self._editors.items():
                    if editor is self.tabs.widget(i):
                        self.tabs.setTabText(i, policy_tab_title(self._policies[policy_id]))
                        self.problems.relabel(policy_id, policy_tab_title(self._policies[policy_id]))
            for policy_id, editor in self._editors.items():  # messages in the new language
                if self._document_driven:
                    editor.show_diagnostics(self._findings(self._policies[policy_id]))
                else:
                    editor.validate_now()
            self._show_banner()
            self.problems.retranslate()
            self._show_problem_count()
        super().changeEvent(event)
