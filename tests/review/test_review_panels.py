"""The "Who can…?" and "Reach from…" panels, driven offscreen: ask, see the answers, the ids to light
and the flow to walk through; both languages."""
from __future__ import annotations

import pytest
from review_sample import LOGS_BUCKET, SHARED
from review_support import imported_text

from xviz.scenario import loads
from xviz.ui.review_panels import ReachPanel, WhoCanPanel

LOG_OBJECT = f"arn:aws:s3:::{LOGS_BUCKET}/AWSLogs/x.json"


@pytest.fixture(scope="module")
def loaded(tmp_path_factory):
    return loads(imported_text(tmp_path_factory.mktemp("panels")), "org.yaml")


def test_who_can_panel_lists_answers_lights_them_and_offers_steps(qtbot, loaded):
    panel = WhoCanPanel()
    qtbot.addWidget(panel)
    panel.set_scenario(loaded)
    assert LOG_OBJECT.rsplit("/", 2)[0] in [panel.resource.itemText(i) for i in range(panel.resource.count())]
    panel.action.setText("s3:GetObject")
    panel.resource.setCurrentText(LOG_OBJECT)
    with qtbot.waitSignal(panel.lit_changed) as lit:
        panel.ask_button.click()
    assert panel.answers.topLevelItemCount() == 4 and "4 principal(s)" in panel.status.text()
    assert f"res.{LOGS_BUCKET}" in lit.args[0] and "role.CrossAccountAuditor" in lit.args[0]
    auditor = next(panel.answers.topLevelItem(i) for i in range(4)
                   if panel.answers.topLevelItem(i).text(0).endswith("CrossAccountAuditor"))
    assert "AuditorRead" in auditor.child(0).text(0)
    with qtbot.waitSignal(panel.lit_changed) as lit:
        auditor.setSelected(True)  # one answer lights only its own path
    assert "role.LogAdmin" not in lit.args[0] and "role.CrossAccountAuditor" in lit.args[0]
    with qtbot.waitSignal(panel.walk_requested) as walk:
        panel.walk_button.click()
    name, flow = walk.args
    assert name == "who-can" and [s["actor"] for s in flow["steps"]] == [
        {"role": "CrossAccountAuditor", "session": "xviz-review"}]


def test_who_can_panel_reports_a_bad_question_in_place(qtbot, loaded):
    panel = WhoCanPanel()
    qtbot.addWidget(panel)
    panel.set_scenario(loaded)
    panel.action.setText("not an action")
    panel.resource.setCurrentText(LOG_OBJECT)
    panel.ask_button.click()
    assert "action" in panel.status.text() and panel.answers.topLevelItemCount() == 0


def test_reach_panel_in_japanese(qtbot, loaded):
    panel = ReachPanel()
    qtbot.addWidget(panel)
    panel.retranslate("ja")
    panel.set_scenario(loaded)
    panel.start.setCurrentText(f"arn:aws:iam::{SHARED}:user/alice")
    with qtbot.waitSignal(panel.lit_changed) as lit:
        panel.ask_button.click()
    assert panel.status.text() == "引き受けられるロール: 2 件" and panel.ask_button.text() == "問い合わせる"
    assert lit.args[0][:2] == ("user.alice", "role.CrossAccountAuditor")
    assert panel.answers.topLevelItem(0).child(0).text(0) == "alice → CrossAccountAuditor → AuditReader"
    with qtbot.waitSignal(panel.walk_requested) as walk:
        panel.walk_button.click()
    assert walk.args[0] == "reach" and len(walk.args[1]["steps"]) == 2  # alice -> auditor -> audit reader
