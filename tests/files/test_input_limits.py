"""Every input limit (xviz.files.limits) refuses with exit 2 and one message naming file, line and
column, before the expensive work; none of these inputs may end in a traceback (issue 14)."""
from __future__ import annotations

import re
import tracemalloc
from pathlib import Path

import pytest

from xviz.cli import main
from xviz.files import LimitError, read_limited
from xviz.files.limits import (MAX_ACCOUNTS, MAX_JSON_BYTES, MAX_LINE_CHARS, MAX_SCENARIO_BYTES, MAX_YAML_DEPTH,
                               check_lines)
from xviz.scenario import ScenarioError, load

REPO = Path(__file__).resolve().parents[2]
BASICS = REPO / "scenarios" / "01-assumerole-basics.yaml"
WITH_SID = REPO / "scenarios" / "03-resource-policy-vs-role.yaml"
FIXTURES = REPO / "tests" / "fixtures" / "simulate"
GOOD_REQUEST = FIXTURES / "rule-02-same-account-bucket-policy.json"


def xviz(capsys, *argv) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def refused(code: int, err: str, file, message: str) -> tuple[int, int]:
    """The one-message contract: exit 2, no traceback, `file:line:column: ...message...`; (line, column)."""
    assert code == 2, err
    assert "Traceback" not in err
    found = re.search(rf"{re.escape(str(file))}:(\d+):(\d+): .*{message}", err)
    assert found, err
    return int(found.group(1)), int(found.group(2))


def test_yaml_nested_past_the_limit_is_refused_at_the_first_level_too_many(tmp_path, capsys):
    # 500 levels of flow lists are 1.8 KB; they used to end in RecursionError.
    deep = tmp_path / "deep.yaml"
    deep.write_text("world: " + "[" * 500 + "]" * 500 + "\n", encoding="utf-8")
    code, _out, err = xviz(capsys, "check", deep)
    assert refused(code, err, deep, "nested more than") == (1, 8 + MAX_YAML_DEPTH - 1)


@pytest.mark.parametrize("indent", ["  ", "\t"])  # a tab sends the text through PyYAML's own composer
def test_block_nesting_past_the_limit_is_refused_by_either_composer(tmp_path, capsys, indent):
    lines = ["world:"] + ["  " * i + "k:" for i in range(1, 600)]
    text = "\n".join(lines) + "\n" + ("# \t\n" if indent == "\t" else "")
    deep = tmp_path / "block.yaml"
    deep.write_text(text, encoding="utf-8")
    code, _out, err = xviz(capsys, "check", deep)
    line, _column = refused(code, err, deep, "nested more than")
    assert line == MAX_YAML_DEPTH + 1  # the mapping on line n is nested n deep


def test_an_alias_bomb_is_refused_before_it_expands(tmp_path, capsys):
    bomb = tmp_path / "bomb.yaml"
    rows = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    rows += [f"{n}: &{n} [{','.join(['*' + p] * 9)}]" for p, n in zip("abcdefgh", "bcdefghi")]
    bomb.write_text("\n".join(rows) + "\n", encoding="utf-8")
    code, _out, err = xviz(capsys, "check", bomb)
    assert refused(code, err, bomb, "aliases") == (2, 8)


def test_a_scenario_over_the_size_limit_is_refused_without_reading_it(tmp_path, capsys):
    big = tmp_path / "big.yaml"
    with open(big, "wb") as handle:  # sparse: 50 MB on paper, nothing on disk
        handle.truncate(50_000_000)
    tracemalloc.start()
    try:
        code, _out, err = xviz(capsys, "check", big)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert refused(code, err, big, "larger than 5 MB") == (1, 1)
    assert peak < 5_000_000


@pytest.mark.parametrize("command", [["simulate"], ["lint", "--type", "identity"]])
def test_simulate_and_lint_stop_reading_at_the_limit(tmp_path, capsys, command):
    big = tmp_path / "big.json"
    with open(big, "wb") as handle:
        handle.truncate(200 * 1024 * 1024)
    tracemalloc.start()
    try:
        code, _out, err = xviz(capsys, command[0], big, *command[1:])
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert refused(code, err, big, "larger than 16 MiB") == (1, 1)
    assert peak < 5_000_000  # not a byte of the 200 MB was read


def test_an_endless_device_is_refused_after_the_limit(capsys):
    code, _out, err = xviz(capsys, "simulate", "/dev/zero")
    refused(code, err, "/dev/zero", "larger than 16 MiB")


def test_read_limited_reads_at_most_one_byte_past_the_limit(tmp_path):
    small = tmp_path / "small.bin"
    small.write_bytes(b"x" * 10)
    assert read_limited(small, 10)[0] == b"x" * 10
    with pytest.raises(LimitError) as info:
        read_limited(small, 9)
    assert info.value.code == "file-too-large"
    with pytest.raises(LimitError) as info:
        read_limited(tmp_path, 9)
    assert info.value.code == "not-a-file"


