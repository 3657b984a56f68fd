""""Who am I now" per step: an AssumeRole switches identity (IAM User Guide, "Switch to an IAM role":
the role's permissions replace the caller's), a resource-based policy does not ("Cross account resource
access in IAM"); a session lasts DurationSeconds, at most one hour when chained (role chaining)."""
from __future__ import annotations

from pathlib import Path

from xviz.scenario import load
from xviz.scenario.runner import run_steps
from xviz.scenario.whoami import who_am_i

SCENARIOS = Path(__file__).resolve().parents[2] / "scenarios"


def _runs(name):
    loaded = load(SCENARIOS / name)
    return loaded.model.world, {r.plan.ref: r for r in run_steps(loaded)}


def test_assume_role_switches_and_leaves_the_callers_permissions_behind():
    world, runs = _runs("01-assumerole-basics.yaml")
    who = who_am_i(world, runs["main.assume"])
    assert who.switched and who.before == "arn:aws:iam::111111111111:user/alice"
    assert who.after == "arn:aws:sts::222222222222:assumed-role/CrossAccountRole/my-session"
    assert who.left_behind == ("AllowAssumeCrossAccountRole",) and who.gained == ("SharedBucketReadOnly",)
    assert who.expires_in == 3600
    assert any("置いていくもの" in line for line in who.lines("ja"))


def test_a_refused_assume_role_switches_nothing():
    world, runs = _runs("01-assumerole-basics.yaml")
    refused = [r for r in runs.values() if r.plan.makes_session and r.outcome != "Allow"]
    assert refused
    who = who_am_i(world, refused[0])
    assert not who.switched and who.after == who.before


def test_resource_based_access_keeps_the_callers_permissions():
    world, runs = _runs("03-resource-policy-vs-role.yaml")
    who = who_am_i(world, runs["bucket-policy.write-shared"])
    assert not who.switched and who.kept == ("PipelineData", "AssumeDataLakeWriter")
    note = [n for n in runs["bucket-policy.write-shared"].notes if n.code.startswith("kept_identity")][0]
    assert note.code == "kept_identity_session"  # the caller is a role session: never "no role was assumed"
    assert "no role was assumed" not in note.text("en") and "DataPipelineRole" in note.text("en")


def test_role_chaining_caps_the_session_at_one_hour():
    world, runs = _runs("08-cicd-deploy-roles.yaml")
    who = who_am_i(world, runs["pipeline.assume-prod"])
    assert who.switched and who.expires_in == 3600
    assert who.left_behind == ("AssumeDeployRoles",)
    assert who.gained == ("DeployPermissions", "ProdDeployBoundary")
