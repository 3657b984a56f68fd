"""Shared helpers for the workshop tests: the bundled exercises, the CLI run in-process, a small exercise."""
from __future__ import annotations

import json
import textwrap
from pathlib import Path

from xviz.cli import main

REPO = Path(__file__).resolve().parents[2]
EXERCISES = sorted((REPO / "scenarios" / "exercises").glob("*.yaml"))
SCENARIOS = sorted((REPO / "scenarios").glob("*.yaml"))


def run_cli(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def exercise_json(capsys, path, *options: str) -> tuple[int, dict]:
    code, out, err = run_cli(capsys, "exercise", str(path), "--json", *options)
    assert out, err
    return code, json.loads(out)


# A vendor role and a customer role whose trust policy lacks the ExternalId; the exercise below asks for it.
SMALL = textwrap.dedent('''\
    version: 1
    id: small-exercise
    title: {en: Small, ja: 小さな演習}
    summary: {en: A role to protect., ja: 守るロール。}
    docs: [https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-user_externalid.html]
    world:
      accounts:
        "444444444444": {name: Vendor, external: true}
        "222222222222": {name: Customer}
      roles:
        Vendor:
          account: "444444444444"
          trust_policy: |
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "ecs-tasks.amazonaws.com"}, "Action": "sts:AssumeRole"}]}
          policies:
            Assume: |
              {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["sts:AssumeRole", "sts:TagSession"], "Resource": "*"}]}
        Customer:
          account: "222222222222"
          trust_policy: |
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::444444444444:root"}, "Action": "sts:AssumeRole"}]}
    flows:
      main:
        title: {en: Assume, ja: 引き受け}
        steps:
          - id: with-id
            actor: {role: Vendor, session: job}
            action: sts:AssumeRole
            target: Customer
            params: {session_name: s1, external_id: right-id}
            narration: {en: With the ID., ja: ID 付き。}
    exercise:
      goal: {en: Require the ID., ja: ID を必須にする。}
      editable: [world.roles.Customer.trust_policy]
      checks:
        - label: {en: with the ID, ja: ID 付き}
          step: main.with-id
          expect: Allow
        - label: {en: without the ID, ja: ID なし}
          request:
            actor: {role: Vendor, session: job}
            action: sts:AssumeRole
            target: Customer
            params: {session_name: s2}
          expect: ImplicitDeny
      hints:
        - {en: Look at sts:ExternalId., ja: sts:ExternalId を見ます。}
        - {en: Use StringEquals., ja: StringEquals を使います。}
      solution:
        - path: world.roles.Customer.trust_policy
          set: |
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::444444444444:root"}, "Action": "sts:AssumeRole", "Condition": {"StringEquals": {"sts:ExternalId": "right-id"}}}]}
      score: true
    ''')


def line_of(text: str, needle: str, nth: int = 0) -> int:
    return [i for i, line in enumerate(text.splitlines(), 1) if needle in line][nth]
