"""A quiet set-up: our packaging raises no setuptools deprecation, and without a display the bootstrap
says in one line how to take a screenshot and how to stop the app (issue 14)."""
from __future__ import annotations

import os
import subprocess
import tomllib
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def test_the_licence_is_an_spdx_string_with_a_setuptools_that_reads_it():
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    # A TOML table here prints ~30 lines of "deprecated" on every install with setuptools >= 77.
    assert isinstance(project["project"]["license"], str)
    assert "setuptools>=77" in project["build-system"]["requires"]
    # A flat layout without package-dir makes setuptools warn about an import hook on every editable install.
    assert project["tool"]["setuptools"]["package-dir"] == {"": "."}


def bootstrap(tmp_path, *args) -> subprocess.CompletedProcess:
    stamp = REPO / ".venv" / ".xviz-installed"
    if not stamp.exists() or stamp.stat().st_mtime < (REPO / "pyproject.toml").stat().st_mtime:
        pytest.skip("the .venv is not set up for this pyproject.toml (run .ci/bootstrap first)")
    fake = tmp_path / "bin"
    fake.mkdir(exist_ok=True)
    (fake / "xvfb-run").write_text("#!/bin/sh\necho started-under-xvfb\n", encoding="utf-8")
    (fake / "xvfb-run").chmod(0o755)
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["PATH"] = f"{fake}:{env['PATH']}"
    env["XDG_CONFIG_HOME"] = str(tmp_path / "config")
    return subprocess.run(["bash", str(REPO / ".ci" / "bootstrap"), "app", *args], capture_output=True, text=True,
                          env=env, timeout=120)


def test_without_a_display_one_line_says_how_to_look_and_how_to_stop(tmp_path):
    result = bootstrap(tmp_path)
    assert result.stdout.strip() == "started-under-xvfb"
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "--screenshot" in lines[0] and "Ctrl+C" in lines[0]


def test_commands_that_need_no_window_run_without_xvfb_or_notes(tmp_path):
    result = bootstrap(tmp_path, "check", str(REPO / "scenarios" / "01-assumerole-basics.yaml"))
    assert result.returncode == 0, result.stderr
    assert "started-under-xvfb" not in result.stdout and result.stderr == ""
