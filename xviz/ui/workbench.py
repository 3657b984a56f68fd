"""The workbench for one scenario: world tree, diagrams, flow panel, policy editors, explanation.

It draws the snapshots of one `ScenarioDocument` and nothing else: `render(snapshot)` runs after every
change (a keystroke, a what-if, undo, redo, save), and every widget takes what it shows from that
snapshot. Edits go to the document, never from one widget to another.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFontInfo
from PySide6.QtGui import QUndoGroup
from PySide6.QtWidgets import QApplication, QFrame, QSplitter, QVBoxLayout, QWidget

from xviz.document import Snapshot
from xviz.document.views import ScenarioView
from xviz.ui.app import ui_context
from xviz.ui.diagram_area import DiagramArea
from xviz.ui.element_policies import policies_for_element
from xviz.ui.exercise_mode import ExerciseMode
from xviz.ui.explanation_panel import ExplanationPanel
from xviz.ui.flow_panel import FlowPanel
from xviz.ui.plain import mark_data, plain_label
from xviz.ui.policy_tabs import PolicyTabs
from xviz.ui.predict import HIDDEN
from xviz.ui.predict_mode import PredictMode
from xviz.ui.projector import Projector
from xviz.ui.review_tab import ReviewTab, walk_text
from xviz.ui.scenario_diagrams import ScenarioDiagrams
from xviz.ui.scenario_document import ScenarioDocument
from xviz.ui.source_charts import SourceCharts
from xviz.ui.stages import StageView, stage_title, stages_of
from xviz.ui.story_view import StoryView
from xviz.ui.world_tree import WorldTree


class NoticeBar(QFrame):
    """What could not be loaded, or why the last change cannot be evaluated; plain text."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("noticeBar")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        self.problems = mark_data(plain_label(wrap=True))  # carries the parser's own message
        self.summary = plain_label(wrap=True)
        layout.addWidget(self.summary)
        layout.addWidget(self.problems)
        self._view: ScenarioView | None = None
        ui_context().appearance_changed.connect(self._apply_style)
        self._apply_style()

    def _apply_style(self) -> None:
        colors = ui_context().colors
        self.setStyleSheet(f"QFrame#noticeBar {{ background: {colors.banner}; border-radius: 6px; }}"
                           f" QFrame#noticeBar QLabel {{ color: {colors.banner_text}; }}")

    def show_view(self, view: ScenarioView | None) -> None:
        self._view = view
        self.retranslate()

    def retranslate(self) -> None:
        view = self._view
        problems = view.problems if view else []
        edit_problems = view.edit_problems if view and view.stale else []
        self.setVisible(bool(problems or edit_problems))
        if edit_problems and not problems:
            problems = edit_problems
            self.summary.setText(self.tr(
                "Your last change cannot be evaluated yet, so the verdicts shown are from before it. "
                "Nothing you typed is lost."))
        elif problems:
            self.summary.setText(self.tr(
                "This scenario could not be read completely: everything that could be read is shown. "
                "Fix the problem below (a policy can be fixed in its editor); the scenario is evaluated "
                "as soon as it loads."))
        lines = []
        for p in problems:
            where = ":".join(str(x) for x in (Path(p.file).name if p.file else "", p.line, p.column) if x)
            lines.append(f"{where}: {p.message}" if where else p.message)
        self.problems.setText("\n".join(lines))

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class Workbench(QWidget):
    """Shows one ScenarioDocument at a time; `undo_group` holds its undo stack.

    Signals:
        step_changed(int): the current step of the current flow.
        tree_shown_changed(bool): the world tree was shown or hidden (presenter mode hides it).
        rendered(): a snapshot is on screen (after every change).
    """

    step_changed = Signal(int)
    tree_shown_changed = Signal(bool)
    rendered = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._document: ScenarioDocument | None = None
        self._snapshot: Snapshot | None = None
        self.undo_group = QUndoGroup(self)
        self.notice = NoticeBar()
        self.world_tree = mark_data(WorldTree())  # names from the file; its own words are tested apart
        self.diagrams = DiagramArea()
        self.flow_panel = FlowPanel()
        self.flow_panel.steps.setProperty("xviz_data_columns", [0, 1])
        self.policy_tabs = PolicyTabs(document_driven=True)
        self.policy_tabs.native_undo = False
        self.policy_tabs.current_editor_changed.connect(self._end_burst)
        self.explanation = ExplanationPanel()
        # Pages beside the diagrams (the story, the file's own charts) and the review questions.
        self.story = StoryView()
        self.source_charts = SourceCharts()
        for page in (self.story, self.source_charts):
            self.diagrams.addTab(page, page.tab_title())
        self.diagrams.views["source"] = self.source_charts.view  # fitted and sized for presenters alike
        self.review = ReviewTab()
        self.flow_panel.views.addTab(self.review, self.review.tab_title())
        self.predict = PredictMode(self)
        below = QWidget()  # under the diagrams: the prediction strip, then the steps
        below_layout = QVBoxLayout(below)
        below_layout.setContentsMargins(0, 0, 0, 0)
        below_layout.setSpacing(0)
        below_layout.addWidget(self.predict.bar)
        below_layout.addWidget(self.flow_panel, 1)
        self.projector = Projector(self)  # F11: the caption takes the step list's place
        below_layout.addWidget(self.projector.caption, 1)

        centre = QSplitter(Qt.Orientation.Vertical)
        centre.addWidget(self.diagrams)
        centre.addWidget(below)
        centre.setStretchFactor(0, 3)
        centre.setStretchFactor(1, 2)
        centre.setSizes([560, 380])
        self.centre = centre
        self.exercise = ExerciseMode(self)
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.policy_tabs)
        right.addWidget(self.explanation)
        right.setStretchFactor(0, 1)
        right.setStretchFactor(1, 1)
        right.setSizes([500, 440])  # the explanation needs room for a stage's statements
        self.right_column = QWidget()  # an exercise's goal and checks above the policies it is about
        right_layout = QVBoxLayout(self.right_column)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.exercise.panel)
        right_layout.addWidget(right, 1)
        main = QSplitter(Qt.Orientation.Horizontal)
        main.addWidget(self.world_tree)
        main.addWidget(centre)
        main.addWidget(self.right_column)
        main.setStretchFactor(0, 2)
        main.setStretchFactor(1, 5)
        main.setStretchFactor(2, 4)
        main.setSizes([260, 760, 580])
        self.splitter = main
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.notice)
        layout.addWidget(main, 1)

        self.scenes = ScenarioDiagrams(self.diagrams)
        self.world_tree.policy_activated.connect(self.open_policy)
        self.flow_panel.flow_changed.connect(self.scenes.set_flow)
        self.flow_panel.what_ifs_changed.connect(self._on_what_ifs_changed)
        self.diagrams.element_clicked.connect(self._on_element_clicked)
        self._presenter = False
        self._apply_presenter_layout()
        ui_context().appearance_changed.connect(self._on_appearance_changed)
        ui_context().language_changed.connect(self._rebuild_diagrams)
        self.flow_panel.step_changed.connect(self._on_step_changed)
        self.flow_panel.stage_changed.connect(self._on_stage_changed)
        self._stages: tuple[object, list[StageView]] = (None, [])  # (the StepRun, its stages)
        self._try_step = None  # the learner's own step, once evaluated
        self._tree_fitted = False
        self.flow_panel.request_editor.evaluated.connect(self._on_try_evaluated)
        self.flow_panel.view_changed.connect(lambda: self._on_step_changed(self.flow_panel.current_step()))
        self.flow_panel.flow_changed.connect(lambda _id: self._on_step_changed(self.flow_panel.current_step()))
        self.policy_tabs.policy_edited.connect(self._on_policy_edited)
        self.flow_panel.flow_changed.connect(lambda _id: self.story.show_story(self.view(), self._current_flow_id()))
        self.source_charts.charts_changed.connect(
            lambda count: self.diagrams.setTabVisible(self.diagrams.indexOf(self.source_charts), count > 0))
        self.diagrams.setTabVisible(self.diagrams.indexOf(self.source_charts), False)
        self.review.set_known_ids(self.scenes.has_architecture_element)
        self.review.lit_changed.connect(self._on_review_lit)
        self.review.walk_requested.connect(self._on_walk_requested)
        ui_context().language_changed.connect(self._title_pages)

    # --- the document -----------------------------------------------------------------------------
    def view(self) -> ScenarioView | None:
        return self._snapshot.view if self._snapshot is not None else None

    def snapshot(self) -> Snapshot | None:
        return self._snapshot

    def document(self) -> ScenarioDocument | None:
        return self._document

    @property
    def history(self):
        """The open document's undo stack (None before a scenario is opened)."""
        return self._document.history if self._document is not None else None

    def set_document(self, document: ScenarioDocument) -> None:
        """Show another scenario: everything is built again from its first snapshot."""
        if self._document is not None:
            self._document.changed.disconnect(self.render)
            self.undo_group.removeStack(self._document.history)
            self._document.deleteLater()
        self._document = document
        document.setParent(self)
        self.undo_group.addStack(document.history)
        self.undo_group.setActiveStack(document.history)
        document.changed.connect(self.render)
        self._snapshot = None
        self._tree_fitted = False
        self.policy_tabs.close_all()
        for kind in ("architecture", "sequence"):
            self.diagrams.reset(kind)
        self._try_step = None
        self.predict.opened(document.snapshot)
        self.render(document.snapshot)

    def rerender(self) -> None:
        """Draw the document's snapshot again (predict mode changed what is hidden), with the current
        step's deciding statement and stages as when it is chosen."""
        if self._document is not None:
            self.render(self._document.snapshot)
            self._on_step_changed(self.flow_panel.current_step())

    def render(self, snapshot: Snapshot) -> None:
        """Put a snapshot on screen: every widget shows what it holds and nothing else. In predict
        mode that is the snapshot with the verdicts not yet predicted taken out (see ui.predict)."""
        self.exercise.show(snapshot)
        snapshot = self.predict.shown(snapshot)
        first = self._snapshot is None
        previous, self._snapshot = self._snapshot, snapshot
        view = snapshot.view
        self.notice.show_view(view)
        if first or previous.view.tree != view.tree:
            self.world_tree.set_tree(view.tree)
            self._fit_tree_width()
        self.policy_tabs.show_policies(view.policies)
        if not first:  # an undo, a redo or a what-if changed a policy: its editor comes to the front
            before = {p.id: p.text for p in previous.view.policies}
            for policy in [p for p in view.policies if before.get(p.id) != p.text][:3]:
                self.open_policy(policy.id)
        if first:
            for policy in view.policies[:1]:  # the first policy open, ready to edit
                self.open_policy(policy.id)
            self.explanation.set_intro(view.summary)
            self.flow_panel.set_flows(view.flows)
        else:
            self.flow_panel.show_flows(view.flows)
        self.flow_panel.show_what_ifs(view.what_ifs)
        self.explanation.set_what_ifs(view.what_ifs)
        self.flow_panel.set_stale(view.stale)
        self.flow_panel.request_editor.set_source(snapshot if view.evaluated else None)
        self.story.show_story(view, self._current_flow_id())
        self.source_charts.show_charts(snapshot)
        self.scenes.show(snapshot, self._current_flow_id())
        self._show_current(keep_stage=not first)
        self.review.show_world(snapshot)  # after the step is lit: an answer asked again lights its own
        self.predict.refresh()
        self.rendered.emit()

    def _current_flow_id(self) -> str | None:
        flow = self.flow_panel.current_flow()
        return flow.id if flow else None

    def _on_element_clicked(self, kind: str, element_id: str) -> None:
        """A click on a diagram node or edge opens the policies behind it (the first one in front);
        a message of the sequence diagram selects its step."""
        if kind == "sequence":
            index = self.scenes.step_of_message(element_id)
            if index is not None:
                self.flow_panel.set_step(index)
            return
        if self.scenes.expand(element_id):  # a folded OU of a big organization opens
            self._follow_on_diagrams(None)
            return
        policy_ids = policies_for_element(element_id, self.view()) if self.view() is not None else []
        for policy_id in reversed(policy_ids):
            self.open_policy(policy_id)

    def _on_what_ifs_changed(self, names: list) -> None:
        if self._document is not None:
            self._document.set_what_ifs(names)

    def _end_burst(self) -> None:
        if self._document is not None:
            self._document.history.end_burst()

    def _rebuild_diagrams(self, *_args) -> None:
        """A language or theme switch: the diagrams are drawn again; the stage on show stays."""
        if self._snapshot is not None:
            self.scenes.rebuild()
            self._show_current(keep_stage=True)

    def _on_appearance_changed(self) -> None:
        self._apply_presenter_layout()
        self._rebuild_diagrams()

    def _apply_presenter_layout(self) -> None:
        """Presenter mode is a projector layout: the world tree steps aside (View menu brings it
        back) and no diagram label is fitted smaller than the body text. Leaving it restores both."""
        presenter = ui_context().presenter
        self.diagrams.set_min_label_px(QFontInfo(QApplication.font()).pixelSize() if presenter else 0)
        if presenter != self._presenter:
            self._presenter = presenter
            self.set_tree_shown(not presenter)

    def tree_shown(self) -> bool:
        return not self.world_tree.isHidden()

    def set_tree_shown(self, shown: bool) -> None:
        """Show or hide the world tree; the diagram and the policies share its room."""
        if shown == self.tree_shown():
            return
        self.world_tree.setHidden(not shown)
        self._fit_tree_width()
        self.tree_shown_changed.emit(shown)

    def _fit_tree_width(self) -> None:
        """Give the world tree room for its longest name, up to 2/9 of the window (none when hidden)."""
        sizes = self.splitter.sizes()
        total = sum(sizes) or self.width()
        wanted = self.world_tree.sizeHintForColumn(0) + self.world_tree.indentation() + 24
        tree = max(min(wanted, total * 2 // 9), min(total // 6, 200)) if self.tree_shown() else 0
        rest = max(total - tree, 1)
        centre = round(rest * 0.56)  # diagram and steps; the rest for the policy and the explanation
        self.splitter.setSizes([tree, centre, rest - centre])

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        if event.oldSize().width() <= 0 or abs(event.size().width() - event.oldSize().width()) > 200:
            self._fit_tree_width()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        if not self._tree_fitted:  # a scenario opened before the window was laid out: fit at its real size
            self._tree_fitted = True
            self._fit_tree_width()

    def open_policy(self, policy_id: str):
        """The policy's editor (opened as a tab when needed), or None for an unknown id."""
        view = self.view()
        policy = view.policy(policy_id) if view is not None else None
        return self.policy_tabs.open_policy(policy) if policy is not None else None

    def select(self, flow_id: str | None = None, step: int | None = None) -> bool:
        """Show a flow (by id) and a step (0-based); False when either does not exist."""
        if flow_id is not None and not self.flow_panel.select_flow(flow_id):
            return False
        if step is not None:
            if not 0 <= step < self.flow_panel.step_count():
                return False
            self.flow_panel.set_step(step)
        return True

    def _show_current(self, keep_stage: bool) -> None:
        """The current step (and stage) of the snapshot on show: explanation, stages, diagrams; with
        `keep_stage` False (a new scenario) also the deciding statement in its editor. A new snapshot
        of the same scenario never moves the cursor of the editor being typed in."""
        stale = bool(self._snapshot and self._snapshot.view.stale)
        index = self.flow_panel.current_step()
        stage = self.flow_panel.current_stage() if keep_stage else -1
        self._update_stages(keep=keep_stage)
        stages = self.stages()
        if 0 <= stage < len(stages):
            if stage != self.flow_panel.current_stage():
                self.flow_panel.set_stage(stage)
            self.explanation.show_stage(self.current_step_view(), stages, [self.stage_name(s) for s in stages], stage)
            self._follow_on_diagrams(stages[stage])
        else:
            step = self.current_step_view()
            self.explanation.show_step(step)
            if not keep_stage:
                self._show_step_focus(step)
            self._follow_on_diagrams(None)
        self.explanation.set_stale(stale)
        self.step_changed.emit(index)

    def _trying(self) -> bool:
        return self.flow_panel.trying() and self._try_step is not None

    def _on_try_evaluated(self, step) -> None:
        self._try_step = step
        self._on_step_changed(self.flow_panel.current_step())

    def current_step_view(self):
        """The step on show: the flow's current step, or the learner's own on the "Try" tab."""
        if self._trying():
            return self._try_step
        flow = self.flow_panel.current_flow()
        index = self.flow_panel.current_step()
        return flow.steps[index] if flow and 0 <= index < len(flow.steps) else None

    def stages(self) -> list[StageView]:
        """The current step's evaluation, stage by stage (sliced from its trace once per evaluation)."""
        step = self.current_step_view()
        run = step.run if step is not None else None
        if run is None:
            return []
        if self._stages[0] is not run:
            self._stages = (run, stages_of(run))
        return self._stages[1]

    def stage_name(self, stage: StageView) -> str:
        name = stage_title(stage, ui_context().language)
        return name + self.tr(" (the role's trust policy)") if stage.trust else name

    def _update_stages(self, keep: bool) -> None:
        stages = self.stages()
        decisive = next((i for i, s in enumerate(stages) if s.decisive), None)
        step = self.current_step_view()
        self.flow_panel.set_stages([self.stage_name(s) for s in stages], decisive, keep,
                                   waiting=step is not None and step.verdict == HIDDEN)

    def _on_step_changed(self, index: int) -> None:
        self.predict.refresh()
        self._update_stages(keep=False)
        step = self.current_step_view()
        self.explanation.show_step(step)
        self._show_step_focus(step)
        self._follow_on_diagrams(None)
        self.step_changed.emit(index)

    def _follow_on_diagrams(self, stage: StageView | None) -> None:
        """Light the current step (or one stage of it) on the diagrams; the diagrams light the flow's
        steps only, so the learner's own step lights nothing there."""
        if self._trying():
            self.scenes.follow(None, -1)
            return
        flow = self.flow_panel.current_flow()
        self.scenes.follow_stage(flow.id if flow else None, self.flow_panel.current_step(), stage)

    def _on_stage_changed(self, index: int) -> None:
        """Light one stage: its sentence and statements, its policy open with the statement (or the
        condition that failed) marked. -1 goes back to the whole step."""
        step = self.current_step_view()
        stages = self.stages()
        if not 0 <= index < len(stages):
            self.explanation.show_step(step)
            self._show_step_focus(step)
            self._follow_on_diagrams(None)
            return
        stage = stages[index]
        self._follow_on_diagrams(stage)
        self.explanation.show_stage(step, stages, [self.stage_name(s) for s in stages], index)
        focus = stage.focus()
        self._show_focus((focus.policy_id, *focus.at) if focus is not None else None, stage.policy_ids)

    def _show_step_focus(self, step) -> None:
        """The statement that decided the step; for an implicit deny (no statement decides it) what
        the deciding stage looked at, e.g. the trust policy's failing condition."""
        if step is None:
            self._show_focus(None, [])
        elif step.focus is not None or step.policy_ids:
            self._show_focus(step.focus, step.policy_ids)
        else:
            stage = next((s for s in self.stages() if s.decisive), None)
            focus = stage.focus() if stage is not None else None
            self._show_focus((focus.policy_id, *focus.at) if focus is not None else None,
                             stage.policy_ids if stage is not None else [])

    def _show_focus(self, focus: tuple[str, int, int] | None, policy_ids: list[str]) -> None:
        """Open the policy of `focus` and mark the statement there; else open the first policy named."""
        for editor in self.policy_tabs.editors().values():
            editor.mark_statement(None)
        if focus is not None:
            policy_id, line, column = focus
            editor = self.open_policy(policy_id)
            if editor is not None:
                editor.mark_statement(line, column)
        elif policy_ids:
            self.open_policy(policy_ids[0])

    def _title_pages(self, *_args) -> None:
        for page in (self.story, self.source_charts):
            self.diagrams.setTabText(self.diagrams.indexOf(page), page.tab_title())
        self.flow_panel.views.setTabText(self.flow_panel.views.indexOf(self.review), self.review.tab_title())

    def _on_review_lit(self, ids: tuple) -> None:
        """A review answer lit on the architecture (brought to the front); () lights the step again."""
        if ids:
            self.diagrams.setCurrentIndex(0)
            self.scenes.light_architecture(ids)
            return
        stages, stage = self.stages(), self.flow_panel.current_stage()
        self._follow_on_diagrams(stages[stage] if 0 <= stage < len(stages) else None)

    def _on_walk_requested(self, name: str, flow: dict) -> None:
        """A review answer becomes a flow of the scenario: a change of the document's text (undoable,
        saved with the file), then shown in the stepper at its first step."""
        view = self.view()
        if self._document is None or view is None:
            return
        try:
            text, flow_id = walk_text(self._document.document.state.file_text, [f.id for f in view.flows],
                                      name, flow)
        except ValueError as error:
            self.review.show_problem(str(error))
            return
        self._document.set_file_text(text, self.tr("Walk through an answer as steps"))
        if self.select(flow_id, 0):
            self.flow_panel.views.setCurrentIndex(0)

    def _on_policy_edited(self, policy_id: str, text: str) -> None:
        """A keystroke in an editor goes to the document (one undo step per burst of typing)."""
        if self._document is not None:
            self._document.edit_policy(policy_id, text)
