"""The flow panel: pick a flow, see its steps with a verdict badge each, and step through them."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QComboBox, QHBoxLayout, QHeaderView, QScrollArea, QTabWidget, QToolButton, QTreeWidget,
    QTreeWidgetItem, QVBoxLayout, QWidget,
)

from xviz.ui.app import ui_context
from xviz.ui.catalog import pick
from xviz.ui.icons import nav_icon
from xviz.ui.plain import mark_data, plain_label, plain_tooltip
from xviz.ui.request_editor import RequestEditor
from xviz.ui.verdicts import expected_label, verdict_color, verdict_label
from xviz.document.views import FlowView, WhatIfView

SPEEDS = (0.5, 1.0, 2.0, 4.0)
BASE_INTERVAL_MS = 2000  # one step every 2 s at 1x: time to read a badge aloud


class FlowPanel(QWidget):
    """Steps of the current flow and the stepping controls.

    Signals:
        flow_changed(str): the selected flow's id.
        step_changed(int): the current step's index in the flow (-1 when there is none).
        playing_changed(bool)
        what_ifs_changed(list): the ids of the switched-on what-ifs, in the scenario's order.
        stage_changed(int): the stage inside the current step's evaluation (-1: the whole step).
        view_changed(): the tab changed between the flow's steps and "Try a step of your own".
    """

    flow_changed = Signal(str)
    step_changed = Signal(int)
    playing_changed = Signal(bool)
    what_ifs_changed = Signal(list)
    stage_changed = Signal(int)
    view_changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._flows: list[FlowView] = []
        self._stage_names: list[str] = []
        self._stage = -1
        self._decisive_stage: int | None = None
        self._stale = False
        self._waiting = False  # the current step waits for a prediction (its stages come after)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._advance_while_playing)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        top = QHBoxLayout()
        self.flow_label = plain_label()
        self.flow_combo = mark_data(QComboBox())
        self.flow_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.flow_combo.currentIndexChanged.connect(self._on_flow_selected)
        self.flow_label.setBuddy(self.flow_combo)
        top.addWidget(self.flow_label)
        top.addWidget(self.flow_combo, 1)
        layout.addLayout(top)
        self.what_if_box = QWidget()
        # One switch per line: long labels must not widen the panel (and squeeze the editor).
        self._what_if_layout = QVBoxLayout(self.what_if_box)
        self._what_if_layout.setContentsMargins(0, 0, 0, 0)
        self._what_if_layout.setSpacing(2)
        self.what_if_label = plain_label()
        self._what_if_layout.addWidget(self.what_if_label)
        self.what_if_checks: list[QCheckBox] = []
        self._what_ifs: list[WhatIfView] = []
        self.what_if_box.hide()
        layout.addWidget(self.what_if_box)

        self.steps = QTreeWidget()
        self.steps.setColumnCount(3)
        self.steps.setRootIsDecorated(False)
        self.steps.setUniformRowHeights(True)
        self.steps.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.steps.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        self.steps.currentItemChanged.connect(self._on_step_selected)
        self.request_editor = RequestEditor()
        self.views = QTabWidget()  # the flow's steps, or a step of the learner's own
        self.views.setDocumentMode(True)
        self.views.addTab(self.steps, "")
        scroller = QScrollArea()  # its form must not make the panel (and the diagram above) give way
        scroller.setWidget(self.request_editor)
        scroller.setWidgetResizable(True)
        scroller.setFrameShape(QScrollArea.Shape.NoFrame)
        self.views.addTab(scroller, "")
        self.views.currentChanged.connect(lambda _i: self.view_changed.emit())
        layout.addWidget(self.views, 1)

        controls = QHBoxLayout()
        self.first_button = self._tool(self.go_first)
        self.back_button = self._tool(self.go_back)
        self.play_button = self._tool(self.toggle_play)
        self.forward_button = self._tool(self.go_forward)
        self.last_button = self._tool(self.go_last)
        for button in (self.first_button, self.back_button, self.play_button, self.forward_button, self.last_button):
            controls.addWidget(button)
        self.position_label = plain_label()
        controls.addSpacing(8)
        controls.addWidget(self.position_label)
        controls.addStretch(1)
        self.speed_label = plain_label()
        self.speed_combo = QComboBox()
        for speed in SPEEDS:
            self.speed_combo.addItem(f"{speed:g}×", speed)
        self.speed_combo.setCurrentIndex(SPEEDS.index(1.0))
        self.speed_combo.currentIndexChanged.connect(self._update_interval)
        self.speed_label.setBuddy(self.speed_combo)
        controls.addWidget(self.speed_label)
        controls.addWidget(self.speed_combo)
        layout.addLayout(controls)

        # Second level: the stages of the current step's evaluation, replayed from its trace.
        stage_row = QHBoxLayout()
        self.stage_back_button = self._tool(self.stage_back)
        self.stage_forward_button = self._tool(self.stage_forward)
        self.stage_label = plain_label()
        self.stage_position = plain_label(data=True, wrap=True)  # the stage name comes from the explain catalogue
        self.stage_position.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        stage_row.addWidget(self.stage_back_button)
        stage_row.addWidget(self.stage_forward_button)
        stage_row.addSpacing(8)
        stage_row.addWidget(self.stage_label)
        stage_row.addWidget(self.stage_position, 1)
        layout.addLayout(stage_row)
        self._update_interval()
        ui_context().appearance_changed.connect(self._refresh_rows)
        ui_context().appearance_changed.connect(self._update_icons)
        self.retranslate()

    def _tool(self, slot) -> QToolButton:
        button = QToolButton()
        button.setAutoRaise(True)
        button.clicked.connect(slot)
        return button

    def _update_icons(self) -> None:
        """Icons as tall as a line of text, in the text colour: they grow in presenter mode."""
        size = max(16, round(self.fontMetrics().height() * 1.2))
        color = self.palette().buttonText().color()
        for button, kind in ((self.first_button, "first"), (self.back_button, "back"),
                             (self.forward_button, "forward"), (self.last_button, "last")):
            button.setIcon(nav_icon(kind, color, size))
            button.setIconSize(QSize(size, size))
        self.play_button.setIcon(nav_icon("pause" if self.is_playing() else "play", color, size))
        self.play_button.setIconSize(QSize(size, size))
        for button, kind in ((self.stage_back_button, "up"), (self.stage_forward_button, "down")):
            button.setIcon(nav_icon(kind, color, size))
            button.setIconSize(QSize(size, size))

    # --- content ------------------------------------------------------------------------------
    def set_flows(self, flows: list[FlowView]) -> None:
        self.stop()
        self._flows = list(flows)
        self.flow_combo.blockSignals(True)
        self.flow_combo.clear()
        language = ui_context().language
        for flow in self._flows:
            self.flow_combo.addItem(pick(flow.title, language) or flow.id, flow.id)
        self.flow_combo.blockSignals(False)
        self._on_flow_selected(0 if flows else -1)

    def show_flows(self, flows) -> None:
        """The flows of a new snapshot: titles, steps and verdicts change in place; the flow and step on
        show stay (a keystroke or a what-if must not move the learner)."""
        flows = list(flows)
        shape = [(f.id, len(f.steps)) for f in flows]
        if shape != [(f.id, len(f.steps)) for f in self._flows]:
            flow, step = self.current_flow(), self.current_step()
            self.set_flows(flows)
            if flow is not None and self.select_flow(flow.id):
                self.set_step(step)
            return
        self._flows = flows
        language = ui_context().language
        for i, flow in enumerate(self._flows):
            self.flow_combo.setItemText(i, pick(flow.title, language) or flow.id)
        self._refresh_rows()

    def show_what_ifs(self, what_ifs) -> None:
        """The switches of a new snapshot: ticked as the document says, with the story of those on."""
        what_ifs = list(what_ifs)
        if [w.id for w in what_ifs] != [w.id for w in self._what_ifs]:
            self.set_what_ifs(what_ifs)
        self._what_ifs = what_ifs
        self.show_active_what_ifs([w.id for w in what_ifs if w.active])
        self._label_what_ifs()

    def set_what_ifs(self, what_ifs: list[WhatIfView]) -> None:
        """One check box per switch; the labels come from the scenario (in its language)."""
        for check in self.what_if_checks:
            check.setParent(None)
            check.deleteLater()
        self._what_ifs = list(what_ifs)
        self.what_if_checks = []
        for i, what_if in enumerate(self._what_ifs):
            check = mark_data(QCheckBox())
            check.toggled.connect(self._on_what_if_toggled)
            self._what_if_layout.insertWidget(1 + i, check)
            self.what_if_checks.append(check)
        self.what_if_box.setVisible(bool(self._what_ifs))
        self._label_what_ifs()

    def show_active_what_ifs(self, names: list[str]) -> None:
        """Tick exactly these switches without announcing it (an undo puts them back)."""
        for what_if, check in zip(self._what_ifs, self.what_if_checks):
            check.blockSignals(True)
            check.setChecked(what_if.id in names)
            check.blockSignals(False)

    def active_what_ifs(self) -> list[str]:
        return [w.id for w, check in zip(self._what_ifs, self.what_if_checks) if check.isChecked()]

    def _on_what_if_toggled(self, _checked: bool) -> None:
        self.what_ifs_changed.emit(self.active_what_ifs())

    def _label_what_ifs(self) -> None:
        language = ui_context().language
        for what_if, check in zip(self._what_ifs, self.what_if_checks):
            check.setText(pick(what_if.label, language) or what_if.id)
            check.setToolTip(plain_tooltip(pick(what_if.narration, language)))

    def current_flow(self) -> FlowView | None:
        index = self.flow_combo.currentIndex()
        return self._flows[index] if 0 <= index < len(self._flows) else None

    def select_flow(self, flow_id: str) -> bool:
        index = self.flow_combo.findData(flow_id)
        if index < 0:
            return False
        self.flow_combo.setCurrentIndex(index)
        return True

    def trying(self) -> bool:
        """The "Try a step of your own" tab is in front."""
        return self.views.currentIndex() == 1

    def current_step(self) -> int:
        item = self.steps.currentItem()
        return self.steps.indexOfTopLevelItem(item) if item else -1

    def step_count(self) -> int:
        return self.steps.topLevelItemCount()

    def set_step(self, index: int) -> None:
        if self.step_count() == 0:
            return
        index = min(max(index, 0), self.step_count() - 1)
        self.steps.setCurrentItem(self.steps.topLevelItem(index))

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        # A step chosen before the window was shown (`xviz open --step 6`): Qt scrolled nothing then.
        QTimer.singleShot(0, self, self._scroll_to_current_step)

    def _scroll_to_current_step(self) -> None:
        item = self.steps.currentItem()
        if item is not None:
            self.steps.scrollToItem(item)

    def set_stale(self, stale: bool) -> None:
        """Grey the badges: they are the last good verdicts, from before an edit that does not load."""
        self._stale = stale
        self._refresh_rows()

    def is_stale(self) -> bool:
        return self._stale

    def refresh_verdicts(self) -> None:
        """Redraw the badges after the document re-evaluated (verdicts are read from the FlowView)."""
        self._refresh_rows()

    def _on_flow_selected(self, index: int) -> None:
        self.stop()
        self.steps.clear()
        flow = self.current_flow()
        if flow is not None:
            for n, step in enumerate(flow.steps, start=1):
                item = QTreeWidgetItem([str(n), step.title, ""])
                item.setToolTip(1, plain_tooltip(step.title))
                self.steps.addTopLevelItem(item)
            self._refresh_rows()
            self.flow_changed.emit(flow.id)
        self.set_step(0)
        self._update_position()

    def _refresh_rows(self) -> None:
        flow = self.current_flow()
        if flow is None:
            return
        colors = ui_context().colors
        for n, step in enumerate(flow.steps):
            item = self.steps.topLevelItem(n)
            if item is None:
                continue
            if item.text(1) != step.title:  # a what-if or an edit can change who calls
                item.setText(1, step.title)
                item.setToolTip(1, plain_tooltip(step.title))
            color = QColor(colors.card_border if self._stale and step.verdict
                           else verdict_color(step.verdict or step.expected, colors))
            font = QFont(self.steps.font())
            if step.verdict:
                item.setText(2, verdict_label(step.verdict))
                item.setBackground(2, QBrush(color))
                item.setForeground(2, QBrush(self.palette().text().color() if self._stale else QColor(colors.badge_text)))
                font.setBold(not self._stale)
                font.setItalic(self._stale)
            else:  # not evaluated yet: show what the scenario expects, without a filled badge
                item.setText(2, expected_label(step.expected) if step.expected else verdict_label(None))
                item.setBackground(2, QBrush())
                item.setForeground(2, QBrush(color if step.expected else self.palette().placeholderText().color()))
                font.setItalic(True)
            item.setFont(2, font)
            item.setTextAlignment(2, Qt.AlignmentFlag.AlignCenter)

    def _on_step_selected(self, *_args) -> None:
        self._stage = -1  # a new step starts from its verdict; the owner sets its stages
        self._update_position()
        self.step_changed.emit(self.current_step())

    # --- stages inside one step ---------------------------------------------------------------
    def set_stages(self, names: list[str], decisive: int | None = None, keep: bool = False,
                   waiting: bool = False) -> None:
        """The current step's stages (their names, in evaluation order) and which one decided.
        `keep` holds the current stage (a re-evaluation); otherwise stepping starts before the first.
        `waiting`: the step waits for a prediction, so its stages are not shown yet."""
        self._stage_names, self._decisive_stage, self._waiting = list(names), decisive, waiting
        if not keep or self._stage >= len(names):
            self._stage = -1
        self._update_stage()

    def stage_count(self) -> int:
        return len(self._stage_names)

    def current_stage(self) -> int:
        return self._stage

    def set_stage(self, index: int) -> None:
        """-1 shows the whole step; 0 .. count-1 one stage of its evaluation."""
        index = min(max(index, -1), self.stage_count() - 1)
        if index != self._stage:
            self._stage = index
            self._update_stage()
            self.stage_changed.emit(index)

    def stage_forward(self) -> None:
        self.set_stage(self._stage + 1)

    def stage_back(self) -> None:
        self.set_stage(self._stage - 1)

    def _update_stage(self) -> None:
        count, index = self.stage_count(), self._stage
        self.stage_back_button.setEnabled(index >= 0)
        self.stage_forward_button.setEnabled(index < count - 1)
        self.stage_label.setText(self.tr("Inside this step:"))
        if self._waiting:
            text = self.tr("the stages appear after your prediction")
        elif not count:
            text = self.tr("no policy evaluation to step through")
        elif index < 0:
            text = self.tr("{0} stages, press Alt+Down to go through them").format(count)
        else:
            text = self.tr("stage {0} of {1}: {2}").format(index + 1, count, self._stage_names[index])
            if index == self._decisive_stage:
                text += "  ◆ " + self.tr("decided here")
        self.stage_position.setText(text)

    def _update_position(self) -> None:
        count, index = self.step_count(), self.current_step()
        self.position_label.setText(self.tr("Step {0} of {1}").format(index + 1, count) if count else "")
        self.first_button.setEnabled(index > 0)
        self.back_button.setEnabled(index > 0)
        self.forward_button.setEnabled(0 <= index < count - 1)
        self.last_button.setEnabled(0 <= index < count - 1)
        self.play_button.setEnabled(count > 1)

    # --- stepping -----------------------------------------------------------------------------
    def go_first(self) -> None:
        self.set_step(0)

    def go_back(self) -> None:
        self.set_step(self.current_step() - 1)

    def go_forward(self) -> None:
        self.set_step(self.current_step() + 1)

    def go_last(self) -> None:
        self.set_step(self.step_count() - 1)

    def is_playing(self) -> bool:
        return self._timer.isActive()

    def toggle_play(self) -> None:
        if self.is_playing():
            self.stop()
        elif self.step_count() > 1:
            if self.current_step() >= self.step_count() - 1:
                self.go_first()  # play from the start when at the end
            self._timer.start()
            self._update_play_button()
            self.playing_changed.emit(True)

    def stop(self) -> None:
        if self._timer.isActive():
            self._timer.stop()
            self._update_play_button()
            self.playing_changed.emit(False)

    def speed(self) -> float:
        return float(self.speed_combo.currentData() or 1.0)

    def _update_interval(self, *_args) -> None:
        self._timer.setInterval(int(BASE_INTERVAL_MS / self.speed()))

    def _advance_while_playing(self) -> None:
        if self.current_step() >= self.step_count() - 1:
            self.stop()
        else:
            self.go_forward()

    def _update_play_button(self) -> None:
        playing = self.is_playing()
        self._update_icons()
        self.play_button.setToolTip(self.tr("Pause") if playing else self.tr("Play"))

    def retranslate(self) -> None:
        self.flow_label.setText(self.tr("Flow:"))
        self.what_if_label.setText(self.tr("What if:"))
        self._label_what_ifs()
        self.speed_label.setText(self.tr("Speed:"))
        self.steps.setHeaderLabels(["#", self.tr("Step"), self.tr("Verdict")])
        self.views.setTabText(0, self.tr("Steps of the flow"))
        self.views.setTabText(1, self.tr("Try a step of your own"))
        self.first_button.setToolTip(self.tr("First step"))
        self.back_button.setToolTip(self.tr("Previous step"))
        self.forward_button.setToolTip(self.tr("Next step"))
        self.last_button.setToolTip(self.tr("Last step"))
        self.stage_back_button.setToolTip(self.tr("Previous stage of this evaluation (Alt+Up)"))
        self.stage_forward_button.setToolTip(self.tr("Next stage of this evaluation (Alt+Down)"))
        self._update_stage()
        self._update_play_button()
        language = ui_context().language
        for i, flow in enumerate(self._flows):
            self.flow_combo.setItemText(i, pick(flow.title, language) or flow.id)
        self._refresh_rows()
        self._update_position()

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() in (QEvent.Type.FontChange, QEvent.Type.PaletteChange):
            self._update_icons()
        super().changeEvent(event)
