"""Presenter mode: controls grow with the type; a large diagram stays readable when fitted."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtWidgets import QApplication, QCheckBox, QGraphicsRectItem, QGraphicsScene, QStyle

from xviz.ui.app import ui_context
from xviz.ui.diagram_area import MIN_READABLE_SCALE, DiagramView


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
