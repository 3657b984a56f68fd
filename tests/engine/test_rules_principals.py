"""Rules 4-9 of iam-semantics.md and the Principal forms: who a resource-based policy names."""
import pytest

try:
    from .rules_support import *  # noqa: F403
except ImportError:
    from rules_support import *  # noqa: F403

PRINCIPAL = UG + "reference_policies_elements_principal.html"
DENYALLOW = UG + "reference_policies_evaluation-logic_policy-eval-denyallow.html"
BOUNDARIES = UG + "access_policies_boundaries.html"
NOTPRINCIPAL = UG + "reference_policies_elements_notprincipal.html"
CONDKEYS = UG + "reference_policies_condition-keys.html"

S3_ALL = allow("s3:*", "*", sid="S3All")


def grant(principal, **kw):
    """A bucket policy statement granting s3:GetObject on bucket-a's objects to `principal`."""
    return doc(allow("s3:GetObject", OBJECTS, sid="Grant", principal=principal, **kw))


# --- Rule 4: account principals ----------------------------------------------------------------
# "The account ARN and the shortened account ID behave the same way. Both delegate permissions to
# the account. Using the account ARN in the Principal element does not limit permissions to only the
# root user of the account."  "When you allow access to a different account, an administrator in that
# account must then grant access to an identity (IAM user or role) in that account."
RULE_4 = [
    Case("account-id-delegates-to-identity-allow", req(USER_B, identity=[doc(S3_ALL)], resource_policy=grant({"AWS": B})), "Allow"),
    Case("root-arn-delegates-to-identity-allow", req(USER_B, identity=[doc(S3_ALL)], resource_policy=grant({"AWS": ROOT_B})), "Allow"),
    Case("root-arn-covers-role-sessions-too",
         req(SESSION_B, role_arn=ROLE_B, identity=[doc(S3_ALL)], resource_policy=grant({"AWS": ROOT_B})), "Allow"),
    Case("account-principal-without-identity-allow", req(USER_B, resource_policy=grant({"AWS": B})), "ImplicitDeny"),
    Case("own-account-principal-is-not-a-direct-grant", req(USER, resource_policy=grant({"AWS": A})), "ImplicitDeny"),
    Case("deny-naming-account-denies-its-users",
         req(USER_B, identity=[doc(S3_ALL)],
             resource_policy=doc(allow("s3:GetObject", OBJECTS, principal={"AWS": USER_B}),
                                 deny("s3:*", OBJECTS, sid="NoB", principal={"AWS": B}))),
         "ExplicitDeny", decisive=[dec("resource", "rbp", 1, "NoB")]),
    Case("deny-naming-account-denies-its-sessions",
         req(SESSION_B, role_arn=ROLE_B, identity=[doc(S3_ALL)],
             resource_policy=doc(allow("s3:GetObject", OBJECTS, principal={"AWS": B}),
                                 deny("s3:*", OBJECTS, sid="NoB", principal={"AWS": ROOT_B}))),
         "ExplicitDeny", decisive=[dec("resource", "rbp", 1, "NoB")]),
]

