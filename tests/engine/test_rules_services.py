"""Rules 20 and 21 of iam-semantics.md: service principals (confused deputy) and sts:ExternalId."""
import pytest

try:
    from .rules_support import *  # noqa: F403
except ImportError:
    from rules_support import *  # noqa: F403

CONFUSED_DEPUTY = UG + "confused-deputy.html"
EXTERNAL_ID = UG + "id_roles_create_for-user_externalid.html"
CONDKEYS = UG + "reference_policies_condition-keys.html"

TRAIL_ARN = f"arn:aws:cloudtrail:us-east-1:{A}:trail/main"
TRAIL_WRITE = allow("s3:PutObject", OBJECTS, sid="TrailWrite", principal={"Service": SERVICE})


def from_service(resource_policy, context=None, **kw):
    return req(SERVICE, action="s3:PutObject", resource_policy=resource_policy, context=context, **kw)


# confused-deputy.html: "We recommend using the aws:SourceArn, aws:SourceAccount, aws:SourceOrgID, or
# aws:SourceOrgPaths global condition context keys in resource-based policies to limit the permissions
# that a service has to a specific resource."  Condition keys page, aws:PrincipalIsAWSService: "Use this
# key to check whether the call to your resource is being made directly by an AWS service principal."
GUARDED = doc(allow("s3:PutObject", OBJECTS, principal={"Service": SERVICE}, condition={
    "StringEquals": {"aws:SourceAccount": A}, "ArnLike": {"aws:SourceArn": f"arn:aws:cloudtrail:*:{A}:trail/*"}}))
PERIMETER = doc(TRAIL_WRITE, deny("s3:*", OBJECTS, sid="Perimeter", principal="*", condition={
    "StringNotEqualsIfExists": {"aws:PrincipalOrgID": ORG}, "BoolIfExists": {"aws:PrincipalIsAWSService": "false"}}))
PERIMETER_NO_EXEMPTION = doc(TRAIL_WRITE, deny("s3:*", OBJECTS, sid="Perimeter", principal="*", condition={
    "StringNotEqualsIfExists": {"aws:PrincipalOrgID": ORG}}))
RULE_20 = [
    Case("resource-policy-allows-service", from_service(doc(TRAIL_WRITE)), "Allow", decisive=[dec("resource", "rbp", 0, "TrailWrite")]),
    Case("no-resource-policy-no-access", from_service(None), "ImplicitDeny"),
    Case("identity-policies-do-not-grant-services", from_service(None, identity=[doc(allow("s3:*"))]), "ImplicitDeny"),
    Case("source-keys-match", from_service(GUARDED, {"aws:SourceAccount": A, "aws:SourceArn": TRAIL_ARN}), "Allow"),
    Case("source-account-of-someone-else", from_service(GUARDED, {"aws:SourceAccount": B,
                                                                  "aws:SourceArn": f"arn:aws:cloudtrail:us-east-1:{B}:trail/x"}),
         "ImplicitDeny"),
    Case("source-keys-absent", from_service(GUARDED), "ImplicitDeny"),
    Case("source-org-id", from_service(doc(allow("s3:PutObject", OBJECTS, principal={"Service": SERVICE},
                                                 condition={"StringEquals": {"aws:SourceOrgID": ORG}})),
                                       {"aws:SourceOrgID": ORG}), "Allow"),
    Case("perimeter-exempts-service-via-PrincipalIsAWSService", from_service(PERIMETER), "Allow"),
    Case("perimeter-without-exemption-denies-service", from_service(PERIMETER_NO_EXEMPTION), "ExplicitDeny",
         decisive=[dec("resource", "rbp", 1, "Perimeter")]),
    Case("perimeter-still-denies-outside-user",
         req(USER_B, action="s3:PutObject", identity=[doc(allow("s3:*"))], resource_policy=doc(
             allow("s3:PutObject", OBJECTS, principal={"AWS": B}), *PERIMETER["Statement"][1:])), "ExplicitDeny"),
    Case("principal-service-name-derived",
         from_service(doc(allow("s3:PutObject", OBJECTS, principal="*",
                                condition={"StringEquals": {"aws:PrincipalServiceName": SERVICE}}))), "Allow"),
    Case("principal-is-aws-service-true-for-service",
         from_service(doc(allow("s3:PutObject", OBJECTS, principal="*", condition={"Bool": {"aws:PrincipalIsAWSService": "true"}}))),
         "Allow"),
]

# id_roles_create_for-user_externalid.html: the trust policy carries
# "Condition": {"StringEquals": {"sts:ExternalId": "Unique ID Assigned by Example Corp"}} and "AWS
# verifies the external ID ... The request to assume the role succeeds only if the ExternalId
# matches".  StringEquals is "Exact matching, case sensitive" (condition operators page).
ROLE_3P = f"arn:aws:iam::{A}:role/ThirdPartyAccess"
EXT = "sts:ExternalId"
TRUST_EXT = trust(allow("sts:AssumeRole", None, sid="ExampleCorp", principal={"AWS": B},
                        condition={"StringEquals": {EXT: "Unique-ID-4711"}}))
TRUST_PLAIN = trust(allow("sts:AssumeRole", None, principal={"AWS": B}))
CALLER_MAY_ASSUME = [doc(allow("sts:AssumeRole", ROLE_3P))]


def assume(trust_doc, external_id=None):
    ctx = {} if external_id is None else {EXT: external_id}
    return req(USER_B, action="sts:AssumeRole", resource=ROLE_3P, identity=CALLER_MAY_ASSUME, context=ctx,
               resource_policy=trust_doc)


RULE_21 = [
    Case("right-external-id", assume(TRUST_EXT, "Unique-ID-4711"), "Allow",
         decisive=[dec("identity", "id1"), dec("resource", "rbp", 0, "ExampleCorp")]),
    Case("no-external-id", assume(TRUST_EXT), "ImplicitDeny", missing_has=[miss("resource")]),
    Case("wrong-external-id", assume(TRUST_EXT, "Other-ID"), "ImplicitDeny"),
    Case("wrongly-cased-external-id", assume(TRUST_EXT, "unique-id-4711"), "ImplicitDeny"),
    Case("external-id-sent-but-not-required", assume(TRUST_PLAIN, "Unique-ID-4711"), "Allow"),
    Case("trust-without-identity-allow-cross-account",
         req(USER_B, action="sts:AssumeRole", resource=ROLE_3P, context={EXT: "Unique-ID-4711"}, resource_policy=TRUST_EXT),
         "ImplicitDeny", missing_has=[miss("identity")]),
]


@pytest.mark.parametrize("case", params(CONFUSED_DEPUTY, RULE_20[:7]) + params(CONDKEYS, RULE_20[7:]))
def test_rule_20_service_principals(case):
    check(case)


@pytest.mark.parametrize("case", params(EXTERNAL_ID, RULE_21))
def test_rule_21_external_id(case):
    check(case)
