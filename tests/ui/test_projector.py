"""The projector view (F11): full screen with presenter type, editors and tree folded away, the verdict
and narration as a caption; Space / PageDown show the next stage, then the next step; 1-9 switch
what-ifs and their story appears; Esc or F11 leaves. View > Fit always fits the whole diagram."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGraphicsRectItem, QGraphicsScene

from xviz.ui.app import ui_context
from xviz.ui.diagram_area import DiagramView
from xviz.ui.predict import HIDDEN
from xviz.ui.verdicts import verdict_label


@pytest.fixture
def projector(scenario_window, qapp):
    saved = (ui_context().theme, ui_context().font_size, ui_context().presenter)
    scenario_window.act_projector.trigger()
    yield scenario_window
    scenario_window.set_projector(False)
    ui_context().set_appearance(*saved)


def test_f11_enters_with_presenter_type_and_the_editors_folded_away(projector, settings):
    bench = projector.workbench
    assert projector.is_projector() and ui_context().presenter
    assert not settings.presenter  # the stored setting is not changed by the projector
    assert not bench.right_column.isVisible() and not bench.tree_shown() and not bench.flow_panel.isVisible()
    caption = bench.projector.caption
    assert caption.isVisible()
    assert "Step 1 of 3" in caption.text() and verdict_label("allow") in caption.text()
    assert "Alice asks STS for the role." in caption.text()
    projector.act_editors.trigger()  # F8: the editors when asked for
    assert bench.right_column.isVisible()


def test_space_shows_the_next_stage_then_the_next_step_and_back(projector, qtbot):
    panel = projector.workbench.flow_panel
    stages = panel.stage_count()
    assert stages > 1
    for n in range(stages):
        qtbot.keyClick(projector, Qt.Key.Key_Space)
        assert (panel.current_step(), panel.current_stage()) == (0, n)
        assert f"Stage {n + 1} of {stages}" in projector.workbench.projector.caption.text()
    qtbot.keyClick(projector, Qt.Key.Key_PageDown)  # after the last stage: the next step
    assert (panel.current_step(), panel.current_stage()) == (1, -1)
    assert "The bucket says nothing." in projector.workbench.projector.caption.text()
    qtbot.keyClick(projector, Qt.Key.Key_PageUp)
    assert panel.current_step() == 0


def test_a_number_key_switches_a_what_if_and_its_story_appears(projector, qtbot):
    bench = projector.workbench
    qtbot.keyClick(projector, Qt.Key.Key_1)
    assert bench.document().snapshot.state.what_ifs == ("no-trust",)
    assert "The trust policy is empty." in bench.projector.caption.text()
    assert verdict_label("implicit_deny") in bench.projector.caption.text()
    projector.act_undo.trigger()  # one change of the document like any other
    assert bench.document().snapshot.state.what_ifs == ()


def test_the_caption_hides_what_predict_mode_hides(projector, qtbot):
    projector.act_predict.trigger()
    caption = projector.workbench.projector.caption
    assert caption.verdict.text() == verdict_label(HIDDEN) and "Alice asks STS" not in caption.text()
    qtbot.keyClick(projector, Qt.Key.Key_A)
    assert caption.verdict.text() == verdict_label("allow") and "Alice asks STS" in caption.text()


@pytest.mark.parametrize("key", [Qt.Key.Key_Escape, Qt.Key.Key_F11])
def test_esc_or_f11_leaves_and_restores_the_workbench(projector, qtbot, key):
    qtbot.keyClick(projector, key)
    bench = projector.workbench
    assert not projector.is_projector() and not ui_context().presenter
    assert bench.right_column.isVisible() and bench.flow_panel.isVisible() and not bench.projector.caption.isVisible()
    assert projector.menuBar().isVisible()
    qtbot.keyClick(projector, Qt.Key.Key_Space)  # Space belongs to the widgets again
    assert bench.flow_panel.current_stage() == -1


def test_fit_shows_the_whole_diagram_even_past_the_reading_floor(qtbot):
    view = DiagramView()
    qtbot.addWidget(view)
    view.resize(400, 300)
    view.min_label_px = 40  # presenter mode on a projector: a high floor
    scene = QGraphicsScene(view)
    scene.addItem(QGraphicsRectItem(0, 0, 4000, 3000))
    view.setScene(scene)
    view.show()
    view.fit()
    assert not view.mapToScene(view.viewport().rect()).boundingRect().contains(scene.itemsBoundingRect())
    view.fit(whole=True)  # View > Fit
    assert view.mapToScene(view.viewport().rect()).boundingRect().contains(scene.itemsBoundingRect())
    view.resize(500, 400)  # a resize keeps it whole until the learner zooms
    assert view.mapToScene(view.viewport().rect()).boundingRect().contains(scene.itemsBoundingRect())


def test_the_fit_action_fits_the_workbench_diagrams_whole(scenario_window):
    scenario_window.act_fit.trigger()
    assert all(view.whole for view in scenario_window.workbench.diagrams.views.values())
