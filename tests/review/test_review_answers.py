"""Answers drawn on the architecture and opened as steps: the lit ids exist in the generated diagram,
and each answer, added as a flow, runs through the ordinary scenario runner to the same verdicts."""
from __future__ import annotations

import pytest
from review_sample import GITHUB, GITHUB_SUB, LOGS_BUCKET, ORG, SHARED
from review_support import imported_text, review_index

from xviz.diagram.from_scenario import architecture_diagram
from xviz.review.answers import add_flow, reach_flow, reach_ids, who_can_flow, who_can_ids
from xviz.review.reach import reach
from xviz.review.who_can import who_can
from xviz.scenario import loads
from xviz.scenario.runner import run_steps

LOG_OBJECT = f"arn:aws:s3:::{LOGS_BUCKET}/AWSLogs/x.json"


@pytest.fixture(scope="module")
def org(tmp_path_factory):
    text = imported_text(tmp_path_factory.mktemp("answers"))
    index = review_index(text)
    chart = architecture_diagram(index.loaded, "en").chart
    known = set(chart.nodes) | {e.id for e in chart.edges} | set(getattr(chart, "clusters", {}) or {})
    return text, index, known.__contains__


def test_who_can_lights_the_bucket_its_principals_and_their_grants(org):
    _, index, known = org
    answers = who_can(index, "s3:GetObject", LOG_OBJECT)
    ids = who_can_ids(index, answers, LOG_OBJECT, known)
    assert ids[0] == f"res.{LOGS_BUCKET}"
    assert {"role.CrossAccountAuditor", "role.AuditReader", "role.LogAdmin"} <= set(ids)
    assert f"policy:role.CrossAccountAuditor->res.{LOGS_BUCKET}" in ids  # the grant the bucket policy makes
    assert "role.GitHubDeploy" not in ids and all(known(i) for i in ids)


def test_reach_lights_every_hop_and_the_trust_it_crosses(org):
    _, index, known = org
    alice = f"arn:aws:iam::{SHARED}:user/alice"
    ids = reach_ids(index, [r for r in reach(index, alice) if r.role.endswith("AuditReader")], known)
    assert ids[:3] == ("user.alice", "role.CrossAccountAuditor", f"trust:root.{SHARED}->role.CrossAccountAuditor")
    assert "trust:role.CrossAccountAuditor->role.AuditReader" in ids and "role.AuditReader" in ids


def test_a_who_can_answer_runs_as_a_flow_with_the_same_verdicts(org):
    text, index, _ = org
    answers = who_can(index, "s3:PutObject", LOG_OBJECT, service_context={"aws:SourceOrgID": ORG})
    flow = who_can_flow(answers, "s3:PutObject", LOG_OBJECT)
    runs = run_steps(loads(add_flow(text, "who-can", flow), "org.yaml"), ["who-can"])
    callers = [r.plan.request["request"].get("role_arn") or r.plan.caller.arn for r in runs]  # a role: any session
    assert callers == [a.principal for a in answers] and len(callers) == 2
    assert [r.outcome for r in runs] == ["Allow"] * len(answers) and all(r.ok for r in runs)


def test_a_reach_chain_runs_as_a_flow_of_sessions(org):
    text, index, _ = org
    claims = {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com",
              "token.actions.githubusercontent.com:sub": GITHUB_SUB}
    longest = max(reach(index, GITHUB, claims), key=lambda r: len(r.chain))
    runs = run_steps(loads(add_flow(text, "reach", reach_flow(longest)), "org.yaml"), ["reach"])
    assert [r.plan.step.action for r in runs] == ["sts:AssumeRoleWithWebIdentity", "sts:AssumeRole"]
    assert [r.outcome for r in runs] == ["Allow", "Allow"]
    assert runs[1].plan.caller.arn.endswith(":assumed-role/GitHubDeploy/review-1")  # role chaining
