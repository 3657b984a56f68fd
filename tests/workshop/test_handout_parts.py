"""The handout's parts: the AWS CLI line of a step, the marked statement of a policy, why a statement
did not match."""
import pytest

from workshop_support import REPO

from xviz.handout.excerpt import statement_lines
from xviz.handout.gather import gather_handout
from xviz.handout.html import failed_text
from xviz.handout.prose import prose_html, unwrap


def steps_of(name: str) -> dict:
    path = REPO / "scenarios" / name
    handout = gather_handout(path.read_text(encoding="utf-8"), str(path))
    return {f"{f.name}.{s.step_id}": s for f in handout.flows for s in f.steps}


@pytest.mark.parametrize("scenario, step, line", [
    # https://docs.aws.amazon.com/cli/latest/reference/sts/assume-role.html
    ("02-confused-deputy.yaml", "customer.assume-customer-role",
     "aws sts assume-role --role-arn arn:aws:iam::222222222222:role/ExampleCorpAccess "
     "--role-session-name customer-222222222222 --external-id Qm4vT8zR1n"),
    # https://docs.aws.amazon.com/cli/latest/reference/ec2/describe-subnets.html
    ("04-ram-subnet-sharing.yaml", "participants.app1-describes-a", "aws ec2 describe-subnets"),
    # https://docs.aws.amazon.com/cli/latest/reference/sts/assume-role-with-saml.html
    ("10-identity-center.yaml", "portal.sign-in-dev-readonly",
     "aws sts assume-role-with-saml --role-arn arn:aws:iam::666666666666:role/aws-reserved/sso.amazonaws.com/"
     "ap-northeast-1/AWSReservedSSO_ReadOnly_1a2b3c4d5e6f7a8b"),
    ("06-central-logging.yaml", "member-trails.app1-writes", "# cloudtrail.amazonaws.com makes this call itself"),
])
def test_the_handout_shows_the_cli_lines_xviz_run_prints(scenario, step, line):
    """One generator of CLI lines (xviz.scenario.cli_equivalents) for the handout, `xviz run` and the window."""
    from xviz.document import Document
    from xviz.scenario.cli_equivalents import CliWriter

    shown = steps_of(scenario)[step].cli
    assert shown.startswith(line)
    snapshot = Document.open(REPO / "scenarios" / scenario).snapshot
    run = next(r for r in snapshot.runs if r.plan.ref == step)
    assert shown == "\n".join(CliWriter(snapshot.loaded).step_lines(run.plan, "en"))


POLICY = """{
  "Version": "2012-10-17",
  "Statement": [
    {"Effect": "Allow", "Action": "s3:*", "Resource": "*"},
    {
      "Effect": "Deny",
      "Action": ["a:b"], "Resource": "arn:aws:s3:::x{]\\"y"
    }
  ]
}"""


@pytest.mark.parametrize("text, index, lines", [
    (POLICY, 0, (4, 4)),
    (POLICY, 1, (5, 8)),  # brackets inside strings do not count
    (POLICY, 2, None),
    ('{"Statement": {"Effect": "Allow"}}', 0, (1, 1)),
    ('{"Statement": "nonsense"}', 0, None),
])
def test_statement_lines(text, index, lines):
    assert statement_lines(text, index) == lines


def test_implicit_deny_shows_the_closest_statement_with_its_excerpt():
    step = steps_of("02-confused-deputy.yaml")["attack.assume-victim-role"]
    (deciding,) = step.deciding
    assert (deciding.policy, deciding.decided, deciding.failed["key"]) == ("VictimAccessRole trust policy", False,
                                                                          "sts:ExternalId")
    marked = [line.text for line in deciding.lines if line.marked]
    assert marked[0].strip() == "{" and any('"sts:ExternalId": "7Gx2kQ9pLm"' in t for t in marked)
    assert all(line.number for line in deciding.lines)  # numbered as lines of the scenario file


@pytest.mark.parametrize("failed, lang, text", [
    ({"element": "action", "action": "lambda:AddPermission", "values": ("lambda:Get*",), "negated": False}, "en",
     "the action lambda:AddPermission is not among lambda:Get*"),
    ({"element": "action", "action": "iam:PassRole", "values": ("iam:*",), "negated": True}, "en",
     "iam:PassRole is excluded by NotAction"),
    ({"element": "condition", "operator": "StringEquals", "key": "aws:PrincipalOrgID", "values": ["o-1"],
      "request_values": None}, "ja", "aws:PrincipalOrgID の StringEquals: ポリシーは o-1 を求めていますが、リクエストの値は なし です"),
])
def test_failed_text(failed, lang, text):
    assert failed_text(failed, lang) == text


def test_unwrap_joins_japanese_lines_without_a_space():
    assert unwrap("外部 ID を\n  付けて送ります。\nThe ID\nis sent.") == "外部 ID を付けて送ります。 The ID is sent."


def test_prose_keeps_lists_tables_and_indented_code():
    text = ("Intro line\nwrapped.\n\n- first item\n  continues\n- second\n\n"
            "| | A | B |\n|---|---|---|\n| x | 1 | 2 |\n\n    aws sts assume-role \\\n      --role-arn R")
    assert prose_html(text) == [
        "<p>Intro line wrapped.</p>",
        "<ul><li>first item continues</li><li>second</li></ul>",
        '<table class="prose">\n<tr><th></th><th>A</th><th>B</th></tr>\n<tr><td>x</td><td>1</td><td>2</td></tr>\n</table>',
        "<pre>aws sts assume-role \\\n  --role-arn R</pre>"]
