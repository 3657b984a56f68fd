"""Rule 24 of iam-semantics.md (simulate-request.md v1.1, "Federated callers"): SAML and OIDC
providers and the built-in web identity providers sign in through the role's trust policy alone."""
import pytest

try:
    from .rules_support import *  # noqa: F403
except ImportError:
    from rules_support import *  # noqa: F403

from xviz.engine import InputError, simulate

OIDC_PAGE = UG + "id_roles_create_for-idp_oidc.html"
SAML_PAGE = UG + "id_roles_providers_create_saml.html"
WEB_IDENTITY_API = "https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithWebIdentity.html"

GITHUB = f"arn:aws:iam::{A}:oidc-provider/token.actions.githubusercontent.com"
SAML = f"arn:aws:iam::{A}:saml-provider/CorpIdP"
COGNITO = "cognito-identity.amazonaws.com"
DEPLOY = f"arn:aws:iam::{A}:role/Deploy"
WEB = "sts:AssumeRoleWithWebIdentity"


def fed_trust(provider, action=WEB, condition=None, sid="Fed"):
    return trust(allow(action, None, sid=sid, principal={"Federated": provider}, condition=condition))


def sign_in(provider, action=WEB, context=None, **kw):
    return req(provider, action, DEPLOY, context=context, **kw)


GITHUB_SUB = {"StringLike": {"token.actions.githubusercontent.com:sub": "repo:octo/app:*"}}
ORG_DENY = doc(deny("sts:*", "*", sid="NoFed"))
RULE_24 = [
    Case("oidc-provider-trusted", sign_in(GITHUB, context={"token.actions.githubusercontent.com:sub": "repo:octo/app:ref:refs/heads/main"},
                                          resource_policy=fed_trust(GITHUB, condition=GITHUB_SUB)),
         "Allow", decisive=[dec("resource", "rbp", 0, "Fed")]),
    Case("oidc-claim-does-not-match", sign_in(GITHUB, context={"token.actions.githubusercontent.com:sub": "repo:evil/app:ref:x"},
                                              resource_policy=fed_trust(GITHUB, condition=GITHUB_SUB)),
         "ImplicitDeny", missing=[miss("resource")]),
    Case("saml-provider-trusted", sign_in(SAML, "sts:AssumeRoleWithSAML", context={"SAML:aud": "https://signin.aws.amazon.com/saml"},
                                          resource_policy=fed_trust(SAML, "sts:AssumeRoleWithSAML",
                                                                    {"StringEquals": {"SAML:aud": "https://signin.aws.amazon.com/saml"}})),
         "Allow"),
    Case("google-built-in-provider", sign_in("accounts.google.com", context={"accounts.google.com:aud": "app-1"},
                                             resource_policy=fed_trust("accounts.google.com", condition={"StringEquals": {"accounts.google.com:aud": "app-1"}})),
         "Allow"),
    Case("facebook-built-in-provider", sign_in("graph.facebook.com", resource_policy=fed_trust("graph.facebook.com")), "Allow"),
    Case("amazon-built-in-provider", sign_in("www.amazon.com", resource_policy=fed_trust("www.amazon.com")), "Allow"),
    # cognito-identity.amazonaws.com calling AssumeRoleWithWebIdentity is the identity pool, not a service.
    Case("cognito-identity-pool", sign_in(COGNITO, context={"cognito-identity.amazonaws.com:aud": "us-east-1:pool"},
                                          resource_policy=fed_trust(COGNITO, condition={"StringEquals": {"cognito-identity.amazonaws.com:aud": "us-east-1:pool"}})),
         "Allow", decisive=[dec("resource", "rbp", 0, "Fed")]),
    Case("another-provider-is-not-trusted", sign_in("accounts.google.com", resource_policy=fed_trust(GITHUB)),
         "ImplicitDeny", missing=[miss("resource")]),
    # Unsigned: no SCP, identity policy, boundary or session policy applies to the caller.
    Case("scps-do-not-apply", sign_in(GITHUB, resource_policy=fed_trust(GITHUB), scps=[(ROOT_OU, [ORG_DENY])]), "Allow"),
    # aws:PrincipalIsAWSService is absent: a BoolIfExists exemption holds, a Bool "false" Deny does not fire.
    Case("principal-is-aws-service-absent", sign_in(GITHUB, resource_policy=doc(
        allow(WEB, None, principal={"Federated": GITHUB}),
        deny(WEB, None, sid="NotService", principal="*", condition={"Bool": {"aws:PrincipalIsAWSService": "false"}}))),
         "Allow"),
    Case("principal-is-aws-service-given", sign_in(GITHUB, context={"aws:PrincipalIsAWSService": False}, resource_policy=doc(
        allow(WEB, None, principal={"Federated": GITHUB}),
        deny(WEB, None, sid="NotService", principal="*", condition={"Bool": {"aws:PrincipalIsAWSService": "false"}}))),
         "ExplicitDeny", decisive=[dec("resource", "rbp", 1, "NotService")]),
    Case("tag-session-with-sign-in", sign_in(GITHUB, "sts:TagSession",
                                             resource_policy=fed_trust(GITHUB, ["sts:AssumeRoleWithWebIdentity", "sts:TagSession"])),
         "Allow"),
]


