"""Rules 16 and 17 of iam-semantics.md: Action/NotAction and Resource/NotResource matching."""
import pytest

try:
    from .rules_support import *  # noqa: F403
except ImportError:
    from rules_support import *  # noqa: F403

ACTION = UG + "reference_policies_elements_action.html"
NOTACTION = UG + "reference_policies_elements_notaction.html"
RESOURCE = UG + "reference_policies_elements_resource.html"
NOTRESOURCE = UG + "reference_policies_elements_notresource.html"


def by_action(rows):
    """Rows `(id, Action in policy, requested action, matches)`; `!x` in policy means NotAction."""
    out = []
    for rid, pattern, action, ok in rows:
        if isinstance(pattern, str) and pattern.startswith("!"):
            s = allow(not_action=pattern[1:], resource="*")
        else:
            s = allow(pattern, "*")
        out.append(Case(rid, req(action=action, resource="*", resource_account=A, identity=[doc(s)]),
                        "Allow" if ok else "ImplicitDeny"))
    return out


def by_resource(rows):
    """Rows `(id, Resource in policy, requested resource, matches)`; `!x` means NotResource."""
    out = []
    for rid, pattern, resource, ok in rows:
        if isinstance(pattern, str) and pattern.startswith("!"):
            s = allow("s3:*", not_resource=pattern[1:])
        else:
            s = allow("s3:*", pattern)
        action = "s3:ListBucket" if resource.count("/") == 0 else "s3:GetObject"
        out.append(Case(rid, req(action=action, resource=resource, resource_account=A, identity=[doc(s)]),
                        "Allow" if ok else "ImplicitDeny"))
    return out


