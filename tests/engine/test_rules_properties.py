"""Property tests for wildcard matching (rules 16 and 17), through the public `simulate` API only.

IAM UG reference_policies_elements_resource.html: "An asterisk (*) represents any combination of
characters and a question mark (?) represents any single character"; action names are
case-insensitive (reference_policies_elements_action.html), resource ARNs are not.
"""
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

try:
    from .rules_support import *  # noqa: F403
except ImportError:
    from rules_support import *  # noqa: F403

from xviz.engine import simulate

# Object-key characters with no meaning to IAM matching ("*", "?", "$" and braces excluded).
KEY_CHARS = st.sampled_from("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./=+!()' ")
KEYS = st.text(KEY_CHARS, min_size=1, max_size=24)
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def object_arn(key: str) -> str:
    return f"arn:aws:s3:::bucket-a/{key}"


def decide(pattern: str, key: str) -> str:
    data = req(resource=object_arn(key), identity=[doc(allow("s3:GetObject", object_arn(pattern)))])
    return simulate(data)["decision"]


@st.composite
def key_and_pattern(draw):
    """A key and a pattern made from it: some characters become "?", some runs become "*"."""
    key = draw(KEYS)
    out, i = [], 0
    while i < len(key):
        choice = draw(st.sampled_from(["keep", "keep", "keep", "one", "run"]))
        if choice == "one":
            out.append("?")
            i += 1
        elif choice == "run":
            length = draw(st.integers(0, len(key) - i))
            out.append("*")
            i += length
        else:
            out.append(key[i])
            i += 1
    return key, "".join(out)


@SETTINGS
@given(key_and_pattern())
def test_pattern_made_from_a_key_matches_it(kp):
    key, pattern = kp
    assert decide(pattern, key) == "Allow", (pattern, key)


@SETTINGS
@given(KEYS, KEYS)
def test_literal_pattern_matches_only_itself(a, b):
    assert decide(a, a) == "Allow"
    assert decide(a, b) == ("Allow" if a == b else "ImplicitDeny")


@SETTINGS
@given(KEYS)
def test_question_mark_is_exactly_one_character(key):
    assert decide(key + "?", key + "x") == "Allow"
    assert decide(key + "?", key) == "ImplicitDeny"
    assert decide(key + "?", key + "xy") == "ImplicitDeny"


@SETTINGS
@given(KEYS, KEYS)
def test_star_spans_slashes(head, tail):
    assert decide(head + "*", f"{head}/{tail}/{tail}") == "Allow"


@SETTINGS
@given(KEYS)
def test_resource_matching_is_case_sensitive(key):
    flipped = key.swapcase()
    assume(flipped != key)
    assert decide(key, flipped) == "ImplicitDeny"


# Actions governed by identity policies alone (not sts:AssumeRole* or kms:*, where the trust or key
# policy must allow too).
ACTIONS = ["s3:GetObject", "s3:ListBucket", "sqs:SendMessage", "ec2:DescribeInstances", "iam:CreateUser",
           "dynamodb:GetItem", "lambda:InvokeFunction"]


@st.composite
def recased(draw, text):
    return "".join(c.upper() if draw(st.booleans()) else c.lower() for c in text)


@SETTINGS
@given(st.sampled_from(ACTIONS).flatmap(lambda a: st.tuples(st.just(a), recased(a), recased(a))))
def test_action_matching_ignores_case(triple):
    action, in_policy, in_request = triple
    data = req(action=in_request, resource="*", resource_account=A, identity=[doc(allow(in_policy, "*"))])
    assert simulate(data)["decision"] == "Allow", (in_policy, in_request)


@SETTINGS
@given(st.sampled_from(ACTIONS), st.integers(1, 6))
def test_action_prefix_star_matches(action, cut):
    service, name = action.split(":")
    pattern = f"{service}:{name[:max(0, len(name) - cut)]}*"
    data = req(action=action, resource="*", resource_account=A, identity=[doc(allow(pattern, "*"))])
    assert simulate(data)["decision"] == "Allow", pattern


@SETTINGS
@given(st.sampled_from(ACTIONS).flatmap(lambda a: st.tuples(st.just(a), recased(a))), st.data())
def test_action_pattern_with_wildcards_and_any_case_matches(pair, data):
    action, in_policy = pair
    service, name = in_policy.split(":")
    chars = [data.draw(st.sampled_from([c, c, "?", "*"])) for c in name]
    pattern = f"{service}:{''.join(chars)}"
    request = req(action=action, resource="*", resource_account=A, identity=[doc(allow(pattern, "*"))])
    assert simulate(request)["decision"] == "Allow", pattern


TAG = "aws:PrincipalTag/team"


def tag_decision(operator: str, pattern: str, value: str) -> str:
    data = req(context={TAG: value}, identity=[doc(allow("s3:GetObject", condition={operator: {TAG: pattern}}))])
    return simulate(data)["decision"]


@SETTINGS
@given(key_and_pattern())
def test_string_like_pattern_made_from_a_value_matches_it(kp):
    value, pattern = kp
    assert tag_decision("StringLike", pattern, value) == "Allow"
    assert tag_decision("StringNotLike", pattern, value) == "ImplicitDeny"


@SETTINGS
@given(key_and_pattern())
def test_string_equals_treats_wildcards_literally(kp):
    value, pattern = kp
    assume(pattern != value)
    assert tag_decision("StringEquals", pattern, value) == "ImplicitDeny"
    assert tag_decision("StringEquals", pattern, pattern) == "Allow"
