"""Rules 10, 11 and 12 of iam-semantics.md: session policies, SCPs and RCPs (guardrails never grant)."""
import pytest

try:
    from .rules_support import *  # noqa: F403
except ImportError:
    from rules_support import *  # noqa: F403

S3_ALL = allow("s3:*", "*", sid="S3All")
NO_S3 = doc(allow("ec2:*"))

# --- Rule 10: session policies -------------------------------------------------------------------
# access_policies.html: "Session policies limit permissions for a created session, but do not grant
# permissions."  STS AssumeRole: "The resulting session's permissions are the intersection of the role's
# identity-based policy and the session policies."  id_credentials_temp_control-access_getfederationtoken:
# "In most cases if you do not pass a policy with the GetFederationToken API call, the resulting
# temporary security credentials have no permissions. However, a resource-based policy can provide
# additional permissions for the session."
SESSIONS = UG + "access_policies.html#policies_session"
RULE_10 = [
    Case("session-policy-and-identity-allow", session_req(identity=[doc(S3_ALL)], session=[doc(allow("s3:GetObject"))]),
         "Allow", decisive=[dec("identity", "id1", 0, "S3All")]),
    Case("session-policy-does-not-allow", session_req(identity=[doc(S3_ALL)], session=[NO_S3]), "ImplicitDeny",
         missing=[miss("session")]),
    Case("session-policy-never-grants", session_req(session=[doc(allow("s3:*"))]), "ImplicitDeny", missing=[miss("identity")]),
    Case("several-session-policies-are-ored", session_req(identity=[doc(S3_ALL)], session=[NO_S3, doc(allow("s3:Get*"))]),
         "Allow"),
    Case("role-session-without-session-policy", session_req(identity=[doc(S3_ALL)]), "Allow"),
    Case("federated-user-with-session-policy", req(FED, identity=[doc(S3_ALL)], session=[doc(allow("s3:GetObject"))]), "Allow"),
    Case("federated-user-without-session-policy", req(FED, identity=[doc(S3_ALL)]), "ImplicitDeny",
         missing_has=[miss("session")]),
    Case("session-policy-plus-boundary-all-must-allow",
         session_req(identity=[doc(S3_ALL)], session=[doc(allow("s3:*"))], boundary=NO_S3),
         "ImplicitDeny", missing=[miss("permission_boundary")]),
]

# --- Rule 11: SCPs ------------------------------------------------------------------------------------
# Orgs UG orgs_manage_policies_scps_evaluation.html: "To allow a permission for a specific account,
# there must be explicit Allow statements at every level from the root through each OU in the direct
# path to the account (including the target account itself)."  orgs_manage_policies_scps.html:
# "SCPs don't affect users or roles in the management account." "SCPs do not affect any
# service-linked role." "SCPs affect only IAM users and roles that are managed by accounts that are
# part of the organization."
SCP_EVAL = ORGS + "orgs_manage_policies_scps_evaluation.html"
SCPS = ORGS + "orgs_manage_policies_scps.html"
THREE_LEVELS = [(ROOT_OU, [FULL_ACCESS]), (OU, [FULL_ACCESS]), (A, [FULL_ACCESS])]
SLR = f"arn:aws:iam::{A}:role/aws-service-role/elasticloadbalancing.amazonaws.com/AWSServiceRoleForElasticLoadBalancing"
SLR_SESSION = f"arn:aws:sts::{A}:assumed-role/AWSServiceRoleForElasticLoadBalancing/ElasticLoadBalancing"
RULE_11_EVAL = [
    Case("every-level-allows", req(identity=[doc(S3_ALL)], scps=THREE_LEVELS), "Allow", decisive=[dec("identity", "id1", 0, "S3All")]),
    Case("middle-level-missing-allow",
         req(identity=[doc(S3_ALL)], scps=[(ROOT_OU, [FULL_ACCESS]), (OU, [NO_S3]), (A, [FULL_ACCESS])]),
         "ImplicitDeny", missing=[miss("scp", OU)]),
    Case("account-level-missing-allow",
         req(identity=[doc(S3_ALL)], scps=[(ROOT_OU, [FULL_ACCESS]), (OU, [FULL_ACCESS]), (A, [NO_S3])]),
         "ImplicitDeny", missing=[miss("scp", A)]),
    Case("two-levels-missing-allow",
         req(identity=[doc(S3_ALL)], scps=[(ROOT_OU, [NO_S3]), (OU, [FULL_ACCESS]), (A, [NO_S3])]),
         "ImplicitDeny", missing=[miss("scp", ROOT_OU), miss("scp", A)]),
    Case("allow-at-one-level-from-any-of-its-policies",
         req(identity=[doc(S3_ALL)], scps=[(ROOT_OU, [NO_S3, doc(allow("s3:GetObject"))])]), "Allow"),
    Case("deny-at-any-level",
         req(identity=[doc(S3_ALL)], scps=[(ROOT_OU, [FULL_ACCESS]), (OU, [FULL_ACCESS, doc(deny("s3:GetObject", sid="NoGet"))])]),
         "ExplicitDeny", decisive=[dec("scp", "scp2", 0, "NoGet", target=OU)]),
    Case("scp-never-grants", req(scps=THREE_LEVELS), "ImplicitDeny", missing=[miss("identity")]),
    Case("scp-condition-on-region",
         req(identity=[doc(S3_ALL)], context={"aws:RequestedRegion": "ap-south-1"},
             scps=[(ROOT_OU, [FULL_ACCESS, doc(deny("*", sid="Region", condition={
                 "StringNotEquals": {"aws:RequestedRegion": ["us-east-1", "eu-west-1"]}}))])]),
         "ExplicitDeny", decisive=[dec("scp", "scp2", 0, "Region", target=ROOT_OU)]),
]
RULE_11_SCOPE = [
    Case("management-account-ignores-scps",
         req(identity=[doc(S3_ALL)], principal_is_management=True, scps=[(ROOT_OU, [doc(deny("*"))])]), "Allow"),
    Case("scp-limits-same-account-resource-policy-grant",
         req(resource_policy=doc(allow("s3:GetObject", OBJECTS, principal={"AWS": USER})), scps=[(ROOT_OU, [NO_S3])]),
         "ImplicitDeny", missing=[miss("scp", ROOT_OU)]),
    Case("scp-limits-member-principal-on-other-accounts-resource",
         req(USER_B, identity=[doc(S3_ALL)], resource_policy=doc(allow("s3:GetObject", OBJECTS, principal={"AWS": B})),
             scps=[(ROOT_OU, [FULL_ACCESS, doc(deny("s3:*", sid="NoS3"))])]),
         "ExplicitDeny", decisive=[dec("scp", "scp2", 0, "NoS3", target=ROOT_OU)]),
    Case("service-linked-role-not-restricted",
         req(SLR_SESSION, role_arn=SLR, action="ec2:DescribeInstances", resource="*", resource_account=A,
             identity=[doc(allow("ec2:Describe*"))], scps=[(ROOT_OU, [FULL_ACCESS, doc(deny("ec2:*"))])]),
         "Allow"),
    Case("service-principal-not-restricted",
         req(SERVICE, action="s3:PutObject", resource_policy=doc(allow("s3:PutObject", OBJECTS, principal={"Service": SERVICE})),
             scps=[(ROOT_OU, [doc(deny("*"))])]),
         "Allow"),
]

