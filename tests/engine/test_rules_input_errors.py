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
    ("statement-without-effect", req(identity=[{"Version": "2012-10-17", "Statement": [{"Action": "s3:*", "Resource": "*"}]}]), [ID0]),
    ("action-and-not-action", req(identity=[doc({"Effect": "Allow", "Action": "s3:*", "NotAction": "iam:*", "Resource": "*"})]), [ID0]),
    ("no-action-at-all", req(identity=[doc({"Effect": "Allow", "Resource": "*"})]), [ID0]),
    ("identity-statement-without-resource", req(identity=[doc({"Effect": "Allow", "Action": "s3:*"})]), [ID0]),
    ("unknown-version", req(identity=[doc(allow("s3:*"), version="2020-01-01")]), ["$.identity_policies[0].document.Version"]),
    ("statement-missing", req(identity=[{"Version": "2012-10-17"}]), ["$.identity_policies[0].document"]),
    ("action-not-a-string", req(identity=[doc(allow(42))]), [ID0 + ".Action"]),
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
    return [pytest.param(data, paths, id=f"{page_slug(doc_url)}:{rid}") for rid, data, paths in rows]


@pytest.mark.parametrize(
    "data, paths",
    _params(PRINCIPAL, POLICY_ERRORS) + _params(NOTPRINCIPAL, NOTPRINCIPAL_ERRORS) + _params(OPERATORS, CONDITION_ERRORS)
    + _params(RCP_SYNTAX, RCP_ERRORS) + _params(GRAMMAR, GRAMMAR_ERRORS) + _params(SPEC, REQUEST_ERRORS))
def test_input_error_points_at_the_culprit(data, paths):
    with pytest.raises(InputError) as caught:
        simulate(data)
    err = caught.value
    assert isinstance(err.code, str) and err.code
    assert err.message
    assert any(err.path == p or err.path.startswith(p + ".") or err.path.startswith(p + "[") for p in paths), err.path


def test_error_carries_line_and_column_from_source_text():
    """With the text's positions, the error names the line and column of the offending statement."""
    data = req(identity=[doc(allow("s3:*", principal="*"))])
    text = json.dumps(data, indent=2)
    parsed, positions = load_json_text(text, "bad.json")
    with pytest.raises(InputError) as caught:
        simulate(parsed, positions=positions)
    err = caught.value
    assert err.path.startswith(ID0)
    lines = text.splitlines()
    assert err.line is not None and err.column is not None
    # The reported line lies inside the offending statement's text.
    first = next(i for i, line in enumerate(lines, 1) if '"Principal"' in line)
    statement_start = max(i for i in range(1, first + 1) if lines[i - 1].strip() == "{")
    assert statement_start <= err.line <= first + 1


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

