"""What a scenario derives for each step, as AWS derives it (IAM UG: reference_policies_condition-keys,
id_roles_use (role chaining), reference_policies_evaluation-logic-cross-account)."""
from __future__ import annotations

import pytest
from scenario_support import ORG_WORLD, load_text

from xviz.scenario.derive import plan_flows


@pytest.fixture(scope="module")
def plans():
    return {p.step.id: p for p in plan_flows(load_text(ORG_WORLD))}


def test_session_arn_drops_the_role_path_and_role_arn_keeps_it(plans):
    req = plans["read"].request["request"]
    assert req["principal"] == "arn:aws:sts::111111111111:assumed-role/AppRole/s1"
    assert req["role_arn"] == "arn:aws:iam::111111111111:role/app/AppRole"


def test_session_uses_the_roles_policies_not_the_callers(plans):
    data = plans["read"].request
    assert [p["name"] for p in data["identity_policies"]] == ["AppS3"]
    assert data["permission_boundary"]["name"] == "AppBoundary"
    assert [n.code for n in plans["read"].notes] == ["identity_switch"]


def test_resource_policy_call_keeps_the_callers_identity(plans):
    data = plans["direct"].request
    assert data["request"]["principal"] == "arn:aws:iam::333333333333:user/alice"
    assert [p["name"] for p in data["identity_policies"]] == ["AssumeAny", "OwnS3"]
    assert data["resource_policy"]["name"] == "data-bucket policy"


def test_org_keys_and_paths_for_a_caller_in_a_nested_ou(plans):
    ctx = plans["read"].request["request"]["context"]
    assert ctx["aws:PrincipalOrgID"] == "o-a1b2c3d4e5"
    assert ctx["aws:PrincipalOrgPaths"] == ["o-a1b2c3d4e5/r-ab12/ou-ab12-11111111/ou-ab12-22222222/"]


def test_caller_outside_the_organization_has_no_org_keys_or_scps(plans):
    data = plans["assume"].request
    assert "aws:PrincipalOrgID" not in data["request"]["context"]
    assert data["scps"] == []


def test_scp_levels_run_from_root_to_account_with_full_aws_access(plans):
    levels = plans["read"].request["scps"]
    assert [lv["target"] for lv in levels] == ["r-ab12", "ou-ab12-11111111", "ou-ab12-22222222", "111111111111"]
    assert [p["name"] for p in levels[0]["policies"]] == ["FullAWSAccess", "DenyLeave"]
    assert [p["name"] for p in levels[3]["policies"]] == ["FullAWSAccess", "ProdOnly"]


def test_rcp_levels_are_the_resource_accounts(plans):
    levels = plans["read"].request["rcps"]
    assert [lv["target"] for lv in levels] == ["r-ab12", "ou-ab12-11111111", "222222222222"]
    assert [[p["name"] for p in lv["policies"]] for lv in levels] == [[], ["Perimeter"], []]


def test_assume_role_context_and_trust_policy(plans):
    data = plans["assume"].request
    ctx = data["request"]["context"]
    assert ctx["sts:ExternalId"] == "xyz"
    assert ctx["sts:RoleSessionName"] == "s1"
    assert ctx["aws:RequestTag/team"] == "green" and ctx["aws:TagKeys"] == ["team"]
    assert ctx["aws:PrincipalTag/team"] == "red"
    assert data["resource_policy"]["name"] == "AppRole trust policy"
    assert data["request"]["resource"] == "arn:aws:iam::111111111111:role/app/AppRole"


def test_session_tags_override_role_tags(plans):
    ctx = plans["read"].request["request"]["context"]
    assert ctx["aws:PrincipalTag/team"] == "green"
    assert ctx["aws:PrincipalTag/env"] == "prod"


def test_role_chaining_over_one_hour_is_rejected(plans):
    plan = plans["chain"]
    assert "role_chaining" in [n.code for n in plan.notes]
    assert plan.rejected is not None and plan.rejected.code == "role_chaining_duration"


