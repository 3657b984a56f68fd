"""Every kind of bad input gives one ScenarioError whose problem names the right line and column."""
from __future__ import annotations

import pytest
from scenario_support import line_of, load_text, problem_of

from xviz.scenario import ScenarioError, load

MINIMAL = """\
version: 1
id: tiny
title: {en: Tiny, ja: 小さい}
summary: {en: A tiny world., ja: 小さな世界。}
world:
  accounts:
    "111111111111": {name: A}
    "222222222222": {name: B}
  users:
    alice:
      account: "111111111111"
      policies:
        Assume: |
          {
            "Version": "2012-10-17",
            "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole", "Resource": "*"}]
          }
  roles:
    Target:
      account: "222222222222"
      trust_policy: |
        {
          "Version": "2012-10-17",
          "Statement": [{"Effect": "Allow", "Principal": {"AWS": "111111111111"}, "Action": "sts:AssumeRole"}]
        }
flows:
  main:
    title: {en: Main, ja: メイン}
    steps:
      - id: assume
        actor: {user: alice}
        action: sts:AssumeRole
        target: Target
        params: {session_name: s1}
        expect: Allow
        narration: {en: Assume it., ja: 引き受ける。}
what_ifs:
  closed:
    label: {en: Closed, ja: 閉じる}
    patch:
      - path: world.roles.Target.trust_policy
        set: |
          {"Version": "2012-10-17", "Statement": []}
    expect:
      main.assume: ImplicitDeny
"""


def test_the_minimal_scenario_loads():
    assert load_text(MINIMAL).model.id == "tiny"


def _where(problem):
    return problem.line, problem.column


def test_bad_yaml_points_at_the_syntax_error():
    text = MINIMAL.replace("    title: {en: Main, ja: メイン}", "    title: {en: Main, ja: メイン")
    p = problem_of(text)
    assert p.code == "yaml_syntax"
    assert p.line in (line_of(text, "title: {en: Main"), line_of(text, "title: {en: Main") + 1)
    assert p.hint


def test_unknown_account_in_a_step():
    text = MINIMAL.replace("action: sts:AssumeRole\n        target: Target",
                           "action: sts:AssumeRole\n        target: Target") \
        .replace("actor: {user: alice}", "actor: {root: \"333333333333\"}")
    p = problem_of(text)
    assert p.code == "unknown_account" and "333333333333" in p.message
    assert _where(p) == (line_of(text, "actor: {root:"), 23)
    assert "world.accounts" in p.hint


def test_policy_syntax_error_points_inside_the_json():
    text = MINIMAL.replace('"Version": "2012-10-17",\n            "Statement"', '"Version": "2012-10-17"\n            "Statement"')
    p = problem_of(text)
    assert p.code == "policy_json"
    assert _where(p) == (line_of(text, '"Statement": [{"Effect": "Allow", "Action": "sts'), 13)


def test_missing_translation():
    text = MINIMAL.replace("narration: {en: Assume it., ja: 引き受ける。}", "narration: {en: Assume it.}")
    p = problem_of(text)
    assert p.code == "missing_translation" and "Japanese" in p.message
    assert _where(p) == (line_of(text, "narration: {en: Assume it.}"), 20)


def test_empty_translation_counts_as_missing():
    text = MINIMAL.replace("narration: {en: Assume it., ja: 引き受ける。}", "narration: {en: Assume it., ja: ''}")
    p = problem_of(text)
    assert p.code == "missing_translation" and p.line == line_of(text, "narration: {en: Assume it., ja: ''}")


def test_reference_to_a_missing_role():
    text = MINIMAL.replace("target: Target", "target: Targte")
    p = problem_of(text)
    assert p.code == "unknown_target"
    assert _where(p) == (line_of(text, "target: Targte"), 17)
    assert "Target" in p.hint  # did you mean


def test_unknown_key_suggests_the_closest_one():
    text = MINIMAL.replace("      trust_policy: |", "      trust_polcy: |")
    problems = pytest.raises(ScenarioError, load_text, text).value.problems
    unknown = next(p for p in problems if p.code == "unknown_key")
    assert _where(unknown) == (line_of(text, "trust_polcy"), 7)
    assert "trust_policy" in unknown.hint
    assert any(p.code == "missing_key" and "trust_policy" in p.message for p in problems)


def test_duplicate_key():
    text = MINIMAL.replace('    "222222222222": {name: B}', '    "222222222222": {name: B}\n    "111111111111": {name: C}')
    p = problem_of(text)
    assert p.code == "yaml_duplicate_key"
    assert _where(p) == (line_of(text, "{name: C}"), 5)


def test_aliases_are_refused_with_their_position():
    text = MINIMAL.replace("title: {en: Tiny, ja: 小さい}", "title: &t {en: Tiny, ja: 小さい}") \
        .replace("    title: {en: Main, ja: メイン}", "    title: *t")
    p = problem_of(text)
    assert p.code == "yaml_alias"
    assert _where(p) == (line_of(text, "title: *t"), 12)


