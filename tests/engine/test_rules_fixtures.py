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
