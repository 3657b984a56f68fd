"""The `exercise:` block: checks (step or inline request), score, and bad input reported at file:line:column
with exit 2 (scenarios/README.md, "exercise")."""
import pytest

from workshop_support import SMALL, exercise_json, line_of, run_cli

from xviz.scenario import ScenarioError, loads
from xviz.scenario.exercise import evaluate_exercise, golf_score


def write(tmp_path, text, name="ex.yaml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_step_and_inline_checks_are_evaluated(capsys, tmp_path):
    code, result = exercise_json(capsys, write(tmp_path, SMALL))
    assert code == 1
    assert [(c["step"], c["outcome"], c["met"]) for c in result["checks"]] == [
        ("main.with-id", "Allow", True), (None, "Allow", False)]
    assert result["checks"][1]["request"]["action"] == "sts:AssumeRole"


def test_solution_flips_the_inline_check(capsys, tmp_path):
    code, result = exercise_json(capsys, write(tmp_path, SMALL), "--solution")
    assert code == 0
    assert [c["outcome"] for c in result["checks"]] == ["Allow", "ImplicitDeny"]


def test_score_counts_actions_wildcards_and_statements():
    old = '"Action": "sts:AssumeRole"}]}\nflows'
    assert old in SMALL
    text = SMALL.replace(old, '"Action": ["sts:AssumeRole", "sts:Tag*"]}, {"Effect": "Deny", "Principal": "*", '
                              '"Action": "sts:SetSourceIdentity"}]}\nflows')
    loaded = loads(text, "ex.yaml")
    score = golf_score(loaded)
    assert (score.actions, score.wildcards, score.statements) == (3, 2, 2)
    reference = evaluate_exercise(loaded).reference
    assert (reference.actions, reference.wildcards, reference.statements) == (1, 0, 1)


def test_given_step_outcomes_are_used_instead_of_running_the_flows():
    loaded = loads(SMALL, "ex.yaml")
    result = evaluate_exercise(loaded, {"main.with-id": "ExplicitDeny"})
    assert result.checks[0].outcome == "ExplicitDeny" and not result.checks[0].met


def test_hint_is_printed_on_request(capsys, tmp_path):
    code, out, _ = run_cli(capsys, "exercise", str(write(tmp_path, SMALL)), "--lang", "ja", "--hint", "2")
    assert code == 1 and "StringEquals を使います。" in out
    code, _, err = run_cli(capsys, "exercise", str(write(tmp_path, SMALL)), "--hint", "3")
    assert code == 2 and "hints 1 to 2" in err


@pytest.mark.parametrize("old, new, needle, message", [
    ("editable: [world.roles.Customer.trust_policy]", "editable: [world.roles.Customer.trust]",
     "editable:", "does not name a policy"),
    ("step: main.with-id", "step: main.without-id", "step: main.with", "no step 'main.without-id'"),
    ("    - path: world.roles.Customer.trust_policy\n",
     "    - path: world.roles.Vendor.policies.Assume\n", "- path: world.roles.Vendor", "may not edit"),
    ("actor: {role: Vendor, session: job}\n        action: sts:AssumeRole\n        target: Customer\n"
     "        params: {session_name: s2}",
     "actor: {session: job}\n        action: sts:AssumeRole\n        target: Customer\n"
     "        params: {session_name: s2}", "actor: {session: job}", "runs on its own"),
    ("target: Customer\n        params: {session_name: s2}", "target: Customr\n        params: {session_name: s2}",
     "target: Customr", "unknown target"),
    ("docs: [https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-user_externalid.html]\n", "",
     "exercise:", "documentation page"),
    ("      expect: ImplicitDeny\n", "      expect: Denied\n", "expect: Denied", "Denied"),
])
def test_bad_exercise_is_one_clear_message_at_its_place(capsys, tmp_path, old, new, needle, message):
    assert old in SMALL
    text = SMALL.replace(old, new)
    path = write(tmp_path, text)
    code, out, err = run_cli(capsys, "exercise", str(path))
    assert code == 2 and out == ""
    assert message in err
    assert f"{path}:{line_of(text, needle.splitlines()[0].strip())}:" in err


def test_a_check_has_a_step_or_a_request_not_both():
    old = "      step: main.with-id\n"
    assert old in SMALL
    text = SMALL.replace(old, old + "      request: {actor: {user: x}, action: s3:GetObject, target: '*'}\n")
    with pytest.raises(ScenarioError) as info:
        loads(text, "ex.yaml")
    assert "either `step: FLOW.STEP` or `request:" in str(info.value)


def test_a_scenario_without_exercise_exits_2(capsys):
    from workshop_support import SCENARIOS
    code, _, err = run_cli(capsys, "exercise", str(SCENARIOS[0]))
    assert code == 2 and "no `exercise:` block" in err


def test_solution_of_a_scenario_without_exercise_is_refused():
    without = SMALL.split("exercise:")[0]
    with pytest.raises(ScenarioError) as info:
        loads(without, "ex.yaml", solution=True)
    assert info.value.first.code == "no_exercise"


def test_an_engine_error_in_an_inline_request_points_into_the_exercise(capsys, tmp_path):
    text = SMALL.replace("params: {session_name: s2}", "params: {session_name: s2, context: {aws:SourceIp: [{a: b}]}}")
    path = write(tmp_path, text)
    where = f"{path}:{line_of(text, 'context: {aws:SourceIp')}:"
    for command in ("exercise", "check"):
        code, _, err = run_cli(capsys, command, str(path))
        assert code == 2 and where in err and "exercise check 2.request" in err


@pytest.mark.parametrize("index", range(len(SMALL.splitlines())))
def test_any_line_taken_out_never_crashes(capsys, tmp_path, index):
    """Bad input never crashes: every file made by deleting one line either runs or is one clear message."""
    lines = SMALL.splitlines(keepends=True)
    path = write(tmp_path, "".join(lines[:index] + lines[index + 1:]))
    for options in ((), ("--solution",), ("--json",)):
        code, _, err = run_cli(capsys, "exercise", str(path), *options)
        assert code in (0, 1, 2)
        assert "Traceback" not in err
        if code == 2:
            assert err.startswith(str(path)) and err.count("\n") >= 1
