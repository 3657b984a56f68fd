"""Test set-up shared by the whole suite: headless Qt, settings kept out of the real home, and a small
scenario (`scenario_file`) used by the document and the workbench tests."""
import os
import tempfile
import textwrap
from pathlib import Path

import pytest

# Before pytest-qt creates the QApplication: without a display the process would abort.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("XDG_CONFIG_HOME", tempfile.mkdtemp(prefix="xviz-test-config-"))
os.environ.setdefault("XDG_DATA_HOME", tempfile.mkdtemp(prefix="xviz-test-data-"))  # recovery copies


POLICY = """\
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "sts:AssumeRole",
      "Resource": "arn:aws:iam::222222222222:role/CrossAccountRole"
    }
  ]
}
"""

SCENARIO = textwrap.dedent("""\
    version: 1
    id: test-scenario
    title: {en: Borrowing a role, ja: ロールを借りる}
    summary:
      en: |
        Alice works in account A. She borrows a role in account B.
      ja: |
        アリスはアカウント A のユーザーです。アカウント B のロールを借ります。
    world:
      organization:
        id: o-a1b2c3d4e5
        root: r-ab12
        management_account: "111111111111"
        ous:
          ou-ab12-11111111: {name: Workloads, parent: r-ab12}
        scps:
          DenyLeave:
            attach: [r-ab12]
            document: |
              {"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "organizations:LeaveOrganization", "Resource": "*"}]}
      accounts:
        "111111111111": {name: Account A, parent: ou-ab12-11111111}
        "222222222222": {name: Account B}
      users:
        alice:
          account: "111111111111"
          policies:
            AllowAssume: |
    @POLICY@
      roles:
        CrossAccountRole:
          account: "222222222222"
          trust_policy: |
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111111111111:root"}, "Action": "sts:AssumeRole"}]}
      resources:
        shared-bucket:
          type: s3-bucket
          account: "222222222222"
          policy: |
            {
              "Version": "2012-10-17",
              "Statement": [
                {"Effect": "Deny", "Principal": "*", "Action": "s3:PutObject", "Resource": "arn:aws:s3:::shared-bucket/*"}
              ]
            }
      services:
        cloudtrail: {principal: cloudtrail.amazonaws.com}
    flows:
      main:
        title: {en: Alice borrows the role, ja: アリスがロールを借りる}
        steps:
          - id: assume
            actor: {user: alice}
            action: sts:AssumeRole
            target: CrossAccountRole
            params: {session_name: my-session}
            expect: Allow
            narration: {en: Alice asks STS for the role., ja: アリスは STS にロールを求めます。}
          - id: read
            actor: {session: my-session}
            action: s3:GetObject
            target: shared-bucket
            object: a.txt
            expect: ImplicitDeny
            narration: {en: The bucket says nothing., ja: バケットは何も許可していません。}
          - id: write
            actor: {session: my-session}
            action: s3:PutObject
            target: shared-bucket
            object: a.txt
            expect: ExplicitDeny
            narration: {en: Denied., ja: 拒否されます。}
    what_ifs:
      no-trust:
        label: {en: The role trusts nobody, ja: ロールが誰も信頼しない}
        narration: {en: The trust policy is empty., ja: 信頼ポリシーが空です。}
        patch:
          - path: world.roles.CrossAccountRole.trust_policy
            set: |
              {"Version": "2012-10-17", "Statement": []}
        expect:
          main.assume: ImplicitDeny
""").replace("@POLICY@", textwrap.indent(POLICY, " " * 12).rstrip("\n"))


@pytest.fixture
def scenario_file(tmp_path) -> Path:
    path = tmp_path / "borrow.yaml"
    path.write_text(SCENARIO, encoding="utf-8")
    return path


