"""Every message code the engine can emit reads in English and in Japanese (issue 10).

The codes are collected from the engine's source, not from a list: the first argument of every
`problems.error/warn/info(...)`, `Diagnostic(...)`, `InputError(...)`; the findings tables
(`FINDINGS`, the `("warning", code, ...)` tuples); the reason codes of the trace
(`StepOutcome(...)` and the `why_not[...] = ...` table). A new code without text fails here.
"""
import ast
import re
from pathlib import Path

import pytest

from xviz.explain import catalog_en, catalog_ja, explain_error, explain_reason

ENGINE = Path(__file__).resolve().parents[2] / "xviz" / "engine"
MESSAGE_CALLS = {"error", "warn", "info", "report", "Diagnostic", "InputError"}
SEVERITIES = {"error", "warning", "info"}
CODE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
REASON = re.compile(r"^[a-z]+(-[a-z0-9]+)+$")  # reason codes always have a hyphen; step names none


def _name(func: ast.expr) -> str | None:
    return func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else None


def _strings(node: ast.AST) -> set[str]:
    return {n.value for n in ast.walk(node) if isinstance(n, ast.Constant) and isinstance(n.value, str)}


def collect_codes() -> tuple[set[str], set[str]]:
    """(message codes, trace reason codes) found in xviz/engine/*.py."""
    messages, reasons = set(), set()
    for path in ENGINE.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call):
                name = _name(node.func)
                first = node.args[0] if node.args else None
                if name in MESSAGE_CALLS and isinstance(first, ast.Constant) and isinstance(first.value, str):
                    messages.add(first.value)
                elif name == "StepOutcome" and len(node.args) > 2:
                    reasons |= _strings(node.args[2])
            elif isinstance(node, ast.Tuple) and len(node.elts) > 2:
                head, code = node.elts[0], node.elts[1]
                if (isinstance(head, ast.Constant) and head.value in SEVERITIES
                        and isinstance(code, ast.Constant) and isinstance(code.value, str)):
                    messages.add(code.value)  # ("warning", code, message, params) findings
            elif isinstance(node, ast.Assign) and len(node.targets) == 1:
                target = node.targets[0]
                if isinstance(target, ast.Name) and target.id == "warning" and isinstance(node.value, ast.Tuple):
                    messages |= {e.value for e in node.value.elts[:1] if isinstance(e, ast.Constant)}
                elif isinstance(target, ast.Name) and target.id == "reason" or (
                        isinstance(target, ast.Subscript) and _name(target.value) == "why_not"):
                    reasons |= _strings(node.value)
                elif isinstance(target, ast.Name) and target.id == "FINDINGS":
                    messages |= {k.value for k in node.value.keys if isinstance(k, ast.Constant)}
            elif isinstance(node, ast.AnnAssign) and _name(node.target) == "FINDINGS":
                messages |= {k.value for k in node.value.keys if isinstance(k, ast.Constant)}
    return {m for m in messages if CODE.match(m)} - SEVERITIES, {r for r in reasons if REASON.match(r)}


MESSAGES, REASONS = collect_codes()


def test_the_scan_finds_codes_of_every_kind():
    # The scan itself must work: codes known to be emitted by each route are found.
    assert {"type", "bad-action", "duplicate-sid", "unknown-service", "never-matches", "invalid-json",
            "notprincipal", "context-contradiction", "aws-protected-resource"} <= MESSAGES
    assert {"no-deny", "scp-not-for-caller", "rcp-unsupported-service", "no-permission-needed",
            "aws-owned-resource"} <= REASONS


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_every_message_code_has_text(lang):
    table = (catalog_en if lang == "en" else catalog_ja).ERRORS
    assert sorted(MESSAGES - set(table)) == []


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_every_reason_code_has_text(lang):
    table = (catalog_en if lang == "en" else catalog_ja).REASON
    assert sorted(REASONS - set(table)) == []


def test_japanese_text_is_used_for_a_new_code():
    err = {"code": "context-contradiction", "message": "english",
           "params": {"key": "aws:PrincipalArn", "given": "a", "derived": "b"}}
    text = explain_error(err, "ja")
    assert text != "english" and "aws:PrincipalArn" in text and "a" in text and "b" in text


def test_reason_sentence_in_both_languages():
    assert "GetCallerIdentity" in explain_reason("no-permission-needed", "en")
    assert explain_reason("no-permission-needed", "ja") != explain_reason("no-permission-needed", "en")


def test_english_text_stands_in_when_there_is_no_message():
    assert explain_error({"code": "role-arn-without-session", "message": ""}, "en") == \
        catalog_en.ERRORS["role-arn-without-session"]
