"""Rules 13-16, 19 and 22 of iam-semantics.md: every condition operator family, IfExists, set
operators, multiple keys/values, case-insensitive key names, IP conditions, aws:PrincipalOrgID.

Each row is `(id, Condition block, request context, whether the condition holds)`; the condition sits
in an Allow of the caller's identity policy, so "holds" means Allow and "fails" means ImplicitDeny.
"""
import pytest

try:
    from .rules_support import *  # noqa: F403
except ImportError:
    from rules_support import *  # noqa: F403

OPERATORS = UG + "reference_policies_elements_condition_operators.html"
MULTI = UG + "reference_policies_condition-logic-multiple-context-keys-or-values.html"
SINGLE_MULTI = UG + "reference_policies_condition-single-vs-multi-valued-context-keys.html"
CONDKEYS = UG + "reference_policies_condition-keys.html"
VARIABLES = UG + "reference_policies_variables.html"

T, F = True, False
NOW = "2026-11-28T07:00:00Z"
B64 = "QmluYXJ5VmFsdWVJbkJhc2U2NA=="  # the condition operators page's own example value
SNS = f"arn:aws:sns:us-east-1:{A}:alerts"


def holds(rows):
    return [Case(rid, req(identity=[doc(allow("s3:GetObject", condition=c))], context=ctx),
                 "Allow" if ok else "ImplicitDeny") for rid, c, ctx, ok in rows]


def op(name, key, value):
    return {name: {key: value}}


