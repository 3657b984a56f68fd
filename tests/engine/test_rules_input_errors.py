"""Input errors (simulate-request.md, "Input errors (exit 2)"): policies AWS would reject for their
type and malformed requests. Each must raise `InputError` whose JSON path points at the culprit."""
import copy
import json

import pytest

try:
    from .rules_support import *  # noqa: F403
except ImportError:
    from rules_support import *  # noqa: F403

from xviz.engine import InputError, load_json_text, simulate

PRINCIPAL = UG + "reference_policies_elements_principal.html"
NOTPRINCIPAL = UG + "reference_policies_elements_notprincipal.html"
OPERATORS = UG + "reference_policies_elements_condition_operators.html"
RCP_SYNTAX = ORGS + "orgs_manage_policies_rcps_syntax.html"
SCP_SYNTAX = ORGS + "orgs_manage_policies_scps_syntax.html"
GRAMMAR = UG + "reference_policies_grammar.html"
SPEC = "simulate-request.md"  # the project's own contract, for request-shape errors

ID0 = "$.identity_policies[0].document.Statement[0]"
RBP0 = "$.resource_policy.document.Statement[0]"
SCP0 = "$.scps[0].policies[0].document.Statement[0]"
RCP0 = "$.rcps[0].policies[0].document.Statement[0]"
OK_ID = doc(allow("s3:GetObject", OBJECTS))


def without(data, *path):
    """A copy of `data` with the key at `path` removed."""
    out = copy.deepcopy(data)
    node = out
    for part in path[:-1]:
        node = node[part]
    del node[path[-1]]
    return out


def with_value(data, value, *path):
    out = copy.deepcopy(data)
    node = out
    for part in path[:-1]:
        node = node[part]
    node[path[-1]] = value
    return out