# --- Rule 12: RCPs ---------------------------------------------------------------------------------
# Orgs UG orgs_manage_policies_rcps.html: "RCPs impact the effective permissions of principals trying
# to access resources in a member account with an applicable RCP, regardless of whether the principals
# belong to the same organizations or not. This includes root users."  "RCPs don't affect resources in
# the management account."  IAM UG denyallow page: "RCPFullAWSAccess can't be detached, so there will
# always be an Allow statement."
RCPS = ORGS + "orgs_manage_policies_rcps.html"
PERIMETER = doc(deny("s3:*", sid="Perimeter", principal="*", condition={
    "StringNotEqualsIfExists": {"aws:PrincipalOrgID": ORG},
    "BoolIfExists": {"aws:PrincipalIsAWSService": "false"}}))
OPEN_BUCKET = doc(allow("s3:GetObject", OBJECTS, principal="*"))
RULE_12 = [
    Case("outside-caller-denied", req(USER_B, identity=[doc(S3_ALL)], resource_policy=OPEN_BUCKET, rcps=[(ROOT_OU, [PERIMETER])]),
         "ExplicitDeny", decisive=[dec("rcp", "rcp1", 0, "Perimeter", target=ROOT_OU)]),
    Case("org-caller-passes", req(USER_B, identity=[doc(S3_ALL)], context={"aws:PrincipalOrgID": ORG}, resource_policy=OPEN_BUCKET,
                                  rcps=[(ROOT_OU, [PERIMETER])]), "Allow"),
    Case("anonymous-caller-denied", req("anonymous", resource_policy=OPEN_BUCKET, rcps=[(ROOT_OU, [PERIMETER])]), "ExplicitDeny"),
    Case("service-principal-exempted-by-condition",
         req(SERVICE, action="s3:GetObject", resource_policy=doc(allow("s3:GetObject", OBJECTS, principal={"Service": SERVICE})),
             rcps=[(ROOT_OU, [PERIMETER])]), "Allow"),
    Case("same-account-caller-is-subject-too",
         req(identity=[doc(S3_ALL)], rcps=[(A, [doc(deny("s3:GetObject", sid="NoGet", principal="*"))])]),
         "ExplicitDeny", decisive=[dec("rcp", "rcp1", 0, "NoGet", target=A)]),
    Case("root-user-is-subject-too",
         req(ROOT_A, rcps=[(A, [doc(deny("s3:GetObject", sid="NoGet", principal="*"))])]), "ExplicitDeny"),
    Case("full-access-implied-at-every-level",
         req(identity=[doc(S3_ALL)], rcps=[(ROOT_OU, [doc(deny("s3:DeleteObject", principal="*"))]), (OU, []), (A, [])]), "Allow"),
    Case("rcps-never-grant", req(USER_B, rcps=[(ROOT_OU, [PERIMETER])], context={"aws:PrincipalOrgID": ORG}), "ImplicitDeny"),
    # "The exception is when principals are service-linked roles because RCPs do not apply to calls made
    # by service-linked roles."
    Case("service-linked-role-not-restricted",
         req(SLR_SESSION, role_arn=SLR, identity=[doc(allow("s3:*"))], rcps=[(ROOT_OU, [doc(deny("s3:*", principal="*"))])]),
         "Allow"),
    Case("management-account-resource-ignores-rcps",
         req(identity=[doc(S3_ALL)], resource_is_management=True, rcps=[(ROOT_OU, [doc(deny("s3:*", principal="*"))])]), "Allow"),
]


@pytest.mark.parametrize("case", params(SESSIONS, RULE_10))
def test_rule_10_session_policies(case):
    check(case)


@pytest.mark.parametrize("case", params(SCP_EVAL, RULE_11_EVAL) + params(SCPS, RULE_11_SCOPE))
def test_rule_11_scps(case):
    check(case)


@pytest.mark.parametrize("case", params(RCPS, RULE_12))
def test_rule_12_rcps(case):
    check(case)
