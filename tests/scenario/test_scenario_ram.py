"""The RAM model (AWS RAM User Guide "Sharing your AWS resources"; VPC User Guide "Share your VPC
subnets with other accounts", "Responsibilities and permissions for owners and participants")."""
from __future__ import annotations

import pytest
from scenario_support import load_text, problem_of

from xviz.scenario.ram import evaluate_ram
from xviz.scenario.report import explain
from xviz.scenario.runner import run_steps

RAM_WORLD = """\
version: 1
id: ram-test
title: {en: RAM, ja: RAM}
summary: {en: Sharing., ja: 共有。}
world:
  organization:
    id: o-a1b2c3d4e5
    root: r-ab12
    management_account: "999999999999"
    ous:
      ou-ab12-11111111: {name: Workloads, parent: r-ab12}
      ou-ab12-22222222: {name: Prod, parent: ou-ab12-11111111}
  accounts:
    "999999999999": {name: Management, parent: r-ab12}
    "111111111111": {name: Network, parent: r-ab12}
    "222222222222": {name: App in nested OU, parent: ou-ab12-22222222}
    "333333333333": {name: App at root, parent: r-ab12}
    "444444444444": {name: Partner, external: true}
  users:
    dev:
      account: "222222222222"
  resources:
    vpc: {type: vpc, account: "111111111111", id: vpc-0abc}
    subnet-a: {type: subnet, account: "111111111111", vpc: vpc, id: subnet-0aaa}
    subnet-b: {type: subnet, account: "111111111111", vpc: vpc, id: subnet-0bbb}
    subnet-c: {type: subnet, account: "111111111111", vpc: vpc, id: subnet-0ccc}
    tgw: {type: transit-gateway, account: "111111111111", id: tgw-0abc}
  ram:
    sharing_with_organization: true
    shares:
      to-workloads:
        owner: "111111111111"
        resources: [subnet-a]
        principals: [ou-ab12-11111111]
      to-account:
        owner: "111111111111"
        resources: [subnet-b]
        principals: ["333333333333", "444444444444"]
        allow_external_principals: true
      network:
        owner: "111111111111"
        resources: [tgw]
        principals: ["444444444444", "333333333333", o-a1b2c3d4e5]
        allow_external_principals: true
        invitations: {"444444444444": pending}
flows:
  main:
    title: {en: Main, ja: メイン}
    steps:
      - id: launch
        actor: {user: dev}
        action: ec2:RunInstances
        target: subnet-a
        expect: Allow
        narration: {en: Launch., ja: 起動。}
      - id: modify
        actor: {account: "222222222222"}
        action: ec2:ModifySubnetAttribute
        target: subnet-a
        expect: ImplicitDeny
        narration: {en: Modify., ja: 変更。}
"""


@pytest.fixture
def world():
    return load_text(RAM_WORLD).model.world


def _decide(world, resource, account, action):
    result = evaluate_ram(world, resource, account, action)
    return result["decision"], [s["reason"] for s in result["trace"]]


def test_ou_share_reaches_accounts_of_child_ous_without_invitation(world):
    decision, reasons = _decide(world, "subnet-a", "222222222222", "ec2:RunInstances")
    assert decision == "Allow"
    assert reasons == ["in_share", "via_ou", "org_sharing_enabled", "participant_may_use"]


def test_participant_cannot_modify_or_delete_a_shared_subnet(world):
    for action in ("ec2:ModifySubnetAttribute", "ec2:DeleteSubnet"):
        decision, reasons = _decide(world, "subnet-a", "222222222222", action)
        assert (decision, reasons[-1]) == ("ImplicitDeny", "owner_only")


def test_describe_is_allowed_to_a_participant(world):
    assert _decide(world, "subnet-a", "222222222222", "ec2:DescribeSubnets")[0] == "Allow"


def test_account_outside_the_shares_principals(world):
    decision, reasons = _decide(world, "subnet-a", "333333333333", "ec2:RunInstances")
    assert (decision, reasons) == ("ImplicitDeny", ["in_share", "not_a_principal"])


def test_unshared_resource(world):
    assert _decide(world, "subnet-c", "222222222222", "ec2:RunInstances") == ("ImplicitDeny", ["not_shared"])


def test_subnets_never_go_outside_the_organization(world):
    decision, reasons = _decide(world, "subnet-b", "444444444444", "ec2:RunInstances")
    assert (decision, reasons[-1]) == ("ImplicitDeny", "type_needs_org")
    assert _decide(world, "subnet-b", "333333333333", "ec2:RunInstances")[0] == "Allow"


def test_transit_gateway_to_an_external_account_needs_an_accepted_invitation(world):
    decision, reasons = _decide(world, "tgw", "444444444444", "ec2:CreateTransitGatewayVpcAttachment")
    assert (decision, reasons[-1]) == ("ImplicitDeny", "invitation_pending")
    accepted = load_text(RAM_WORLD.replace('{"444444444444": pending}', '{"444444444444": accepted}')).model.world
    decision, reasons = _decide(accepted, "tgw", "444444444444", "ec2:CreateTransitGatewayVpcAttachment")
    assert decision == "Allow" and "invitation_accepted" in reasons


