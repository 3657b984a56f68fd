"""One glossary of Japanese terms (AWS's Japanese documentation), used by every scenario and catalogue.

The terms follow the Japanese editions of the IAM User Guide ("Policies and permissions", "Roles terms
and concepts", "Permissions boundaries"), the Organizations User Guide (SCPs) and the VPC User Guide
("Share your VPC"); each Term names its page.
"""
from __future__ import annotations

import pytest
from texts import SCENARIOS, code_texts, scenario_texts

from xviz.explain.glossary import TERMS, find_drift, ja_for

# English wording -> glossary term its Japanese side must use.
MUST_MATCH = {
    "trust policy": "trust policy",
    "resource-based polic": "resource-based policy",
    "identity-based polic": "identity-based policy",
    "identity polic": "identity-based policy",
    "permissions boundary": "permissions boundary",
    "permissions policy": "permissions policy",
    "permission policy": "permissions policy",
    "role chaining": "role chaining",
    "session policy": "session policy",
}

ALL_TEXTS = list(scenario_texts()) + list(code_texts())


def _flat_ja(text: str) -> str:
    return text.replace("\n", "").replace(" ", " ")  # a Japanese line wraps without a space


def test_the_glossary_is_consistent():
    seen = set()
    for term in TERMS:
        assert term.ja and term.en and term.page.startswith("https://docs.aws.amazon.com/ja_jp/")
        assert term.ja not in term.drift
        assert not set(term.drift) & seen, term
        seen.update(term.drift)


def test_drift_is_found_and_named():
    assert find_drift("ロールを借りてバケットを読む") == [("ロールを借り", "ロールを引き受ける")]
    assert find_drift("ロールの権限ポリシー") == [("権限ポリシー", "アクセス許可ポリシー")]
    assert find_drift("ロールを引き受けてアクセス許可ポリシーを読む") == []


@pytest.mark.parametrize("where,en,ja", ALL_TEXTS, ids=[t[0] for t in ALL_TEXTS])
def test_japanese_text_uses_the_glossary_spelling(where, en, ja):
    assert find_drift(_flat_ja(ja)) == [], f"{where}: {ja[:80]}"


@pytest.mark.parametrize("where,en,ja", [t for t in ALL_TEXTS if t[1]], ids=[t[0] for t in ALL_TEXTS if t[1]])
def test_a_term_in_english_has_its_glossary_term_in_japanese(where, en, ja):
    flat_en = " ".join(en.lower().split())
    for wording, term in MUST_MATCH.items():
        if wording in flat_en:
            assert ja_for(term) in _flat_ja(ja), f"{where}: '{wording}' in English, no {ja_for(term)} in Japanese"


@pytest.mark.parametrize("path", SCENARIOS, ids=[p.name for p in SCENARIOS])
def test_japanese_run_report_names_derived_policies_in_japanese(path):
    from xviz.document import Document
    from xviz.document.run_report import render_text

    text = render_text(Document.open(path).snapshot, "ja")
    for english in (" trust policy", "RAM share ", "「session policy」"):
        assert english not in text, english
    assert find_drift(_flat_ja(text)) == []
