"""Bad input never crashes: only our own InputError comes out, with a line and column.

Contract: shared/spec/simulate-request.md ("Input errors (exit 2)").
"""
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from xviz.engine import InputError, load_json_text, simulate
from xviz.engine.jsonpos import decode_text
from xviz.engine.lint import validate_policy

SIMPLE = {
    "request": {"principal": "arn:aws:iam::111111111111:user/alice", "action": "s3:GetObject",
                "resource": "arn:aws:s3:::bucket/key", "resource_account": "111111111111"},
    "identity_policies": [{"name": "p", "document": {"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::bucket/*"}]}}],
}


@pytest.mark.parametrize("text, code, line, column", [
    ("", "empty", 1, 1),
    ("   \n  ", "empty", 1, 1),
    ('{\n  "a": tru\n}', "invalid-json", 2, 8),
    ('{"a": 1,\n "a": 2}', "duplicate-key", 2, 2),
    ("[" * 500, "too-deep", 1, 201),
    ("NaN", "invalid-json", 1, 1),
    ('{"a": 1} x', "invalid-json", 1, 10),
])
def test_bad_json_text_has_position(text, code, line, column):
    with pytest.raises(InputError) as info:
        load_json_text(text, "f.json")
    err = info.value
    assert (err.code, err.line, err.column, err.file) == (code, line, column, "f.json")


def test_binary_garbage_is_reported_at_the_bad_byte():
    with pytest.raises(InputError) as info:
        decode_text(b'{"a":\n "\xff\xfe"}', "bin.json")
    assert (info.value.code, info.value.line, info.value.column) == ("not-utf8", 2, 3)


def test_positions_point_into_the_text():
    text = json.dumps(SIMPLE, indent=2)
    data, positions = load_json_text(text)
    line, column = positions.lookup(("identity_policies", 0, "document", "Statement", 0, "Action"))
    assert text.splitlines()[line - 1][column - 1:].startswith('"s3:GetObject"')


def test_error_in_policy_points_at_its_line():
    bad = json.loads(json.dumps(SIMPLE))
    bad["identity_policies"][0]["document"]["Statement"][0]["Effect"] = "Permit"
    text = json.dumps(bad, indent=2)
    data, positions = load_json_text(text)
    with pytest.raises(InputError) as info:
        simulate(data, positions=positions, file="x.json")
    err = info.value
    assert err.path == "$.identity_policies[0].document.Statement[0].Effect"
    assert '"Permit"' in text.splitlines()[err.line - 1]


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4),
    max_leaves=20)

# Keys and values that reach deep into the grammar, so the generator exercises real paths.
grammar_words = st.sampled_from([
    "request", "principal", "action", "resource", "resource_account", "context", "identity_policies",
    "name", "document", "Version", "Statement", "Effect", "Action", "Resource", "Principal", "NotPrincipal",
    "Condition", "StringEquals", "ForAnyValue:StringLike", "Null", "IpAddress", "scps", "rcps", "target",
    "policies", "resource_policy", "permission_boundary", "session_policies", "Allow", "Deny", "*",
    "2012-10-17", "arn:aws:iam::111111111111:user/a", "anonymous", "s3:GetObject", "arn:aws:s3:::b/k",
    "111111111111", "aws:SourceIp", "10.0.0.0/8", "${aws:username}", "AWS", "Service"])
grammar_values = st.recursive(
    grammar_words | st.booleans() | st.integers(-2, 2) | st.none(),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(grammar_words, children, max_size=5),
    max_leaves=30)


def _only_our_error(data):
    try:
        result = simulate(data)
    except InputError as err:
        assert err.code and err.message
        return
    assert result["decision"] in ("Allow", "ExplicitDeny", "ImplicitDeny")
    json.dumps(result)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(json_values)
def test_simulate_arbitrary_json_raises_only_input_error(data):
    _only_our_error(data)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(grammar_values)
def test_simulate_grammar_shaped_input_raises_only_input_error(data):
    _only_our_error(data)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(grammar_values, st.sampled_from(["identity", "resource", "trust", "scp", "rcp", "boundary", "session"]))
def test_validate_policy_never_raises(document, policy_type):
    for d in validate_policy(document, policy_type):
        assert d.severity in ("error", "warning", "info") and d.code


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_loader_on_arbitrary_text_raises_only_input_error(text):
    try:
        load_json_text(text)
    except InputError as err:
        assert err.line is not None and err.column is not None


def test_mutated_simple_request_still_evaluates_or_errors_cleanly():
    # Every single-key removal of a valid request either still evaluates or names what is missing.
    for key in list(SIMPLE["request"]):
        data = json.loads(json.dumps(SIMPLE))
        del data["request"][key]
        try:
            simulate(data)
        except InputError as err:
            assert err.path.startswith("$.request")
