"""`xviz collect`, against a fake `aws` on PATH that answers from a hand-written export: what it
writes imports into the same scenario, only read-only commands are run, and unreachable accounts
stay outside the export."""
from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from review_sample import SANDBOX, write_sample

from xviz.review.importer import import_export
from xviz.review.writer import dump_scenario

HERE = Path(__file__).resolve().parent
READ_ONLY = ("get-", "list-", "describe-")


@pytest.fixture
def fake_aws(tmp_path):
    source = write_sample(tmp_path / "source")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    aws = bin_dir / "aws"
    aws.write_text(f'#!/bin/sh\nexec "{sys.executable}" "{HERE / "fake_aws.py"}" "$@"\n')
    aws.chmod(aws.stat().st_mode | stat.S_IEXEC)
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}", "FAKE_AWS_EXPORT": str(source),
           "FAKE_AWS_LOG": str(tmp_path / "calls.log")}
    return source, env, tmp_path / "calls.log"


def collect(out: Path, env: dict, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "xviz", "collect", "-o", str(out), *extra], capture_output=True,
                          text=True, env=env, timeout=300)


def test_collected_export_imports_into_the_same_scenario(fake_aws, tmp_path):
    source, env, log = fake_aws
    done = collect(tmp_path / "collected", env, "--regions", "eu-west-1,us-east-1", "--profile", "mgmt")
    assert done.returncode == 0, done.stderr
    assert "4 account(s) exported" in done.stdout
    assert "[##############################] 5/5 accounts" in done.stderr  # the progress bar at its end
    assert f"account {SANDBOX} left outside the export" in done.stderr
    assert dump_scenario(import_export(tmp_path / "collected").data) == dump_scenario(import_export(source).data)


def test_only_read_only_commands_are_run(fake_aws, tmp_path):
    _, env, log = fake_aws
    assert collect(tmp_path / "collected", env, "--regions", "eu-west-1").returncode == 0
    calls = [line.split() for line in log.read_text().splitlines()]
    assert calls and all(op.startswith(READ_ONLY) or (svc, op) == ("sts", "assume-role") for svc, op, *_ in calls)
    assume = [c for c in calls if c[1] == "assume-role"]
    assert all(":role/OrganizationAccountAccessRole" in c[c.index("--role-arn") + 1] for c in assume)


def test_no_aws_cli_is_one_message_and_exit_2(tmp_path):
    env = {**os.environ, "PATH": str(tmp_path)}
    done = collect(tmp_path / "out", env)
    assert done.returncode == 2 and "AWS CLI" in done.stderr and "Traceback" not in done.stderr
