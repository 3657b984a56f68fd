"""The "Who can…? / Reach from…" tab of the flow panel: fed from the snapshot, answers lit on the
architecture, and an answer walked as steps through the document (an undoable change of its text that
is saved with the file), never by patching widgets."""
from __future__ import annotations

import pytest

from xviz.scenario import loads
from xviz.ui.review_tab import walk_text

ROLE = "arn:aws:iam::222222222222:role/CrossAccountRole"
ALICE = "arn:aws:iam::111111111111:user/alice"


def _on_show(workbench):
    """The tab in front: it takes the world of the snapshot on show (a hidden tab waits for it)."""
    workbench.flow_panel.views.setCurrentWidget(workbench.review)
    return workbench.review


def _ask_who_can(workbench, action: str = "sts:AssumeRole", resource: str = ROLE):
    panel = _on_show(workbench).who_can
    panel.action.setText(action)
    panel.resource.setCurrentText(resource)
    panel.ask_button.click()
    return panel


def _answers(panel) -> list[str]:
    return [panel.answers.topLevelItem(i).text(0) for i in range(panel.answers.topLevelItemCount())]


def test_the_panels_ask_about_the_world_on_show_and_light_the_answer(scenario_window):
    workbench = scenario_window.workbench
    views = workbench.flow_panel.views
    assert views.widget(views.count() - 1) is workbench.review
    assert views.tabText(views.count() - 1) == "Who can…? / Reach from…"
    panel = _on_show(workbench).who_can
    assert ROLE in [panel.resource.itemText(i) for i in range(panel.resource.count())]
    workbench.diagrams.setCurrentIndex(1)
    _ask_who_can(workbench)
    assert _answers(panel) == [ALICE]
    assert workbench.diagrams.currentIndex() == 0  # the answer is shown where it is lit
    assert {"user.alice", "role.CrossAccountRole"} <= workbench.scenes.lit("architecture")
    assert "res.shared-bucket" not in workbench.scenes.lit("architecture")
    workbench.select("main", 2)  # the stepper lights its step again
    assert "user.alice" not in workbench.scenes.lit("architecture")  # the session writes, not alice


def test_an_answer_is_asked_again_for_every_new_world(scenario_window):
    """A what-if (or an edit, or undo) changes the world: the answer on show is the new world's."""
    workbench = scenario_window.workbench
    panel = _ask_who_can(workbench)
    assert _answers(panel) == [ALICE]
    workbench.document().set_what_ifs(["no-trust"])
    assert panel.resource.currentText() == ROLE and _answers(panel) == []
    workbench.history.undo()
    assert _answers(panel) == [ALICE]


def test_walking_an_answer_adds_a_flow_through_the_document(scenario_window, scenario_file):
    workbench = scenario_window.workbench
    history = workbench.history
    before = history.count()
    _ask_who_can(workbench).walk_button.click()
    assert [f.id for f in workbench.view().flows] == ["who-can", "main"]
    assert workbench.flow_panel.current_flow().id == "who-can" and workbench.flow_panel.current_step() == 0
    assert workbench.flow_panel.views.currentIndex() == 0  # the steps, ready to walk
    step = workbench.current_step_view()
    assert step.verdict == "allow" and "alice" in step.title
    assert history.count() == before + 1 and not history.isClean()
    assert "who-can:" in workbench.document().text()

    _ask_who_can(workbench).walk_button.click()  # a second walk gets a name of its own
    assert [f.id for f in workbench.view().flows] == ["who-can-2", "who-can", "main"]
    history.undo()
    history.undo()
    assert [f.id for f in workbench.view().flows] == ["main"] and history.isClean()
    history.redo()
    scenario_window.save()  # File > Save
    assert history.isClean()
    saved = loads(scenario_file.read_text(encoding="utf-8"), str(scenario_file))
    assert list(saved.model.flows) == ["who-can", "main"]


def test_reach_walks_the_chain_in_japanese(scenario_window, language):
    language("ja")
    workbench = scenario_window.workbench
    review = _on_show(workbench)
    assert review.questions.tabText(1) == "到達できるロール"
    views = workbench.flow_panel.views
    assert views.tabText(views.indexOf(review)) == "誰が実行できるか / 到達できるロール"
    panel = review.reach
    panel.start.setCurrentText(ALICE)
    panel.ask_button.click()
    assert _answers(panel) == [ROLE] and "1 件" in panel.status.text()
    panel.walk_button.click()
    flow = workbench.view().flow("reach")
    assert flow is not None and [s.verdict for s in flow.steps] == ["allow"]
    assert workbench.history.undoText() == "回答をステップとしてたどる"


def test_walk_text_names_and_places_the_flow():
    flow = {"title": "T", "steps": []}
    text, name = walk_text("version: 1\nflows:\n  who-can:\n    steps: []\n", ["who-can"], "who-can", flow)
    assert name == "who-can-2" and text.index("who-can-2:") < text.index("  who-can:\n")
    text, name = walk_text("version: 1\n", [], "reach", flow)
    assert name == "reach" and text.startswith("version: 1\nflows:\n  reach:\n")
    with pytest.raises(ValueError):
        walk_text("version: 1\nflows: {}\n", [], "reach", flow)