def test_an_unbroken_narration_line_is_refused_at_its_line(tmp_path, capsys):
    text = BASICS.read_text(encoding="utf-8").replace(
        "expect: ImplicitDeny", "expect: ImplicitDeny\n        narration: {en: " + "x" * 2_000_000 + "}", 1)
    long_line = tmp_path / "long.yaml"
    long_line.write_text(text, encoding="utf-8")
    line = next(i for i, row in enumerate(text.splitlines(), 1) if len(row) > MAX_LINE_CHARS)
    code, _out, err = xviz(capsys, "check", long_line)
    assert refused(code, err, long_line, "longer than") == (line, MAX_LINE_CHARS + 1)


def test_check_lines_finds_the_long_line_among_short_ones():
    check_lines("a\n" * 10 + "b" * 50 + "\nc", limit=50)
    with pytest.raises(LimitError) as info:
        check_lines("a\n" * 10 + "b" * 51 + "\nc", "f.yaml", limit=50)
    assert (info.value.line, info.value.column) == (11, 51)


def test_too_many_accounts_are_refused_before_the_policies_are_parsed(tmp_path, capsys):
    text = BASICS.read_text(encoding="utf-8")
    extra = "".join(f'    "{400000000000 + i}": {{name: A{i}}}\n' for i in range(MAX_ACCOUNTS))
    text = text.replace("  accounts:\n", "  accounts:\n" + extra, 1)
    many = tmp_path / "many.yaml"
    many.write_text(text, encoding="utf-8")
    code, _out, err = xviz(capsys, "check", many)
    line, _ = refused(code, err, many, f"accounts; the limit is {MAX_ACCOUNTS:,}")
    assert text.splitlines()[line - 1].strip() == "accounts:"


def lone_sid(text: str) -> str:
    changed = re.sub(r'"Sid":\s*"[^"]*"', r'"Sid": "\\ud800"', text, count=1)
    assert changed != text
    return changed


def test_a_lone_surrogate_in_a_scenario_policy_is_reported_not_printed(tmp_path, capsys):
    bad = tmp_path / "sid.yaml"
    bad.write_text(lone_sid(WITH_SID.read_text(encoding="utf-8")), encoding="utf-8")
    for argv in (["run", bad], ["check", bad]):
        code, _out, err = xviz(capsys, *argv)
        line, column = refused(code, err, bad, "lone surrogate")
        assert bad.read_text(encoding="utf-8").splitlines()[line - 1][column - 1:].startswith('"\\ud800"')


def test_a_lone_surrogate_in_yaml_text_is_reported(tmp_path):
    bad = tmp_path / "title.yaml"
    bad.write_text(BASICS.read_text(encoding="utf-8").replace("en: AssumeRole basics", 'en: "A \\udc00"', 1),
                   encoding="utf-8")
    with pytest.raises(ScenarioError) as info:
        load(bad)
    assert info.value.first.code == "lone_surrogate" and info.value.first.line == 8


def test_simulate_reports_the_surrogate_and_goes_on_with_the_next_file(tmp_path, capsys):
    bad = tmp_path / "sid.json"
    bad.write_text(lone_sid((FIXTURES / "rule-01-explicit-deny-wins.json").read_text(encoding="utf-8")),
                   encoding="utf-8")
    code, out, err = xviz(capsys, "simulate", bad, GOOD_REQUEST)
    refused(code, err, bad, "lone surrogate")
    assert f"== {GOOD_REQUEST}" in out  # the file after it was evaluated
    code, out, err = xviz(capsys, "simulate", "--json", bad, GOOD_REQUEST)
    assert code == 2 and '"decision"' in out and "Traceback" not in err


def test_lint_reports_a_lone_surrogate(tmp_path, capsys):
    bad = tmp_path / "policy.json"
    text = ('{"Version": "2012-10-17", "Statement": [{"Sid": "\\ud800", "Effect": "Allow", '
            '"Action": "s3:*", "Resource": "*"}]}')
    bad.write_text(text, encoding="utf-8")
    code, _out, err = xviz(capsys, "lint", bad, "--type", "identity")
    assert refused(code, err, bad, "lone surrogate") == (1, text.index('"\\ud800"') + 1)


def test_lint_reads_standard_input(monkeypatch, capsys):
    import io
    import sys

    policy = b'{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}'
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(policy)))
    code, out, err = xviz(capsys, "lint", "-", "--type", "identity")
    assert code == 0 and "Traceback" not in err
    assert "-" in out + err


def test_a_huge_number_is_a_message_not_a_crash(tmp_path, capsys):
    bad = tmp_path / "number.yaml"
    bad.write_text(BASICS.read_text(encoding="utf-8").replace("version: 1", "version: " + "9" * 5000, 1),
                   encoding="utf-8")
    code, _out, err = xviz(capsys, "check", bad)
    assert refused(code, err, bad, "version") == (4, 10)


def test_the_limits_stay_above_the_bundled_scenarios():
    for path in sorted((REPO / "scenarios").glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        assert len(text.encode("utf-8")) < MAX_SCENARIO_BYTES / 10
        check_lines(text, str(path))
        load(path)
    assert MAX_JSON_BYTES == 16 * 1024 * 1024  # the figure the simulate contract publishes


def test_check_reads_standard_input_once_for_every_what_if(monkeypatch, capsys):
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(BASICS.read_bytes())))
    code, out, err = xviz(capsys, "check", "-")
    assert (code, err) == (0, "") and out == "-: OK\n"
