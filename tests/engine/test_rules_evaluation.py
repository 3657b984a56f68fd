"""Rules 1, 2, 3 and 23 of iam-semantics.md: how the policy kinds combine into one decision."""
import pytest

try:
    from .rules_support import *  # noqa: F403 (when tests/engine is a package)
except ImportError:
    from rules_support import *  # noqa: F403

# --- Rule 1 ----------------------------------------------------------------------------------
# "If the enforcement code finds even one explicit deny that applies, the enforcement code returns
# a final decision of Deny." / "An implicit denial occurs when there is no applicable Deny statement
# but also no applicable Allow statement."
DENYALLOW = UG + "reference_policies_evaluation-logic_policy-eval-denyallow.html"
S3_ALL = allow("s3:*", "*", sid="S3All")

RULE_1 = [
    Case("identity-allow", req(identity=[doc(S3_ALL)]), "Allow", decisive=[dec("identity", "id1", 0, "S3All")]),
    Case("nothing-applies", req(), "ImplicitDeny", missing_has=[miss("identity")]),
    Case("deny-beats-allow-same-policy",
         req(identity=[doc(S3_ALL, deny("s3:GetObject", OBJECTS, sid="NoGet"))]),
         "ExplicitDeny", decisive=[dec("identity", "id1", 1, "NoGet")]),
    Case("deny-in-resource-policy-beats-identity-allow",
         req(identity=[doc(S3_ALL)],
             resource_policy=doc(deny("s3:*", [BUCKET, OBJECTS], sid="Lock", principal="*"))),
         "ExplicitDeny", decisive=[dec("resource", "rbp", 0, "Lock")]),
    Case("deny-in-boundary", req(identity=[doc(S3_ALL)], boundary=doc(allow("*", "*"), deny("s3:Get*", sid="B"))),
         "ExplicitDeny", decisive=[dec("permission_boundary", "boundary", 1, "B")]),
    Case("deny-in-session-policy",
         session_req(identity=[doc(S3_ALL)], session=[doc(allow("*", "*"), deny("s3:*", sid="S"))]),
         "ExplicitDeny", decisive=[dec("session", "sess1", 1, "S")]),
    Case("deny-in-scp",
         req(identity=[doc(S3_ALL)], scps=[(ROOT_OU, [FULL_ACCESS, doc(deny("s3:*", sid="NoS3"))]), (A, [FULL_ACCESS])]),
         "ExplicitDeny", decisive=[dec("scp", "scp2", 0, "NoS3", target=ROOT_OU)]),
    Case("deny-in-rcp",
         req(identity=[doc(S3_ALL)], rcps=[(ROOT_OU, [doc(deny("s3:*", sid="R", principal="*"))])]),
         "ExplicitDeny", decisive=[dec("rcp", "rcp1", 0, "R", target=ROOT_OU)]),
    Case("every-matching-deny-is-decisive",
         req(identity=[doc(S3_ALL, deny("s3:*", sid="D1"))],
             resource_policy=doc(deny("s3:GetObject", OBJECTS, sid="D2", principal={"AWS": USER}))),
         "ExplicitDeny", decisive=[dec("identity", "id1", 1, "D1"), dec("resource", "rbp", 0, "D2")]),
    Case("explicit-deny-beats-missing-scp-allow",
         req(identity=[doc(S3_ALL, deny("s3:GetObject", sid="D"))], scps=[(ROOT_OU, [doc(allow("ec2:*"))])]),
         "ExplicitDeny", decisive=[dec("identity", "id1", 1, "D")]),
    Case("denies-from-scp-and-identity-both-decisive",
         req(identity=[doc(S3_ALL, deny("s3:*", sid="D"))], scps=[(ROOT_OU, [FULL_ACCESS, doc(deny("s3:*", sid="S"))])]),
         "ExplicitDeny", decisive=[dec("identity", "id1", 1, "D"), dec("scp", "scp2", 0, "S", target=ROOT_OU)]),
    Case("non-matching-deny-is-not-decisive",
         req(identity=[doc(S3_ALL, deny("s3:PutObject", sid="NoPut"))]),
         "Allow", decisive=[dec("identity", "id1", 0, "S3All")]),
    Case("statement-object-not-list-indexes-as-0",
         req(identity=[{"Version": "2012-10-17", "Statement": deny("s3:*", sid="Solo")}]),
         "ExplicitDeny", decisive=[dec("identity", "id1", 0, "Solo")]),
    Case("scp-level-without-allow-is-implicit-deny",
         req(identity=[doc(S3_ALL)], scps=[(ROOT_OU, [FULL_ACCESS]), (OU, [doc(allow("ec2:*"))]), (A, [FULL_ACCESS])]),
         "ImplicitDeny", missing=[miss("scp", OU)]),
    Case("boundary-without-allow-is-implicit-deny",
         req(identity=[doc(S3_ALL)], boundary=doc(allow("ec2:*"))),
         "ImplicitDeny", missing=[miss("permission_boundary")]),
    Case("session-policy-without-allow-is-implicit-deny",
         session_req(identity=[doc(S3_ALL)], session=[doc(allow("ec2:*"))]),
         "ImplicitDeny", missing=[miss("session")]),
    Case("identity-and-resource-both-grant",
         req(identity=[doc(S3_ALL)], resource_policy=doc(allow("s3:GetObject", OBJECTS, sid="RB", principal={"AWS": USER}))),
         "Allow", decisive=[dec("identity", "id1", 0, "S3All"), dec("resource", "rbp", 0, "RB")]),
    Case("guardrails-that-allow-are-not-decisive",
         req(identity=[doc(S3_ALL)], boundary=doc(allow("s3:*")), scps=[(ROOT_OU, [FULL_ACCESS])]),
         "Allow", decisive=[dec("identity", "id1", 0, "S3All")]),
]