TEAM = "aws:PrincipalTag/team"
# "StringEquals: Exact matching, case sensitive"; "StringLike: ... multi-character match wildcards (*)
# and single-character match wildcards (?) anywhere in the string".
STRING = [
    ("StringEquals-match", op("StringEquals", TEAM, "red"), {TEAM: "red"}, T),
    ("StringEquals-case-sensitive", op("StringEquals", TEAM, "red"), {TEAM: "Red"}, F),
    ("StringEquals-missing-key", op("StringEquals", TEAM, "red"), {}, F),
    ("StringEquals-star-is-literal", op("StringEquals", TEAM, "r*"), {TEAM: "red"}, F),
    ("StringEquals-star-matches-star", op("StringEquals", TEAM, "r*"), {TEAM: "r*"}, T),
    ("StringNotEquals-other", op("StringNotEquals", TEAM, "red"), {TEAM: "blue"}, T),
    ("StringNotEquals-same", op("StringNotEquals", TEAM, "red"), {TEAM: "red"}, F),
    ("StringEqualsIgnoreCase", op("StringEqualsIgnoreCase", TEAM, "RED"), {TEAM: "red"}, T),
    ("StringNotEqualsIgnoreCase-same-letters", op("StringNotEqualsIgnoreCase", TEAM, "RED"), {TEAM: "red"}, F),
    ("StringNotEqualsIgnoreCase-other", op("StringNotEqualsIgnoreCase", TEAM, "RED"), {TEAM: "blue"}, T),
    ("StringLike-star", op("StringLike", TEAM, "prod-*"), {TEAM: "prod-web"}, T),
    ("StringLike-case-sensitive", op("StringLike", TEAM, "prod-*"), {TEAM: "Prod-web"}, F),
    ("StringLike-question-one-char", op("StringLike", TEAM, "prod-?"), {TEAM: "prod-1"}, T),
    ("StringLike-question-not-two-chars", op("StringLike", TEAM, "prod-?"), {TEAM: "prod-12"}, F),
    ("StringLike-question-not-zero-chars", op("StringLike", TEAM, "prod-?"), {TEAM: "prod-"}, F),
    ("StringLike-star-empty-tail", op("StringLike", TEAM, "prod-*"), {TEAM: "prod-"}, T),
    ("StringNotLike-other", op("StringNotLike", TEAM, "prod-*"), {TEAM: "dev"}, T),
    ("StringNotLike-same", op("StringNotLike", TEAM, "prod-*"), {TEAM: "prod-x"}, F),
]
MAXKEYS = "s3:max-keys"
NUMERIC = [
    ("NumericLessThanEquals-equal", op("NumericLessThanEquals", MAXKEYS, "10"), {MAXKEYS: 10}, T),
    ("NumericLessThanEquals-above", op("NumericLessThanEquals", MAXKEYS, "10"), {MAXKEYS: 11}, F),
    ("NumericLessThanEquals-string-context", op("NumericLessThanEquals", MAXKEYS, "10"), {MAXKEYS: "5"}, T),
    ("NumericLessThanEquals-missing", op("NumericLessThanEquals", MAXKEYS, "10"), {}, F),
    ("NumericEquals", op("NumericEquals", MAXKEYS, "10"), {MAXKEYS: 10}, T),
    ("NumericEquals-other", op("NumericEquals", MAXKEYS, "10"), {MAXKEYS: 9}, F),
    ("NumericNotEquals", op("NumericNotEquals", MAXKEYS, "10"), {MAXKEYS: 9}, T),
    ("NumericNotEquals-same", op("NumericNotEquals", MAXKEYS, "10"), {MAXKEYS: 10}, F),
    ("NumericLessThan", op("NumericLessThan", MAXKEYS, "10"), {MAXKEYS: 9}, T),
    ("NumericLessThan-equal", op("NumericLessThan", MAXKEYS, "10"), {MAXKEYS: 10}, F),
    ("NumericGreaterThan", op("NumericGreaterThan", MAXKEYS, "10"), {MAXKEYS: 11}, T),
    ("NumericGreaterThan-equal", op("NumericGreaterThan", MAXKEYS, "10"), {MAXKEYS: 10}, F),
    ("NumericGreaterThanEquals", op("NumericGreaterThanEquals", MAXKEYS, "10"), {MAXKEYS: 10}, T),
    ("NumericGreaterThanEquals-below", op("NumericGreaterThanEquals", MAXKEYS, "10"), {MAXKEYS: 9}, F),
    ("Numeric-decimal", op("NumericLessThan", MAXKEYS, "1.5"), {MAXKEYS: 1.25}, T),
    ("Numeric-decimal-above", op("NumericLessThan", MAXKEYS, "1.5"), {MAXKEYS: 2}, F),
]
CUR, EPOCH = "aws:CurrentTime", "aws:EpochTime"
# "You must specify date/time values with one of the W3C implementations of the ISO 8601 date
# formats or in epoch (UNIX) time."
DATE = [
    ("DateLessThan", op("DateLessThan", CUR, "2027-01-01T00:00:00Z"), {CUR: NOW}, T),
    ("DateLessThan-after", op("DateLessThan", CUR, "2026-01-01T00:00:00Z"), {CUR: NOW}, F),
    ("DateLessThanEquals-equal", op("DateLessThanEquals", CUR, NOW), {CUR: NOW}, T),
    ("DateGreaterThan", op("DateGreaterThan", CUR, "2026-01-01T00:00:00Z"), {CUR: NOW}, T),
    ("DateGreaterThan-equal", op("DateGreaterThan", CUR, NOW), {CUR: NOW}, F),
    ("DateGreaterThanEquals-equal", op("DateGreaterThanEquals", CUR, NOW), {CUR: NOW}, T),
    ("DateEquals", op("DateEquals", CUR, NOW), {CUR: NOW}, T),
    ("DateEquals-other", op("DateEquals", CUR, "2026-11-28T07:00:01Z"), {CUR: NOW}, F),
    ("DateNotEquals", op("DateNotEquals", CUR, "2026-11-28T07:00:01Z"), {CUR: NOW}, T),
    ("DateEquals-timezone-offset", op("DateEquals", CUR, "2026-11-28T08:00:00+01:00"), {CUR: NOW}, T),
    ("Date-date-only-w3c", op("DateGreaterThanEquals", CUR, "2026-11-28"), {CUR: NOW}, T),
    ("Date-date-only-w3c-later", op("DateGreaterThanEquals", CUR, "2026-11-29"), {CUR: NOW}, F),
    ("Date-epoch-policy-value", op("DateGreaterThan", CUR, "1700000000"), {CUR: NOW}, T),
    ("Date-epoch-policy-value-later", op("DateGreaterThan", CUR, "1900000000"), {CUR: NOW}, F),
    ("Date-epoch-context-value", op("DateLessThan", EPOCH, "2027-01-01T00:00:00Z"), {EPOCH: 1795000000}, T),
    ("Date-epoch-context-value-later", op("DateLessThan", EPOCH, "2027-01-01T00:00:00Z"), {EPOCH: 1800000000}, F),
    ("Date-missing-key", op("DateLessThan", "aws:TokenIssueTime", "2027-01-01T00:00:00Z"), {}, F),
]
SECURE = "aws:SecureTransport"
BOOL = [
    ("Bool-true", op("Bool", SECURE, "true"), {SECURE: True}, T),
    ("Bool-true-vs-false", op("Bool", SECURE, "true"), {SECURE: False}, F),
    ("Bool-false", op("Bool", SECURE, "false"), {SECURE: False}, T),
    ("Bool-string-context", op("Bool", SECURE, "true"), {SECURE: "true"}, T),
    ("Bool-json-boolean-policy-value", op("Bool", SECURE, True), {SECURE: True}, T),
    ("Bool-missing-key", op("Bool", "aws:MultiFactorAuthPresent", "true"), {}, F),
]
BLOB = "example:Blob"
BINARY = [
    ("BinaryEquals-same-bytes", op("BinaryEquals", BLOB, B64), {BLOB: B64}, T),
    ("BinaryEquals-other-bytes", op("BinaryEquals", BLOB, B64), {BLOB: "b3RoZXI="}, F),
    ("BinaryEquals-missing", op("BinaryEquals", BLOB, B64), {}, F),
]
IP = "aws:SourceIp"
# "If you specify an IP address without the associated routing prefix, IAM uses the default prefix
# value of /32."  "The aws:SourceIp key is always present in the request context, except when the
# requester uses a VPC endpoint to make the request. In this case, the condition returns false".
IPS = [
    ("IpAddress-v4-in-range", op("IpAddress", IP, "203.0.113.0/24"), {IP: "203.0.113.7"}, T),
    ("IpAddress-v4-out-of-range", op("IpAddress", IP, "203.0.113.0/24"), {IP: "203.0.114.1"}, F),
    ("IpAddress-bare-is-slash-32", op("IpAddress", IP, "203.0.113.7"), {IP: "203.0.113.7"}, T),
    ("IpAddress-bare-is-not-a-range", op("IpAddress", IP, "203.0.113.7"), {IP: "203.0.113.8"}, F),
    ("IpAddress-v6-in-range", op("IpAddress", IP, "2001:DB8:1234:5678::/64"), {IP: "2001:db8:1234:5678::abcd"}, T),
    ("IpAddress-v6-out-of-range", op("IpAddress", IP, "2001:DB8:1234:5678::/64"), {IP: "2001:db8:1234:5679::1"}, F),
    ("IpAddress-v4-range-v6-caller", op("IpAddress", IP, "203.0.113.0/24"), {IP: "2001:db8::1"}, F),
    ("IpAddress-mixed-list", op("IpAddress", IP, ["203.0.113.0/24", "2001:DB8:1234:5678::/64"]), {IP: "2001:db8:1234:5678::1"}, T),
    ("IpAddress-vpc-endpoint-no-source-ip", op("IpAddress", IP, "203.0.113.0/24"), {IP: None}, F),
    ("NotIpAddress-outside", op("NotIpAddress", IP, "203.0.113.0/24"), {IP: "198.51.100.1"}, T),
    ("NotIpAddress-inside", op("NotIpAddress", IP, "203.0.113.0/24"), {IP: "203.0.113.9"}, F),
    ("NotIpAddress-vpc-endpoint-no-source-ip", op("NotIpAddress", IP, "203.0.113.0/24"), {}, T),
]
SRC = "aws:SourceArn"
# "Each of the six colon-delimited components of the ARN is checked separately"; the page's own
# example: ArnLike arn:aws:someservice:*:111122223333:finance/* fails where StringLike matches.
ODD = "arn:aws:someservice:us-east-2:999999999999:store/abc:111122223333:finance/document.txt"
ARNS = [
    ("ArnEquals-same", op("ArnEquals", SRC, SNS), {SRC: SNS}, T),
    ("ArnEquals-case-sensitive", op("ArnEquals", SRC, SNS), {SRC: SNS.replace("alerts", "Alerts")}, F),
    ("ArnLike-wildcards-per-segment", op("ArnLike", SRC, f"arn:aws:sns:*:{A}:alert?"), {SRC: SNS}, T),
    ("ArnLike-star-stays-in-its-segment", op("ArnLike", SRC, "arn:aws:someservice:*:111122223333:finance/*"), {SRC: ODD}, F),
    ("StringLike-star-crosses-colons", op("StringLike", SRC, "arn:aws:someservice:*:111122223333:finance/*"), {SRC: ODD}, T),
    ("ArnLike-resource-segment-spans-slash", op("ArnLike", SRC, "arn:aws:s3:::bucket-*"), {SRC: "arn:aws:s3:::bucket-a/x/y"}, T),
    ("ArnEquals-behaves-like-ArnLike", op("ArnEquals", SRC, f"arn:aws:sns:us-*:{A}:*"), {SRC: SNS}, T),
    ("ArnLike-account-mismatch", op("ArnLike", SRC, f"arn:aws:sns:*:{B}:*"), {SRC: SNS}, F),
    ("ArnNotEquals-other", op("ArnNotEquals", SRC, f"arn:aws:sns:us-east-1:{B}:x"), {SRC: SNS}, T),
    ("ArnNotEquals-same", op("ArnNotEquals", SRC, SNS), {SRC: SNS}, F),
    ("ArnNotLike-same", op("ArnNotLike", SRC, "arn:aws:sns:*:*:*"), {SRC: SNS}, F),
    ("ArnLike-missing", op("ArnLike", SRC, "arn:aws:sns:*:*:*"), {}, F),
]
TOKEN = "aws:TokenIssueTime"
# "Use a Null condition operator to check if a condition key is absent at the time of authorization.
# In the policy statement, use either true (the key doesn't exist — it is null) or false".
NULL = [
    ("Null-true-key-absent", op("Null", TOKEN, "true"), {}, T),
    ("Null-true-key-present", op("Null", TOKEN, "true"), {TOKEN: NOW}, F),
    ("Null-false-key-present", op("Null", TOKEN, "false"), {TOKEN: NOW}, T),
    ("Null-false-key-absent", op("Null", TOKEN, "false"), {}, F),
    ("Null-json-boolean", op("Null", TOKEN, True), {}, T),
]
ITYPE = "ec2:InstanceType"
# Rule 13: "If the key that you specify in a policy condition is not present in the request context,
# the values do not match and the condition is false. If the policy condition requires that the key
# is not matched, such as StringNotLike or ArnNotLike, and the right key is not present, the condition
# is true."  IfExists: "If the key is not present, evaluate the condition element as true."
MISSING = [
    ("negated-StringNotEquals-missing-is-true", op("StringNotEquals", TEAM, "red"), {}, T),
    ("negated-StringNotLike-missing-is-true", op("StringNotLike", TEAM, "r*"), {}, T),
    ("negated-StringNotEqualsIgnoreCase-missing-is-true", op("StringNotEqualsIgnoreCase", TEAM, "red"), {}, T),
    ("negated-NumericNotEquals-missing-is-true", op("NumericNotEquals", MAXKEYS, "10"), {}, T),
    ("negated-DateNotEquals-missing-is-true", op("DateNotEquals", TOKEN, NOW), {}, T),
    ("negated-ArnNotEquals-missing-is-true", op("ArnNotEquals", SRC, SNS), {}, T),
    ("negated-ArnNotLike-missing-is-true", op("ArnNotLike", SRC, "arn:aws:sns:*:*:*"), {}, T),
    ("negated-NotIpAddress-missing-is-true", op("NotIpAddress", IP, "203.0.113.0/24"), {}, T),
    ("IfExists-missing-is-true", op("StringEqualsIfExists", ITYPE, "t2.micro"), {}, T),
    ("IfExists-present-match", op("StringEqualsIfExists", ITYPE, "t2.micro"), {ITYPE: "t2.micro"}, T),
    ("IfExists-present-mismatch", op("StringEqualsIfExists", ITYPE, "t2.micro"), {ITYPE: "m5.large"}, F),
    ("IfExists-numeric-missing", op("NumericLessThanIfExists", MAXKEYS, "10"), {}, T),
    ("IfExists-numeric-present-mismatch", op("NumericLessThanIfExists", MAXKEYS, "10"), {MAXKEYS: 50}, F),
    ("IfExists-date-missing", op("DateLessThanIfExists", TOKEN, NOW), {}, T),
    ("IfExists-bool-missing", op("BoolIfExists", "aws:MultiFactorAuthPresent", "true"), {}, T),
    ("IfExists-ip-missing", op("IpAddressIfExists", IP, "203.0.113.0/24"), {}, T),
    ("IfExists-arn-missing", op("ArnLikeIfExists", SRC, "arn:aws:sns:*:*:*"), {}, T),
    ("IfExists-binary-missing", op("BinaryEqualsIfExists", BLOB, B64), {}, T),
    ("null-context-value-removes-derived-key", op("ArnEquals", "aws:PrincipalArn", USER), {"aws:PrincipalArn": None}, F),
]
IFEXISTS_DENY = [
    # "If you are using an "Effect": "Deny" element with a negated condition operator like
    # StringNotEqualsIfExists, the request is still denied even if the tag is missing."
    Case("negated-IfExists-deny-still-denies-when-missing",
         req(identity=[doc(allow("s3:*"), deny("s3:*", sid="D", condition=op("StringNotEqualsIfExists", TEAM, "red")))]),
         "ExplicitDeny", decisive=[dec("identity", "id1", 1, "D")]),
    Case("negated-deny-spares-the-matching-value",
         req(identity=[doc(allow("s3:*"), deny("s3:*", condition=op("StringNotEqualsIfExists", TEAM, "red")))],
             context={TEAM: "red"}), "Allow"),
]
# Rule 14: "If a single condition operator includes multiple values for a context key, those values
# are evaluated using a logical OR."  "If a single negated matching condition operator includes
# multiple values for a context key, those values are evaluated using a logical NOR."  Keys and
# operators: "evaluated using a logical AND".
DEPT = "aws:PrincipalTag/dept"
MULTIPLE = [
    ("values-are-ored", op("StringEquals", TEAM, ["red", "blue"]), {TEAM: "blue"}, T),
    ("values-are-ored-none", op("StringEquals", TEAM, ["red", "blue"]), {TEAM: "green"}, F),
    ("negated-values-are-nored-one-hit", op("StringNotEquals", TEAM, ["red", "blue"]), {TEAM: "blue"}, F),
    ("negated-values-are-nored-no-hit", op("StringNotEquals", TEAM, ["red", "blue"]), {TEAM: "green"}, T),
    ("negated-like-values-nored", op("StringNotLike", TEAM, ["r*", "b*"]), {TEAM: "blue"}, F),
    ("NotIpAddress-list-nored", op("NotIpAddress", IP, ["203.0.113.0/24", "198.51.100.0/24"]), {IP: "198.51.100.5"}, F),
    ("NotIpAddress-list-outside-all", op("NotIpAddress", IP, ["203.0.113.0/24", "198.51.100.0/24"]), {IP: "192.0.2.1"}, T),
    ("keys-are-anded-one-missing", {"StringEquals": {TEAM: "red", DEPT: "eng"}}, {TEAM: "red"}, F),
    ("keys-are-anded-both", {"StringEquals": {TEAM: "red", DEPT: "eng"}}, {TEAM: "red", DEPT: "eng"}, T),
    ("operators-are-anded-one-fails", {"StringEquals": {TEAM: "red"}, "Bool": {SECURE: "true"}}, {TEAM: "red", SECURE: False}, F),
    ("operators-are-anded-both", {"StringEquals": {TEAM: "red"}, "Bool": {SECURE: "true"}}, {TEAM: "red", SECURE: True}, T),
]
TAGKEYS, PATHS = "aws:TagKeys", "aws:PrincipalOrgPaths"
# Rule 15: "If the key values in the request resolve to an empty data set (for example, an empty
# string), a condition operator modified by ForAllValues returns true, and a condition operator
# modified by ForAnyValue returns false."  ForAllValues "also returns true if there are no context
# keys in the request" (single vs multivalued context keys page).
SETS = [
    ("ForAllValues-missing-key-is-true", op("ForAllValues:StringEquals", TAGKEYS, ["env", "team"]), {}, T),
    ("ForAllValues-empty-set-is-true", op("ForAllValues:StringEquals", TAGKEYS, ["env", "team"]), {TAGKEYS: []}, T),
    ("ForAllValues-subset", op("ForAllValues:StringEquals", TAGKEYS, ["env", "team"]), {TAGKEYS: ["env"]}, T),
    ("ForAllValues-one-outside", op("ForAllValues:StringEquals", TAGKEYS, ["env", "team"]), {TAGKEYS: ["env", "owner"]}, F),
    ("ForAllValues-StringLike", op("ForAllValues:StringLike", TAGKEYS, "Created*"), {TAGKEYS: ["CreatedBy", "CreatedAt"]}, T),
    ("ForAnyValue-missing-key-is-false", op("ForAnyValue:StringEquals", TAGKEYS, ["env", "team"]), {}, F),
    ("ForAnyValue-empty-set-is-false", op("ForAnyValue:StringEquals", TAGKEYS, ["env", "team"]), {TAGKEYS: []}, F),
    ("ForAnyValue-one-hit", op("ForAnyValue:StringEquals", TAGKEYS, ["env", "team"]), {TAGKEYS: ["owner", "team"]}, T),
    ("ForAnyValue-no-hit", op("ForAnyValue:StringEquals", TAGKEYS, ["env", "team"]), {TAGKEYS: ["owner"]}, F),
    ("ForAnyValue-org-paths-like", op("ForAnyValue:StringLike", PATHS, f"{ORG}/{ROOT_OU}/{OU}/*"),
     {PATHS: [f"{ORG}/{ROOT_OU}/{OU}/ou-ab12-22222222/"]}, T),
    ("ForAnyValue-org-paths-other-ou", op("ForAnyValue:StringLike", PATHS, f"{ORG}/{ROOT_OU}/{OU}/*"),
     {PATHS: [f"{ORG}/{ROOT_OU}/ou-ab12-33333333/"]}, F),
]
# Rule 16: "Key names are case-insensitive. For example, aws:CurrentTime is equivalent to
# AWS:currenttime."
KEY_CASE = [
    ("policy-key-name-case-insensitive", op("IpAddress", "AWS:SOURCEIP", "203.0.113.0/24"), {IP: "203.0.113.7"}, T),
    ("context-key-name-case-insensitive", op("Bool", SECURE, "true"), {"AWS:securetransport": True}, T),
    ("key-case-does-not-relax-values", op("StringEquals", "AWS:PrincipalTag/team", "red"), {TEAM: "RED"}, F),
]
# Rule 22 (condition keys page, aws:PrincipalOrgID): "This key is included in the request context only
# if the principal is a member of an organization."
OPEN_TO_ORG = doc(allow("s3:GetObject", OBJECTS, principal="*", condition=op("StringEquals", "aws:PrincipalOrgID", ORG)))
ORG_ONLY_DENY = doc(allow("s3:GetObject", OBJECTS, principal="*"),
                    deny("s3:*", OBJECTS, sid="OrgOnly", principal="*", condition=op("StringNotEquals", "aws:PrincipalOrgID", ORG)))
