"""The projector view (F11): the diagram large, the current step's verdict large, its narration (or the
stage on show, or a switched what-if's story) as a caption; world tree and editors folded away until
asked for; one key (Space, PageDown, a clicker's "next") shows the next stage, then the next step.

The caption reads the step the workbench shows (the snapshot on screen, masked in predict mode), so
it hides what predict mode hides. The window makes it full screen (see MainWindow.set_projector)."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QScrollArea, QFrame, QHBoxLayout, QVBoxLayout, QWidget

from xviz.ui.app import ui_context
from xviz.ui.catalog import join_lines, pick
from xviz.ui.explanation_panel import join_paragraphs
from xviz.ui.plain import mark_data, plain_label
from xviz.ui.verdicts import verdict_color, verdict_label

MAX_SCALE = 1.6  # a small diagram is magnified up to this on the projector


class ProjectorCaption(QFrame):
    """Step position and title, the verdict as a large badge, and one caption below."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("projectorCaption")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        top = QHBoxLayout()
        self.position = plain_label()
        self.title = mark_data(plain_label(wrap=True))
        self.verdict = plain_label()
        self.verdict.setObjectName("projectorVerdict")
        self.verdict.setAlignment(Qt.AlignmentFlag.AlignCenter)
        top.addWidget(self.position)
        top.addWidget(self.title, 1)
        top.addWidget(self.verdict)
        layout.addLayout(top)
        self.caption = mark_data(plain_label(wrap=True))
        self.caption.setObjectName("projectorText")
        self.caption.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.what_if = mark_data(plain_label(wrap=True))
        self.what_if.setObjectName("projectorWhatIf")
        # A long story scrolls (wheel, or the clicker's PageDown once the stages are done) instead of
        # being cut off at 1280x720.
        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.addWidget(self.caption, 1)
        body_layout.addWidget(self.what_if)
        self._body, self._top = body, top
        self.scroller = QScrollArea()
        self.scroller.setWidget(body)
        self.scroller.setWidgetResizable(True)
        self.scroller.setFrameShape(QFrame.Shape.NoFrame)
        layout.addWidget(self.scroller, 1)
        self._content: tuple = ("", "", None, "", "")
        self.hide()

    def wanted_height(self, width: int) -> int:
        """The height that shows everything without scrolling at `width`."""
        margins = self.layout().contentsMargins()
        inner = max(width - margins.left() - margins.right(), 100)
        body = self._body.heightForWidth(inner)
        return (self._top.sizeHint().height() + (body if body > 0 else self._body.sizeHint().height())
                + margins.top() + margins.bottom() + self.layout().spacing())

    def show_content(self, position: str, title: str, verdict: str | None, caption: str, what_if: str) -> None:
        self._content = (position, title, verdict, caption, what_if)
        self._render()

    def text(self) -> str:
        """What the caption says, in reading order (tests and screen readers)."""
        return "\n".join(w.text() for w in (self.position, self.title, self.verdict, self.caption, self.what_if)
                         if w.isVisibleTo(self) and w.text())

    def _render(self) -> None:
        position, title, verdict, caption, what_if = self._content
        colors = ui_context().colors
        self.position.setText(position)
        self.title.setText(title)
        font = QFont(self.font())
        font.setBold(True)
        self.title.setFont(font)
        big = QFont(font)
        big.setPointSizeF(font.pointSizeF() * 1.6)
        self.verdict.setFont(big)
        self.verdict.setText(verdict_label(verdict) if verdict else "")
        self.verdict.setVisible(bool(verdict))
        color = verdict_color(verdict, colors)
        self.verdict.setStyleSheet(f"QLabel#projectorVerdict {{ background: {color}; color: {colors.badge_text};"
                                   " border-radius: 8px; padding: 4px 18px; }")
        self.caption.setText(caption)
        self.what_if.setText(what_if)
        self.what_if.setVisible(bool(what_if))
        self.what_if.setStyleSheet(f"QLabel#projectorWhatIf {{ background: {colors.banner};"
                                   f" color: {colors.banner_text}; border-radius: 6px; padding: 4px 8px; }}")

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt API
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.PaletteChange):
            self._render()
        super().changeEvent(event)


