"""Running steps: outcomes, the notes xviz adds, and engine errors mapped back into the file."""
from __future__ import annotations

from scenario_support import ORG_WORLD, line_of, load_text

from xviz.scenario.runner import RequestPositions, run_steps, validate_requests


def _runs():
    return {r.plan.step.id: r for r in run_steps(load_text(ORG_WORLD))}


def test_outcomes_and_notes():
    runs = _runs()
    assert runs["assume"].outcome == "Allow"
    # alice is outside the organization: the RCP perimeter on the bucket's OU denies her.
    assert runs["direct"].outcome == "ExplicitDeny"
    assert [d["policy_type"] for d in runs["direct"].result["decisive"]] == ["rcp"]
    # The session's role policy allows s3:GetObject, but data-bucket is in another account and its
    # policy names only alice: the identity switch means the role cannot use alice's grant.
    assert runs["read"].outcome == "ImplicitDeny"
    assert runs["chain"].outcome == "ValidationError"
    assert "role_chaining_duration" in [n.code for n in runs["chain"].notes]


def test_a_grant_from_a_resource_policy_keeps_the_callers_identity():
    text = ORG_WORLD.replace("        attach: [ou-ab12-11111111]", '        attach: ["111111111111"]')
    runs = {r.plan.step.id: r for r in run_steps(load_text(text))}
    assert runs["direct"].outcome == "Allow"
    assert runs["direct"].plan.caller.arn == "arn:aws:iam::333333333333:user/alice"
    assert "kept_identity" in [n.code for n in runs["direct"].notes]


def test_a_session_whose_assume_step_failed_is_flagged():
    text = ORG_WORLD.replace('"Principal": {"AWS": "arn:aws:iam::333333333333:root"}',
                             '"Principal": {"AWS": "arn:aws:iam::444444444444:root"}')
    runs = {r.plan.step.id: r for r in run_steps(load_text(text))}
    assert runs["assume"].outcome == "ImplicitDeny"
    note = next(n for n in runs["read"].notes if n.code == "session_not_created")
    assert note.params["step"] == "assume"
    assert "ImplicitDeny" in note.text("en") and "セッション" in note.text("ja")


def test_expectations_compare_outcomes():
    text = ORG_WORLD.replace("        narration: {en: Direct., ja: 直接。}",
                             "        expect: Allow\n        narration: {en: Direct., ja: 直接。}")
    runs = {r.plan.step.id: r for r in run_steps(load_text(text))}
    assert runs["direct"].expected == "Allow" and not runs["direct"].ok
    assert runs["assume"].expected is None and runs["assume"].ok


def test_engine_input_errors_point_at_the_step():
    text = ORG_WORLD.replace("    logs:\n      type: s3-bucket", "    logs:\n      arn: \"arn:aws:s3:::logs-*\"\n      type: s3-bucket")
    problems = validate_requests(load_text(text))
    assert problems and problems[0].code.startswith("engine_")
    assert (problems[0].line, problems[0].column) == (line_of(text, "target: logs"), 17)


def test_request_positions_map_policy_paths_into_the_file():
    loaded = load_text(ORG_WORLD)
    read = next(r for r in run_steps(loaded) if r.plan.step.id == "read")
    positions = RequestPositions(loaded, read.plan)
    line, column = positions.lookup(("identity_policies", 0, "document", "Statement", 0, "Effect"))
    assert line == line_of(ORG_WORLD, '"Action": ["s3:GetObject", "sts:AssumeRole"]')
    assert ORG_WORLD.splitlines()[line - 1][column - 1:].startswith('"Allow"')
    line, _ = positions.lookup(("scps", 3, "policies", 1, "document", "Statement"))
    assert line == line_of(ORG_WORLD, '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*"')


def test_statement_positions_for_decisive_statements():
    loaded = load_text(ORG_WORLD)
    runs = {r.plan.step.id: r for r in run_steps(loaded)}
    decisive = runs["direct"].result["decisive"][0]  # the RCP perimeter Deny
    line, column = runs["direct"].statement_position(decisive)
    assert line == line_of(ORG_WORLD, '"Principal": "*", "Action": "s3:*"')
    full_access = {"policy_type": "scp", "policy": "FullAWSAccess", "target": "r-ab12", "statement": 0}
    assert runs["read"].statement_position(full_access) is None
