"""The "Source charts" tab: the mermaid charts the scenario carries in its `diagrams:` section, drawn
with the same layout and scene code as the architecture and sequence diagrams (zoom and fit alike).

Drawn from the snapshot on show (`snapshot.loaded`); a chooser lists the charts when there are several.
A chart that cannot be read shows its error with the scenario file's line and column instead.
A chart is laid out again only when its text, the language or the appearance changed, so typing in a
policy editor does not move it.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QComboBox, QGraphicsScene, QHBoxLayout, QVBoxLayout, QWidget

from xviz.diagram.errors import DiagramError
from xviz.diagram.from_scenario import DiagramChoice, diagram_choices, scenario_diagram
from xviz.ui.app import ui_context
from xviz.ui.diagram_area import DiagramView
from xviz.ui.plain import mark_data, plain_label
from xviz.ui.settings import DEFAULT_FONT_SIZE


def own_charts(loaded, lang: str) -> list[DiagramChoice]:
    """The charts written in the scenario's `diagrams:` section, in the order `xviz render` counts them."""
    if loaded is None or not loaded.model.diagrams:
        return []
    return [choice for choice in diagram_choices(loaded, lang) if choice.own]


def chart_problem(error: Exception) -> str:
    """Where and why a chart failed: `FILE:LINE:COLUMN: message` (the file as its base name)."""
    if isinstance(error, DiagramError):
        source = Path(error.source).name if error.source else ""
        return str(DiagramError(error.message, error.line, error.column, error.expected, source or None))
    return f"{type(error).__name__}: {error}"


class SourceCharts(QWidget):
    """Signals:
        charts_changed(int): how many source charts the scenario on show carries (0 hides the tab).
    """

    charts_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.chooser = mark_data(QComboBox())  # chart titles come from the file
        self.chooser.currentIndexChanged.connect(lambda _i: self._draw())
        self.chooser_label = plain_label()
        self.chooser_label.setBuddy(self.chooser)
        self.problem = plain_label(wrap=True)
        self.problem.setObjectName("chartProblem")
        self.where = mark_data(plain_label(wrap=True))  # the parser's own message, with line and column
        self.view = DiagramView()
        self.view.setScene(QGraphicsScene(self.view))
        row = QHBoxLayout()
        row.addWidget(self.chooser_label)
        row.addWidget(self.chooser, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.problem)
        layout.addWidget(self.where)
        layout.addWidget(self.view, 1)
        self._loaded = None
        self._choices: list[DiagramChoice] = []
        self._drawn_key: tuple | None = None
        self.error: str | None = None  # the message on show for a chart that failed
        ui_context().language_changed.connect(self._refresh)
        ui_context().appearance_changed.connect(self._refresh)
        self.retranslate()

    def tab_title(self) -> str:
        return self.tr("Source charts")

    def choices(self) -> list[DiagramChoice]:
        return list(self._choices)

    def current_name(self) -> str | None:
        index = self.chooser.currentIndex()
        return self._choices[index].name if 0 <= index < len(self._choices) else None

    def choose(self, name: str) -> bool:
        names = [c.name for c in self._choices]
        if name not in names:
            return False
        self.chooser.setCurrentIndex(names.index(name))
        return True

    def chart_scene(self) -> QGraphicsScene | None:
        """The chart on show (for export), or None when none is drawn."""
        return None if self.error is not None or self._drawn_key is None else self.view.scene()

    def show_charts(self, snapshot) -> None:
        """The source charts of a snapshot; the chart chosen stays chosen while the file still has it."""
        loaded = snapshot.loaded if snapshot is not None else None
        if loaded is self._loaded:
            return
        self._loaded = loaded
        self._refresh()

    def _refresh(self, *_args) -> None:
        wanted = self.current_name()
        self._choices = own_charts(self._loaded, ui_context().language)
        self.chooser.blockSignals(True)
        self.chooser.clear()
        self.chooser.addItems([c.title or c.name for c in self._choices])
        names = [c.name for c in self._choices]
        self.chooser.setCurrentIndex(names.index(wanted) if wanted in names else 0 if names else -1)
        self.chooser.blockSignals(False)
        several = len(self._choices) > 1
        self.chooser.setVisible(several)
        self.chooser_label.setVisible(several)
        self.charts_changed.emit(len(self._choices))
        self._draw()

    def _draw(self) -> None:
        from xviz.diagram import layout_diagram  # noqa: PLC0415 - only with a chart to draw
        from xviz.ui.diagram import DiagramScene, QtTextMeasurer  # noqa: PLC0415

        name, context = self.current_name(), ui_context()
        if name is None:
            self._show_problem(None)
            self._drawn_key = None
            self.view.setScene(QGraphicsScene(self.view))
            return
        key = (name, self._loaded.model.diagrams[name].mermaid, context.language, context.theme,
               context.point_size)
        if key == self._drawn_key:
            return
        self._drawn_key = key
        try:
            found = scenario_diagram(self._loaded, name, context.language)
            measurer = QtTextMeasurer(scale=context.point_size / DEFAULT_FONT_SIZE)
            scene = DiagramScene(layout_diagram(found.chart, measurer), context.theme, measurer)
        except Exception as exc:  # noqa: BLE001 - a bad chart is shown as its message, never a crash
            self._show_problem(chart_problem(exc))
            self.view.setScene(QGraphicsScene(self.view))
            return
        self._show_problem(None)
        old = self.view.scene()
        scene.setParent(self.view)
        self.view.setScene(scene)
        self.view.describe(found.chart)
        if old is not None and old is not scene:
            old.deleteLater()
        self.view.fit()

    def _show_problem(self, message: str | None) -> None:
        self.error = message
        self.problem.setVisible(message is not None)
        self.where.setVisible(message is not None)
        self.where.setText(message or "")

    def retranslate(self) -> None:
        self.chooser_label.setText(self.tr("Chart:"))
        self.problem.setText(self.tr("This chart could not be read. The place in the scenario file "
                                     "(line and column) and the reason:"))

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

