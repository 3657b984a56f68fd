"""What a snapshot shows of a scenario (no Qt), also of files that do not load, and the card reader."""
from __future__ import annotations

import pytest

from xviz.document import Document
from xviz.document.titles import actor_label
from xviz.document.views import verdict_key
from xviz.scenario import ScenarioError
from xviz.ui.catalog import join_lines, read_card, teaser


def read_scenario_view(path):
    return Document.open(path).snapshot.view


def test_view_of_a_scenario(scenario_file):
    view = read_scenario_view(scenario_file)
    assert view.problems == () and view.evaluated
    assert view.title == {"en": "Borrowing a role", "ja": "ロールを借りる"}
    kinds = {p.id: p.policy_type for p in view.policies}
    assert kinds == {
        "world.organization.scps.DenyLeave.document": "scp",
        "world.users.alice.policies.AllowAssume": "identity",
        "world.roles.CrossAccountRole.trust_policy": "trust",
        "world.resources.shared-bucket.policy": "resource",
    }
    identity = view.policy("world.users.alice.policies.AllowAssume")
    lines = scenario_file.read_text(encoding="utf-8").splitlines()
    assert lines[identity.line - 1].strip() == "{"  # where the JSON text starts in the file
    assert lines[identity.line].strip() == '"Version": "2012-10-17",'
    org = view.tree[0]
    assert org.kind == "organization"
    ou = org.children[0]
    assert (ou.kind, ou.label) == ("ou", "Workloads (ou-ab12-11111111)")
    assert ou.children[0].label == "Account A (111111111111)"
    assert [s.expected for s in view.flows[0].steps] == ["allow", "implicit_deny", "explicit_deny"]
    assert [s.verdict for s in view.flows[0].steps] == ["allow", "implicit_deny", "explicit_deny"]
    assert view.flows[0].steps[0].title == "alice → sts:AssumeRole → CrossAccountRole"


def test_broken_yaml_gives_a_problem_with_line_and_column(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text("title: ok\nworld:\n  accounts: [\n", encoding="utf-8")
    view = read_scenario_view(path)
    [problem] = view.problems
    assert problem.file == str(path)
    assert problem.line == 4 and problem.column == 1


def test_odd_shapes_never_raise(tmp_path):
    for text in ("", "- a list\n", "world: 3\nflows: [1, 2]\n", "flows: {f: {steps: [3, {actor: 1}]}}\n",
                 "world: {accounts: {1: 2}, users: {u: {account: 1, policies: {p: {not: text}}}}}\n"):
        path = tmp_path / "odd.yaml"
        path.write_text(text, encoding="utf-8")
        view = read_scenario_view(path)
        assert view.title is not None
    with pytest.raises(ScenarioError):
        Document.open(tmp_path / "none.yaml")


def test_cards_pick_the_language_and_fall_back_to_english(tmp_path):
    path = tmp_path / "s.yaml"
    path.write_text("title: {en: Title, ja: 題名}\nsummary: {en: One. Two.}\ndifficulty: 2\n", encoding="utf-8")
    assert read_card(path, "ja").title == "題名"
    assert read_card(path, "ja").summary == "One. Two."
    assert read_card(path, "en").difficulty == "2"
    path.write_text("!!python/object:os.system echo\n", encoding="utf-8")  # never runs code
    assert not read_card(path, "en").ok


def test_teaser_and_line_joining():
    assert teaser("First sentence here. " * 10, target=40).count(".") == 2
    assert join_lines("アカウント B\n（222）のバケット\nshared-bucket にある") == "アカウント B（222）のバケット shared-bucket にある"
    assert join_lines("two\nlines\n\n") == "two lines"


def test_verdict_words():
    assert verdict_key("ImplicitDeny") == "implicit_deny"
    assert verdict_key("Allow") == "allow"
    assert verdict_key("NotReached") == "not_reached"
    assert verdict_key("ValidationError") == verdict_key("InputError") == "input_error"
    assert verdict_key(None) is None
    assert verdict_key("maybe") is None


def test_actor_labels():
    assert actor_label({"user": "alice"}) == "alice"
    assert actor_label({"role": "AppRole", "session": "app"}) == "AppRole/app"
    assert actor_label({"root": "111111111111"}) == "root (111111111111)"
    assert actor_label({"service": "cloudtrail", "on_behalf_of": "222222222222"}) == "cloudtrail (222222222222)"
    assert actor_label({"anonymous": True}) == "anonymous"
    assert actor_label({"federated": "CorpIdP"}) == "CorpIdP"
    assert actor_label({}) == "?"