def test_external_principals_must_be_allowed_by_the_share(world):
    closed = load_text(RAM_WORLD.replace("""        invitations: {"444444444444": accepted}""", "")
                       .replace("""        principals: ["444444444444", "333333333333", o-a1b2c3d4e5]
        allow_external_principals: true""", """        principals: ["444444444444", "333333333333", o-a1b2c3d4e5]
        allow_external_principals: false""")).model.world
    decision, reasons = _decide(closed, "tgw", "444444444444", "ec2:CreateTransitGatewayVpcAttachment")
    assert (decision, reasons[-1]) == ("ImplicitDeny", "external_not_allowed")


def test_with_organization_sharing_off():
    off = load_text(RAM_WORLD.replace("sharing_with_organization: true", "sharing_with_organization: false")).model.world
    # Subnets need it at all; for a transit gateway the organization/OU principals stop working,
    # and a member account listed by id is treated as external: it needs an accepted invitation.
    assert _decide(off, "subnet-a", "222222222222", "ec2:RunInstances")[1][-1] == "type_needs_org"
    decision, reasons = _decide(off, "tgw", "333333333333", "ec2:CreateTransitGatewayVpcAttachment")
    assert (decision, reasons[-2:]) == ("ImplicitDeny", ["invitation_required", "invitation_missing"])
    org_only = load_text(RAM_WORLD.replace("sharing_with_organization: true", "sharing_with_organization: false")
                         .replace('principals: ["444444444444", "333333333333", o-a1b2c3d4e5]',
                                  "principals: [o-a1b2c3d4e5]")).model.world
    decision, reasons = _decide(org_only, "tgw", "333333333333", "ec2:CreateTransitGatewayVpcAttachment")
    assert (decision, reasons[-1]) == ("ImplicitDeny", "org_sharing_disabled")


def test_ram_steps_run_through_the_model_and_the_callers_iam():
    # iam-semantics rule 26 (RAM User Guide, "Access permissions"): the share AND the caller's own
    # identity policies AND its SCPs. dev has no policy at all: the share alone does not let her in.
    runs = run_steps(load_text(RAM_WORLD))
    assert [(r.plan.kind, r.outcome) for r in runs] == [("ram", "ImplicitDeny"), ("ram", "ImplicitDeny")]
    assert runs[0].result["trace"][-1]["reason"] == "participant_may_use"  # RAM itself allowed
    assert runs[0].result["iam"]["decision"] == "ImplicitDeny"
    assert [n.code for n in runs[0].notes] == ["ram_and_iam"]


LAUNCHER = """  users:
    dev:
      account: "222222222222"
      policies:
        Launch: |
          {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "ec2:*", "Resource": "*"}]}
"""
NO_GPU_SCP = """    scps:
      NoGpu:
        attach: [ou-ab12-11111111]
        document: |
          {"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "ec2:RunInstances",
           "Resource": "*", "Condition": {"StringLike": {"ec2:InstanceType": "p5.*"}}}]}
"""


def _with_launcher(text=RAM_WORLD):
    return text.replace("""  users:
    dev:
      account: "222222222222"
""", LAUNCHER)


def test_a_permitted_user_in_a_participant_account_may_launch():
    runs = run_steps(load_text(_with_launcher()))
    assert runs[0].outcome == "Allow"
    grant = runs[0].plan.request["resource_policy"]
    assert grant["name"] == "RAM share to-workloads"
    assert grant["document"]["Statement"][0]["Principal"] == {"AWS": "arn:aws:iam::222222222222:root"}


def test_the_share_still_decides_for_a_permitted_user():
    text = _with_launcher().replace("target: subnet-a\n        expect: Allow", "target: subnet-c\n        expect: Allow")
    runs = run_steps(load_text(text))
    assert runs[0].outcome == "ImplicitDeny"
    assert runs[0].plan.request["resource_policy"] is None  # no share reaches: no resource-based side
    assert runs[0].result["iam"]["decision"] == "ImplicitDeny"


def test_an_scp_denies_a_request_into_a_shared_subnet():
    text = _with_launcher().replace("      ou-ab12-22222222: {name: Prod, parent: ou-ab12-11111111}\n",
                                    "      ou-ab12-22222222: {name: Prod, parent: ou-ab12-11111111}\n" + NO_GPU_SCP)
    text = text.replace("target: subnet-a\n        expect: Allow",
                        "target: subnet-a\n        params: {context: {ec2:InstanceType: p5.48xlarge}}\n        expect: Allow")
    runs = run_steps(load_text(text))
    assert runs[0].outcome == "ExplicitDeny"
    assert runs[0].result["decisive"][0]["policy"] == "NoGpu"
    lines = explain(runs[0], "en")
    assert lines[0].startswith("subnet-a is in the resource share") and any("NoGpu" in line for line in lines)


