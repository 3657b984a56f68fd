"""Edge cases across the rules, each pinned to the sentence of the documentation page it tests."""
import pytest

try:
    from .rules_support import *  # noqa: F403
except ImportError:
    from rules_support import *  # noqa: F403

RESOURCE = UG + "reference_policies_elements_resource.html"
NOTRESOURCE = UG + "reference_policies_elements_notresource.html"
VARIABLES = UG + "reference_policies_variables.html"
OPERATORS = UG + "reference_policies_elements_condition_operators.html"
SINGLE_MULTI = UG + "reference_policies_condition-single-vs-multi-valued-context-keys.html"
PRINCIPAL = UG + "reference_policies_elements_principal.html"
DENYALLOW = UG + "reference_policies_evaluation-logic_policy-eval-denyallow.html"
XACCT = UG + "reference_policies_evaluation-logic-cross-account.html"
RCPS = ORGS + "orgs_manage_policies_rcps.html"
SCP_SYNTAX = ORGS + "orgs_manage_policies_scps_syntax.html"

S3_ALL = allow("s3:*", "*", sid="S3All")
SNS = f"arn:aws:sns:us-east-1:{A}:alerts"


def get(pattern, resource, action="s3:GetObject"):
    return req(action=action, resource=resource, resource_account=A, identity=[doc(allow(action, pattern))])


# "If the * wildcard is the last character of a resource ARN segment, it can expand to match beyond
# the colon boundaries."  "The asterisk (*) character can expand to replace everything within a
# segment, including characters like a forward slash (/)".
DEMO = "arn:aws:s3:::amzn-s3-demo-bucket/"
RESOURCE_EDGES = [
    Case("trailing-star-crosses-colons", get("arn:aws:sns:*", SNS, "sns:Publish"), "Allow"),
    Case("trailing-star-after-region", get("arn:aws:sns:us-east-1:*", SNS, "sns:Publish"), "Allow"),
    Case("star-matches-empty-segments", get("arn:aws:s3:*:*:bucket-a/*", OBJ), "Allow"),
    Case("star-matches-empty-key-tail", get("arn:aws:s3:::bucket-a/reports/*", "arn:aws:s3:::bucket-a/reports/"), "Allow"),
    Case("user-path-under-star", get(f"arn:aws:iam::{A}:user/*", f"arn:aws:iam::{A}:user/division/bob", "iam:GetUser"), "Allow"),
    Case("inner-stars-and-questions", get("arn:aws:s3:::bucket-?/*/q?.csv", OBJ), "Allow"),
] + [
    # The page's own example: "arn:aws:s3:::amzn-s3-demo-bucket/*/test/*" and the objects it lists.
    Case(f"doc-example-{i}", get(DEMO + "*/test/*", DEMO + key), "Allow" if ok else "ImplicitDeny")
    for i, (key, ok) in enumerate([
        ("1/test/object.jpg", True), ("1/2/test/object.jpg", True), ("1/2/test/3/object.jpg", True),
        ("1/2/3/test/4/object.jpg", True), ("1///test///object.jpg", True), ("1/test/.jpg", True),
        ("//test/object.jpg", True), ("1/test/", True),
        ("1-test/object.jpg", False), ("test/object.jpg", False), ("1/2/test.jpg", False)])
]
# "NotResource ... matches everything except the specified resources" (a Deny with NotResource
# therefore denies every resource outside the list).
NOTRESOURCE_EDGES = [
    Case("deny-not-resource-hits-outside",
         req(resource="arn:aws:s3:::other-bucket/x", identity=[doc(S3_ALL, deny("s3:*", not_resource=[BUCKET, OBJECTS], sid="Fence"))]),
         "ExplicitDeny", decisive=[dec("identity", "id1", 1, "Fence")]),
    Case("deny-not-resource-spares-inside", req(identity=[doc(S3_ALL, deny("s3:*", not_resource=[BUCKET, OBJECTS]))]), "Allow"),
    Case("not-action-and-not-resource-together",
         req(action="iam:CreateUser", resource=f"arn:aws:iam::{A}:user/x",
             identity=[doc(allow(not_action="s3:*", not_resource="arn:aws:iam::*:role/*"))]), "Allow"),
]
# "If a variable that has no value in the authorization context is used as part of the Resource or
# NotResource element of a policy, the resource that includes a policy variable with no value will
# not match any resource."  Variables "were introduced in version 2012-10-17".
HOME = "arn:aws:s3:::bucket-a/home/${aws:username}/*"
FENCE = doc(S3_ALL, deny("s3:*", not_resource=HOME, sid="HomeOnly"))
VARIABLE_EDGES = [
    Case("not-resource-variable-user-inside-home", req(resource="arn:aws:s3:::bucket-a/home/alice/x", identity=[FENCE]), "Allow"),
    Case("not-resource-variable-user-outside-home", req(resource="arn:aws:s3:::bucket-a/home/bob/x", identity=[FENCE]),
         "ExplicitDeny"),
    Case("not-resource-valueless-variable-excludes-nothing",
         session_req(resource="arn:aws:s3:::bucket-a/home/s1/x", identity=[FENCE]), "ExplicitDeny"),
    Case("version-2008-condition-variable-literal",
         req(action="s3:ListBucket", resource=BUCKET, context={"s3:prefix": "${aws:username}"},
             identity=[doc(allow("s3:ListBucket", BUCKET, condition={"StringEquals": {"s3:prefix": "${aws:username}"}}),
                           version="2008-10-17")]), "Allow"),
    Case("variable-in-arn-condition",
         req(context={"aws:SourceArn": f"arn:aws:iam::{A}:user/alice"},
             identity=[doc(allow(condition={"ArnEquals": {"aws:SourceArn": f"arn:aws:iam::{A}:user/${{aws:username}}"}}))]), "Allow"),
]


