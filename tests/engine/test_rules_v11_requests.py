"""simulate-request.md v1.1: contradictory context, actions that need no permission (rule 25),
AWS-owned and protected resources (rule 27), resource policies without Resource, blank action
names, and rule 18's inverted operators against an unresolved variable."""
import pytest

try:
    from .rules_support import *  # noqa: F403
except ImportError:
    from rules_support import *  # noqa: F403

from xviz.engine import InputError, simulate

CONDKEYS = UG + "reference_policies_condition-keys.html"
PRINCIPAL = UG + "reference_policies_elements_principal.html"
GET_CALLER_IDENTITY = "https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html"
MANAGED = UG + "access_policies_managed-vs-inline.html"
SLR = UG + "using-service-linked-roles.html"
KMS_ALIAS = "https://docs.aws.amazon.com/kms/latest/developerguide/alias-manage.html"
ECR_POLICIES = "https://docs.aws.amazon.com/AmazonECR/latest/userguide/repository-policies.html"
VARIABLES = UG + "reference_policies_variables.html"
ACTION = UG + "reference_policies_elements_action.html"

PIPELINE_ROLE = f"arn:aws:iam::{A}:role/pipelines/etl"
PIPELINE_SESSION = f"arn:aws:sts::{A}:assumed-role/etl/run-7"
READ_ONLY = "arn:aws:iam::aws:policy/ReadOnlyAccess"


def error_of(data):
    with pytest.raises(InputError) as err:
        simulate(data)
    return err.value


# --- contradictory context (CONDKEYS: aws:PrincipalArn is the role ARN with its path) -----------
GRANT_BOB = doc(allow("s3:GetObject", OBJECTS, sid="Bob", principal={"AWS": USER_BOB}))


@pytest.mark.parametrize("data, key, given, derived", [
    # A grant written for bob must not let alice in because context says she is bob.
    (req(USER, context={"aws:PrincipalArn": USER_BOB}, resource_policy=GRANT_BOB), "aws:PrincipalArn", USER_BOB, USER),
    (req(USER, context={"aws:PrincipalAccount": B}), "aws:PrincipalAccount", B, A),
    (req(USER, context={"aws:username": "bob"}), "aws:username", "bob", "alice"),
    (req(USER, context={"aws:PrincipalType": "AssumedRole"}), "aws:PrincipalType", "AssumedRole", "User"),
    (req(SERVICE, context={"aws:PrincipalIsAWSService": False}), "aws:PrincipalIsAWSService", "false", "true"),
    (req(USER, context={"aws:ResourceAccount": B}), "aws:ResourceAccount", B, A),
    # a session's aws:PrincipalArn is never the session ARN
    (session_req(context={"aws:PrincipalArn": SESSION}), "aws:PrincipalArn", SESSION, ROLE),
    # role_arn and aws:PrincipalArn given both must agree
    (session_req(context={"aws:PrincipalArn": f"arn:aws:iam::{A}:role/other/AppRole"}), "aws:PrincipalArn",
     f"arn:aws:iam::{A}:role/other/AppRole", ROLE),
], ids=["alice-as-bob", "account", "username", "type", "is-aws-service", "resource-account", "session-arn",
        "role-arn-disagrees"])
def test_context_that_contradicts_the_request_is_an_input_error(data, key, given, derived):
    """CONDKEYS defines each of these keys from the caller and the resource; simulate-request.md v1.1
    makes a context value that disagrees an input error naming both values."""
    err = error_of(data)
    assert err.code == "context-contradiction"
    assert err.path == f"$.request.context['{key}']"
    assert given in err.message and derived in err.message  # names both values


PATHED = [
    # The exception: a pathed role ARN in aws:PrincipalArn is the session's role_arn, for conditions
    # and for Principal matching alike.
    Case("principal-matches-pathed-role", req(PIPELINE_SESSION, context={"aws:PrincipalArn": PIPELINE_ROLE},
                                              resource_policy=doc(allow("s3:GetObject", OBJECTS, sid="Etl", principal={"AWS": PIPELINE_ROLE}))),
         "Allow", decisive=[dec("resource", "rbp", 0, "Etl")]),
    Case("condition-sees-pathed-role", req(PIPELINE_SESSION, context={"aws:PrincipalArn": PIPELINE_ROLE},
                                           identity=[doc(allow(condition={"ArnLike": {"aws:PrincipalArn": "arn:aws:iam::*:role/pipelines/*"}}))]),
         "Allow"),
    Case("without-it-the-path-is-unknown", req(PIPELINE_SESSION,
                                               resource_policy=doc(allow("s3:GetObject", OBJECTS, principal={"AWS": PIPELINE_ROLE}))),
         "ImplicitDeny"),
    Case("same-values-are-no-contradiction", req(USER, context={"aws:PrincipalArn": USER, "aws:PrincipalAccount": A},
                                                 identity=[doc(allow())]), "Allow"),
]