def test_service_principal_gets_source_keys_and_no_scps(plans):
    data = plans["trail"].request
    ctx = data["request"]["context"]
    assert data["request"]["principal"] == "cloudtrail.amazonaws.com"
    assert ctx["aws:SourceAccount"] == "111111111111"
    assert ctx["aws:SourceArn"] == "arn:aws:cloudtrail:us-east-1:111111111111:trail/main"
    assert ctx["aws:SourceOrgID"] == "o-a1b2c3d4e5"
    assert ctx["aws:SourceOrgPaths"] == ["o-a1b2c3d4e5/r-ab12/ou-ab12-11111111/ou-ab12-22222222/"]
    assert data["scps"] == [] and "aws:PrincipalOrgID" not in ctx


def test_management_account_resource_has_no_rcps(plans):
    data = plans["trail"].request
    assert data["resource_account_is_management"] is True
    assert data["rcps"] == []


def test_duration_above_role_maximum_and_below_minimum():
    base = ORG_WORLD.replace("params: {session_name: s2, duration_seconds: 7200}",
                             "params: {session_name: s2}")
    over = base.replace("params: {session_name: s1, external_id: xyz, session_tags: {team: green}}",
                        "params: {session_name: s1, duration_seconds: 9000}")
    under = base.replace("params: {session_name: s1, external_id: xyz, session_tags: {team: green}}",
                         "params: {session_name: s1, duration_seconds: 600}")
    fine = base.replace("params: {session_name: s1, external_id: xyz, session_tags: {team: green}}",
                        "params: {session_name: s1, duration_seconds: 7200}")
    assert plan_flows(load_text(over))[0].rejected.code == "duration_above_max"
    assert plan_flows(load_text(under))[0].rejected.code == "duration_below_min"
    assert plan_flows(load_text(fine))[0].rejected is None


def test_context_override_and_removal():
    text = ORG_WORLD.replace("        object: a/b.txt\n        narration: {en: Read., ja: 読む。}",
                             "        object: a/b.txt\n        params: {context: {aws:SecureTransport: false, "
                             "aws:MultiFactorAuthAge: 30, aws:PrincipalOrgID: null}}\n"
                             "        narration: {en: Read., ja: 読む。}")
    ctx = plan_flows(load_text(text))[1].request["request"]["context"]
    assert ctx["aws:SecureTransport"] is False
    assert ctx["aws:MultiFactorAuthAge"] == 30
    assert ctx["aws:PrincipalOrgID"] is None


def test_unquoted_account_ids_stay_text_even_when_yaml_would_read_octal():
    text = ORG_WORLD.replace('"333333333333": {name: Outsider}', "012345670123: {name: Outsider}") \
        .replace('      account: "333333333333"\n      tags: {team: red}', "      account: 012345670123\n      tags: {team: red}") \
        .replace("arn:aws:iam::333333333333:root", "arn:aws:iam::012345670123:root") \
        .replace("arn:aws:iam::333333333333:user/alice", "arn:aws:iam::012345670123:user/alice")
    plans = {p.step.id: p for p in plan_flows(load_text(text))}
    assert plans["assume"].request["request"]["principal"] == "arn:aws:iam::012345670123:user/alice"


def test_an_own_full_aws_access_scp_replaces_the_implicit_one():
    text = ORG_WORLD.replace("    scps:\n", """    scps:
      FullAWSAccess:
        attach: [r-ab12, ou-ab12-11111111, ou-ab12-22222222]
        document: |
          {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}
""", 1).replace('attach: [ou-ab12-22222222, "111111111111"]', "attach: [ou-ab12-22222222]")
    plans = {p.step.id: p for p in plan_flows(load_text(text))}
    levels = plans["read"].request["scps"]
    assert [[p["name"] for p in lv["policies"]] for lv in levels] == [
        ["FullAWSAccess", "DenyLeave"], ["FullAWSAccess"], ["FullAWSAccess", "ProdOnly"], []]
    assert ("scp", "r-ab12", "FullAWSAccess") in plans["read"].sources
