"""CLI equivalents of steps (AWS CLI Command Reference: sts assume-role, s3 cp, ram
create-resource-share, ec2 run-instances, ...), printed by `xviz run` and given to the window."""
from __future__ import annotations

from pathlib import Path

import pytest
from scenario_support import load_text

from xviz.scenario import load
from xviz.scenario.cli_equivalents import CliWriter, kebab
from xviz.document import Document
from xviz.document.run_report import render_json, render_text
from xviz.scenario.runner import run_steps

SCENARIOS = sorted((Path(__file__).resolve().parents[2] / "scenarios").glob("*.yaml"))

WORLD = """\
version: 1
id: cli
title: {en: CLI, ja: CLI}
summary: {en: CLI., ja: CLI。}
world:
  accounts:
    "111111111111": {name: A}
    "222222222222": {name: B}
  users:
    alice:
      account: "111111111111"
  roles:
    Reader:
      account: "222222222222"
      path: /teams/
      trust_policy: |
        {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
         "Principal": {"AWS": "arn:aws:iam::111111111111:root"}, "Action": "sts:AssumeRole"}]}
  resources:
    reports: {type: s3-bucket, account: "222222222222"}
flows:
  main:
    title: {en: Main, ja: メイン}
    steps:
      - id: assume
        actor: {user: alice}
        action: sts:AssumeRole
        target: Reader
        params: {session_name: s1, external_id: x-123, duration_seconds: 1800}
        narration: {en: Assume., ja: 引き受け。}
      - id: read
        actor: {session: s1}
        action: s3:GetObject
        target: reports
        object: q1/summary.csv
        narration: {en: Read., ja: 読む。}
"""


def test_kebab_case_follows_the_cli():
    assert kebab("RunInstances") == "run-instances"
    assert kebab("CreateTransitGatewayVpcAttachment") == "create-transit-gateway-vpc-attachment"


def test_assume_role_gives_the_command_and_the_profile():
    loaded = load_text(WORLD)
    runs = run_steps(loaded)
    lines = CliWriter(loaded).step_lines(runs[0].plan)
    assert lines[0] == ("aws sts assume-role --role-arn arn:aws:iam::222222222222:role/teams/Reader "
                        "--role-session-name s1 --external-id x-123 --duration-seconds 1800 --profile alice")
    assert "[profile s1]" in lines and "source_profile = alice" in lines and "external_id = x-123" in lines
    assert CliWriter(loaded).step_lines(runs[1].plan) == ["aws s3 cp s3://reports/q1/summary.csv . --profile s1"]


def test_comments_follow_the_language():
    loaded = load_text(WORLD)
    plan = run_steps(loaded)[0].plan
    assert "# または ~/.aws/config に:" in CliWriter(loaded).step_lines(plan, "ja")


def test_ram_shares_become_create_resource_share():
    loaded = load(SCENARIOS[[p.name for p in SCENARIOS].index("07-shared-vpc-transit-gateway.yaml")])
    setup = CliWriter(loaded).setup_lines()
    assert setup[0].startswith("aws ram enable-sharing-with-aws-organization")
    assert any("--principals arn:aws:organizations::111111111111:ou/o-a1b2c3d4e5/ou-a1b2-wkld0001" in line
               for line in setup)
    assert any('--name "partner-tgw"' in line and "--allow-external-principals" in line for line in setup)


@pytest.mark.parametrize("path", SCENARIOS, ids=[p.name for p in SCENARIOS])
def test_every_bundled_step_has_its_cli_lines_in_the_run_output(path):
    loaded = load(path)
    runs = run_steps(loaded)
    cli = CliWriter(loaded)
    for run in runs:
        lines = cli.step_lines(run.plan)
        assert lines and (lines[0].startswith("aws ") or lines[0].startswith("# ")), run.plan.ref
    snapshot = Document.open(path).snapshot
    text = render_text(snapshot, "en")
    assert text.count("\n    AWS CLI:\n") == len(runs)
    assert text.count("\n    who am I:\n") == len(runs)
    steps = render_json(snapshot, "ja")["steps"]
    assert all(step["cli"] and step["who_am_i"]["text"][0].startswith("前: ") for step in steps)
