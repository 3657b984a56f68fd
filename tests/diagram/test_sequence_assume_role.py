"""A role flow drawn as the source document's AssumeRole chart (its five messages): the caller asks STS,
STS checks the role's trust policy, the role answers, the temporary credentials come back, the session
acts (IAM User Guide, "Methods to assume a role"; STS API Reference, AssumeRole)."""
from __future__ import annotations

from pathlib import Path

from xviz.diagram.from_scenario import flow_diagram
from xviz.scenario.loader import load

SCENARIOS = Path(__file__).resolve().parents[2] / "scenarios"
BASICS = SCENARIOS / "01-assumerole-basics.yaml"


def _by_id(chart):
    return {m.id: m for m in chart.messages()}


def test_an_allowed_assume_role_shows_the_trust_check_and_the_credentials():
    chart = flow_diagram(load(BASICS), "main", "en").chart
    m = _by_id(chart)
    ask, check, verdict, reply = (m["step:assume"], m["step:assume:trust"], m["step:assume:verdict"],
                                  m["step:assume:reply"])
    assert (ask.source, ask.target) == ("user.alice", "sts")
    assert (check.source, check.target, check.text) == ("sts", "role.CrossAccountRole", "checks the trust policy")
    assert (verdict.source, verdict.target, verdict.text) == ("role.CrossAccountRole", "sts", "allows")
    assert (reply.source, reply.target) == ("sts", "user.alice")
    assert reply.text.startswith("temporary credentials") and "60 min" in reply.text
    assert check.number is None and reply.number is None   # the step keeps its one number
    order = [x.id for x in chart.messages()]
    assert order.index("step:assume") < order.index("step:assume:trust") < order.index("step:assume:reply") \
        < order.index("step:read")


def test_a_refused_assume_role_gets_access_denied_back():
    chart = flow_diagram(load(BASICS), "mistakes", "ja").chart
    m = _by_id(chart)
    assert m["step:no-external-id:verdict"].text == "許可しない"
    assert m["step:no-external-id:reply"].text.startswith("AccessDenied")
    assert m["step:no-external-id:trust"].text == "信頼ポリシーを確認"


def test_sts_refusing_the_parameters_never_asks_the_trust_policy():
    # Role chaining past one hour: STS answers ValidationError before reading any policy.
    loaded = load(SCENARIOS / "03-resource-policy-vs-role.yaml", what_ifs=["two-hour-session"])
    m = _by_id(flow_diagram(loaded, "role-switch", "en").chart)
    assert "step:assume-writer:trust" not in m and "step:assume-writer:verdict" not in m
    assert m["step:assume-writer:reply"].text.startswith("ValidationError")


def test_the_credentials_of_a_chained_session_last_an_hour_at_most():
    chart = flow_diagram(load(SCENARIOS / "08-cicd-deploy-roles.yaml"), "pipeline", "en").chart
    reply = _by_id(chart)["step:assume-prod:reply"]
    assert reply.target == "session.PipelineRole.pipeline-run" and "60 min" in reply.text
