""""Try a step of your own": the engine's verdict for the learner's request; the file never changes."""
from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from xviz.scenario import loads
from xviz.scenario.runner import run_steps
from xviz.ui.try_request import TryError, TryRequest, actor_choices, evaluate_try

ROOT = Path(__file__).resolve().parents[2]
CONFUSED_DEPUTY = ROOT / "scenarios" / "02-confused-deputy.yaml"


def test_a_request_written_like_a_scenario_step_gets_the_same_verdict_as_the_step():
    text = CONFUSED_DEPUTY.read_text(encoding="utf-8")
    loaded = loads(text, str(CONFUSED_DEPUTY))
    run = next(r for r in run_steps(loaded) if r.plan.flow == "attack")
    step = run.plan.step
    vendor = next(c for c in actor_choices(loaded) if c.kind == "role" and c.key == step.actor.role)
    mine = evaluate_try(loaded, TryRequest(vendor, step.action, step.target,
                                           external_id=step.params.external_id))
    assert (mine.outcome, mine.result["decisive"]) == (run.outcome, run.result["decisive"])
    assert [t["result"] for t in mine.result["trace"]] == [t["result"] for t in run.result["trace"]]


def test_bad_input_says_which_field():
    loaded = loads(CONFUSED_DEPUTY.read_text(encoding="utf-8"), str(CONFUSED_DEPUTY))
    anyone = actor_choices(loaded)[0]
    with pytest.raises(TryError, match="^action: "):
        evaluate_try(loaded, TryRequest(anyone, "not an action", "VictimAccessRole"))
    with pytest.raises(TryError, match="^target: "):
        evaluate_try(loaded, TryRequest(anyone, "s3:GetObject", "no-such-bucket"))


def test_the_request_editor_gives_the_engines_verdict_and_leaves_the_file_alone(window, qtbot):
    before = CONFUSED_DEPUTY.read_text(encoding="utf-8")
    window.open_path(str(CONFUSED_DEPUTY))
    bench = window.workbench
    panel, editor = bench.flow_panel, bench.flow_panel.request_editor
    panel.views.setCurrentIndex(1)
    assert panel.trying()
    document = bench.document()
    text_before = document.text()
    history_before = bench.history.count()

    editor.set_request("VendorServiceRole", "sts:AssumeRole", "VictimAccessRole", external_id="7Gx2kQ9pLm")
    step = editor.evaluate()
    assert step.verdict == "allow"  # the victim's own ExternalId opens the role
    assert editor.verdict.text() == "Allow"
    assert "Why:\nALLOWED\nDecided by:" in bench.explanation.text()
    assert bench.explanation.step_title.text().startswith("VendorServiceRole (role session, ")

    editor.external_id.setText("wrong-id")
    qtbot.mouseClick(editor.run_button, Qt.MouseButton.LeftButton)
    assert editor.result().verdict == "implicit_deny"
    assert editor.verdict.text() == "Implicit deny"
    # Its evaluation can be stepped through like a flow's step; the trust policy decides.
    trust = next(i for i, s in enumerate(bench.stages()) if s.stage == "resource")
    panel.set_stage(trust)
    assert "StringEquals sts:ExternalId: the request has [wrong-id]" in bench.explanation.text()

    editor.action.setEditText("bad action")
    assert editor.evaluate() is None
    assert editor.message.text().startswith("This request cannot be evaluated: action: ")

    assert document.text() == text_before
    assert bench.history.count() == history_before
    assert not window.isWindowModified()
    assert CONFUSED_DEPUTY.read_text(encoding="utf-8") == before

    panel.views.setCurrentIndex(0)  # back to the flow: its own step is on show again
    assert bench.explanation.step_title.text() == bench.current_step_view().title
    assert bench.current_step_view() is bench.view().flows[0].steps[0]


def test_an_account_using_a_resource_share_is_decided_by_rams_model_like_the_scenarios_steps():
    path = ROOT / "scenarios" / "04-ram-subnet-sharing.yaml"
    # The bundled steps act as users (a share needs the caller's IAM permission too): act as the accounts.
    text = path.read_text(encoding="utf-8")
    for user, account in (("app1-dev", "333333333333"), ("app2-dev", "444444444444"), ("partner-dev", "999999999999")):
        text = text.replace(f"actor: {{user: {user}}}", f'actor: {{account: "{account}"}}')
    loaded = loads(text, str(path))
    accounts = {c.key: c for c in actor_choices(loaded) if c.kind == "account"}
    runs = [r for r in run_steps(loaded)   # the try gives no condition keys of its own (ec2:InstanceType)
            if r.plan.step.actor.kind == "account" and not r.plan.step.params.context]
    assert runs
    for run in runs:
        step = run.plan.step
        mine = evaluate_try(loaded, TryRequest(accounts[step.actor.account], step.action, step.target))
        assert (mine.outcome, mine.result.get("kind")) == (run.outcome, "ram"), step.id
