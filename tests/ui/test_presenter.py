"""Presenter mode: controls grow with the type; a large diagram stays readable when fitted; on a
projector the diagram's labels are as large as the body text and the world tree steps aside."""
from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QFontInfo
from PySide6.QtWidgets import QApplication, QCheckBox, QGraphicsRectItem, QGraphicsScene, QStyle

from xviz.ui.app import ui_context
from xviz.ui.diagram_area import MIN_READABLE_SCALE, DiagramView, smallest_label_px
from xviz.ui.main_window import MainWindow


@pytest.fixture
def presenter(qapp):
    context = ui_context()
    saved = (context.theme, context.font_size, context.presenter)
    yield lambda on: context.set_appearance(context.theme, context.font_size, on)
    context.set_appearance(*saved)


def test_check_boxes_grow_with_the_type(qtbot, presenter):
    presenter(False)
    check = QCheckBox("x")
    qtbot.addWidget(check)
    QApplication.processEvents()
    metric = QStyle.PixelMetric.PM_IndicatorWidth
    normal = QApplication.style().pixelMetric(metric, None, check)
    presenter(True)
    QApplication.processEvents()  # the new application font reaches the widget
    large = QApplication.style().pixelMetric(metric, None, check)
    assert large >= normal * 1.4
    assert large >= check.fontMetrics().height() * 0.8


def test_fit_never_shrinks_a_large_diagram_past_reading_and_keeps_the_lit_part_in_view(qtbot):
    view = DiagramView()
    qtbot.addWidget(view)
    view.resize(400, 300)
    scene = QGraphicsScene(view)
    scene.addItem(QGraphicsRectItem(0, 0, 4000, 3000))
    target = QGraphicsRectItem(3500, 2500, 100, 50)
    scene.addItem(target)
    view.setScene(scene)
    view.show()
    view.fit()
    assert view.transform().m11() == pytest.approx(MIN_READABLE_SCALE)
    view.bring_into_view([QRectF(100, 100, 50, 50), target.sceneBoundingRect()])  # too far apart: the target
    assert view.mapToScene(view.viewport().rect()).boundingRect().contains(target.sceneBoundingRect())
    view.fit()  # a resize fits again and keeps the lit part on screen
    assert view.mapToScene(view.viewport().rect()).boundingRect().contains(target.sceneBoundingRect())

    small = QGraphicsScene(view)
    small.addItem(QGraphicsRectItem(0, 0, 600, 450))
    view.setScene(small)
    view.fit()  # a diagram that fits readably is shown whole
    assert view.transform().m11() == pytest.approx(min(380 / 640, 280 / 490), rel=0.1)


BUNDLED = Path(__file__).resolve().parents[2] / "scenarios"


@pytest.fixture
def open_on_projector(qtbot, presenter, settings, scenarios_dir):
    """Call with a bundled scenario, a flow and a step: the main window at projector size in
    presenter mode, on that step."""
    def make(name: str, flow: str, step: int) -> MainWindow:
        presenter(True)
        window = MainWindow(settings, scenarios_dir)
        qtbot.addWidget(window)
        window.resize(1920, 1080)
        window.show()
        window.open_path(str(BUNDLED / name))
        assert window.workbench.select(flow, step)
        QApplication.processEvents()
        return window
    return make


@pytest.fixture
def projector(open_on_projector):
    """Step 1 of the confused-deputy attack, at its fourth stage (the trust policy)."""
    window = open_on_projector("02-confused-deputy.yaml", "attack", 0)
    window.workbench.flow_panel.set_stage(3)
    QApplication.processEvents()
    return window


def _shown(view: DiagramView) -> QRectF:
    return view.mapToScene(view.viewport().rect()).boundingRect()


def test_presenter_diagram_labels_are_as_large_as_the_body_text(projector):
    view = projector.workbench.diagrams.views["architecture"]
    assert projector.workbench.diagrams.has_real_scene("architecture")
    body_px = QFontInfo(QApplication.font()).pixelSize()
    assert smallest_label_px(view.scene()) * view.transform().m11() >= body_px - 0.5
    assert view.readable_scale() > MIN_READABLE_SCALE


def test_presenter_keeps_the_steps_lit_nodes_in_view_by_scrolling(projector):
    view = projector.workbench.diagrams.views["architecture"]
    drawn = projector.workbench.scenes._architecture
    found, scene = drawn.found, drawn.scene
    lit = found.steps[("attack", 0)].nodes
    assert lit
    assert len(lit) >= 2
    shown = _shown(view)
    assert not shown.contains(scene.itemsBoundingRect())  # too big to show whole: it scrolls
    assert shown.contains(scene.element(lit[-1]).sceneBoundingRect())  # the step's target, whole
    for element_id in lit[:-1]:  # and the caller beside it, at least mostly
        rect = scene.element(element_id).sceneBoundingRect()
        seen = shown.intersected(rect)
        assert seen.width() * seen.height() >= 0.8 * rect.width() * rect.height(), element_id


def test_presenter_hides_the_world_tree_and_the_view_menu_brings_it_back(projector, presenter):
    bench = projector.workbench
    assert bench.world_tree.isHidden()
    assert not projector.act_tree.isChecked()
    assert projector.act_tree in projector.menu_view.actions()
    assert bench.splitter.sizes()[0] == 0
    projector.act_tree.trigger()  # View > Account Tree
    QApplication.processEvents()
    assert bench.world_tree.isVisible()
    assert bench.world_tree.width() >= 150
    projector.act_tree.trigger()
    assert bench.world_tree.isHidden()
    presenter(False)  # leaving presenter mode restores the normal layout
    QApplication.processEvents()
    assert bench.world_tree.isVisible() and projector.act_tree.isChecked()
    assert bench.diagrams.views["architecture"].readable_scale() == MIN_READABLE_SCALE


def test_presenter_pins_the_sequence_participants_above_a_message_scrolled_into_view(open_on_projector):
    window = open_on_projector("08-cicd-deploy-roles.yaml", "pipeline", 5)
    diagrams = window.workbench.diagrams
    diagrams.setCurrentIndex(1)
    view = diagrams.views["sequence"]
    QApplication.processEvents()
    drawn = window.workbench.scenes._sequence
    found, scene = drawn.found, drawn.scene
    band = view.sticky_header()
    assert band is not None
    shown = _shown(view)
    assert shown.top() > band.top()  # scrolled down: the names are drawn pinned on top
    usable = shown.adjusted(0, band.height(), 0, 0)
    assert usable.contains(scene.element(found.messages[5]).sceneBoundingRect())
    view.min_label_px = 0  # out of presenter mode nothing is pinned
    assert view.sticky_header() is None