# --- Rule 2 ----------------------------------------------------------------------------------
# "If either the identity-based policy or the resource-based policy within the same account allows
# the request and the other doesn't, the request is still allowed." ... "IAM role trust policies and
# KMS key policies are exceptions to this logic, because they must explicitly allow access for
# principals."  STS AssumeRole API reference: "To allow a user to assume a role in the same account,
# you can do either of the following: Attach a policy to the user that allows the user to call
# AssumeRole (as long as the role's trust policy trusts the account). Add the user as a principal
# directly in the role's trust policy."
EVAL = UG + "reference_policies_evaluation-logic.html"
TARGET_ROLE = f"arn:aws:iam::{A}:role/Admin"
ASSUME = allow("sts:AssumeRole", TARGET_ROLE, sid="MayAssume")


def _assume(**kw):
    return req(action="sts:AssumeRole", resource=TARGET_ROLE, **kw)


def _decrypt(**kw):
    return req(action="kms:Decrypt", resource=KEY, **kw)


KMS_ID = allow("kms:Decrypt", KEY, sid="MayDecrypt")
RULE_2 = [
    Case("resource-policy-alone-grants-same-account-user",
         req(resource_policy=doc(allow("s3:GetObject", OBJECTS, sid="RB", principal={"AWS": USER}))),
         "Allow", decisive=[dec("resource", "rbp", 0, "RB")]),
    Case("identity-alone-grants-despite-resource-policy-silent",
         req(identity=[doc(S3_ALL)], resource_policy=doc(allow("s3:GetObject", OBJECTS, principal={"AWS": USER_BOB}))),
         "Allow", decisive=[dec("identity", "id1", 0, "S3All")]),
    Case("trust-policy-silent-identity-not-enough",
         _assume(identity=[doc(ASSUME)], resource_policy=trust(allow("sts:AssumeRole", None, principal={"Service": "ec2.amazonaws.com"}))),
         "ImplicitDeny", missing_has=[miss("resource")]),
    Case("trust-policy-trusts-account-plus-identity-allow",
         _assume(identity=[doc(ASSUME)], resource_policy=trust(allow("sts:AssumeRole", None, sid="T", principal={"AWS": ROOT_A}))),
         "Allow"),
    Case("trust-policy-trusts-account-without-identity-allow",
         _assume(resource_policy=trust(allow("sts:AssumeRole", None, principal={"AWS": A}))),
         "ImplicitDeny"),
    Case("trust-policy-names-user-directly",
         _assume(resource_policy=trust(allow("sts:AssumeRole", None, sid="T", principal={"AWS": USER}))),
         "Allow", decisive=[dec("resource", "rbp", 0, "T")]),
    Case("key-policy-silent-identity-not-enough",
         _decrypt(identity=[doc(KMS_ID)], resource_policy=doc(allow("kms:*", "*", principal={"AWS": USER_BOB}))),
         "ImplicitDeny", missing_has=[miss("resource")]),
    Case("key-policy-trusts-account-plus-identity-allow",
         _decrypt(identity=[doc(KMS_ID)], resource_policy=doc(allow("kms:*", "*", sid="EnableIAM", principal={"AWS": ROOT_A}))),
         "Allow"),
    Case("key-policy-trusts-account-without-identity-allow",
         _decrypt(resource_policy=doc(allow("kms:*", "*", principal={"AWS": ROOT_A}))),
         "ImplicitDeny"),
    Case("key-policy-names-user-directly",
         _decrypt(resource_policy=doc(allow("kms:Decrypt", "*", sid="K", principal={"AWS": USER}))),
         "Allow", decisive=[dec("resource", "rbp", 0, "K")]),
]

