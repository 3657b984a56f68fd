"""The person-readable run report: narration, decision, expectation, explanation and notes per step."""
from __future__ import annotations

from scenario_support import REPO

from xviz.document import Document
from xviz.document.run_report import mismatches, render_text

BASICS = REPO / "scenarios" / "01-assumerole-basics.yaml"


def _snapshot(path, what_ifs=()):
    document = Document.open(path)
    return document.set_what_ifs(what_ifs) if what_ifs else document.snapshot
VS_ROLE = REPO / "scenarios" / "03-resource-policy-vs-role.yaml"


def test_english_report_has_every_part_of_a_step():
    text = render_text(_snapshot(BASICS), "en", ["main"])
    block = text[text.index("[3] read:"):text.index("[4] list:")]
    assert "caller: arn:aws:sts::222222222222:assumed-role/CrossAccountRole/my-session" in block
    assert "decision: Allow   (expected: Allow ✓)" in block
    assert "Now the request comes from the role's session" in block
    assert "why:" in block and "SharedBucketReadOnly" in block
    assert "notes:" in block and "no longer count" in block
    assert text.rstrip().endswith("all 5 checked steps behave as expected")


def test_japanese_report_uses_japanese_labels_and_narration():
    text = render_text(_snapshot(BASICS), "ja", ["main"])
    assert "判定: Allow   (期待値: Allow ✓)" in text
    assert "今度のリクエストはロールのセッション" in text
    assert "補足:" in text and "ロール CrossAccountRole の権限で評価" in text
    assert "確認した 5 ステップはすべて期待どおりです" in text


def test_a_refused_chained_call_says_so_before_the_unreached_evaluation():
    text = render_text(_snapshot(VS_ROLE, ["two-hour-session"]), "en", ["role-switch"])
    block = text[text.index("[1] assume-writer"):text.index("[2] write-as-writer")]
    assert "decision: ValidationError   (expected: ValidationError ✓)" in block
    assert block.index("notes:") < block.index("policy evaluation (never reached")
    assert "what-if: The pipeline asks the writer role for a two-hour session" in text


def test_mismatch_lines_name_flow_and_step():
    text = VS_ROLE.read_text(encoding="utf-8").replace(
        "          session_name: nightly-run-b\n        expect: Allow",
        "          session_name: nightly-run-b\n        expect: ValidationError")
    assert mismatches(Document("x.yaml", text).snapshot) == ["role-switch.assume-writer: expected ValidationError, got Allow"]
