"""Rule 18 of iam-semantics.md: policy variables, defaults, special characters and the Version rule."""
import pytest

try:
    from .rules_support import *  # noqa: F403
except ImportError:
    from rules_support import *  # noqa: F403

VARIABLES = UG + "reference_policies_variables.html"
# "If you don't include the Version element and set it to an appropriate version date, variables like
# ${aws:username} are treated as literal strings in the policy."  "If a variable that has no value in
# the authorization context is used as part of the Resource or NotResource element of a policy, the
# resource that includes a policy variable with no value will not match any resource."
# "When you use a variable with no value in the condition element ... StringEquals or StringLike do not
# match ... Inverted condition operators like StringNotEquals or StringNotLike do match against a null
# value".  Special characters: "${*} - use where you need an * (asterisk) character. ${?} ... ${$}".
HOME = "arn:aws:s3:::bucket-a/home/${aws:username}/*"
HOME_OBJ = "arn:aws:s3:::bucket-a/home/alice/notes.txt"
LITERAL_OBJ = "arn:aws:s3:::bucket-a/home/${aws:username}/notes.txt"
TEAM_TAG = "aws:PrincipalTag/team"


def home(version="2012-10-17"):
    return [doc(allow("s3:GetObject", HOME), version=version)]


def tag_bucket(resource_pattern, requested, context, ok, principal=USER):
    return req(principal, resource=requested, context=context,
               identity=[doc(allow("s3:GetObject", resource_pattern))]), "Allow" if ok else "ImplicitDeny"


def prefix_cond(pattern, prefix):
    return req(action="s3:ListBucket", resource=BUCKET, context={"s3:prefix": prefix},
               identity=[doc(allow("s3:ListBucket", BUCKET, condition={"StringLike": {"s3:prefix": pattern}}))])


DEFAULTED = "arn:aws:s3:::team-${aws:PrincipalTag/team, 'company-wide'}/*"
OBJECT_TEAM = "s3:ExistingObjectTag/Team"
TEAM_GUARD = doc(allow("s3:GetObject"), deny("s3:GetObject", sid="SameTeam",
                                              condition={"StringNotEquals": {OBJECT_TEAM: "${aws:PrincipalTag/Team}"}}))
RULE_18 = [
    Case("username-substituted", req(identity=home(), resource=HOME_OBJ), "Allow"),
    Case("username-is-friendly-name-without-path",
         req(f"arn:aws:iam::{A}:user/division/alice", identity=home(), resource=HOME_OBJ), "Allow"),
    Case("username-other-user-folder", req(identity=home(), resource="arn:aws:s3:::bucket-a/home/bob/x"), "ImplicitDeny"),
    Case("version-2008-keeps-variable-literal", req(identity=home("2008-10-17"), resource=HOME_OBJ), "ImplicitDeny"),
    Case("version-2008-literal-text-matches", req(identity=home("2008-10-17"), resource=LITERAL_OBJ), "Allow"),
    Case("no-version-keeps-variable-literal", req(identity=home(None), resource=HOME_OBJ), "ImplicitDeny"),
    Case("no-version-literal-text-matches", req(identity=home(None), resource=LITERAL_OBJ), "Allow"),
    Case("username-absent-for-session-matches-nothing", session_req(identity=home(), resource=LITERAL_OBJ), "ImplicitDeny"),
    Case("username-absent-for-session-any-folder", session_req(identity=home(), resource="arn:aws:s3:::bucket-a/home/s1/x"),
         "ImplicitDeny"),
    Case("principal-tag-substituted",
         *tag_bucket("arn:aws:s3:::team-${aws:PrincipalTag/team}/*", "arn:aws:s3:::team-red/x", {TEAM_TAG: "red"}, True)),
    Case("principal-tag-other-team",
         *tag_bucket("arn:aws:s3:::team-${aws:PrincipalTag/team}/*", "arn:aws:s3:::team-blue/x", {TEAM_TAG: "red"}, False)),
    Case("principal-tag-missing-matches-nothing",
         *tag_bucket("arn:aws:s3:::team-${aws:PrincipalTag/team}/*", "arn:aws:s3:::team-/x", {}, False)),
    Case("default-used-when-tag-missing", *tag_bucket(DEFAULTED, "arn:aws:s3:::team-company-wide/x", {}, True)),
    Case("default-ignored-when-tag-present", *tag_bucket(DEFAULTED, "arn:aws:s3:::team-company-wide/x", {TEAM_TAG: "red"}, False)),
    Case("tag-value-wins-over-default", *tag_bucket(DEFAULTED, "arn:aws:s3:::team-red/x", {TEAM_TAG: "red"}, True)),
    Case("variable-key-name-case-insensitive",
         *tag_bucket("arn:aws:s3:::bucket-a/home/${AWS:USERNAME}/*", HOME_OBJ, {}, True)),
    Case("userid-from-context",
         *tag_bucket("arn:aws:s3:::bucket-a/${aws:userid}/*", "arn:aws:s3:::bucket-a/AIDAEXAMPLE/x", {"aws:userid": "AIDAEXAMPLE"}, True)),
    Case("variable-in-condition", prefix_cond("home/${aws:username}/*", "home/alice/docs/"), "Allow"),
    Case("variable-in-condition-other-user", prefix_cond("home/${aws:username}/*", "home/bob/"), "ImplicitDeny"),
    Case("variable-without-value-fails-StringEquals",
         session_req(identity=[doc(allow("s3:GetObject", condition={"StringEquals": {TEAM_TAG: "${aws:username}"}}))],
                     context={TEAM_TAG: "anything"}), "ImplicitDeny"),
    Case("variable-without-value-satisfies-StringNotEquals",
         req(identity=[TEAM_GUARD], context={OBJECT_TEAM: "red"}), "ExplicitDeny",
         decisive=[dec("identity", "id1", 1, "SameTeam")]),
    Case("valueless-variable-spares-other-condition-values",
         session_req(action="s3:ListBucket", resource=BUCKET, context={"s3:prefix": "public/x"},
                     identity=[doc(allow("s3:ListBucket", BUCKET,
                                         condition={"StringLike": {"s3:prefix": ["${aws:username}/*", "public/*"]}}))]),
         "Allow"),
    Case("valueless-variable-spares-other-resources",
         session_req(resource="arn:aws:s3:::bucket-a/public/x",
                     identity=[doc(allow("s3:GetObject", [HOME, "arn:aws:s3:::bucket-a/public/*"]))]), "Allow"),
    Case("variable-with-equal-value-spares-deny",
         req(identity=[TEAM_GUARD], context={OBJECT_TEAM: "red", "aws:PrincipalTag/Team": "red"}), "Allow"),
    Case("special-star-is-literal-star", prefix_cond("home${*}", "home*"), "Allow"),
    Case("special-star-is-not-a-wildcard", prefix_cond("home${*}", "homeX"), "ImplicitDeny"),
    Case("special-question-is-literal", prefix_cond("what${?}", "what?"), "Allow"),
    Case("special-question-is-not-a-wildcard", prefix_cond("what${?}", "whatX"), "ImplicitDeny"),
    Case("special-dollar", *tag_bucket("arn:aws:s3:::bucket-a/cost${$}/*", "arn:aws:s3:::bucket-a/cost$/x", {}, True)),
    Case("special-dollar-not-other-char", *tag_bucket("arn:aws:s3:::bucket-a/cost${$}/*", "arn:aws:s3:::bucket-a/costs/x", {}, False)),
]


@pytest.mark.parametrize("case", params(VARIABLES, RULE_18))
def test_rule_18_policy_variables(case):
    check(case)