# --- Rule 5: same-account grants by principal kind --------------------------------------------
# "IAM role – Resource-based policies that grant permissions to an IAM role ARN are limited by an
# implicit deny in a permissions boundary or session policy."  "Permissions granted directly to a
# session are not limited by an implicit deny in an identity-based policy, a permissions boundary, or
# session policy."  "resource-based policies that grant permissions to an IAM user ARN (that is not a
# federated user session) are not limited by an implicit deny in an identity-based policy or
# permissions boundary."
NO_S3 = doc(allow("ec2:*"))
RULE_5 = [
    Case("user-arn-grant-ignores-missing-identity-allow", req(USER, resource_policy=grant({"AWS": USER})), "Allow",
         decisive=[dec("resource", "rbp", 0, "Grant")]),
    Case("user-arn-grant-ignores-boundary-implicit-deny",
         req(USER, boundary=NO_S3, resource_policy=grant({"AWS": USER})), "Allow", decisive=[dec("resource", "rbp", 0, "Grant")]),
    Case("user-arn-grant-still-loses-to-boundary-explicit-deny",
         req(USER, boundary=doc(allow("*"), deny("s3:*", sid="BD")), resource_policy=grant({"AWS": USER})),
         "ExplicitDeny", decisive=[dec("permission_boundary", "boundary", 1, "BD")]),
    Case("user-arn-grant-still-needs-scp-allow",
         req(USER, resource_policy=grant({"AWS": USER}), scps=[(ROOT_OU, [NO_S3])]),
         "ImplicitDeny", missing=[miss("scp", ROOT_OU)]),
    Case("role-arn-grant-ignores-missing-identity-allow", session_req(resource_policy=grant({"AWS": ROLE})), "Allow",
         decisive=[dec("resource", "rbp", 0, "Grant")]),
    Case("role-arn-grant-limited-by-boundary", session_req(boundary=NO_S3, resource_policy=grant({"AWS": ROLE})),
         "ImplicitDeny", missing=[miss("permission_boundary")]),
    Case("role-arn-grant-limited-by-session-policy", session_req(session=[NO_S3], resource_policy=grant({"AWS": ROLE})),
         "ImplicitDeny", missing=[miss("session")]),
    Case("session-arn-grant-ignores-boundary-and-session-policy",
         session_req(boundary=NO_S3, session=[NO_S3], resource_policy=grant({"AWS": SESSION})), "Allow",
         decisive=[dec("resource", "rbp", 0, "Grant")]),
    Case("federated-user-arn-grant-needs-no-session-policy",
         req(FED, resource_policy=grant({"AWS": FED})), "Allow", decisive=[dec("resource", "rbp", 0, "Grant")]),
    Case("federated-user-arn-grant-ignores-session-policy",
         req(FED, session=[NO_S3], boundary=NO_S3, resource_policy=grant({"AWS": FED})), "Allow"),
]

# --- Rule 6: Principal "*" with aws:PrincipalArn ------------------------------------------------
# "Identity-based policy types, such as permissions boundaries or session policies, do not limit
# permissions granted using the aws:PrincipalArn condition key with a wildcard(*) in the Principal
# element, unless the identity-based policies contain an explicit deny."
BY_PRINCIPAL_ARN = grant("*", condition={"ArnEquals": {"aws:PrincipalArn": ROLE}})
RULE_6 = [
    Case("star-plus-principal-arn-ignores-boundary", session_req(boundary=NO_S3, resource_policy=BY_PRINCIPAL_ARN), "Allow"),
    Case("star-plus-principal-arn-ignores-session-policy", session_req(session=[NO_S3], resource_policy=BY_PRINCIPAL_ARN), "Allow"),
    Case("star-plus-principal-arn-loses-to-identity-deny",
         session_req(identity=[doc(deny("s3:*", sid="ID"))], resource_policy=BY_PRINCIPAL_ARN),
         "ExplicitDeny", decisive=[dec("identity", "id1", 0, "ID")]),
    Case("other-role-does-not-match", req(SESSION_B, role_arn=ROLE_B, resource_policy=BY_PRINCIPAL_ARN, identity=[doc(S3_ALL)]),
         "ImplicitDeny"),
]

# --- Rule 7: Principal "*" --------------------------------------------------------------------
# "For resource-based policies, using a wildcard (*) with an Allow effect grants access to all users,
# including anonymous users (public access). For IAM users and role principals within your account,
# no other permissions are required. For principals in other accounts, they must also have
# identity-based permissions in their account that allow them to access your resource."
# "For anonymous users, the following elements are equivalent: "Principal": "*" / {"AWS": "*"}"
RULE_7 = [
    Case("star-allows-anonymous", req("anonymous", resource_policy=grant("*")), "Allow", decisive=[dec("resource", "rbp", 0, "Grant")]),
    Case("aws-star-allows-anonymous", req("anonymous", resource_policy=grant({"AWS": "*"})), "Allow"),
    Case("anonymous-without-resource-policy", req("anonymous"), "ImplicitDeny"),
    Case("anonymous-not-covered-by-account-principal", req("anonymous", resource_policy=grant({"AWS": A})), "ImplicitDeny"),
    Case("star-same-account-user-needs-nothing-else", req(USER, resource_policy=grant("*")), "Allow"),
    Case("star-same-account-session-needs-nothing-else", session_req(resource_policy=grant({"AWS": "*"})), "Allow"),
    Case("star-other-account-needs-identity-allow", req(USER_B, resource_policy=grant("*")), "ImplicitDeny",
         missing_has=[miss("identity")]),
    Case("star-other-account-with-identity-allow", req(USER_B, identity=[doc(S3_ALL)], resource_policy=grant("*")), "Allow"),
    Case("deny-star-denies-anonymous",
         req("anonymous", resource_policy=doc(allow("s3:GetObject", OBJECTS, principal="*"), deny("s3:*", OBJECTS, sid="D", principal="*"))),
         "ExplicitDeny", decisive=[dec("resource", "rbp", 1, "D")]),
]

