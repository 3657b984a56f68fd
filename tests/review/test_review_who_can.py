"""`xviz who-can`: every principal allowed as itself, with the statements that decided it.

Cross-account access needs both sides: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html
Service principals and Principal "*": https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html
"""
from __future__ import annotations

import json

import pytest
from review_sample import LOG, LOGS_BUCKET, MGMT, ORG, PROD, SHARED, VENDOR
from review_support import imported_org, xviz

from xviz.review.who_can import candidates, to_json, who_can

LOG_OBJECT = f"arn:aws:s3:::{LOGS_BUCKET}/AWSLogs/{SHARED}/trail.json.gz"
AUDITOR = f"arn:aws:iam::{SHARED}:role/CrossAccountAuditor"


@pytest.fixture(scope="module")
def org(tmp_path_factory):
    return imported_org(tmp_path_factory, "whocan")


def principals(index, action, resource, **kw):
    return [a.principal for a in who_can(index, action, resource, **kw)]


def test_iam_roles_same_account_cross_account_and_an_external_root(org):
    _, index = org
    assert principals(index, "s3:GetObject", LOG_OBJECT) == [
        f"arn:aws:iam::{LOG}:role/LogAdmin",  # same account: its identity policy alone suffices
        f"arn:aws:iam::{LOG}:role/security/audit/AuditReader",
        AUDITOR,  # another account: named by the bucket policy and allowed by its own policy
        f"arn:aws:iam::{VENDOR}:root",  # outside the export: the bucket policy names the account
    ]


def test_each_answer_names_its_deciding_statements(org):
    _, index = org
    auditor = next(a for a in who_can(index, "s3:GetObject", LOG_OBJECT) if a.principal == AUDITOR)
    decisive = {(d["policy_type"], d["policy"], d["sid"]) for d in auditor.result["decisive"]}
    assert decisive == {("resource", f"{LOGS_BUCKET} policy", "AuditorRead"), ("identity", "Audit", None)}
    assert auditor.actor == {"role": "CrossAccountAuditor", "session": "xviz-review"}


def test_service_principal_is_evaluated_with_the_service_context(org):
    # https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html
    _, index = org
    put = "s3:PutObject"
    assert "cloudtrail.amazonaws.com" in principals(index, put, LOG_OBJECT, service_context={"aws:SourceOrgID": ORG})
    assert "cloudtrail.amazonaws.com" not in principals(index, put, LOG_OBJECT,
                                                        service_context={"aws:SourceOrgID": "o-other00000"})
    assert "cloudtrail.amazonaws.com" not in principals(index, put, LOG_OBJECT)


def test_anonymous_when_the_resource_policy_lets_anyone_in(org):
    _, index = org
    public = principals(index, "s3:GetObject", "arn:aws:s3:::acme-public-assets/index.html")
    assert public[0] == "anonymous"
    assert f"arn:aws:iam::{MGMT}:role/OrganizationAccountAccessRole" in public  # Principal "*" opens other accounts
    assert "anonymous" not in principals(index, "s3:GetObject", LOG_OBJECT)


def test_trust_policy_without_external_id_lets_the_vendor_in(org):
    # https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_common-scenarios_third-party.html
    _, index = org
    vendor = f"arn:aws:iam::{VENDOR}:root"
    assert principals(index, "sts:AssumeRole", f"arn:aws:iam::{SHARED}:role/VendorAccess") == [vendor]
    safe = f"arn:aws:iam::{SHARED}:role/VendorAccessSafe"
    assert principals(index, "sts:AssumeRole", safe) == []
    assert principals(index, "sts:AssumeRole", safe, context={"sts:ExternalId": "acme-7731"}) == [vendor]


def test_only_principals_whose_policies_can_match_are_candidates(org):
    _, index = org
    key = f"arn:aws:kms:eu-west-1:{LOG}:key/1234abcd-12ab-34cd-56ef-1234567890ab"
    keys = {actor.get("role") or actor.get("user") for actor, _, _ in candidates(index, "kms:Decrypt", key)}
    # The key's account names itself (so its roles are asked) and the auditor; BreakGlass is an
    # administrator of another account that the key policy does not name; GitHubDeploy allows other actions.
    assert keys == {"AuditReader", "LogAdmin", "CrossAccountAuditor"}
    assert principals(index, "kms:Decrypt", key) == [f"arn:aws:iam::{LOG}:role/LogAdmin", AUDITOR]
    # GitHubDeploy may assume DeployTarget only: it is not asked about BreakGlass, its neighbour.
    def asked(role):
        return {a.get("role") for a, _, _ in candidates(index, "sts:AssumeRole", f"arn:aws:iam::{PROD}:role/{role}")}
    assert "GitHubDeploy" in asked("DeployTarget") and "GitHubDeploy" not in asked("BreakGlass")


def test_json_output_and_cli(org):
    path, index = org
    done = xviz("who-can", path, "--action", "lambda:InvokeFunction", "--resource",
                f"arn:aws:lambda:eu-west-1:{PROD}:function:app-fn", "--service-context",
                f"aws:SourceArn=arn:aws:execute-api:eu-west-1:{PROD}:abc123/prod/GET/", "--json")
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert "apigateway.amazonaws.com" in out["principals"]
    assert set(out) == {"principals", "details"}
    assert out["details"][out["principals"].index("apigateway.amazonaws.com")]["decisive"][0]["sid"] == "ApiInvoke"
    assert to_json([]) == {"principals": [], "details": []}


def test_text_output_in_both_languages(org):
    path, _ = org
    en = xviz("who-can", path, "--action", "s3:GetObject", "--resource", LOG_OBJECT)
    ja = xviz("who-can", path, "--action", "s3:GetObject", "--resource", LOG_OBJECT, "--lang", "ja")
    assert "4 principal(s)" in en.stdout and "resource-based policy" in en.stdout
    assert "4 件" in ja.stdout and "リソースベースのポリシー" in ja.stdout


@pytest.mark.parametrize("args, message", [
    (["--action", "s3 GetObject", "--resource", "arn:aws:s3:::b"], "action"),
    (["--action", "s3:GetObject", "--resource", LOG_OBJECT, "--context", "novalue"], "KEY=VALUE"),
    (["--action", "s3:GetObject", "--resource", "arn:aws:s3:::not-exported/x"], "names no account"),
])
def test_bad_questions_exit_2_with_one_message(org, args, message):
    path, _ = org
    done = xviz("who-can", path, *args)
    assert done.returncode == 2 and message in done.stderr and "Traceback" not in done.stderr
