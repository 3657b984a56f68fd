"""Names a learner reads, in the learner's language: accounts and OUs as {en, ja}, resource labels,
derived policy names ("X trust policy" -> "X の信頼ポリシー")."""
from __future__ import annotations

from scenario_support import load_text

from xviz.diagram.from_scenario import architecture_diagram
from xviz.explain.policy_names import derived_name, display_name
from xviz.scenario.model import display
from xviz.scenario.report import explain
from xviz.scenario.runner import run_steps

WORLD = """\
version: 1
id: names
title: {en: Names, ja: 名前}
summary: {en: Names., ja: 名前。}
world:
  organization:
    id: o-a1b2c3d4e5
    root: r-ab12
    management_account: "999999999999"
    ous:
      ou-ab12-11111111: {name: {en: Workloads, ja: ワークロード}, parent: r-ab12}
  accounts:
    "999999999999": {name: {en: Management, ja: 管理}, parent: r-ab12}
    "111111111111": {name: App, parent: ou-ab12-11111111}
  users:
    dev: {account: "111111111111"}
  roles:
    Reader:
      account: "999999999999"
      trust_policy: |
        {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
         "Principal": {"AWS": "arn:aws:iam::111111111111:root"}, "Action": "sts:AssumeRole"}]}
  resources:
    logs:
      type: s3-bucket
      account: "999999999999"
      label: {en: Central logs, ja: 中央ログ}
flows:
  main:
    title: {en: Main, ja: メイン}
    steps:
      - id: assume
        actor: {user: dev}
        action: sts:AssumeRole
        target: Reader
        params: {session_name: s1}
        narration: {en: Assume., ja: 引き受け。}
"""


def test_account_and_ou_names_follow_the_language():
    loaded = load_text(WORLD)
    ja = architecture_diagram(loaded, "ja").chart
    en = architecture_diagram(loaded, "en").chart
    labels_ja = " ".join(s.title for s in ja.subgraphs.values())
    labels_en = " ".join(s.title for s in en.subgraphs.values())
    assert "ワークロード" in labels_ja and "管理" in labels_ja and "Workloads" not in labels_ja
    assert "Workloads" in labels_en and "Management" in labels_en
    assert "App" in labels_ja  # a plain name is the same in both languages
    assert "中央ログ" in ja.nodes["res.logs"].label and "Central logs" in en.nodes["res.logs"].label


def test_display_of_plain_and_bilingual_names():
    world = load_text(WORLD).model.world
    assert display(world.accounts["111111111111"].name, "ja") == "App"
    assert display(world.organization.ous["ou-ab12-11111111"].name, "ja") == "ワークロード"


def test_derived_policy_names_read_in_japanese():
    assert display_name(derived_name("trust", "Reader"), "ja") == "Reader の信頼ポリシー"
    assert display_name(derived_name("resource", "logs"), "ja") == "logs のポリシー"
    assert display_name(derived_name("ram_share", "net"), "ja") == "RAM のリソース共有 net"
    assert display_name("session policy", "ja") == "セッションポリシー"
    assert display_name("ReadReports", "ja") == "ReadReports"  # an author's name stays as written
    assert display_name(derived_name("trust", "Reader"), "en") == "Reader trust policy"
    lines = explain(run_steps(load_text(WORLD))[0], "ja")
    assert any("Reader の信頼ポリシー" in line for line in lines)
    assert not any("trust policy" in line for line in lines)