@pytest.mark.parametrize("case", params(CONDKEYS, PATHED))
def test_pathed_role_arn_in_context_is_the_role_arn(case):
    check(case)


# --- rule 25: sts:GetCallerIdentity needs no permission ---------------------------------------
NO_STS = doc(deny("sts:*", "*", sid="NoSts"))
CALLER_IDENTITY = [
    Case("no-policy-at-all", req(USER, "sts:GetCallerIdentity", "*"), "Allow", decisive=[]),
    Case("explicit-deny-in-identity", req(USER, "sts:GetCallerIdentity", "*", identity=[NO_STS]), "Allow", decisive=[]),
    Case("explicit-deny-in-scp", session_req(action="sts:GetCallerIdentity", resource="*",
                                             scps=[(ROOT_OU, [FULL_ACCESS, NO_STS])]), "Allow"),
    Case("root-user", req(ROOT_A, "sts:GetCallerIdentity", "*"), "Allow"),
    Case("anonymous-is-not-signed", req("anonymous", "sts:GetCallerIdentity", "*"), "ImplicitDeny"),
]


@pytest.mark.parametrize("case", params(GET_CALLER_IDENTITY, CALLER_IDENTITY))
def test_rule_25_get_caller_identity(case):
    check(case)


def test_get_caller_identity_trace_says_why():
    """GET_CALLER_IDENTITY: no permission is required, so no policy is checked."""
    result = simulate(req(USER, "sts:GetCallerIdentity", "*", identity=[NO_STS]))
    assert [s["reason"] for s in result["trace"]] == ["no-permission-needed"] + ["not-checked"] * 6
    assert {s["result"] for s in result["trace"]} == {"not_applicable"}
    deny_step = result["trace"][0]
    assert deny_step["statements"][0]["matched"] is True  # the Deny is shown, and shown not to count


# --- rule 27 and AWS-owned resources ---------------------------------------------------------
IAM_READ = doc(allow(["iam:GetPolicy", "iam:CreatePolicyVersion"], "*"))
OWNED = [
    Case("identity-policy-reads-aws-managed-policy", req(USER, "iam:GetPolicy", READ_ONLY, identity=[IAM_READ]), "Allow",
         decisive=[dec("identity", "id1")]),
    Case("no-identity-allow", req(USER, "iam:GetPolicy", READ_ONLY), "ImplicitDeny", missing=[miss("identity")]),
    Case("rcps-do-not-reach-aws", req(USER, "iam:GetPolicy", READ_ONLY, identity=[IAM_READ],
                                      rcps=[(ROOT_OU, [doc(deny("*", "*", principal="*"))])]), "Allow"),
]


@pytest.mark.parametrize("case", params(MANAGED, OWNED))
def test_aws_owned_resources(case):
    check(case)


def test_aws_owned_resource_account_is_accepted_and_explained():
    """MANAGED: AWS managed policies belong to AWS (account "aws" in their ARN)."""
    data = req(USER, "iam:GetPolicy", READ_ONLY, identity=[IAM_READ])
    for given in ("aws", None):
        if given is None:
            del data["request"]["resource_account"]
        else:
            data["request"]["resource_account"] = given
        resource_step = simulate(data)["trace"][3]
        assert (resource_step["step"], resource_step["reason"]) == ("resource", "aws-owned-resource")


def test_aws_owned_resource_has_no_resource_policy():
    """MANAGED: an AWS managed policy is read through the caller's own permissions only."""
    data = req(USER, "iam:GetPolicy", READ_ONLY, resource_account="aws",
               resource_policy=doc(allow("iam:GetPolicy", "*", principal="*")))
    assert error_of(data).code == "aws-owned-resource-policy"


def test_aws_account_must_match_the_arn():
    """MANAGED: a customer managed policy's ARN names its account; "aws" cannot own it."""
    assert error_of(req(USER, "iam:GetPolicy", f"arn:aws:iam::{A}:policy/Mine", resource_account="aws")).code == "account-mismatch"


SSO_ROLE = f"arn:aws:iam::{A}:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Admin_0123456789abcdef"
SLR_ROLE = f"arn:aws:iam::{A}:role/aws-service-role/elasticloadbalancing.amazonaws.com/AWSServiceRoleForElasticLoadBalancing"
ALIAS = f"arn:aws:kms:us-east-1:{A}:alias/aws/s3"
ADMIN = doc(allow("*", "*"))