# Action page: "The prefix and the action name are case insensitive. For example, iam:ListAccessKeys is
# the same as IAM:listaccesskeys." ... "You can use multi-character match wildcards (*) and
# single-character match wildcards (?)".
ACTIONS = [
    ("exact", "s3:GetObject", "s3:GetObject", True),
    ("lower-case-policy", "s3:getobject", "s3:GetObject", True),
    ("upper-case-policy", "S3:GETOBJECT", "s3:GetObject", True),
    ("mixed-case-request", "s3:GetObject", "S3:getObject", True),
    ("prefix-star", "s3:Get*", "s3:GetObject", True),
    ("prefix-star-other-verb", "s3:Get*", "s3:PutObject", False),
    ("inner-star", "s3:*Object", "s3:DeleteObject", True),
    ("question-one-char", "s3:GetObjec?", "s3:GetObject", True),
    ("question-not-two-chars", "s3:GetObje?", "s3:GetObject", False),
    ("all-actions", "*", "ec2:RunInstances", True),
    ("service-star", "s3:*", "s3:ListBucket", True),
    ("other-service", "s3:*", "sqs:SendMessage", False),
    ("no-implicit-prefix", "s3:GetObject", "s3:GetObjectAcl", False),
    ("list-is-an-or", ["sqs:SendMessage", "s3:GetObject"], "s3:GetObject", True),
    ("service-prefix-is-not-a-wildcard", "s3:Get", "s3:GetObject", False),
]
# NotAction: "explicitly matches everything except the specified list of actions".
NOTACTIONS = [
    ("not-action-allows-others", "!iam:*", "s3:GetObject", True),
    ("not-action-excludes-listed", "!iam:*", "iam:CreateUser", False),
    ("not-action-case-insensitive", "!IAM:*", "iam:CreateUser", False),
]
NOTACTION_DENY = [
    Case("deny-not-action-spares-listed",
         req(identity=[doc(allow("*"), deny(not_action=["s3:*", "sts:*"], sid="OnlyS3"))]), "Allow"),
    Case("deny-not-action-hits-the-rest",
         req(action="ec2:RunInstances", resource="*", resource_account=A,
             identity=[doc(allow("*"), deny(not_action=["s3:*", "sts:*"], sid="OnlyS3"))]),
         "ExplicitDeny", decisive=[dec("identity", "id1", 1, "OnlyS3")]),
]
# Resource page: "An asterisk (*) represents any combination of characters and a question mark (?)
# represents any single character"; "The asterisk (*) character can expand to replace everything within
# a segment, including characters like a forward slash (/)"; "In the Resource element, the IAM user name
# is case sensitive" (iam-semantics.md rule 16 extends case sensitivity to every resource ARN).
RESOURCES = [
    ("exact-object", OBJ, OBJ, True),
    ("star-spans-slashes", "arn:aws:s3:::bucket-a/*", "arn:aws:s3:::bucket-a/a/b/c.txt", True),
    ("objects-pattern-not-bucket", "arn:aws:s3:::bucket-a/*", BUCKET, False),
    ("bucket-not-its-objects", BUCKET, OBJ, False),
    ("bucket-star-spans-into-objects", "arn:aws:s3:::bucket-*", OBJ, True),
    ("case-sensitive-bucket", "arn:aws:s3:::Bucket-A/*", OBJ, False),
    ("case-sensitive-key", "arn:aws:s3:::bucket-a/Reports/*", OBJ, False),
    ("question-one-char", "arn:aws:s3:::bucket-a/file?.txt", "arn:aws:s3:::bucket-a/file1.txt", True),
    ("question-not-two-chars", "arn:aws:s3:::bucket-a/file?.txt", "arn:aws:s3:::bucket-a/file10.txt", False),
    ("question-not-zero-chars", "arn:aws:s3:::bucket-a/file?.txt", "arn:aws:s3:::bucket-a/file.txt", False),
    ("star-everything", "*", OBJ, True),
    ("list-is-an-or", [BUCKET, "arn:aws:s3:::bucket-a/reports/*"], OBJ, True),
    ("other-bucket-prefix", "arn:aws:s3:::bucket-a/*", "arn:aws:s3:::bucket-ab/x", False),
    ("region-wildcard", f"arn:aws:dynamodb:*:{A}:table/Books", f"arn:aws:dynamodb:us-east-1:{A}:table/Books", True),
    ("account-mismatch", f"arn:aws:dynamodb:*:{B}:table/Books", f"arn:aws:dynamodb:us-east-1:{A}:table/Books", False),
    ("partition-mismatch", "arn:aws-cn:s3:::bucket-a/*", OBJ, False),
]
NOTRESOURCES = [
    ("not-resource-allows-others", "!arn:aws:s3:::secret/*", OBJ, True),
    ("not-resource-excludes-listed", "!arn:aws:s3:::secret/*", "arn:aws:s3:::secret/x", False),
    ("not-resource-is-case-sensitive", "!arn:aws:s3:::SECRET/*", "arn:aws:s3:::secret/x", True),
]


def _dynamo_fix(cases):
    """DynamoDB rows ask for a DynamoDB action (the builder defaults to S3 actions)."""
    for c in cases:
        if ":dynamodb:" in c.data["request"]["resource"]:
            c.data["request"]["action"] = "dynamodb:GetItem"
            c.data["identity_policies"][0]["document"]["Statement"][0]["Action"] = "dynamodb:GetItem"
    return cases


@pytest.mark.parametrize("case", params(ACTION, by_action(ACTIONS)))
def test_rule_16_action_matching(case):
    check(case)


@pytest.mark.parametrize("case", params(NOTACTION, by_action(NOTACTIONS) + NOTACTION_DENY))
def test_rule_16_not_action(case):
    check(case)


@pytest.mark.parametrize("case", params(RESOURCE, _dynamo_fix(by_resource(RESOURCES))))
def test_rule_17_resource_matching(case):
    check(case)


@pytest.mark.parametrize("case", params(NOTRESOURCE, by_resource(NOTRESOURCES)))
def test_rule_17_not_resource(case):
    check(case)