ORG_ID = [
    Case("outside-org-fails-StringEquals", req(USER_B, identity=[doc(allow("s3:*"))], resource_policy=OPEN_TO_ORG), "ImplicitDeny"),
    Case("inside-org-passes-StringEquals", req(USER_B, identity=[doc(allow("s3:*"))], resource_policy=OPEN_TO_ORG,
                                               context={"aws:PrincipalOrgID": ORG}), "Allow"),
    Case("anonymous-fails-StringEquals", req("anonymous", resource_policy=OPEN_TO_ORG), "ImplicitDeny"),
    Case("outside-org-hits-StringNotEquals-deny", req(USER_B, identity=[doc(allow("s3:*"))], resource_policy=ORG_ONLY_DENY),
         "ExplicitDeny", decisive=[dec("resource", "rbp", 1, "OrgOnly")]),
    Case("anonymous-hits-StringNotEquals-deny", req("anonymous", resource_policy=ORG_ONLY_DENY), "ExplicitDeny"),
    Case("other-org-hits-StringNotEquals-deny", req(USER_B, identity=[doc(allow("s3:*"))], resource_policy=ORG_ONLY_DENY,
                                                   context={"aws:PrincipalOrgID": "o-zzzzzzzzzz"}), "ExplicitDeny"),
]
# Keys the engine derives from the request (simulate-request.md) and the values the policy
# variables page tabulates for aws:username / aws:PrincipalType.
DERIVED = [
    ("PrincipalAccount-for-user", op("StringEquals", "aws:PrincipalAccount", A), {}, T),
    ("PrincipalType-user", op("StringEquals", "aws:PrincipalType", "User"), {}, T),
    ("username-for-user", op("StringEquals", "aws:username", "alice"), {}, T),
    ("ResourceAccount", op("StringEquals", "aws:ResourceAccount", A), {}, T),
    ("PrincipalIsAWSService-false-for-user", op("Bool", "aws:PrincipalIsAWSService", "false"), {}, T),
    ("context-null-removes-derived-value", op("StringEquals", "aws:PrincipalAccount", A), {"aws:PrincipalAccount": None}, F),
]
DERIVED_SESSION = [
    Case("PrincipalType-assumed-role", session_req(identity=[doc(allow(condition=op("StringEquals", "aws:PrincipalType", "AssumedRole")))]), "Allow"),
    Case("username-absent-for-session", session_req(identity=[doc(allow(condition=op("Null", "aws:username", "true")))]), "Allow"),
    Case("PrincipalType-account-for-root", req(ROOT_A, resource_policy=doc(deny("s3:GetObject", OBJECTS, sid="NoRoot", principal="*",
                                                                             condition=op("StringEquals", "aws:PrincipalType", "Account")))),
         "ExplicitDeny", decisive=[dec("resource", "rbp", 0, "NoRoot")]),
]