@pytest.mark.parametrize("action, resource, kind", [
    ("iam:CreatePolicyVersion", READ_ONLY, "aws-managed-policy"),
    ("iam:DeletePolicy", READ_ONLY, "aws-managed-policy"),
    ("iam:AttachRolePolicy", SSO_ROLE, "aws-reserved-role"),
    ("iam:DeleteRole", SSO_ROLE, "aws-reserved-role"),
    ("iam:PutRolePolicy", SLR_ROLE, "service-linked-role"),
    ("kms:DeleteAlias", ALIAS, "aws-kms-alias"),
    ("kms:UpdateAlias", ALIAS, "aws-kms-alias"),
])
def test_rule_27_protected_resources_warn(action, resource, kind):
    # AWS Knowledge Center (AWSReservedSSO roles), SLR, KMS_ALIAS, MANAGED: AWS refuses the change.
    result = simulate(req(USER, action, resource, identity=[ADMIN]))
    assert result["decision"] == "Allow"  # evaluated by policy as usual ...
    warnings = [w for w in result["warnings"] if w["code"] == "aws-protected-resource"]
    assert len(warnings) == 1 and warnings[0]["path"] == "$.request.resource"  # ... with the warning


@pytest.mark.parametrize("action, resource", [
    ("iam:GetPolicy", READ_ONLY),                 # reading is not changing
    ("iam:GetRole", SSO_ROLE),
    ("iam:PassRole", SSO_ROLE),
    ("iam:DeleteServiceLinkedRole", SLR_ROLE),    # the service-linked role life cycle is allowed
    ("iam:UpdateRoleDescription", SLR_ROLE),
    ("kms:DeleteAlias", f"arn:aws:kms:us-east-1:{A}:alias/my-key"),
    ("iam:DeleteRole", f"arn:aws:iam::{A}:role/app/AppRole"),
])
def test_what_customers_may_change_has_no_warning(action, resource):
    """SLR (DeleteServiceLinkedRole, the description), KMS_ALIAS (own aliases), MANAGED (reading)."""
    result = simulate(req(USER, action, resource, identity=[ADMIN]))
    assert "aws-protected-resource" not in {w["code"] for w in result["warnings"]}


# --- resource policies without Resource (ECR repository policies as AWS returns them) ---------
REPO = f"arn:aws:ecr:us-east-1:{A}:repository/app"
ECR_PULL = {"Version": "2008-10-17", "Statement": [{"Sid": "Pull", "Effect": "Allow", "Principal": {"AWS": USER_B},
                                                   "Action": ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"]}]}


def test_ecr_repository_policy_without_resource():
    """ECR_POLICIES: repository policy statements name no Resource; the repository is meant."""
    data = req(USER_B, "ecr:BatchGetImage", REPO, identity=[doc(allow("ecr:*"))], resource_policy=ECR_PULL)
    result = simulate(data)
    assert result["decision"] == "Allow"
    assert result["decisive"] == [dec("resource", "rbp", 0, "Pull"), dec("identity", "id1")]


def test_other_resource_policies_still_need_resource():
    """UG reference_policies_elements_resource.html: other resource-based policies need Resource."""
    policy = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": USER_B}, "Action": "s3:GetObject"}]}
    err = error_of(req(USER_B, resource_policy=policy))
    assert (err.code, err.path) == ("resource-element", "$.resource_policy.document.Statement[0]")


# --- one rule for blank action names ----------------------------------------------------------
@pytest.mark.parametrize("action", ["s3:", "s3:      ", "s3: "])
def test_blank_action_name_is_an_error(action):
    """ACTION: an action is service:name; "s3:" and "s3:   " name no action, so both are refused."""
    err = error_of(req(USER, identity=[doc(allow(action))]))
    assert (err.code, err.path) == ("bad-action", "$.identity_policies[0].document.Statement[0].Action")
    assert "no action name" in err.message


# --- rule 18 (corrected): inverted operators match an unresolved variable ---------------------
RULE_18 = [
    Case("string-not-equals-deny-applies", session_req(identity=[doc(allow("s3:*"), deny(
        "s3:GetObject", "*", sid="OwnOnly", condition={"StringNotEquals": {"s3:prefix": "${aws:username}"}}))],
        context={"s3:prefix": "alice"}), "ExplicitDeny", decisive=[dec("identity", "id1", 1, "OwnOnly")]),
    Case("string-not-like-deny-applies", session_req(identity=[doc(allow("s3:*"), deny(
        "s3:GetObject", "*", sid="OwnOnly", condition={"StringNotLike": {"s3:prefix": "${aws:username}/*"}}))],
        context={"s3:prefix": "alice/x"}), "ExplicitDeny"),
    Case("string-equals-allow-fails", session_req(identity=[doc(allow(
        "s3:GetObject", "*", condition={"StringEquals": {"s3:prefix": "${aws:username}"}}))],
        context={"s3:prefix": "alice"}), "ImplicitDeny"),
    Case("for-any-value-not-equals", session_req(identity=[doc(allow("s3:*"), deny(
        "s3:GetObject", "*", sid="Tags", condition={"ForAnyValue:StringNotEquals": {"aws:TagKeys": "${aws:username}"}}))],
        context={"aws:TagKeys": ["team"]}), "ExplicitDeny"),
]


@pytest.mark.parametrize("case", params(VARIABLES, RULE_18))
def test_rule_18_inverted_operators_match_an_unresolved_variable(case):
    check(case)
