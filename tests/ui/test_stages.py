"""Stepping inside one evaluation: the stages of a step's trace, lit one by one in AWS's order."""
from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from xviz.ui.main_window import MainWindow
from xviz.document import Document
from xviz.ui.stages import stages_of

ROOT = Path(__file__).resolve().parents[2]
AWS_ORDER = ["explicit_deny", "rcp", "scp", "resource", "identity", "permission_boundary", "session"]
BUCKET = "world.resources.shared-bucket.policy"
TRUST = "world.roles.CrossAccountRole.trust_policy"


@pytest.fixture
def window(scenario_window):
    return scenario_window


def marked_text(editor) -> str:
    start, end = editor.marked_range()
    return editor.toPlainText()[start:end]


def test_stages_follow_the_trace_in_aws_order_with_one_stage_per_organization_level():
    step = Document.open(ROOT / "scenarios" / "05-organizations-conditions.yaml").snapshot.view.flows[0].steps[0]
    stages = stages_of(step.run)
    names = list(dict.fromkeys(s.stage for s in stages))
    assert names == AWS_ORDER
    scp_levels = [s.target for s in stages if s.stage == "scp"]
    trace_levels = [lv["target"] for t in step.run.result["trace"] if t["step"] == "scp" for lv in t["levels"]]
    assert scp_levels == trace_levels and len(scp_levels) > 1  # root, OUs, account: each its own stage
    decided = [s.stage for s in stages if s.decisive]
    assert decided == [t["step"] for t in step.run.result["trace"] if t["decisive"]]


def test_sub_steps_light_each_stage_and_mark_the_decisive_one(window, qtbot):
    bench, panel = window.workbench, window.workbench.flow_panel
    panel.set_step(2)  # the session writes to the bucket: the bucket policy's Deny decides
    assert panel.current_stage() == -1
    assert panel.stage_count() == len(AWS_ORDER)
    assert not panel.stage_back_button.isEnabled()

    qtbot.keyClick(window, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert panel.current_stage() == 0
    stage = bench.explanation.current_stage()
    assert (stage.stage, stage.result, stage.decisive) == ("explicit_deny", "deny", True)
    text = bench.explanation.text()
    assert text.startswith("Stage 1 of 7: Explicit deny\n")
    assert "◆ This stage decided the outcome of the step." in text
    assert '✓ resource-based policy "shared-bucket policy" statement 0: matches' in text
    editor = bench.policy_tabs.current_editor()
    assert editor.objectName() == f"policy:{BUCKET}"
    assert marked_text(editor).startswith('{"Effect": "Deny"')
    assert "◆ decided here" in panel.stage_position.text()

    window.act_stage_next.trigger()  # RCPs: none apply, nothing decided here
    assert bench.explanation.current_stage().stage == "rcp"
    assert "◆" not in panel.stage_position.text()
    assert "No statement takes part in this stage." in bench.explanation.text()
    assert editor.marked_range() is None

    for _ in range(10):  # past the last stage: stays on it
        panel.stage_forward()
    assert bench.explanation.current_stage().stage == "session"
    assert not panel.stage_forward_button.isEnabled()
    lines = bench.explanation.text().splitlines()
    pointer = [line for line in lines if line.startswith("▶")]
    assert pointer == ["▶ 7. Session policies: does not apply"]
    assert "   1. Explicit deny: denies  ◆ decided here" in lines

    qtbot.keyClick(window, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert bench.explanation.current_stage().stage == "permission_boundary"
    panel.set_stage(-1)  # back to the whole step: its verdict and narration again
    assert bench.explanation.text().startswith("Denied.")
    panel.set_step(0)  # another step starts before its first stage
    assert panel.current_stage() == -1


def test_a_failing_condition_is_marked_on_its_own_line(qtbot, settings, scenarios_dir):
    window = MainWindow(settings, scenarios_dir)
    try:
        window.open_path(str(ROOT / "scenarios" / "02-confused-deputy.yaml"))
        bench, panel = window.workbench, window.workbench.flow_panel
        assert bench.select("attack", 0)
        stages = bench.stages()
        trust = next(i for i, s in enumerate(stages) if s.stage == "resource")
        assert stages[trust].trust and stages[trust].decisive
        panel.set_stage(trust)
        editor = bench.policy_tabs.current_editor()
        assert editor.objectName() == "policy:world.roles.VictimAccessRole.trust_policy"
        assert marked_text(editor).startswith('"sts:ExternalId"')
        assert "\n" not in marked_text(editor)
        assert "StringEquals sts:ExternalId: the request has [" in bench.explanation.text()
        assert "(the role's trust policy)" in panel.stage_position.text()
    finally:
        window.close()
        window.deleteLater()


def test_stepping_replays_the_trace_without_evaluating_again(window, monkeypatch):
    import xviz.scenario.runner as runner

    calls = []
    monkeypatch.setattr(runner, "simulate", lambda *a, **k: calls.append(a) or {})
    panel = window.workbench.flow_panel
    panel.set_step(1)
    for _ in range(panel.stage_count()):
        panel.stage_forward()
    assert calls == []


def test_an_edit_keeps_the_stage_on_show_and_updates_it(window, qtbot):
    bench, panel = window.workbench, window.workbench.flow_panel
    panel.set_step(0)
    resource = next(i for i, s in enumerate(bench.stages()) if s.stage == "resource")
    panel.set_stage(resource)
    assert bench.explanation.current_stage().result == "allow"
    editor = bench.policy_tabs.current_editor()
    assert editor.objectName() == f"policy:{TRUST}"
    text = editor.toPlainText()
    cursor = editor.textCursor()
    cursor.setPosition(text.index("111111111111:root"))
    cursor.setPosition(text.index(":root"), cursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    qtbot.keyClicks(editor, "333333333333")
    assert panel.current_stage() == resource
    assert bench.explanation.current_stage().result == "no_allow"
    assert "is not named in Principal" in bench.explanation.text()
