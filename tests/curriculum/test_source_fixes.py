"""Each point of the curriculum audit (issue 12) pinned: the bundled scenarios teach what the AWS
documentation says, and keep teaching it."""
from __future__ import annotations

import json

from texts import ROOT, scenario_texts

from xviz.scenario import load
from xviz.scenario.notes import Note
from xviz.scenario.runner import run_steps

S = ROOT / "scenarios"


def _runs(name, what_ifs=()):
    return {r.plan.ref: r for r in run_steps(load(S / name, what_ifs=list(what_ifs)))}


def test_cicd_pipeline_shares_its_artifact_bucket_and_kms_key():
    # CodePipeline User Guide, "Create a pipeline in CodePipeline that uses resources from another AWS
    # account": bucket policy and customer managed key policy grant the other accounts.
    loaded = load(S / "08-cicd-deploy-roles.yaml")
    world = loaded.model.world
    assert world.resources["artifact-key"].type == "kms-key"
    key_policy = json.loads(world.resources["artifact-key"].policy)
    granted = {p for s in key_policy["Statement"] for p in s["Principal"]["AWS"] if isinstance(s["Principal"]["AWS"], list)}
    assert {"arn:aws:iam::555555555555:root", "arn:aws:iam::666666666666:root"} <= granted
    runs = _runs("08-cicd-deploy-roles.yaml")
    assert runs["pipeline.prod-reads-artifact"].outcome == "Allow"
    assert runs["pipeline.prod-decrypts-artifact"].outcome == "Allow"
    assert _runs("08-cicd-deploy-roles.yaml", ["key-not-shared"])["pipeline.prod-decrypts-artifact"].outcome \
        == "ImplicitDeny"


def test_cicd_narration_describes_the_boundary_it_has():
    loaded = load(S / "08-cicd-deploy-roles.yaml")
    boundary = json.loads(loaded.model.world.roles["ProdDeployRole"].boundary.document)
    lambda_actions = [a for s in boundary["Statement"] for a in ([s["Action"]] if isinstance(s["Action"], str)
                                                               else s["Action"]) if a.startswith("lambda:")]
    assert "lambda:*" not in lambda_actions and len(lambda_actions) == 7
    texts = [en for where, en, _ in scenario_texts() if where.startswith("scenarios/08-")]
    assert not any("boundary (lambda:*)" in t for t in texts)
    assert any("seven" in t for t in texts)


def test_ram_needs_the_callers_iam_permission_and_its_scps():
    runs = _runs("04-ram-subnet-sharing.yaml")
    intern = runs["participants.intern-launches-in-a"]
    assert intern.outcome == "ImplicitDeny" and intern.result["trace"][-1]["reason"] == "participant_may_use"
    gpu = runs["participants.app2-launches-gpu-in-b"]
    assert gpu.outcome == "ExplicitDeny" and gpu.result["decisive"][0]["policy"] == "DenyGpuInstances"


def test_no_bundled_ram_step_acts_as_a_whole_account():
    for path in sorted(S.glob("*.yaml")):
        for run in run_steps(load(path)):
            if run.plan.kind == "ram":
                assert run.plan.caller.kind in ("user", "session"), (path.name, run.plan.ref)


def test_organization_id_is_never_taught_as_an_external_id():
    for where, en, ja in scenario_texts():
        assert "does that job" not in en and "その役割を組織 ID が果たします" not in ja, where
    summary = load(S / "02-confused-deputy.yaml").model.summary
    assert "guard different threats" in summary.en and "防ぐ脅威は別物" in summary.ja


def test_subnet_sharing_needs_organization_sharing():
    summary = load(S / "04-ram-subnet-sharing.yaml").model.summary
    assert "Until it is turned on, only individual accounts can be named" not in summary.en
    assert "not even with an account" in summary.en
    runs = _runs("04-ram-subnet-sharing.yaml", ["ou-share-without-org-sharing"])
    assert runs["participants.app1-launches-in-a"].outcome == "ImplicitDeny"


def test_a_role_session_that_keeps_its_identity_is_not_told_no_role_was_assumed():
    runs = _runs("03-resource-policy-vs-role.yaml")
    notes = [n for r in runs.values() for n in r.notes if n.code.startswith("kept_identity")]
    assert notes and all(n.code == "kept_identity_session" for n in notes)
    assert all("no role was assumed" not in n.text("en") for n in notes)
    assert "no role was assumed" in Note("kept_identity", {"resource": "b", "caller": "u"}).text("en")


def test_cloudtrail_source_keys_are_not_presented_as_always_present():
    summary = load(S / "06-central-logging.yaml").model.summary
    assert "They are not always there" in summary.en and "常にあるわけではありません" in summary.ja
    assert "organization trail" in summary.en


def test_identity_center_roles_carry_the_region_of_the_instance():
    world = load(S / "10-identity-center.yaml").model.world
    sso_roles = [r for r in world.roles.values() if (r.name or "").startswith("AWSReservedSSO_")]
    assert sso_roles and all(r.path == f"/aws-reserved/sso.amazonaws.com/{world.region}/" for r in sso_roles)
    runs = _runs("10-identity-center.yaml")
    assert runs["portal.analyst-reads-datalake"].outcome == "Allow"   # the pattern covers the regional path
    assert "aws configure sso" in load(S / "10-identity-center.yaml").model.summary.en
