"""The scenario document: one state (file text, edits, what-ifs) gives one snapshot, whatever the order of
the changes that led to it, and that snapshot tells the same story as a fresh load of the same text."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from xviz.document import Document
from xviz.document.build import full
from xviz.scenario import loads
from xviz.scenario.runner import run_steps

BUNDLED = sorted(Path(__file__).resolve().parents[2].joinpath("scenarios").glob("*.yaml"))
TRUST = "world.roles.CrossAccountRole.trust_policy"
ALICE = "world.users.alice.policies.AllowAssume"


def verdicts(snapshot) -> list[str | None]:
    return [step.verdict for flow in snapshot.view.flows for step in flow.steps]


def outcomes_of_text(text: str, file: str, what_ifs=()) -> list[str]:
    return [run.outcome for run in run_steps(loads(text, file, what_ifs), strict=False)]


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.stem)
def test_every_bundled_scenario_evaluates_as_it_expects(path):
    view = Document.open(path).snapshot.view
    assert view.problems == () and view.evaluated
    for flow in view.flows:
        for step in flow.steps:
            assert step.verdict is not None
            if step.expected:
                assert step.verdict == step.expected, f"{flow.id}.{step.id}"


def test_an_edit_gives_the_verdicts_of_the_edited_file(scenario_file):
    document = Document.open(scenario_file)
    text = document.snapshot.view.policy(TRUST).text
    snapshot = document.edit(TRUST, text.replace("111111111111", "333333333333"))
    assert verdicts(snapshot)[0] == "implicit_deny"
    assert [s.outcome for f in snapshot.view.flows for s in f.steps] == outcomes_of_text(document.text(), "x.yaml")
    assert "333333333333" in document.text()
    assert document.text().count("\n") == scenario_file.read_text().count("\n")


def test_a_keystroke_evaluates_again_only_the_steps_whose_request_it_changes(scenario_file):
    document = Document.open(scenario_file)
    before = document.snapshot
    bucket = "world.resources.shared-bucket.policy"
    after = document.edit(bucket, before.view.policy(bucket).text.replace("s3:PutObject", "s3:Put*"))
    old, new = before.view.flows[0].steps, after.view.flows[0].steps
    assert new[0] is old[0]  # AssumeRole does not read the bucket policy: kept as it was
    assert new[1] is not old[1] and new[2] is not old[2]


def test_a_broken_edit_keeps_the_last_verdicts_and_says_where(scenario_file):
    document = Document.open(scenario_file)
    before = verdicts(document.snapshot)
    text = document.snapshot.view.policy(TRUST).text
    snapshot = document.edit(TRUST, text.replace('"Allow"', '"Alow"'))  # the engine rejects the Effect
    assert snapshot.view.stale and verdicts(snapshot) == before
    assert snapshot.view.policy(TRUST).text == text.replace('"Allow"', '"Alow"')  # the text stays as typed
    [problem] = snapshot.view.edit_problems
    line = scenario_file.read_text().splitlines()[problem.line - 1]
    assert "trust_policy" not in line and '"Effect": "Allow"' in line  # the policy's own line in the file
    [finding] = [d for d in snapshot.view.policy(TRUST).diagnostics if d.severity == "error"]
    assert finding.line == 1  # inside the policy's text, where the editor underlines it
    fixed = document.edit(TRUST, text)
    assert not fixed.view.stale and fixed.view.edit_problems == () and verdicts(fixed) == before


def test_a_what_if_that_replaces_a_policy_shows_its_text_read_only(scenario_file):
    document = Document.open(scenario_file)
    snapshot = document.set_what_ifs(["no-trust"])
    trust = snapshot.view.policy(TRUST)
    assert trust.read_only and trust.what_if == "no-trust" and '"Statement": []' in trust.text
    assert "The role trusts nobody" in trust.banner["en"] and "ロールが誰も信頼しない" in trust.banner["ja"]
    assert document.edit(TRUST, "{}") is snapshot  # read-only: the edit is refused, nothing changes
    assert not snapshot.view.policy(ALICE).read_only


def test_steps_acting_as_a_session_never_made_are_not_reached(scenario_file):
    snapshot = Document.open(scenario_file).set_what_ifs(["no-trust"])
    assume, read, write = snapshot.view.flows[0].steps
    assert assume.verdict == "implicit_deny"
    assert read.verdict == write.verdict == "not_reached"
    assert read.narration["en"].startswith("Not reached: step assume did not create the session my-session")
    assert "session_not_created" in [n.code for n in read.notes]


def test_a_flipped_step_without_a_story_leads_with_the_engine_and_what_changed(scenario_file):
    snapshot = Document.open(scenario_file).set_what_ifs(["no-trust"])
    assume = snapshot.view.flows[0].steps[0]
    assert not assume.narration_written
    assert "Alice asks STS" not in assume.narration["en"]  # written for Allow: never shown under a deny
    assert assume.changed["en"].startswith("Was Allow: ")
    assert "Now ImplicitDeny" in assume.changed["en"] and assume.changed["en"] in assume.narration["en"]
    assert "変更前は Allow" in assume.changed["ja"]


def test_a_what_ifs_step_narration_tells_the_new_story(scenario_file):
    text = scenario_file.read_text(encoding="utf-8").replace(
        "    expect:\n      main.assume: ImplicitDeny\n",
        "    expect:\n      main.assume: ImplicitDeny\n"
        "    step_narration:\n      main.assume: {en: Nobody is trusted now., ja: 今は誰も信頼されていません。}\n")
    assert "step_narration" in text
    document = Document("x.yaml", text)
    assume = document.set_what_ifs(["no-trust"]).view.flows[0].steps[0]
    assert assume.narration_written and assume.narration == {"en": "Nobody is trusted now.",
                                                             "ja": "今は誰も信頼されていません。"}
    assert assume.changed is not None  # the line saying what changed is still there to read
    assert document.set_what_ifs([]).view.flows[0].steps[0].narration["en"] == "Alice asks STS for the role."


def test_a_file_with_a_broken_policy_opens_for_fixing(scenario_file):
    text = scenario_file.read_text(encoding="utf-8").replace('"Action": "sts:AssumeRole",', '"Action": "sts:AssumeRole"')
    document = Document("broken.yaml", text)
    view = document.snapshot.view
    assert not view.evaluated and view.problems
    assert view.problems[0].line is not None
    broken = view.policy(ALICE)
    assert broken is not None and [d.line for d in broken.diagnostics if d.severity == "error"] == [7]
    assert [s.title for s in view.flows[0].steps][0] == "alice → sts:AssumeRole → CrossAccountRole"
    fixed = document.edit(ALICE, broken.text.replace('"sts:AssumeRole"', '"sts:AssumeRole",'))
    assert fixed.view.evaluated and verdicts(fixed) == ["allow", "implicit_deny", "explicit_deny"]


def test_save_writes_the_edits_in_place_and_save_as_moves_the_document(scenario_file, tmp_path):
    document = Document.open(scenario_file)
    document.edit(TRUST, document.snapshot.view.policy(TRUST).text.replace("111111111111", "333333333333"))
    document.edit(ALICE, document.snapshot.view.policy(ALICE).text.replace("sts:AssumeRole", "sts:*"))
    copy = tmp_path / "copy.yaml"
    document.save(copy)
    assert document.path == copy
    saved = copy.read_text(encoding="utf-8")
    original = scenario_file.read_text(encoding="utf-8")
    changed = [(a, b) for a, b in zip(original.splitlines(), saved.splitlines()) if a != b]
    assert len(changed) == 2 and len(saved.splitlines()) == len(original.splitlines())
    assert outcomes_of_text(saved, str(copy)) == [s.outcome for f in document.snapshot.view.flows for s in f.steps]
    assert scenario_file.read_text(encoding="utf-8") == original  # Save As never touches the first file


# --- any order, the same snapshot ------------------------------------------------------------------

_ALTERNATIVES = {
    TRUST: ['{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": '
            '"arn:aws:iam::111111111111:root"}, "Action": "sts:AssumeRole"}]}',
            '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": '
            '"arn:aws:iam::999999999999:root"}, "Action": "sts:AssumeRole"}]}'],
    ALICE: ['{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sts:*", "Resource": "*"}]}',
            '{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "sts:AssumeRole", "Resource": "*"}]}',
            '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]}'],
    "world.resources.shared-bucket.policy": [
        '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", '
        '"Resource": "arn:aws:s3:::shared-bucket/*"}]}'],
}
_ACTIONS = st.lists(st.one_of(
    st.tuples(st.just("edit"), st.sampled_from(sorted(_ALTERNATIVES)), st.integers(0, 2)),
    st.tuples(st.just("what-if"), st.booleans(), st.just(0)),
    st.tuples(st.just("undo"), st.just(""), st.just(0)),
), max_size=12)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(actions=_ACTIONS)
def test_any_sequence_of_what_ifs_edits_and_undos_equals_a_fresh_load(scenario_file, actions):
    document = Document.open(scenario_file)
    history = []
    for kind, target, choice in actions:
        if kind == "undo":
            if history:
                document.set_state(history.pop())
            continue
        before = document.state
        if kind == "edit":
            options = _ALTERNATIVES[target]
            document.edit(target, options[choice % len(options)])
        else:
            document.set_what_ifs(["no-trust"] if target else [])
        if document.state != before:
            history.append(before)
    snapshot = document.snapshot
    # The same state evaluated from scratch gives the same snapshot, narration and all …
    assert snapshot == full(snapshot.state, document._base_for(snapshot.state.file, snapshot.state.file_text))
    # … and a fresh load of the text it would save, with the same what-ifs, gives the same verdicts,
    # titles, notes and evaluated policy texts.
    fresh = Document(str(scenario_file), document.text()).set_what_ifs(snapshot.state.what_ifs)
    shown = [(s.title, s.verdict, [n.code for n in s.notes]) for f in snapshot.view.flows for s in f.steps]
    assert shown == [(s.title, s.verdict, [n.code for n in s.notes]) for f in fresh.view.flows for s in f.steps]
    assert [(p.id, p.text.rstrip("\n")) for p in snapshot.view.policies] == [
        (p.id, p.text.rstrip("\n")) for p in fresh.view.policies]  # a block keeps one final newline


def _sts_answer(snapshot, lang="en") -> str:
    from xviz.diagram.model import Message

    chart = snapshot.sequence("main", lang).chart
    return next(m.text for m in chart.items if isinstance(m, Message) and m.id.endswith(":reply"))


def test_the_sequence_diagram_tells_the_verdict_on_show_not_the_one_expected(scenario_file):
    """STS's answer in the AssumeRole timeline follows the evaluation: after an edit that denies the
    call it says AccessDenied, although the step still expects Allow."""
    document = Document.open(scenario_file)
    assert _sts_answer(document.snapshot).startswith("temporary credentials")
    text = document.snapshot.view.policy(TRUST).text
    denied = document.edit(TRUST, text.replace("111111111111", "333333333333"))
    assert denied.view.flows[0].steps[0].verdict == "implicit_deny"
    assert _sts_answer(denied) == "AccessDenied"
    assert "AccessDenied" in _sts_answer(denied, "ja")