def test_wrong_format_version():
    p = problem_of(MINIMAL.replace("version: 1", "version: 2"))
    assert p.code == "invalid_value" and "version 1" in p.message and p.line == 1


def test_policy_must_be_a_literal_block():
    text = MINIMAL.replace("""      trust_policy: |
        {
          "Version": "2012-10-17",
          "Statement": [{"Effect": "Allow", "Principal": {"AWS": "111111111111"}, "Action": "sts:AssumeRole"}]
        }""", """      trust_policy: '{"Version": "2012-10-17", "Statement": []}'""")
    p = problem_of(text)
    assert p.code == "policy_not_block"
    assert _where(p) == (line_of(text, "trust_policy: '"), 21)


def test_engine_rejects_a_principal_in_an_identity_policy_at_its_place():
    text = MINIMAL.replace('"Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole", "Resource": "*"}]',
                           '"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "sts:AssumeRole", "Resource": "*"}]')
    p = problem_of(text)
    assert p.code.startswith("policy_")
    assert p.line == line_of(text, '"Principal": "*", "Action"')


def test_unknown_session_in_a_step():
    text = MINIMAL.replace("actor: {user: alice}", "actor: {session: nope}")
    p = problem_of(text)
    assert p.code == "unknown_session" and _where(p) == (line_of(text, "{session: nope}"), 26)


def test_actor_with_two_kinds():
    text = MINIMAL.replace("actor: {user: alice}", "actor: {user: alice, root: \"111111111111\"}")
    p = problem_of(text)
    assert p.code == "invalid_value" and "exactly one" in p.message
    assert p.line == line_of(text, "actor: {user: alice, root")


def test_bad_expectation_value():
    text = MINIMAL.replace("expect: Allow", "expect: Allowed")
    p = problem_of(text)
    assert p.code == "bad_choice" and _where(p) == (line_of(text, "expect: Allowed"), 17)


def test_unknown_what_if_and_bad_patch_path():
    assert problem_of(MINIMAL, ["opened"]).code == "unknown_what_if"
    text = MINIMAL.replace("path: world.roles.Target.trust_policy", "path: world.roles.Tagret.trust_policy")
    p = problem_of(text, ["closed"])
    assert p.code == "bad_patch_path" and _where(p) == (line_of(text, "path: world.roles.Tagret"), 15)


def test_what_if_expect_naming_a_missing_step():
    text = MINIMAL.replace("      main.assume: ImplicitDeny", "      main.asume: ImplicitDeny")
    p = problem_of(text)
    assert p.code == "unknown_step" and _where(p) == (line_of(text, "main.asume"), 7)


def test_policy_error_inside_a_what_if_points_into_the_what_if():
    text = MINIMAL.replace('{"Version": "2012-10-17", "Statement": []}', '{"Version": "2012-10-17", "Statement": [}')
    assert load_text(text).model.id == "tiny"  # the base scenario does not use the broken text
    p = problem_of(text, ["closed"])
    assert p.code == "policy_json" and _where(p) == (line_of(text, '"Statement": [}'), 51)


def test_not_a_mapping_and_empty_file():
    assert problem_of("- a\n- b\n").code == "not_a_mapping"
    assert problem_of("").code == "not_a_mapping"


def test_file_errors(tmp_path):
    with pytest.raises(ScenarioError) as info:
        load(tmp_path / "missing.yaml")
    assert info.value.first.code == "unreadable"
    bad = tmp_path / "latin1.yaml"
    bad.write_bytes(b"version: 1\ntitle: caf\xe9\n")
    with pytest.raises(ScenarioError) as info:
        load(bad)
    assert info.value.first.code == "not_utf8" and info.value.first.line == 2


def test_problem_format_is_file_line_column_message_hint():
    text = MINIMAL.replace("target: Target", "target: Targte")
    with pytest.raises(ScenarioError) as info:
        load_text(text)
    first = str(info.value).splitlines()[0]
    assert first.startswith(f"test.yaml:{line_of(text, 'target: Targte')}:17: unknown target 'Targte' (")


def test_difficulty_is_optional_and_one_of_three_words():
    assert load_text(MINIMAL).model.difficulty is None
    ok = MINIMAL.replace("id: tiny\n", "id: tiny\ndifficulty: advanced\n")
    assert load_text(ok).model.difficulty == "advanced"
    bad = MINIMAL.replace("id: tiny\n", "id: tiny\ndifficulty: expert\n")
    p = problem_of(bad)
    assert p.code == "bad_choice" and "'beginner'" in p.hint
    assert _where(p) == (line_of(bad, "difficulty:"), 13)


def test_a_flow_chart_must_name_a_flow():
    chart = "diagrams:\n  flow:mian:\n    title: {en: Mine, ja: 自作}\n    mermaid: |\n      flowchart LR\n        A --> B\n"
    p = problem_of(MINIMAL + chart)
    assert p.code == "unknown_flow_diagram" and "did you mean `main`?" in p.hint
    assert _where(p) == (line_of(MINIMAL + chart, "flow:mian"), 3)
    extra = chart.replace("flow:mian", "overview")
    assert list(load_text(MINIMAL + extra).model.diagrams) == ["overview"]
