"""Federated sign-in: an identity provider (SAML or OIDC) as the caller of sts:AssumeRoleWithSAML /
AssumeRoleWithWebIdentity, decided by the role's trust policy alone, and the session it makes."""
from __future__ import annotations

import pytest
from scenario_support import line_of, load_text, problem_of

from xviz.scenario.derive import plan_flows
from xviz.scenario.runner import run_steps

FED = """\
version: 1
id: fed
title: {en: Federation, ja: フェデレーション}
summary: {en: Sign in through an IdP., ja: IdP でサインインする。}
world:
  organization:
    id: o-a1b2c3d4e5
    root: r-ab12
    management_account: "999999999999"
    scps:
      DenyAll:
        attach: ["666666666666"]
        document: |
          {"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "*", "Resource": "*"}]}
  accounts:
    "999999999999": {name: Management, parent: r-ab12}
    "666666666666": {name: Dev, parent: r-ab12}
  identity_providers:
    CorpIdP:
      type: saml
      account: "666666666666"
    GitHub:
      type: oidc
      account: "666666666666"
      name: token.actions.githubusercontent.com
  roles:
    Reader:
      account: "666666666666"
      path: /people/
      trust_policy: |
        {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Federated": "arn:aws:iam::666666666666:saml-provider/CorpIdP"}, "Action": "sts:AssumeRoleWithSAML", "Condition": {"StringEquals": {"SAML:aud": "https://signin.aws.amazon.com/saml"}}}]}
      policies:
        ReadAll: |
          {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}
    Deployer:
      account: "666666666666"
      trust_policy: |
        {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Federated": "arn:aws:iam::666666666666:oidc-provider/token.actions.githubusercontent.com"}, "Action": "sts:AssumeRoleWithWebIdentity", "Condition": {"StringLike": {"token.actions.githubusercontent.com:sub": "repo:octo/app:*"}}}]}
  resources:
    data: {type: s3-bucket, account: "666666666666"}
flows:
  main:
    title: {en: Main, ja: メイン}
    steps:
      - id: sign-in
        actor: {federated: CorpIdP}
        action: sts:AssumeRoleWithSAML
        target: Reader
        params:
          session_name: alice@example.com
          context: {"SAML:aud": "https://signin.aws.amazon.com/saml"}
        narration: {en: Sign in., ja: サインイン。}
      - id: read
        actor: {session: alice@example.com}
        action: s3:GetObject
        target: data
        object: a.csv
        narration: {en: Read., ja: 読む。}
      - id: read-by-role
        actor: {role: Reader, session: alice@example.com}
        action: s3:GetObject
        target: data
        object: a.csv
        narration: {en: Read., ja: 読む。}
      - id: ci
        actor: {federated: "arn:aws:iam::666666666666:oidc-provider/token.actions.githubusercontent.com"}
        action: sts:AssumeRoleWithWebIdentity
        target: Deployer
        params:
          session_name: ci-run-42
          context: {"token.actions.githubusercontent.com:sub": "repo:octo/app:ref:refs/heads/main"}
        narration: {en: CI., ja: CI。}
"""


def _plans(text=FED):
    return {p.step.id: p for p in plan_flows(load_text(text))}


def _runs(text=FED):
    return {r.plan.step.id: r for r in run_steps(load_text(text))}


def test_the_provider_is_the_caller_and_only_the_trust_policy_counts():
    plan = _plans()["sign-in"]
    req = plan.request
    assert req["request"]["principal"] == "arn:aws:iam::666666666666:saml-provider/CorpIdP"
    assert req["request"]["resource"] == "arn:aws:iam::666666666666:role/people/Reader"
    assert req["identity_policies"] == [] and req["scps"] == [] and req["permission_boundary"] is None
    assert req["resource_policy"]["name"] == "Reader trust policy"
    assert req["request"]["context"]["SAML:aud"] == "https://signin.aws.amazon.com/saml"
    assert "sts:RoleSessionName" not in req["request"]["context"]  # it travels in the assertion
    assert "aws:PrincipalOrgID" not in req["request"]["context"]
    assert plan.makes_session == "alice@example.com"
    note = next(n for n in plan.notes if n.code == "federated_sign_in")
    assert "arn:aws:sts::666666666666:assumed-role/Reader/alice@example.com" in note.text("en")
    assert "信頼ポリシー" in note.text("ja")


