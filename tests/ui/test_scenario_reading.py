"""The raw scenario reader and the card reader (no Qt): what they show and how they fail."""
from __future__ import annotations

from xviz.ui.catalog import join_lines, read_card, teaser
from xviz.ui.raw_scenario import actor_label, read_scenario_view
from xviz.ui.view_model import verdict_from_expect


def test_view_of_a_scenario(scenario_file):
    view = read_scenario_view(scenario_file)
    assert view.problems == []
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
    missing = read_scenario_view(tmp_path / "none.yaml")
    assert missing.problems and missing.problems[0].line is None


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


def test_expect_words():
    assert verdict_from_expect("ImplicitDeny") == "implicit_deny"
    assert verdict_from_expect("Allow") == "allow"
    assert verdict_from_expect(None) is None
    assert verdict_from_expect("maybe") is None


def test_actor_labels():
    assert actor_label({"user": "alice"}) == "alice"
    assert actor_label({"role": "AppRole", "session": "app"}) == "AppRole/app"
    assert actor_label({"root": "111111111111"}) == "root (111111111111)"
    assert actor_label({"service": "cloudtrail", "on_behalf_of": "222222222222"}) == "cloudtrail (222222222222)"
    assert actor_label({"anonymous": True}) == "anonymous"
    assert actor_label({}) == "?"
