"""The scenario format's groups and managed policies (added for imports): they take part in evaluation,
and a wrong reference is one error at its place."""
from __future__ import annotations

import pytest

from xviz.review.importer import Policy
from xviz.review.writer import dump_scenario
from xviz.scenario import ScenarioError, loads
from xviz.scenario.runner import run_steps

ONE = "111111111111"
S3_READ = Policy({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject",
                                                           "Resource": "*"}]})


def scenario(users: dict, groups: dict, managed: dict, expect: str) -> str:
    return dump_scenario({
        "version": 1, "id": "groups", "title": {"en": "Groups", "ja": "グループ"},
        "summary": {"en": "Group and managed policies.", "ja": "グループと管理ポリシー。"},
        "world": {"accounts": {ONE: {"name": "One"}}, "users": users, "groups": groups, "managed_policies": managed,
                  "resources": {"bucket": {"type": "s3-bucket", "account": ONE}}},
        "flows": {"f": {"title": {"en": "F", "ja": "F"}, "steps": [
            {"id": "read", "actor": {"user": "u"}, "action": "s3:GetObject", "target": "bucket", "object": "k",
             "expect": expect, "narration": {"en": "x", "ja": "x"}}]}}})


@pytest.mark.parametrize("users, groups, managed, source", [
    ({"u": {"account": ONE, "groups": ["G"]}}, {"G": {"account": ONE, "policies": {"Read": S3_READ}}}, {}, "G/Read"),
    ({"u": {"account": ONE, "groups": ["G"]}}, {"G": {"account": ONE, "managed_policies": ["M"]}},
     {"M": {"account": ONE, "document": S3_READ}}, "M"),
    ({"u": {"account": ONE, "managed_policies": ["M"]}}, {}, {"M": {"document": S3_READ}}, "M"),
])
def test_group_and_managed_policies_allow_like_the_users_own(users, groups, managed, source):
    # https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_managed-vs-inline.html
    run = run_steps(loads(scenario(users, groups, managed, "Allow"), "g.yaml"))[0]
    assert run.outcome == "Allow"
    assert [d["policy"] for d in run.result["decisive"]] == [source]


def test_without_the_group_the_user_is_denied():
    groups = {"G": {"account": ONE, "policies": {"Read": S3_READ}}}
    assert run_steps(loads(scenario({"u": {"account": ONE}}, groups, {}, "ImplicitDeny"), "g.yaml"))[0].ok


@pytest.mark.parametrize("users, groups, managed, code", [
    ({"u": {"account": ONE, "groups": ["Missing"]}}, {}, {}, "unknown_group"),
    ({"u": {"account": ONE, "managed_policies": ["Missing"]}}, {}, {}, "unknown_managed_policy"),
    ({"u": {"account": ONE, "groups": ["G"]}}, {"G": {"account": "222222222222"}}, {}, "group_account"),
])
def test_a_wrong_reference_is_one_error_at_its_line(users, groups, managed, code):
    text = scenario(users, groups, managed, "Allow")
    if code == "group_account":
        text = text.replace('accounts:\n    "111111111111":', 'accounts:\n    "222222222222":\n      name: "Two"\n'
                            '    "111111111111":')
    with pytest.raises(ScenarioError) as info:
        loads(text, "g.yaml")
    problem = info.value.first
    assert problem.code == code and problem.line is not None
    assert "Missing" in text.splitlines()[problem.line - 1] or code == "group_account"