class Projector(QObject):
    """The workbench's projector layout and its "next thing" key."""

    def __init__(self, workbench):
        super().__init__(workbench)
        self._bench = workbench
        self.caption = ProjectorCaption()
        self._on = False
        workbench.step_changed.connect(lambda _i: self.refresh())
        workbench.flow_panel.stage_changed.connect(lambda _i: self.refresh())

    def is_on(self) -> bool:
        return self._on

    def set_on(self, on: bool) -> None:
        """Fold the tree, the editors and the step list away (or bring them back)."""
        bench = self._bench
        self._on = bool(on)
        bench.set_tree_shown(not on)
        self.set_editors_shown(not on)
        bench.flow_panel.setVisible(not on)
        self.caption.setVisible(on)
        bench.diagrams.set_max_scale(MAX_SCALE if on else 1.0)
        bench.diagrams.fit(whole=on)  # the room sees the whole diagram; the caption says the rest
        if not on:
            bench.predict.bar.show()
            total = sum(bench.centre.sizes()) or bench.height()
            bench.centre.setSizes([round(total * 0.6), total - round(total * 0.6)])
        self.refresh()

    def _give_caption_room(self) -> None:
        """The caption as tall as its text (up to 40% of the height); the diagram takes the rest."""
        bench = self._bench
        total = sum(bench.centre.sizes()) or bench.height()
        width = bench.centre.width() or bench.width()
        bench.predict.bar.setVisible(bench.predict.is_on())  # the trainer switches it with Ctrl+Shift+P
        needed = self.caption.wanted_height(width)
        if bench.predict.is_on():
            needed += bench.predict.bar.sizeHint().height()
        below = min(needed + 8, total * 2 // 5)
        bench.centre.setSizes([total - below, below])

    def editors_shown(self) -> bool:
        return not self._bench.right_column.isHidden()

    def set_editors_shown(self, shown: bool) -> None:
        self._bench.right_column.setVisible(shown)

    def next(self) -> None:
        """The next stage of the step's evaluation; after its last, the next step."""
        panel = self._bench.flow_panel
        if panel.current_stage() < panel.stage_count() - 1:
            panel.stage_forward()
        elif panel.current_step() < panel.step_count() - 1:
            panel.go_forward()

    def back(self) -> None:
        panel = self._bench.flow_panel
        if panel.current_stage() >= 0:
            panel.stage_back()
        elif panel.current_step() > 0:
            panel.go_back()

    def refresh(self) -> None:
        if not self._on:
            return
        bench, language = self._bench, ui_context().language
        panel, step = bench.flow_panel, bench.current_step_view()
        view = bench.view()
        stories = [join_lines(pick(w.narration, language)) for w in (view.what_ifs if view else ()) if w.active]
        labels = [pick(w.label, language) for w in (view.what_ifs if view else ()) if w.active]
        prefix = self.tr("What if:")
        what_if = "\n".join(f"{prefix} {label}" + (f" — {story}" if story else "")
                            for label, story in zip(labels, stories))
        if step is None:
            self.caption.show_content("", "", None, join_paragraphs(pick(view.summary, language)) if view else "",
                                      what_if)
            self._give_caption_room()
            return
        position = self.tr("Step {0} of {1}").format(panel.current_step() + 1, panel.step_count())
        stages, index = bench.stages(), panel.current_stage()
        if 0 <= index < len(stages):
            stage = stages[index]
            caption = self.tr("Stage {0} of {1}: {2}").format(index + 1, len(stages), bench.stage_name(stage))
            caption += "\n→ " + (stage.sentence.get(language) or stage.sentence.get("en", ""))
        else:
            caption = join_paragraphs(pick(step.narration, language))
        self.caption.show_content(position, step.title, step.verdict, caption, what_if)
        self._give_caption_room()
