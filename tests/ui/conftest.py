"""Fixtures for the workbench tests: isolated settings, a language switch, small scenario files."""
from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from xviz.ui.app import ui_context
from xviz.ui.settings import AppSettings

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


@pytest.fixture(autouse=True)
def _private_data_folder(tmp_path, monkeypatch):
    """Recovery copies and other app data go to a temporary folder, never the real home."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))


@pytest.fixture
def settings(tmp_path) -> AppSettings:
    return AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def language(qapp):
    """Call with "en" or "ja"; English is restored afterwards so tests do not leak a language."""
    context = ui_context()
    yield context.set_language
    context.set_language("en")


@pytest.fixture
def scenario_file(tmp_path) -> Path:
    path = tmp_path / "borrow.yaml"
    path.write_text(SCENARIO, encoding="utf-8")
    return path


@pytest.fixture
def scenarios_dir(tmp_path) -> Path:
    directory = tmp_path / "scenarios"
    directory.mkdir()
    (directory / "01-borrow.yaml").write_text(SCENARIO, encoding="utf-8")
    (directory / "02-second.yaml").write_text(
        "title: {en: Second, ja: 二つ目}\nsummary: {en: Another one., ja: もう一つ。}\ndifficulty: beginner\n",
        encoding="utf-8")
    (directory / "03-broken.yaml").write_text("title: [unclosed\nsummary: x\n", encoding="utf-8")
    (directory / "notes.txt").write_text("not a scenario", encoding="utf-8")
    return directory


@pytest.fixture
def window(qtbot, settings, scenarios_dir):
    """The main window on the test scenarios folder. Closed here, not by qtbot: qtbot's close would
    meet the modal "discard changes?" prompt of a window with edits."""
    from xviz.ui.main_window import MainWindow

    window = MainWindow(settings, scenarios_dir)
    window.resize(1400, 900)
    window.show()
    yield window
    window.setWindowModified(False)
    window.close()
    window.deleteLater()


@pytest.fixture
def scenario_window(window, scenario_file):
    """The main window with the test scenario open."""
    window.open_path(str(scenario_file))
    return window
