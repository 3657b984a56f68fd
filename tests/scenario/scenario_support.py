"""Shared helpers for the scenario tests: the bundled files and a small world to derive from."""
from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from xviz.scenario import ScenarioError, loads

REPO = Path(__file__).resolve().parents[2]
BUNDLED = sorted((REPO / "scenarios").glob("*.yaml"))
BASICS_FILE = REPO / "scenarios" / "01-assumerole-basics.yaml"  # BUNDLED[0] is the tour


def bundled_ids():
    return [p.name for p in BUNDLED]


def load_text(text: str, what_ifs=()):
    return loads(textwrap.dedent(text), "test.yaml", what_ifs)


def problem_of(text: str, what_ifs=()):
    """The first problem loading `text` reports (the test fails if it loads)."""
    with pytest.raises(ScenarioError) as info:
        load_text(text, what_ifs)
    return info.value.first


def line_of(text: str, needle: str, nth: int = 0) -> int:
    """1-based line number of the nth line containing `needle` in the dedented text."""
    hits = [i for i, line in enumerate(textwrap.dedent(text).splitlines(), 1) if needle in line]
    return hits[nth]


POLICY_ALLOW_ALL_S3 = """\
{
  "Version": "2012-10-17",
  "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]
}"""


# A world with an organization (nested OUs, SCPs, RCPs), a role with a path and tags, a service.
ORG_WORLD = """\
version: 1
id: derive-test
title: {en: Derive, ja: 導出}
summary: {en: A test world., ja: テスト用の世界。}
world:
  organization:
    id: o-a1b2c3d4e5
    root: r-ab12
    management_account: "999999999999"
    ous:
      ou-ab12-11111111: {name: Workloads, parent: r-ab12}
      ou-ab12-22222222: {name: Prod, parent: ou-ab12-11111111}
    scps:
      DenyLeave:
        attach: [r-ab12]
        document: |
          {"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "organizations:LeaveOrganization", "Resource": "*"}]}
      ProdOnly:
        attach: [ou-ab12-22222222, "111111111111"]
        document: |
          {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}
    rcps:
      Perimeter:
        attach: [ou-ab12-11111111]
        document: |
          {"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "*", "Condition": {"StringNotEqualsIfExists": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}, "BoolIfExists": {"aws:PrincipalIsAWSService": "false"}}}]}
  accounts:
    "999999999999": {name: Management, parent: r-ab12}
    "111111111111": {name: Prod app, parent: ou-ab12-22222222}
    "222222222222": {name: Data, parent: ou-ab12-11111111}
    "333333333333": {name: Outsider}
  users:
    alice:
      account: "333333333333"
      tags: {team: red}
      policies:
        AssumeAny: |
          {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole", "Resource": "*"}]}
        OwnS3: |
          {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]}
  roles:
    AppRole:
      account: "111111111111"
      path: /app/
      tags: {team: blue, env: prod}
      max_session_duration: 7200
      trust_policy: |
        {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::333333333333:root"}, "Action": "sts:AssumeRole"}]}
      policies:
        AppS3: |
          {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["s3:GetObject", "sts:AssumeRole"], "Resource": "*"}]}
      boundary:
        name: AppBoundary
        document: |
          {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["s3:*", "sts:*"], "Resource": "*"}]}
    DataRole:
      account: "222222222222"
      trust_policy: |
        {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111111111111:root"}, "Action": "sts:AssumeRole"}]}
  resources:
    data-bucket:
      type: s3-bucket
      account: "222222222222"
      policy: |
        {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::333333333333:user/alice"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::data-bucket/*"}]}
    logs:
      type: s3-bucket
      account: "999999999999"
  services:
    cloudtrail: {principal: cloudtrail.amazonaws.com}
flows:
  main:
    title: {en: Main, ja: メイン}
    steps:
      - id: assume
        actor: {user: alice}
        action: sts:AssumeRole
        target: AppRole
        params: {session_name: s1, external_id: xyz, session_tags: {team: green}}
        narration: {en: Assume., ja: 引き受ける。}
      - id: read
        actor: {session: s1}
        action: s3:GetObject
        target: data-bucket
        object: a/b.txt
        narration: {en: Read., ja: 読む。}
      - id: chain
        actor: {session: s1}
        action: sts:AssumeRole
        target: DataRole
        params: {session_name: s2, duration_seconds: 7200}
        narration: {en: Chain., ja: 連鎖。}
      - id: direct
        actor: {user: alice}
        action: s3:GetObject
        target: data-bucket
        object: a/b.txt
        narration: {en: Direct., ja: 直接。}
      - id: trail
        actor: {service: cloudtrail, on_behalf_of: "111111111111", source_arn: "arn:aws:cloudtrail:us-east-1:111111111111:trail/main"}
        action: s3:PutObject
        target: logs
        object: AWSLogs/111111111111/x.json.gz
        narration: {en: Trail., ja: 証跡。}
"""