@pytest.mark.parametrize("case", params(OPERATORS, holds(STRING + NUMERIC + DATE + BOOL + BINARY + ARNS + NULL)))
def test_operator_families(case):
    check(case)


@pytest.mark.parametrize("case", params(OPERATORS, holds(MISSING) + IFEXISTS_DENY))
def test_rule_13_missing_keys_and_if_exists(case):
    check(case)


@pytest.mark.parametrize("case", params(MULTI, holds(MULTIPLE)))
def test_rule_14_multiple_keys_and_values(case):
    check(case)


@pytest.mark.parametrize("case", params(SINGLE_MULTI, holds(SETS)))
def test_rule_15_set_operators(case):
    check(case)


@pytest.mark.parametrize("case", params(VARIABLES, holds(KEY_CASE)))
def test_rule_16_key_names_case_insensitive(case):
    check(case)


@pytest.mark.parametrize("case", params(OPERATORS, holds(IPS)))
def test_rule_19_ip_conditions(case):
    check(case)


@pytest.mark.parametrize("case", params(CONDKEYS, ORG_ID))
def test_rule_22_principal_org_id(case):
    check(case)


@pytest.mark.parametrize("case", params(VARIABLES, holds(DERIVED) + DERIVED_SESSION))
def test_derived_context_keys(case):
    check(case)