BASE = req(identity=[OK_ID])
# (id, request, accepted paths: the error's path must start with one of them)
POLICY_ERRORS = [
    # Principal page: "You cannot use the Principal element in an identity-based policy."
    ("principal-in-identity-policy", req(identity=[doc(allow("s3:*", principal="*"))]), [ID0]),
    ("principal-in-boundary", req(identity=[OK_ID], boundary=doc(allow("s3:*", principal={"AWS": A}))),
     ["$.permission_boundary.document.Statement[0]"]),
    ("principal-in-session-policy", session_req(identity=[OK_ID], session=[doc(allow("s3:*", principal="*"))]),
     ["$.session_policies[0].document.Statement[0]"]),
    ("principal-in-scp", req(identity=[OK_ID], scps=[(ROOT_OU, [doc(allow("*", principal="*"))])]), [SCP0]),
    ("resource-policy-without-principal", req(resource_policy=doc(allow("s3:GetObject", OBJECTS))), [RBP0]),
    ("malformed-account-in-principal-arn",
     req(resource_policy=doc(allow("s3:GetObject", OBJECTS, principal={"AWS": "arn:aws:iam::12345:user/x"}))), [RBP0]),
    ("malformed-principal-arn",
     req(resource_policy=doc(allow("s3:GetObject", OBJECTS, principal={"AWS": "arn:aws:iam:user/x"}))), [RBP0]),
    ("malformed-account-id-principal",
     req(resource_policy=doc(allow("s3:GetObject", OBJECTS, principal={"AWS": "12345"}))), [RBP0]),
    # "You cannot use a wildcard to match part of a principal name or ARN."
    ("partial-wildcard-in-principal",
     req(resource_policy=doc(allow("s3:GetObject", OBJECTS, principal={"AWS": f"arn:aws:iam::{A}:user/*"}))), [RBP0]),
    ("wildcard-session-in-principal",
     req(resource_policy=doc(allow("s3:GetObject", OBJECTS, principal={"AWS": f"arn:aws:sts::{A}:assumed-role/AppRole/*"}))), [RBP0]),
    ("unknown-principal-type",
     req(resource_policy=doc(allow("s3:GetObject", OBJECTS, principal={"Aws": A}))), [RBP0]),
]
NOTPRINCIPAL_ERRORS = [
    # "NotPrincipal must be used with "Effect":"Deny". Using it with "Effect":"Allow" is not supported."
    ("not-principal-with-allow", req(resource_policy=doc(allow("s3:GetObject", OBJECTS, not_principal={"AWS": USER_BOB}))), [RBP0]),
    # "You cannot use the NotPrincipal element in an IAM identity-based policy nor in an IAM role trust policy."
    ("not-principal-in-identity-policy", req(identity=[doc(deny("s3:*", not_principal={"AWS": USER_BOB}))]), [ID0]),
    ("not-principal-in-trust-policy",
     req(action="sts:AssumeRole", resource=f"arn:aws:iam::{A}:role/Admin", identity=[doc(allow("sts:AssumeRole"))],
         resource_policy=trust(allow("sts:AssumeRole", None, principal={"AWS": A}),
                               deny("sts:AssumeRole", None, not_principal={"AWS": USER}))),
     ["$.resource_policy.document.Statement[1]"]),
    # "Service control policies (SCPs) and resource control policies (RCPs) don't support NotPrincipal."
    ("not-principal-in-rcp",
     req(identity=[OK_ID], rcps=[(ROOT_OU, [doc(deny("s3:*", not_principal={"AWS": USER}))])]), [RCP0]),
]
CONDITION_ERRORS = [
    ("unknown-condition-operator",
     req(identity=[doc(allow("s3:*", condition={"StringEqualz": {"aws:SourceIp": "x"}}))]), [ID0 + ".Condition"]),
    # "You can add IfExists to the end of any condition operator name except the Null condition".
    ("null-if-exists", req(identity=[doc(allow("s3:*", condition={"NullIfExists": {"aws:TokenIssueTime": "true"}}))]),
     [ID0 + ".Condition"]),
    ("unknown-set-qualifier",
     req(identity=[doc(allow("s3:*", condition={"ForSomeValues:StringEquals": {"aws:TagKeys": "a"}}))]), [ID0 + ".Condition"]),
    ("condition-block-not-an-object", req(identity=[doc(allow("s3:*", condition={"StringEquals": "aws:SourceIp"}))]),
     [ID0 + ".Condition"]),
]
RCP_ERRORS = [
    # RCP syntax: "Effect ... must be Deny" for customer RCPs and "Principal ... must be "*"".
    ("rcp-allow-statement", req(identity=[OK_ID], rcps=[(ROOT_OU, [doc(allow("s3:*", principal="*"))])]), [RCP0]),
    ("rcp-principal-not-star", req(identity=[OK_ID], rcps=[(ROOT_OU, [doc(deny("s3:*", principal={"AWS": B}))])]), [RCP0]),
    ("rcp-without-principal", req(identity=[OK_ID], rcps=[(ROOT_OU, [doc(deny("s3:*"))])]), [RCP0]),
]
GRAMMAR_ERRORS = [
    ("effect-not-allow-or-deny", req(identity=[doc(stmt("Permit", "s3:*"))]), [ID0]),
    # Effect element page: "The Effect value is case sensitive."
    ("effect-wrong-case", req(identity=[doc(stmt("allow", "s3:*"))]), [ID0]),
    ("statement-without-effect", req(identity=[{"Version": "2012-10-17", "Statement": [{"Action": "s3:*", "Resource": "*"}]}]), [ID0]),
    ("action-and-not-action", req(identity=[doc({"Effect": "Allow", "Action": "s3:*", "NotAction": "iam:*", "Resource": "*"})]), [ID0]),
    ("no-action-at-all", req(identity=[doc({"Effect": "Allow", "Resource": "*"})]), [ID0]),
    ("identity-statement-without-resource", req(identity=[doc({"Effect": "Allow", "Action": "s3:*"})]), [ID0]),
    ("unknown-version", req(identity=[doc(allow("s3:*"), version="2020-01-01")]), ["$.identity_policies[0].document.Version"]),
    ("statement-missing", req(identity=[{"Version": "2012-10-17"}]), ["$.identity_policies[0].document"]),
    ("action-not-a-string", req(identity=[doc(allow(42))]), [ID0 + ".Action"]),
]
# Sid element page: "In IAM, the Sid value must be unique within a JSON policy."
SID = UG + "reference_policies_elements_sid.html"
SID_ERRORS = [
    ("duplicate-sid", req(identity=[doc(allow("s3:*", sid="Same"), allow("ec2:*", sid="Same"))]),
     ["$.identity_policies[0].document.Statement[1]"]),
]
REQUEST_ERRORS = [
    ("role-arn-as-caller", req(ROLE), ["$.request.principal"]),
    ("group-arn-as-caller", req(f"arn:aws:iam::{A}:group/devs"), ["$.request.principal"]),
    ("garbage-caller", req("alice"), ["$.request.principal"]),
    ("star-in-resource", req(resource="arn:aws:s3:::bucket-a/*"), ["$.request.resource"]),
    ("question-in-resource", req(resource="arn:aws:s3:::bucket-a/file?.txt"), ["$.request.resource"]),
    ("resource-account-contradicts-arn", req(action="sqs:SendMessage", resource=QUEUE, resource_account=B),
     ["$.request.resource_account"]),
    ("s3-without-resource-account", without(BASE, "request", "resource_account"), ["$.request"]),
    ("resource-account-not-12-digits", with_value(BASE, "1234", "request", "resource_account"), ["$.request.resource_account"]),
    ("action-without-service", with_value(BASE, "GetObject", "request", "action"), ["$.request.action"]),
    ("wildcard-in-request-action", with_value(BASE, "s3:Get*", "request", "action"), ["$.request.action"]),
    ("missing-action", without(BASE, "request", "action"), ["$.request"]),
    ("missing-principal", without(BASE, "request", "principal"), ["$.request"]),
    ("missing-request", without(BASE, "request"), ["$"]),
    ("action-mistyped", with_value(BASE, 42, "request", "action"), ["$.request.action"]),
    ("context-not-an-object", with_value(BASE, ["aws:SourceIp"], "request", "context"), ["$.request.context"]),
    ("context-value-an-object", with_value(BASE, {"aws:SourceIp": {"ip": "1.2.3.4"}}, "request", "context"), ["$.request.context"]),
    ("identity-policies-not-a-list", with_value(BASE, {"name": "x", "document": OK_ID}, "identity_policies"),
     ["$.identity_policies"]),
    ("policy-without-document", with_value(BASE, [{"name": "x"}], "identity_policies"), ["$.identity_policies[0]"]),
    ("management-flag-mistyped", with_value(BASE, "yes", "principal_account_is_management"), ["$.principal_account_is_management"]),
    ("duplicate-identity-names", with_value(BASE, [{"name": "p", "document": OK_ID}, {"name": "p", "document": OK_ID}],
                                            "identity_policies"), ["$.identity_policies[1]"]),
    ("duplicate-names-in-scp-level",
     BASE | {"scps": [{"target": ROOT_OU, "policies": [{"name": "Full", "document": FULL_ACCESS},
                                                       {"name": "Full", "document": FULL_ACCESS}]}]},
     ["$.scps[0].policies[1]"]),
    ("duplicate-session-policy-names",
     session_req(identity=[OK_ID]) | {"session_policies": [{"name": "s", "document": OK_ID}, {"name": "s", "document": OK_ID}]},
     ["$.session_policies[1]"]),
]