@pytest.mark.parametrize("case", params(OIDC_PAGE, RULE_24))
def test_rule_24_federated_callers(case):
    check(case)


def test_a_service_principal_is_still_a_service():
    """WEB_IDENTITY_API names cognito-identity.amazonaws.com for identity pools only."""
    # Without AssumeRoleWithWebIdentity, cognito-identity.amazonaws.com is the service principal.
    data = req(COGNITO, "sqs:SendMessage", QUEUE, resource_policy=doc(allow("sqs:SendMessage", QUEUE, principal={"Service": COGNITO})))
    assert simulate(data)["decision"] == "Allow"


@pytest.mark.parametrize("kind, action, decision", [
    ("federated", WEB, "Allow"),
    ("service", "sqs:SendMessage", "Allow"),
])
def test_principal_kind_settles_an_ambiguous_name(kind, action, decision):
    """WEB_IDENTITY_API / OIDC_PAGE: the same name as a web identity provider and as a service."""
    policy = (fed_trust(COGNITO) if kind == "federated"
              else doc(allow("sqs:SendMessage", QUEUE, principal={"Service": COGNITO})))
    data = req(COGNITO, action, DEPLOY if kind == "federated" else QUEUE, resource_policy=policy)
    data["request"]["principal_kind"] = kind
    assert simulate(data)["decision"] == decision


@pytest.mark.parametrize("principal, action, kind, code, path", [
    (GITHUB, "s3:GetObject", None, "federated-caller-action", "$.request.action"),
    (SAML, WEB, None, "federated-caller-action", "$.request.action"),
    (GITHUB, "sts:AssumeRoleWithSAML", None, "federated-caller-action", "$.request.action"),
    ("accounts.google.com", WEB, "service", "principal-kind-mismatch", "$.request.principal_kind"),
    (SERVICE, WEB, "federated", "principal-kind-mismatch", "$.request.principal_kind"),
    (USER, "s3:GetObject", "service", "principal-kind-mismatch", "$.request.principal_kind"),
    (USER, "s3:GetObject", "federated", "principal-kind-mismatch", "$.request.principal_kind"),
    ("anonymous", "s3:GetObject", "service", "principal-kind-mismatch", "$.request.principal_kind"),
    (COGNITO, WEB, "robot", "bad-principal-kind", "$.request.principal_kind"),
])
def test_federated_input_errors(principal, action, kind, code, path):
    # STS API Reference: identity providers call AssumeRoleWithWebIdentity / AssumeRoleWithSAML only.
    data = req(principal, action, DEPLOY if action.startswith("sts:") else OBJ)
    if kind is not None:
        data["request"]["principal_kind"] = kind
    with pytest.raises(InputError) as err:
        simulate(data)
    assert (err.value.code, err.value.path) == (code, path)