# --- Rule 3 ----------------------------------------------------------------------------------
# "the principal must be allowed by both the identity-based policy and the resource-based policy"
# for cross-account access; SCPs of the caller's account and RCPs of the resource's account apply.
XACCT = UG + "reference_policies_evaluation-logic-cross-account.html"
BUCKET_TO_B = allow("s3:GetObject", OBJECTS, sid="ToB", principal={"AWS": B})
RULE_3 = [
    Case("identity-only-is-not-enough", req(USER_B, identity=[doc(S3_ALL)]), "ImplicitDeny", missing_has=[miss("resource")]),
    Case("resource-only-is-not-enough", req(USER_B, resource_policy=doc(BUCKET_TO_B)), "ImplicitDeny",
         missing_has=[miss("identity")]),
    Case("both-allow", req(USER_B, identity=[doc(S3_ALL)], resource_policy=doc(BUCKET_TO_B)), "Allow",
         decisive=[dec("identity", "id1", 0, "S3All"), dec("resource", "rbp", 0, "ToB")]),
    Case("session-arn-grant-still-needs-identity-cross-account",
         req(SESSION_B, role_arn=ROLE_B, resource_policy=doc(allow("s3:GetObject", OBJECTS, principal={"AWS": SESSION_B}))),
         "ImplicitDeny", missing_has=[miss("identity")]),
    Case("user-arn-grant-still-limited-by-boundary-cross-account",
         req(USER_B, identity=[doc(S3_ALL)], boundary=doc(allow("ec2:*")),
             resource_policy=doc(allow("s3:GetObject", OBJECTS, principal={"AWS": USER_B}))),
         "ImplicitDeny", missing_has=[miss("permission_boundary")]),
    Case("caller-scp-applies-cross-account",
         req(USER_B, identity=[doc(S3_ALL)], resource_policy=doc(BUCKET_TO_B),
             scps=[(ROOT_OU, [FULL_ACCESS]), (B, [doc(allow("ec2:*"))])]),
         "ImplicitDeny", missing=[miss("scp", B)]),
    Case("resource-account-rcp-applies-cross-account",
         req(USER_B, identity=[doc(S3_ALL)], resource_policy=doc(BUCKET_TO_B),
             rcps=[(A, [doc(deny("s3:*", sid="NoOutsiders", principal="*",
                                 condition={"StringNotEqualsIfExists": {"aws:PrincipalOrgID": ORG}}))])]),
         "ExplicitDeny", decisive=[dec("rcp", "rcp1", 0, "NoOutsiders", target=A)]),
    Case("deny-in-bucket-policy-cross-account",
         req(USER_B, identity=[doc(S3_ALL)], resource_policy=doc(BUCKET_TO_B, deny("s3:GetObject", OBJECTS, sid="D", principal={"AWS": USER_B}))),
         "ExplicitDeny", decisive=[dec("resource", "rbp", 1, "D")]),
]

# --- Rule 23 ---------------------------------------------------------------------------------
# "By default, all requests are implicitly denied with the exception of the AWS account root user,
# which has full access."  Orgs UG: "An SCP restricts permissions for principals in member accounts,
# including each AWS account root user."  "SCPs don't affect users or roles in the management account."
SCPS_PAGE = ORGS + "orgs_manage_policies_scps.html"
ROOT_BUCKET = "arn:aws:s3:::bucket-a/x"
ROOT = [
    Case("root-user-needs-no-identity-policy", req(ROOT_A, resource=ROOT_BUCKET), "Allow"),
    Case("root-user-of-other-account-needs-resource-policy", req(ROOT_B, resource=ROOT_BUCKET), "ImplicitDeny"),
    Case("root-user-of-other-account-via-account-principal",
         req(ROOT_B, resource=ROOT_BUCKET, resource_policy=doc(allow("s3:GetObject", OBJECTS, principal={"AWS": B}))),
         "Allow"),
]
ROOT_AND_SCPS = [
    Case("root-user-limited-by-scp-implicit", req(ROOT_A, resource=ROOT_BUCKET, scps=[(ROOT_OU, [doc(allow("ec2:*"))])]),
         "ImplicitDeny", missing=[miss("scp", ROOT_OU)]),
    Case("root-user-limited-by-scp-deny",
         req(ROOT_A, resource=ROOT_BUCKET, scps=[(ROOT_OU, [FULL_ACCESS, doc(deny("s3:*", sid="NoS3"))])]),
         "ExplicitDeny", decisive=[dec("scp", "scp2", 0, "NoS3", target=ROOT_OU)]),
    Case("management-account-root-ignores-scps",
         req(ROOT_A, resource=ROOT_BUCKET, principal_is_management=True, scps=[(ROOT_OU, [doc(deny("s3:*"))])]),
         "Allow"),
]


@pytest.mark.parametrize("case", params(DENYALLOW, RULE_1))
def test_rule_01_explicit_then_implicit(case):
    check(case)


@pytest.mark.parametrize("case", params(EVAL, RULE_2))
def test_rule_02_same_account(case):
    check(case)


@pytest.mark.parametrize("case", params(XACCT, RULE_3))
def test_rule_03_cross_account(case):
    check(case)


@pytest.mark.parametrize("case", params(DENYALLOW, ROOT) + params(SCPS_PAGE, ROOT_AND_SCPS))
def test_rule_23_root_user(case):
    check(case)