# --- Rule 8: role versus session principals -----------------------------------------------------
# Principal page: "When you specify an assumed-role session in a Principal element, you cannot use a
# wildcard "*" to mean all sessions. Principals must always name a specific session."  Condition keys
# page (aws:PrincipalArn): for a role session the value is the ARN of the role, not the session.
SESSION_ONLY = grant({"AWS": SESSION})
RULE_8 = [
    Case("role-arn-with-path-matches-its-session", session_req(resource_policy=grant({"AWS": ROLE})), "Allow"),
    Case("role-arn-without-path-does-not-match", session_req(resource_policy=grant({"AWS": f"arn:aws:iam::{A}:role/AppRole"})),
         "ImplicitDeny"),
    Case("session-arn-matches-that-session", session_req(resource_policy=SESSION_ONLY), "Allow"),
    Case("session-arn-does-not-match-other-session", session_req(principal=SESSION_2, resource_policy=SESSION_ONLY), "ImplicitDeny"),
    Case("role-arn-of-other-role-does-not-match",
         session_req(resource_policy=grant({"AWS": f"arn:aws:iam::{A}:role/app/OtherRole"})), "ImplicitDeny"),
    Case("principal-arn-key-holds-role-arn-with-path",
         session_req(identity=[doc(allow("s3:GetObject", condition={"StringEquals": {"aws:PrincipalArn": ROLE}}))]), "Allow"),
    Case("principal-arn-key-is-not-the-session-arn",
         session_req(identity=[doc(allow("s3:GetObject", condition={"StringEquals": {"aws:PrincipalArn": SESSION}}))]), "ImplicitDeny"),
    Case("principal-arn-key-for-user-is-user-arn",
         req(USER, identity=[doc(allow("s3:GetObject", condition={"ArnEquals": {"aws:PrincipalArn": USER}}))]), "Allow"),
    Case("default-role-arn-has-no-path",
         req(SESSION, resource_policy=grant({"AWS": f"arn:aws:iam::{A}:role/AppRole"})), "Allow"),
    Case("user-name-in-principal-is-case-sensitive",
         req(USER, resource_policy=grant({"AWS": f"arn:aws:iam::{A}:user/Alice"})), "ImplicitDeny"),
    Case("principal-list-is-an-or",
         req(USER, resource_policy=grant({"AWS": [USER_BOB, USER]})), "Allow"),
]

# --- Rule 9: NotPrincipal ------------------------------------------------------------------------
# "When you use NotPrincipal in the same policy statement as "Effect": "Deny", the actions specified in
# the policy statement are explicitly denied to all principals except for the ones specified."
# "The NotPrincipal element with a Deny effect will always deny any IAM principal that has a
# permissions boundary policy attached, regardless of the values specified in the NotPrincipal element."
ONLY_BOB = doc(allow("s3:*", OBJECTS, principal={"AWS": [USER, USER_BOB]}),
               deny("s3:*", OBJECTS, sid="OnlyBob", not_principal={"AWS": [USER_BOB, ROOT_A]}))
ACCOUNT_ONLY = doc(allow("s3:*", OBJECTS, principal={"AWS": USER}),
                   deny("s3:*", OBJECTS, sid="OnlyAccount", not_principal={"AWS": ROOT_A}))
