"""The hand-written example files in tests/fixtures/simulate/ (one per rule family), read from text
the way `xviz simulate` reads them, against the decisions listed in expected.json."""
import json
from pathlib import Path

import pytest

from xviz.engine import load_json_text, simulate

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "simulate"
EXPECTED = json.loads((FIXTURES / "expected.json").read_text(encoding="utf-8"))


def test_every_example_file_has_an_expected_decision():
    files = sorted(p.name for p in FIXTURES.glob("rule-*.json"))
    assert files and files == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_example_file(name):
    path = FIXTURES / name
    data, positions = load_json_text(path.read_text(encoding="utf-8"), str(path))
    result = simulate(data, positions=positions)
    assert result["decision"] == EXPECTED[name], result


WARNINGS = json.loads((FIXTURES / "expected-warnings.json").read_text(encoding="utf-8"))
ERRORS = FIXTURES / "errors"
EXPECTED_ERRORS = json.loads((ERRORS / "expected.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(WARNINGS))
def test_example_file_warnings(name):
    path = FIXTURES / name
    data, positions = load_json_text(path.read_text(encoding="utf-8"), str(path))
    assert [w["code"] for w in simulate(data, positions=positions)["warnings"]] == WARNINGS[name]


def test_every_error_example_has_an_expectation():
    assert sorted(p.name for p in ERRORS.glob("*.json") if p.name != "expected.json") == sorted(EXPECTED_ERRORS)


@pytest.mark.parametrize("name", sorted(EXPECTED_ERRORS))
def test_error_example_file_exits_2_naming_both_values(name, capsys):
    from xviz.cli import main

    expected = EXPECTED_ERRORS[name]
    path = ERRORS / name
    assert main(["simulate", str(path), "--json"]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"{path}:") and f"(at {expected['path']})" in err
    line, column = err[len(str(path)) + 1:].split(":")[:2]
    assert int(line) > 1 and int(column) > 1  # the key's own line and column
    for value in expected["names"]:
        assert value in err
    assert "error: " in err and "Traceback" not in err
