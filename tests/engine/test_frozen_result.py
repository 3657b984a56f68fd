"""The frozen EvaluationResult (issue 10): typed, immutable, statement paths in the request, and
`to_json()` exactly what `simulate()` returns."""
import dataclasses

import pytest

try:
    from .rules_support import *  # noqa: F403
except ImportError:
    from rules_support import *  # noqa: F403

from xviz.engine import Decision, EvaluationResult, InputError, evaluate_request, simulate

DATA = req(USER, identity=[doc(allow("s3:PutObject"), allow("s3:GetObject", OBJECTS, sid="Read"))],
           scps=[(ROOT_OU, [FULL_ACCESS]), (A, [doc(allow("s3:*"), deny("s3:DeleteObject", "*", sid="Keep"))])],
           resource_policy=doc(deny("s3:GetObject", OBJECTS, sid="NoBob", principal={"AWS": USER_BOB})))


def test_to_json_is_exactly_the_simulate_output():
    for data in (DATA, req(USER), req(USER, identity=[doc(deny())])):
        assert evaluate_request(data).to_json() == simulate(data)


def test_decision_is_an_enum_of_the_public_strings():
    assert [d.value for d in Decision] == ["Allow", "ExplicitDeny", "ImplicitDeny"]
    assert evaluate_request(DATA).decision is Decision.ALLOW
    assert evaluate_request(req(USER)).decision is Decision.IMPLICIT_DENY
    assert evaluate_request(req(USER, identity=[doc(deny())])).decision is Decision.EXPLICIT_DENY


def test_result_is_frozen():
    result = evaluate_request(DATA)
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.decision = Decision.IMPLICIT_DENY  # type: ignore[misc]
    with pytest.raises(TypeError):
        result.trace[0].statements[0].failed["element"] = "x"  # type: ignore[index]
    result.to_json()["decision"] = "changed"  # a copy: the result does not change
    assert result.to_json()["decision"] == "Allow"


def _resolve(data, path):
    node = data
    for part in path:
        node = node[part]
    return node


def test_every_statement_names_its_path_in_the_request():
    result = evaluate_request(DATA)
    assert result.decisive[0].path == ("identity_policies", 0, "document", "Statement", 1)
    refs = [s.ref for step in result.trace for s in step.statements]
    refs += [s.ref for step in result.trace for level in step.levels for s in level.statements]
    assert len(refs) >= 6
    for ref in refs + list(result.decisive):
        statement = _resolve(DATA, ref.path)
        assert statement.get("Sid") == ref.sid
        assert ref.path[-1] == ref.statement


def test_single_statement_object_path():
    data = req(USER, identity=[{"Version": "2012-10-17", "Statement": allow(sid="One")}])
    result = evaluate_request(data)
    assert result.decisive[0].path == ("identity_policies", 0, "document", "Statement")
    assert result.decisive[0].statement == 0


def test_missing_allow_and_warnings_are_typed():
    data = req(USER, "s3:GetObject", OBJ, identity=[doc(allow("s3:NoSuchAction"))])
    result = evaluate_request(data)
    assert [(m.policy_type, m.target) for m in result.missing_allow] == [("identity", None)]
    assert result.warnings[0].code == "unknown-action"
    assert result.warnings[0].path_tuple == ("identity_policies", 0, "document", "Statement", 0, "Action")


def test_bad_input_raises_input_error():
    with pytest.raises(InputError):
        evaluate_request({"request": {}})
    assert isinstance(evaluate_request(DATA), EvaluationResult)