RULE_9 = [
    Case("unlisted-principal-is-denied", req(USER, resource_policy=ONLY_BOB), "ExplicitDeny",
         decisive=[dec("resource", "rbp", 1, "OnlyBob")]),
    Case("listed-principal-is-not-denied", req(USER_BOB, resource_policy=ONLY_BOB), "Allow"),
    Case("anonymous-is-denied", req("anonymous", resource_policy=ONLY_BOB), "ExplicitDeny"),
    Case("listing-account-does-not-exempt-its-users", req(USER, resource_policy=ACCOUNT_ONLY), "ExplicitDeny",
         decisive=[dec("resource", "rbp", 1, "OnlyAccount")]),
    Case("short-account-id-counts-as-account-arn",
         req(USER_BOB, resource_policy=doc(allow("s3:*", OBJECTS, principal={"AWS": USER_BOB}),
                                           deny("s3:*", OBJECTS, not_principal={"AWS": [USER_BOB, A]}))), "Allow"),
    Case("listed-principal-with-boundary-is-denied", req(USER_BOB, boundary=doc(allow("*")), resource_policy=ONLY_BOB),
         "ExplicitDeny", decisive=[dec("resource", "rbp", 1, "OnlyBob")]),
]

# --- Principal forms ------------------------------------------------------------------------------
FORMS = [
    Case("service-principal-matches-service-caller", req(SERVICE, action="s3:PutObject", resource_policy=doc(
        allow("s3:PutObject", OBJECTS, principal={"Service": SERVICE}))), "Allow"),
    Case("service-principal-list", req(SERVICE, action="s3:PutObject", resource_policy=doc(
        allow("s3:PutObject", OBJECTS, principal={"Service": ["config.amazonaws.com", SERVICE]}))), "Allow"),
    Case("other-service-does-not-match", req(SERVICE, action="s3:PutObject", resource_policy=doc(
        allow("s3:PutObject", OBJECTS, principal={"Service": "config.amazonaws.com"}))), "ImplicitDeny"),
    Case("service-principal-does-not-match-iam-user", req(USER, resource_policy=grant({"Service": SERVICE})), "ImplicitDeny"),
    Case("canonical-user-does-not-match-iam-user",
         req(USER, resource_policy=grant({"CanonicalUser": "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be"})),
         "ImplicitDeny"),
    Case("federated-provider-does-not-match-iam-user",
         req(USER, resource_policy=grant({"Federated": "accounts.google.com"})), "ImplicitDeny"),
    Case("star-inside-aws-list", req("anonymous", resource_policy=grant({"AWS": ["*"]})), "Allow"),
    Case("cross-account-trust-names-role-of-b",
         req(SESSION_B, role_arn=ROLE_B, action="sts:AssumeRole", resource=f"arn:aws:iam::{A}:role/Admin",
             identity=[doc(allow("sts:AssumeRole"))],
             resource_policy=trust(allow("sts:AssumeRole", None, principal={"AWS": ROLE_B}))), "Allow"),
    Case("several-principal-types-or", req(USER, resource_policy=grant({"Service": SERVICE, "AWS": USER})), "Allow"),
]


@pytest.mark.parametrize("case", params(PRINCIPAL, RULE_4))
def test_rule_04_account_principal(case):
    check(case)


@pytest.mark.parametrize("case", params(DENYALLOW, RULE_5))
def test_rule_05_same_account_principal_kinds(case):
    check(case)


@pytest.mark.parametrize("case", params(PRINCIPAL, RULE_6))
def test_rule_06_star_with_principal_arn(case):
    check(case)


@pytest.mark.parametrize("case", params(PRINCIPAL, RULE_7))
def test_rule_07_star_principal(case):
    check(case)


@pytest.mark.parametrize("case", params(PRINCIPAL, RULE_8[:5] + RULE_8[8:]) + params(CONDKEYS, RULE_8[5:8]))
def test_rule_08_role_versus_session(case):
    check(case)


@pytest.mark.parametrize("case", params(NOTPRINCIPAL, RULE_9[:4]) + params(BOUNDARIES, RULE_9[4:]))
def test_rule_09_not_principal(case):
    check(case)


@pytest.mark.parametrize("case", params(PRINCIPAL, FORMS))
def test_principal_forms(case):
    check(case)
