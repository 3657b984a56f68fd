"""Stepping inside one evaluation lights, on the architecture diagram, where each stage's policies live."""
from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from xviz.diagram.from_scenario_architecture import StepIds
from xviz.ui.stage_highlight import level_cluster, stage_ids
from xviz.ui.stages import StageView, StatementLine

ROOT = Path(__file__).resolve().parents[2]
ASSUME = "access:user.alice->role.CrossAccountRole"
TRUST = "trust:root.111111111111->role.CrossAccountRole"
STEP_0 = {ASSUME, TRUST, "user.alice", "role.CrossAccountRole"}


def lit(bench) -> set[str]:
    return bench.scenes.lit("architecture")


def stage_by_name(bench, name: str, target: str | None = None) -> int:
    return next(i for i, s in enumerate(bench.stages()) if s.stage == name and s.target == target)


def test_each_stage_of_an_assume_role_lights_where_its_policies_live(scenario_window, qtbot):
    window = scenario_window
    bench, panel = window.workbench, window.workbench.flow_panel
    panel.set_step(0)
    assert lit(bench) == STEP_0

    qtbot.keyClick(window, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)  # explicit deny: nothing to look at
    assert bench.explanation.current_stage().stage == "explicit_deny"
    assert lit(bench) == {"user.alice", "role.CrossAccountRole"}

    panel.set_stage(stage_by_name(bench, "resource"))  # the trust policy names Alice's account
    assert lit(bench) == {TRUST, "root.111111111111", "role.CrossAccountRole"}

    qtbot.keyClick(window, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)  # identity: Alice's own policy
    assert bench.explanation.current_stage().stage == "identity"
    assert lit(bench) == {ASSUME, "user.alice"}

    panel.set_stage(stage_by_name(bench, "session"))
    assert lit(bench) == {ASSUME, "user.alice"}

    panel.set_stage(-1)  # leaving the stages: the step's own highlight again
    assert lit(bench) == STEP_0


def test_an_explicit_deny_lights_the_policy_that_denied_and_a_new_step_leaves_the_stage(scenario_window):
    bench, panel = scenario_window.workbench, scenario_window.workbench.flow_panel
    panel.set_step(2)  # the bucket policy's Deny decides
    panel.set_stage(0)
    assert lit(bench) == {"res.shared-bucket"}
    panel.set_step(0)
    assert panel.current_stage() == -1
    assert lit(bench) == STEP_0


def test_scp_levels_light_their_cluster_and_the_caller(window):
    window.open_path(str(ROOT / "scenarios" / "08-cicd-deploy-roles.yaml"))
    bench = window.workbench
    assert bench.select("pipeline", 1)  # the pipeline assumes the dev deploy role
    step = {"access:role.PipelineRole->role.DevDeployRole", "trust:root.888888888888->role.DevDeployRole",
            "role.PipelineRole", "role.DevDeployRole"}
    assert lit(bench) == step
    for level, cluster in (("r-a1b2", "org.r-a1b2"), ("ou-a1b2-infr0001", "ou.ou-a1b2-infr0001"),
                           ("888888888888", "acct.888888888888")):
        bench.flow_panel.set_stage(stage_by_name(bench, "scp", level))
        assert lit(bench) == {cluster, "role.PipelineRole"}
    bench.flow_panel.set_stage(-1)
    assert lit(bench) == step


def test_an_scp_deny_lights_the_ou_it_is_attached_to(window):
    window.open_path(str(ROOT / "scenarios" / "06-central-logging.yaml"))
    bench = window.workbench
    assert bench.select("member-trails", 5)
    bench.flow_panel.set_stage(stage_by_name(bench, "explicit_deny"))
    assert lit(bench) == {"ou.ou-a1b2-wkld0001", "role.App1AdminRole"}


@pytest.mark.parametrize(("stage", "expected"), [
    ("rcp", ("acct.222", "res.bucket")),
    ("scp", ("acct.222", "role.Caller")),
    ("permission_boundary", ("access:role.Caller->res.bucket", "role.Caller")),
])
def test_stage_ids_by_kind(stage, expected):
    """No bundled scenario attaches an RCP a step meets, so the rule is checked on its own here."""
    known = {"org.r-1", "acct.222", "role.Caller", "res.bucket", "access:role.Caller->res.bucket"}
    step = StepIds(("access:role.Caller->res.bucket",), ("role.Caller", "res.bucket"))
    view = StageView(stage, "222", "no_allow", True, {})
    assert stage_ids(view, step, known.__contains__) == expected


def test_an_explicit_deny_with_no_match_lights_every_policy_it_looked_at():
    known = {"org.r-1", "role.Caller", "res.bucket", "access:role.Caller->res.bucket"}
    step = StepIds(("access:role.Caller->res.bucket",), ("role.Caller", "res.bucket"))
    looked = [StatementLine({}, False, False, "p", None, True, "scp", "r-1"),
              StatementLine({}, False, False, "q", None, True, "identity", None)]
    view = StageView("explicit_deny", None, "not_applicable", False, {}, looked)
    assert stage_ids(view, step, known.__contains__) == ("org.r-1", "role.Caller", "access:role.Caller->res.bucket")
    assert level_cluster("unknown-level", known.__contains__) is None
