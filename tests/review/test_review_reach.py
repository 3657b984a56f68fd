"""`xviz reach`: every role a principal can assume, directly or by chaining, with one shortest chain.

Role chaining: https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_terms-and-concepts.html#iam-term-role-chaining
OIDC: https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_create_oidc.html
SAML: https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_saml.html
"""
from __future__ import annotations

import json
import pytest
from review_sample import GITHUB, GITHUB_SUB, LOG, PROD, SHARED
from review_support import imported_org, xviz

from xviz.review.importer import Policy
from xviz.review.index import ReviewIndex
from xviz.review.reach import reach, to_json
from xviz.review.writer import dump_scenario
from xviz.scenario import loads

AUDITOR = f"arn:aws:iam::{SHARED}:role/CrossAccountAuditor"
AUDIT_READER = f"arn:aws:iam::{LOG}:role/security/audit/AuditReader"
GITHUB_CLAIMS = {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com",
                 "token.actions.githubusercontent.com:sub": GITHUB_SUB}


@pytest.fixture(scope="module")
def org(tmp_path_factory):
    return imported_org(tmp_path_factory, "reach")


def test_user_reaches_a_role_in_another_account_by_chaining(org):
    _, index = org
    alice = f"arn:aws:iam::{SHARED}:user/alice"
    assert to_json(reach(index, alice)) == {"roles": [
        {"role": AUDIT_READER, "chain": [alice, AUDITOR, AUDIT_READER]},
        {"role": AUDITOR, "chain": [alice, AUDITOR]},
    ]}


def test_oidc_provider_with_its_claims_reaches_the_deploy_roles(org):
    _, index = org
    deploy, target = f"arn:aws:iam::{PROD}:role/cicd/GitHubDeploy", f"arn:aws:iam::{PROD}:role/DeployTarget"
    reached = reach(index, GITHUB, GITHUB_CLAIMS)
    assert [(r.role, r.chain) for r in reached] == [(target, [GITHUB, deploy, target]), (deploy, [GITHUB, deploy])]
    assert reached[1].hops[0].plan.step.action == "sts:AssumeRoleWithWebIdentity"
    wrong = {**GITHUB_CLAIMS, "token.actions.githubusercontent.com:sub": "repo:someone-else/app:ref:refs/heads/main"}
    assert reach(index, GITHUB, wrong) == []


def test_saml_provider_reaches_through_the_federated_role(org):
    _, index = org
    idp = f"arn:aws:iam::{SHARED}:saml-provider/CorpIdP"
    admin = f"arn:aws:iam::{SHARED}:role/CorpAdmin"
    reached = {r.role: r.chain for r in reach(index, idp, {"SAML:aud": "https://signin.aws.amazon.com/saml"})}
    assert reached[f"arn:aws:iam::{PROD}:role/BreakGlass"] == [idp, admin, f"arn:aws:iam::{PROD}:role/BreakGlass"]
    assert reached[AUDIT_READER] == [idp, admin, AUDITOR, AUDIT_READER]
    assert reach(index, idp, {"SAML:aud": "https://elsewhere.example/saml"}) == []


ONE = "111111111111"
ASSUME_ANY = Policy({"Version": "2012-10-17",
                     "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole", "Resource": "*"}]})


def _trusting(*arns: str) -> Policy:
    return Policy({"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Principal": {"AWS": list(arns)}, "Action": "sts:AssumeRole"}]})


def _role(trust: Policy) -> dict:
    return {"account": ONE, "trust_policy": trust, "policies": {"Assume": ASSUME_ANY}}


# Two chains of the same length reach Target: through B-first-hop (listed first) and A-first-hop.
TIE = dump_scenario({
    "version": 1, "id": "tie", "title": {"en": "Tie", "ja": "同点"},
    "summary": {"en": "Two chains of one length.", "ja": "同じ長さの二つの連鎖。"},
    "world": {"accounts": {ONE: {"name": "One"}},
              "users": {"u": {"account": ONE, "policies": {"Assume": ASSUME_ANY}}},
              "roles": {"B-first-hop": _role(_trusting(f"arn:aws:iam::{ONE}:user/u")),
                        "A-first-hop": _role(_trusting(f"arn:aws:iam::{ONE}:user/u")),
                        "Target": _role(_trusting(f"arn:aws:iam::{ONE}:role/B-first-hop",
                                                  f"arn:aws:iam::{ONE}:role/A-first-hop"))}},
    "flows": {"f": {"title": {"en": "F", "ja": "F"}, "steps": [
        {"id": "s", "actor": {"user": "u"}, "action": "sts:GetCallerIdentity", "target": "*",
         "narration": {"en": "x", "ja": "x"}}]}},
})


def test_ties_between_shortest_chains_are_broken_by_arn_order():
    index = ReviewIndex(loads(TIE, "tie.yaml"))
    user = "arn:aws:iam::111111111111:user/u"
    target = next(r for r in reach(index, user) if r.role.endswith("/Target"))
    assert target.chain == [user, "arn:aws:iam::111111111111:role/A-first-hop", target.role]


def test_cli_json_and_unknown_start(org):
    path, _ = org
    args = ["reach", path, "--from", GITHUB, "--json"] + [x for k, v in GITHUB_CLAIMS.items()
                                                          for x in ("--context", f"{k}={v}")]
    done = xviz(*args)
    assert done.returncode == 0, done.stderr
    assert [r["role"] for r in json.loads(done.stdout)["roles"]] == [
        f"arn:aws:iam::{PROD}:role/DeployTarget", f"arn:aws:iam::{PROD}:role/cicd/GitHubDeploy"]
    ja = xviz("reach", path, "--from", f"arn:aws:iam::{SHARED}:user/alice", "--lang", "ja")
    assert "引き受けられるロール: 2 件" in ja.stdout
    bad = xviz("reach", path, "--from", "arn:aws:iam::123456789012:role/Nobody")
    assert bad.returncode == 2 and "--from" in bad.stderr and "Traceback" not in bad.stderr