def cond(c, ctx):
    return req(identity=[doc(allow("s3:GetObject", condition=c))], context=ctx)


NOW = "2026-11-28T07:00:00Z"
CUR = "aws:CurrentTime"
# Dates: "one of the W3C implementations of the ISO 8601 date formats or in epoch (UNIX) time".
OPERATOR_EDGES = [
    Case("date-fractional-seconds", cond({"DateEquals": {CUR: "2026-11-28T07:00:00.000Z"}}, {CUR: NOW}), "Allow"),
    Case("date-without-seconds", cond({"DateEquals": {CUR: "2026-11-28T07:00Z"}}, {CUR: NOW}), "Allow"),
    Case("date-context-with-offset", cond({"DateLessThan": {CUR: "2026-11-28T07:30:00Z"}}, {CUR: "2026-11-28T09:00:00+02:00"}), "Allow"),
    Case("numeric-decimal-equals-integer", cond({"NumericEquals": {"s3:max-keys": "10.0"}}, {"s3:max-keys": 10}), "Allow"),
    Case("deny-if-not-secure-transport",
         req(identity=[doc(S3_ALL)], context={"aws:SecureTransport": False},
             resource_policy=doc(deny("s3:*", OBJECTS, sid="TLS", principal="*", condition={"Bool": {"aws:SecureTransport": "false"}}))),
         "ExplicitDeny", decisive=[dec("resource", "rbp", 0, "TLS")]),
    Case("secure-transport-spares-deny",
         req(identity=[doc(S3_ALL)], context={"aws:SecureTransport": True},
             resource_policy=doc(deny("s3:*", OBJECTS, principal="*", condition={"Bool": {"aws:SecureTransport": "false"}}))),
         "Allow"),
    Case("ipv4-everything-is-not-ipv6", cond({"IpAddress": {"aws:SourceIp": "0.0.0.0/0"}}, {"aws:SourceIp": "2001:db8::1"}),
         "ImplicitDeny"),
    Case("ipv6-everything", cond({"IpAddress": {"aws:SourceIp": "::/0"}}, {"aws:SourceIp": "2001:db8::1"}), "Allow"),
    Case("ip-list-any-range", cond({"IpAddress": {"aws:SourceIp": ["10.0.0.0/8", "203.0.113.0/24"]}}, {"aws:SourceIp": "10.1.2.3"}), "Allow"),
    Case("string-like-multi-star", cond({"StringLike": {"aws:PrincipalTag/team": "*-ops-*"}}, {"aws:PrincipalTag/team": "eu-ops-1"}), "Allow"),
]
TAGKEYS = "aws:TagKeys"
SET_EDGES = [
    Case("ForAllValues-single-string-context", cond({"ForAllValues:StringEquals": {TAGKEYS: ["env", "team"]}}, {TAGKEYS: "env"}), "Allow"),
    Case("ForAllValues-negated-all-outside", cond({"ForAllValues:StringNotEquals": {TAGKEYS: ["secret"]}}, {TAGKEYS: ["env", "team"]}),
         "Allow"),
    Case("ForAllValues-negated-one-inside", cond({"ForAllValues:StringNotEquals": {TAGKEYS: ["secret"]}}, {TAGKEYS: ["env", "secret"]}),
         "ImplicitDeny"),
    Case("ForAnyValue-negated-one-outside", cond({"ForAnyValue:StringNotEquals": {TAGKEYS: ["secret"]}}, {TAGKEYS: ["secret", "env"]}),
         "Allow"),
    Case("ForAnyValue-negated-all-inside", cond({"ForAnyValue:StringNotEquals": {TAGKEYS: ["secret"]}}, {TAGKEYS: ["secret"]}),
         "ImplicitDeny"),
    Case("ForAllValues-deny-fires-on-missing-key",
         req(identity=[doc(S3_ALL, deny("s3:*", sid="OnlyEnv", condition={"ForAllValues:StringNotEquals": {TAGKEYS: ["env"]}}))]),
         "ExplicitDeny", decisive=[dec("identity", "id1", 1, "OnlyEnv")]),
    Case("ForAnyValue-deny-on-forbidden-tag",
         req(context={TAGKEYS: ["env", "secret"]},
             identity=[doc(S3_ALL, deny("s3:*", sid="NoSecretTag", condition={"ForAnyValue:StringEquals": {TAGKEYS: "secret"}}))]),
         "ExplicitDeny", decisive=[dec("identity", "id1", 1, "NoSecretTag")]),
]
# Principal page: a role ARN in Principal stands for the role's sessions; "IAM role trust policies
# and KMS key policies ... must explicitly allow access for principals" (denyallow page).
ADMIN = f"arn:aws:iam::{A}:role/Admin"
PRINCIPAL_EDGES = [
    Case("deny-naming-role-denies-its-sessions",
         session_req(identity=[doc(S3_ALL)], resource_policy=doc(deny("s3:*", OBJECTS, sid="NoApp", principal={"AWS": ROLE}))),
         "ExplicitDeny", decisive=[dec("resource", "rbp", 0, "NoApp")]),
    Case("deny-naming-one-session-spares-another",
         session_req(principal=SESSION_2, identity=[doc(S3_ALL)], resource_policy=doc(deny("s3:*", OBJECTS, principal={"AWS": SESSION}))),
         "Allow"),
    Case("role-chaining-trust-names-role",
         session_req(action="sts:AssumeRole", resource=ADMIN,
                     resource_policy=trust(allow("sts:AssumeRole", None, sid="FromApp", principal={"AWS": ROLE})),
                     identity=[doc(allow("sts:AssumeRole", ADMIN))]), "Allow"),
    Case("trust-deny-naming-account",
         req(USER_B, action="sts:AssumeRole", resource=ADMIN, identity=[doc(allow("sts:AssumeRole", ADMIN))],
             resource_policy=trust(allow("sts:AssumeRole", None, principal={"AWS": B}),
                                   deny("sts:AssumeRole", None, sid="NotB", principal={"AWS": B}))),
         "ExplicitDeny", decisive=[dec("resource", "rbp", 1, "NotB")]),
    # STS: TagSession is authorized by the trust policy as well (simulate-request.md, request.resource).
    Case("trust-must-allow-tag-session",
         req(USER_B, action="sts:TagSession", resource=ADMIN, identity=[doc(allow("sts:*", ADMIN))],
             resource_policy=trust(allow("sts:AssumeRole", None, principal={"AWS": B}))), "ImplicitDeny"),
    Case("trust-allows-tag-session",
         req(USER_B, action="sts:TagSession", resource=ADMIN, identity=[doc(allow("sts:*", ADMIN))],
             resource_policy=trust(allow(["sts:AssumeRole", "sts:TagSession"], None, principal={"AWS": B}))), "Allow"),
    Case("cross-account-kms-needs-both",
         req(USER_B, action="kms:Decrypt", resource=KEY, identity=[doc(allow("kms:Decrypt", KEY))],
             resource_policy=doc(allow("kms:Decrypt", "*", principal={"AWS": B}))), "Allow"),
    Case("cross-account-kms-key-policy-only",
         req(USER_B, action="kms:Decrypt", resource=KEY, resource_policy=doc(allow("kms:Decrypt", "*", principal={"AWS": B}))),
         "ImplicitDeny"),
    Case("key-policy-role-arn-limited-by-boundary",
         session_req(action="kms:Decrypt", resource=KEY, boundary=doc(allow("s3:*")),
                     resource_policy=doc(allow("kms:Decrypt", "*", principal={"AWS": ROLE}))), "ImplicitDeny"),
]
# "When you make a cross-account request, AWS performs two evaluations ... The request is allowed only
# if both evaluations return a decision of Allow."
XACCT_EDGES = [
    Case("both-sides-missing", req(USER_B), "ImplicitDeny", missing_has=[miss("identity"), miss("resource")]),
    Case("cross-account-role-arn-grant-with-identity",
         req(SESSION_B, role_arn=ROLE_B, identity=[doc(S3_ALL)], resource_policy=doc(allow("s3:GetObject", OBJECTS, principal={"AWS": ROLE_B}))),
         "Allow"),
    Case("cross-account-session-policy-limits",
         req(SESSION_B, role_arn=ROLE_B, identity=[doc(S3_ALL)], session=[doc(allow("ec2:*"))],
             resource_policy=doc(allow("s3:GetObject", OBJECTS, principal={"AWS": SESSION_B}))),
         "ImplicitDeny", missing_has=[miss("session")]),
]
# RCPs: "RCPs impact the effective permissions of principals trying to access resources in a member
# account with an applicable RCP, regardless of whether the principals belong to the same
# organizations or not."  The only principal exception named is service-linked roles.
RCP_EDGES = [
    Case("rcp-applies-to-service-principal",
         req(SERVICE, action="s3:PutObject", resource_policy=doc(allow("s3:PutObject", OBJECTS, principal={"Service": SERVICE})),
             rcps=[(ROOT_OU, [doc(deny("s3:PutObject", sid="NoPut", principal="*"))])]),
         "ExplicitDeny", decisive=[dec("rcp", "rcp1", 0, "NoPut", target=ROOT_OU)]),
    Case("rcp-deny-at-account-level", req(identity=[doc(S3_ALL)], rcps=[(ROOT_OU, []), (OU, []),
                                                                        (A, [doc(deny("s3:*", sid="Acct", principal="*"))])]),
         "ExplicitDeny", decisive=[dec("rcp", "rcp1", 0, "Acct", target=A)]),
    Case("rcp-condition-not-met", req(identity=[doc(S3_ALL)], context={"aws:SecureTransport": True},
                                      rcps=[(ROOT_OU, [doc(deny("s3:*", principal="*", condition={"Bool": {"aws:SecureTransport": "false"}}))])]),
         "Allow"),
]
# SCP syntax: SCP Allow statements may use NotAction and Resource (full IAM language since 2025);
# every level must still allow.
SCP_EDGES = [
    # SCPs "affect only principals that are managed by accounts that are part of the organization".
    Case("scp-does-not-apply-to-anonymous",
         req("anonymous", resource_policy=doc(allow("s3:GetObject", OBJECTS, principal="*")), scps=[(ROOT_OU, [doc(deny("*"))])]),
         "Allow"),
    Case("management-account-caller-cross-account",
         req(USER_B, principal_is_management=True, identity=[doc(S3_ALL)], scps=[(ROOT_OU, [doc(deny("*"))])],
             resource_policy=doc(allow("s3:GetObject", OBJECTS, principal={"AWS": B}))), "Allow"),
    Case("scp-allow-not-action", req(identity=[doc(S3_ALL)], scps=[(ROOT_OU, [doc(allow(not_action="iam:*"))])]), "Allow"),
    Case("scp-allow-not-action-excludes", req(action="iam:CreateUser", resource=f"arn:aws:iam::{A}:user/x",
                                              identity=[doc(allow("iam:*"))], scps=[(ROOT_OU, [doc(allow(not_action="iam:*"))])]),
         "ImplicitDeny", missing=[miss("scp", ROOT_OU)]),
    Case("scp-allow-limited-to-resource", req(resource="arn:aws:s3:::other/x", identity=[doc(S3_ALL)],
                                              scps=[(ROOT_OU, [doc(allow("s3:*", OBJECTS))])]),
         "ImplicitDeny", missing=[miss("scp", ROOT_OU)]),
]
# Variables table (principal key values): aws:PrincipalType "FederatedUser" for an AWS STS federated
# user principal, "Account" for the root user; aws:username "(not present)" for the root user.
DERIVED_EDGES = [
    Case("principal-type-federated-user",
         req(FED, session=[doc(allow("s3:*"))], identity=[doc(allow(condition={"StringEquals": {"aws:PrincipalType": "FederatedUser"}}))]),
         "Allow"),
    Case("principal-account-for-session",
         session_req(identity=[doc(allow(condition={"StringEquals": {"aws:PrincipalAccount": A}}))]), "Allow"),
    Case("principal-type-anonymous",
         req("anonymous", resource_policy=doc(allow("s3:GetObject", OBJECTS, principal="*"),
                                              deny("s3:*", OBJECTS, sid="NoAnon", principal="*",
                                                   condition={"StringEquals": {"aws:PrincipalType": "Anonymous"}}))),
         "ExplicitDeny", decisive=[dec("resource", "rbp", 1, "NoAnon")]),
    Case("variable-lookup-ignores-key-case",
         req(resource="arn:aws:s3:::team-red/x", context={"AWS:PRINCIPALTAG/TEAM": "red"},
             identity=[doc(allow("s3:GetObject", "arn:aws:s3:::team-${aws:PrincipalTag/team}/*"))]), "Allow"),
    Case("username-absent-for-root",
         req(ROOT_A, resource_policy=doc(deny("s3:*", OBJECTS, sid="D", principal="*", condition={"Null": {"aws:username": "true"}}))),
         "ExplicitDeny"),
]


@pytest.mark.parametrize("case", params(RESOURCE, RESOURCE_EDGES) + params(NOTRESOURCE, NOTRESOURCE_EDGES))
def test_resource_edges(case):
    check(case)


@pytest.mark.parametrize("case", params(VARIABLES, VARIABLE_EDGES + DERIVED_EDGES))
def test_variable_edges(case):
    check(case)


@pytest.mark.parametrize("case", params(OPERATORS, OPERATOR_EDGES) + params(SINGLE_MULTI, SET_EDGES))
def test_condition_edges(case):
    check(case)


@pytest.mark.parametrize("case", params(PRINCIPAL, PRINCIPAL_EDGES) + params(XACCT, XACCT_EDGES))
def test_principal_edges(case):
    check(case)


@pytest.mark.parametrize("case", params(RCPS, RCP_EDGES) + params(SCP_SYNTAX, SCP_EDGES))
def test_guardrail_edges(case):
    check(case)