def test_the_session_acts_with_the_roles_policies_and_scps():
    runs = _runs()
    # The account's SCP denies everything, yet the sign-in is allowed: SCPs limit principals of
    # the account, and the provider signing in is not one. The session it makes is.
    assert runs["sign-in"].outcome == "Allow"
    assert [d["policy_type"] for d in runs["sign-in"].result["decisive"]] == ["resource"]
    for step in ("read", "read-by-role"):
        run = runs[step]
        assert run.plan.caller.arn == "arn:aws:sts::666666666666:assumed-role/Reader/alice@example.com"
        assert run.plan.request["request"]["role_arn"] == "arn:aws:iam::666666666666:role/people/Reader"
        assert run.outcome == "ExplicitDeny"
        assert "identity_switch" in [n.code for n in run.notes]  # both link to the sign-in step
        assert run.plan.caller.session.made_by_step == "sign-in"


def test_the_trust_policy_condition_decides():
    runs = _runs(FED.replace('"SAML:aud": "https://signin.aws.amazon.com/saml"}\n',
                             '"SAML:aud": "https://apps.example.com/acs"}\n'))
    assert runs["sign-in"].outcome == "ImplicitDeny"
    assert "session_not_created" in [n.code for n in runs["read"].notes]


def test_oidc_provider_by_arn_and_web_identity():
    runs = _runs()
    assert runs["ci"].plan.caller.arn == "arn:aws:iam::666666666666:oidc-provider/token.actions.githubusercontent.com"
    assert runs["ci"].outcome == "Allow"
    forked = _runs(FED.replace("repo:octo/app:ref:refs/heads/main", "repo:mallory/fork:ref:refs/heads/main"))
    assert forked["ci"].outcome == "ImplicitDeny"


@pytest.mark.parametrize("old, new, code, needle, column", [
    ("actor: {federated: CorpIdP}", "actor: {federated: CorpIDP}", "unknown_provider", "federated: CorpIDP", 28),
    ("action: sts:AssumeRoleWithSAML", "action: s3:GetObject", "federated_action", "action: s3:GetObject", 17),
    ("action: sts:AssumeRoleWithSAML", "action: sts:AssumeRoleWithWebIdentity", "federated_action",
     "action: sts:AssumeRoleWithWebIdentity", 17),
    ('actor: {federated: "arn:aws:iam::666666666666:oidc-provider/token.actions.githubusercontent.com"}',
     "actor: {role: Reader, session: bob}", "needs_federated_actor", "actor: {role: Reader, session: bob}", 16),
    ("          session_name: alice@example.com\n", "", "missing_session_name", 'context: {"SAML:aud"', 11),
    ("    GitHub:\n", "    Reader2:\n", None, None, None),
])
def test_federated_mistakes_point_at_their_place(old, new, code, needle, column):
    text = FED.replace(old, new, 1)
    if code is None:  # a harmless rename: still loads
        assert load_text(text).model.world.identity_providers["Reader2"].type == "oidc"
        return
    p = problem_of(text)
    assert p.code == code, p
    assert (p.line, p.column) == (line_of(text, needle), column)


def test_a_provider_shares_the_name_space_and_needs_a_known_account():
    p = problem_of(FED.replace("    CorpIdP:\n      type: saml", "    Reader:\n      type: saml"))
    assert p.code == "duplicate_name"
    p = problem_of(FED.replace('      type: oidc\n      account: "666666666666"', '      type: oidc\n      account: "777777777777"'))
    assert p.code == "unknown_account"
    p = problem_of(FED.replace("      type: oidc", "      type: ldap"))
    assert p.code == "bad_choice"