def _params(doc_url, rows):
    out = []
    for rid, data, paths, *bug in rows:
        marks = [pytest.mark.xfail(strict=True, reason=f"engine bug: {bug[0]}")] if bug else []
        out.append(pytest.param(data, paths, id=f"{page_slug(doc_url)}:{rid}", marks=marks))
    return out


@pytest.mark.parametrize(
    "data, paths",
    _params(PRINCIPAL, POLICY_ERRORS) + _params(NOTPRINCIPAL, NOTPRINCIPAL_ERRORS) + _params(OPERATORS, CONDITION_ERRORS)
    + _params(RCP_SYNTAX, RCP_ERRORS) + _params(GRAMMAR, GRAMMAR_ERRORS) + _params(SID, SID_ERRORS)
    + _params(SPEC, REQUEST_ERRORS))
def test_input_error_points_at_the_culprit(data, paths):
    with pytest.raises(InputError) as caught:
        simulate(data)
    err = caught.value
    assert isinstance(err.code, str) and err.code
    assert err.message
    assert any(err.path == p or err.path.startswith(p + ".") or err.path.startswith(p + "[") for p in paths), err.path


@pytest.mark.parametrize("data, key, value_start", [
    (req(identity=[doc(allow("s3:*", principal="*"))]), "Principal", '"*"'),
    (req(ROLE), "principal", f'"{ROLE}"'),
    (req(resource="arn:aws:s3:::bucket-a/*"), "resource", '"arn:aws:s3:::bucket-a/*"'),
    (req(identity=[doc(allow("s3:*", condition={"StringEqualz": {"aws:SourceIp": "x"}}))]), "StringEqualz", "{"),
    (req(identity=[doc(stmt("Permit", "s3:*"))]), "Effect", '"Permit"'),
    (req(resource_policy=doc(allow("s3:GetObject", OBJECTS, not_principal={"AWS": USER_BOB}))), "NotPrincipal", "{"),
], ids=["principal-in-identity", "role-caller", "wildcard-resource", "unknown-operator", "bad-effect", "notprincipal-allow"])
def test_error_line_and_column_point_at_the_value(data, key, value_start):
    """Read from text with positions, the error's line/column is where the offending value starts."""
    text = json.dumps(data, indent=2)
    parsed, positions = load_json_text(text, "bad.json")
    with pytest.raises(InputError) as caught:
        simulate(parsed, positions=positions)
    err = caught.value
    assert err.line is not None and err.column is not None, err.path
    line = text.splitlines()[err.line - 1]
    assert f'"{key}": ' in line, (err.path, line)
    assert line[err.column - 1:].startswith(value_start), (err.path, line, err.column)


@pytest.mark.parametrize("text, line, column", [
    ('{"request": {"principal": }', 1, 27),
    ('{\n  "request": [1, 2,,]\n}', 2, 20),
    ("", 1, 1),
    ('{"a": 1} trailing', 1, 10),
], ids=["missing-value", "double-comma", "empty", "trailing-garbage"])
def test_bad_json_names_line_and_column(text, line, column):
    with pytest.raises(InputError) as caught:
        load_json_text(text, "bad.json")
    err = caught.value
    assert (err.line, err.column) == (line, column)
    assert err.file == "bad.json"