def test_an_scp_deny_wins_even_where_the_share_grants_nothing():
    # An explicit deny is the answer whatever RAM says: the learner sees the SCP, not only the share.
    text = RAM_WORLD.replace("      ou-ab12-22222222: {name: Prod, parent: ou-ab12-11111111}\n",
                             "      ou-ab12-22222222: {name: Prod, parent: ou-ab12-11111111}\n" + NO_GPU_SCP)
    text = text.replace("target: subnet-a\n        expect: Allow",
                        "target: subnet-c\n        params: {context: {ec2:InstanceType: p5.2xlarge}}\n        expect: Allow")
    assert run_steps(load_text(text))[0].outcome == "ExplicitDeny"


def test_owner_acting_on_its_own_subnet_is_plain_iam():
    text = RAM_WORLD.replace("""  users:
    dev:
      account: "222222222222\"""", """  users:
    dev:
      account: "111111111111\"""")
    runs = run_steps(load_text(text), ["main"])
    assert runs[0].plan.kind == "iam"


def test_when_no_share_grants_the_trace_follows_the_share_that_names_the_account():
    # Two shares hold the transit gateway; only the second names the partner, whose invitation is
    # pending. The trace must say "pending", not "not a principal" of the first share.
    text = RAM_WORLD.replace(
        "      network:\n",
        "      first-listed:\n"
        '        owner: "111111111111"\n'
        "        resources: [tgw]\n"
        '        principals: ["333333333333"]\n'
        "      network:\n", 1)
    world = load_text(text).model.world
    assert [n for n in world.ram.shares if "tgw" in world.ram.shares[n].resources] == ["first-listed", "network"]
    result = evaluate_ram(world, "tgw", "444444444444", "ec2:CreateTransitGatewayVpcAttachment")
    assert result["decision"] == "ImplicitDeny"
    assert result["share"] == "network"
    assert result["trace"][-1]["reason"] == "invitation_pending"


INVITE_FLOW = """\
  invitations:
    title: {en: Invitations, ja: 招待}
    steps:
      - id: before
        actor: {account: "444444444444"}
        action: ec2:CreateTransitGatewayVpcAttachment
        target: tgw
        narration: {en: Before., ja: 前。}
      - id: accept
        actor: {account: "444444444444"}
        action: ram:AcceptResourceShareInvitation
        target: network
        narration: {en: Accept., ja: 承諾。}
      - id: after
        actor: {account: "444444444444"}
        action: ec2:CreateTransitGatewayVpcAttachment
        target: tgw
        narration: {en: After., ja: 後。}
      - id: again
        actor: {account: "444444444444"}
        action: ram:RejectResourceShareInvitation
        target: network
        narration: {en: Again., ja: 再び。}
  later:
    title: {en: Later, ja: 後で}
    steps:
      - id: fresh
        actor: {account: "444444444444"}
        action: ec2:CreateTransitGatewayVpcAttachment
        target: tgw
        narration: {en: Fresh., ja: 最初から。}
"""


def _with_invite_flow():
    return RAM_WORLD + INVITE_FLOW  # RAM_WORLD ends inside `flows:`


def test_accepting_an_invitation_changes_what_later_steps_of_the_flow_see():
    runs = {r.plan.ref: r for r in run_steps(load_text(_with_invite_flow()))}
    assert runs["invitations.before"].result["trace"][-1]["reason"] == "invitation_pending"
    assert runs["invitations.before"].outcome == "ImplicitDeny"
    accept = runs["invitations.accept"]
    assert accept.outcome == "Allow" and accept.result["invitation"] == "accepted"
    assert accept.plan.resource_arn == "arn:aws:ram:us-east-1:111111111111:resource-share/network"
    assert runs["invitations.after"].outcome == "Allow"
    again = runs["invitations.again"]  # nothing pending any more
    assert again.outcome == "ValidationError"
    assert again.result["trace"][0]["params"]["state"] == "accepted"
    assert "保留中の招待がありません" in explain(again, "ja")[0]
    assert runs["later.fresh"].outcome == "ImplicitDeny"  # a new flow starts from the world as written


def test_rejecting_keeps_the_resource_out_of_reach():
    text = _with_invite_flow().replace("action: ram:AcceptResourceShareInvitation", "action: ram:RejectResourceShareInvitation")
    runs = {r.plan.ref: r for r in run_steps(load_text(text))}
    assert runs["invitations.accept"].outcome == "Allow"
    assert runs["invitations.after"].result["trace"][-1]["reason"] == "invitation_rejected"


@pytest.mark.parametrize("old, new, code", [
    ("        target: network\n        narration: {en: Accept.", "        target: tgw\n        narration: {en: Accept.",
     "target_not_share"),
    ('      - id: accept\n        actor: {account: "444444444444"}', "      - id: accept\n        actor: {anonymous: true}",
     "invitation_actor"),
])
def test_invitation_steps_name_a_share_and_an_account(old, new, code):
    p = problem_of(_with_invite_flow().replace(old, new, 1))
    assert p.code == code
