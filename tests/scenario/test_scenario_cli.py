"""`xviz run` and `xviz check` end to end, through the real CLI entry point."""
from __future__ import annotations

import json
import shutil

import pytest
from scenario_support import BASICS_FILE, BUNDLED, bundled_ids

from xviz.cli import main
from xviz.scenario import load


def _what_ifs(path):
    return list(load(path).model.what_ifs)


@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize("path", BUNDLED, ids=bundled_ids())
def test_every_bundled_scenario_passes_run_check(path, lang, capsys):
    assert main(["run", str(path), "--check", "--lang", lang]) == 0, capsys.readouterr().err
    for name in _what_ifs(path):
        assert main(["run", str(path), "--check", "--lang", lang, "--what-if", name]) == 0, (name, capsys.readouterr().err)


@pytest.mark.parametrize("path", BUNDLED, ids=bundled_ids())
def test_every_bundled_scenario_passes_check(path, capsys):
    assert main(["check", str(path)]) == 0
    assert capsys.readouterr().out.strip().endswith("OK")


def test_run_check_names_the_step_that_differs(tmp_path, capsys):
    copy = tmp_path / "s.yaml"
    text = BASICS_FILE.read_text(encoding="utf-8")
    copy.write_text(text.replace("object: reports/2024-q1.csv\n        expect: ImplicitDeny",
                                 "object: reports/2024-q1.csv\n        expect: Allow", 1), encoding="utf-8")
    assert main(["run", str(copy), "--check"]) == 1
    err = capsys.readouterr().err
    assert "main.direct-read: expected Allow, got ImplicitDeny" in err
    assert main(["run", str(copy)]) == 0  # without --check a mismatch is reported, not fatal


def test_run_json_output(capsys):
    assert main(["run", str(BASICS_FILE), "--json", "--flow", "main", "--lang", "ja"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [s["step"] for s in data["steps"]] == ["direct-read", "assume", "read", "list", "write"]
    read = data["steps"][2]
    assert read["caller"] == "arn:aws:sts::222222222222:assumed-role/CrossAccountRole/my-session"
    assert read["result"]["decision"] == "Allow" and read["ok"] is True
    assert read["notes"][0]["code"] == "identity_switch" and "ロール" in read["notes"][0]["text"]
    assert read["request"]["identity_policies"][0]["name"] == "SharedBucketReadOnly"


def test_what_if_changes_the_outcome(capsys):
    assert main(["run", str(BASICS_FILE), "--json", "--flow", "mistakes", "--what-if", "trust-without-external-id"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["what_ifs"] == ["trust-without-external-id"]
    assert data["steps"][0]["outcome"] == "Allow"


@pytest.mark.parametrize("args", [["--flow", "nope"], ["--what-if", "nope"]])
def test_unknown_flow_or_switch_is_exit_2(args, capsys):
    assert main(["run", str(BASICS_FILE), *args]) == 2
    assert "nope" in capsys.readouterr().err


def test_check_reports_errors_with_position_and_exit_2(tmp_path, capsys):
    bad = tmp_path / "bad.yaml"
    shutil.copyfile(BASICS_FILE, bad)
    bad.write_text(bad.read_text(encoding="utf-8").replace("target: CrossAccountRole", "target: CrossAcountRole", 1),
                   encoding="utf-8")
    assert main(["check", str(bad)]) == 2
    err = capsys.readouterr().err
    assert f"{bad}:" in err and "unknown target 'CrossAcountRole'" in err and "did you mean `CrossAccountRole`?" in err
    assert "Traceback" not in err


def test_run_on_missing_file_is_exit_2(tmp_path, capsys):
    assert main(["run", str(tmp_path / "none.yaml")]) == 2
    assert "cannot read the file" in capsys.readouterr().err


def test_every_bundled_scenario_states_its_difficulty():
    levels = {path.name: load(path).model.difficulty for path in BUNDLED}
    assert set(levels.values()) == {"beginner", "intermediate", "advanced"}, levels
    assert levels["01-assumerole-basics.yaml"] == "beginner"
