"""Every code the engine emits has a sentence in English and in Japanese, with the same placeholders."""
import string
from pathlib import Path

import pytest

from xviz.engine.lint import FINDINGS
from xviz.explain import catalog_en, catalog_ja, describe_failure, explain_error

TABLES = ("DECISION", "STEP", "POLICY_TYPE", "REASON", "FAILURE", "WORDS", "ERRORS")
ENGINE = Path(__file__).resolve().parents[2] / "xviz" / "engine"


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("table", TABLES)
def test_both_languages_have_the_same_entries_and_placeholders(table):
    en, ja = getattr(catalog_en, table), getattr(catalog_ja, table)
    assert set(en) == set(ja)
    for key in en:
        assert placeholders(en[key]) == placeholders(ja[key]), key


def test_every_lint_finding_reads_in_japanese():
    assert set(FINDINGS) <= set(catalog_ja.ERRORS) | set(catalog_ja.ERRORS_FINDINGS)


def test_japanese_error_falls_back_to_english_for_unknown_codes():
    assert explain_error({"code": "no-such-code", "message": "plain"}, "ja") == "plain"


def test_condition_failure_sentences():
    missing = describe_failure({"element": "condition", "operator": "StringEquals", "key": "sts:ExternalId",
                                "values": ["X"], "request_values": None}, "en")
    assert "has no sts:ExternalId" in missing
    wrong = describe_failure({"element": "condition", "operator": "StringEquals", "key": "sts:ExternalId",
                              "values": ["X"], "request_values": ["x"]}, "ja")
    assert "[x]" in wrong and "[X]" in wrong
