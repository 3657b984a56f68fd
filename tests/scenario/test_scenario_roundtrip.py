"""Load, edit and save: unchanged files come back byte for byte, edits land in place, saves are atomic."""
from __future__ import annotations

import os
import random
import shutil

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scenario_support import BASICS_FILE, BUNDLED, bundled_ids

from xviz.scenario import ScenarioError, load, loads, replace_block_text, save_text
from xviz.scenario.textblock import is_literal_block
from xviz.scenario.yamlsource import parse_yaml

TRUST = ("world", "roles", "CrossAccountRole", "trust_policy")
FIRST = BASICS_FILE


@pytest.mark.parametrize("path", BUNDLED, ids=bundled_ids())
def test_saving_an_unchanged_bundled_scenario_writes_the_same_bytes(path, tmp_path):
    copy = tmp_path / path.name
    shutil.copyfile(path, copy)
    loaded = load(copy)
    os.unlink(copy)  # prove the bytes come from the loaded scenario, not the old file
    loaded.save()
    assert copy.read_bytes() == path.read_bytes()


def test_edited_policy_is_spliced_in_place_keeping_everything_else(tmp_path):
    copy = tmp_path / "s.yaml"
    shutil.copyfile(FIRST, copy)
    loaded = load(copy)
    new_policy = '{\n  "Version": "2012-10-17",\n  "Statement": []\n}\n'
    text = loaded.replace_policy_text(TRUST, new_policy)
    loaded.save(text=text)
    reloaded = load(copy)
    assert reloaded.policies[TRUST].text == new_policy
    assert reloaded.policies[TRUST].document == {"Version": "2012-10-17", "Statement": []}
    old_lines, new_lines = loaded.text.splitlines(), text.splitlines()
    block = loaded.policies[TRUST].block
    # Everything before the block and after it is untouched, comments included.
    assert new_lines[: block.first_line - 1] == old_lines[: block.first_line - 1]
    tail = len(old_lines) - (block.first_line - 1 + block.line_count)
    assert new_lines[-tail:] == old_lines[-tail:]
    assert "# Trusting \":root\" means trusting account A as a whole" in text
    # The new JSON is indented like the old one, and positions still point into it.
    assert new_lines[block.first_line - 1] == " " * block.indent + "{"
    assert reloaded.policies[TRUST].file_position(("Statement",)) == (block.first_line + 2, block.indent + 16)


def test_splicing_text_that_starts_with_a_space_adds_an_indentation_indicator():
    loaded = load(FIRST)
    text = loaded.replace_policy_text(TRUST, '  {"Version": "2012-10-17",\n"Statement": []}')
    assert loads(text, "x.yaml").policies[TRUST].text == '  {"Version": "2012-10-17",\n"Statement": []}\n'


def test_a_policy_inside_a_what_if_can_be_edited_too():
    loaded = load(FIRST, what_ifs=["trust-without-external-id"])
    text = loaded.replace_policy_text(TRUST, '{"Version": "2012-10-17", "Statement": []}')
    assert loads(text, "x.yaml").policies[TRUST].text != '{"Version": "2012-10-17", "Statement": []}\n'
    patched = loads(text, "x.yaml", ["trust-without-external-id"])
    assert patched.policies[TRUST].document == {"Version": "2012-10-17", "Statement": []}


def test_invalid_json_can_be_saved_as_work_in_progress_and_then_reports_its_place(tmp_path):
    copy = tmp_path / "s.yaml"
    shutil.copyfile(FIRST, copy)
    loaded = load(copy)
    loaded.save(text=loaded.replace_policy_text(TRUST, '{\n  "Version": "2012-10-17",\n  "Statement": [,]\n}'))
    with pytest.raises(ScenarioError) as info:
        load(copy)
    problem = info.value.first
    block = loaded.policies[TRUST].block
    assert problem.code == "policy_json"
    assert (problem.line, problem.column) == (block.first_line + 2, block.indent + 17)


def test_crlf_files_round_trip_and_keep_their_line_endings(tmp_path):
    crlf = FIRST.read_bytes().replace(b"\n", b"\r\n")
    path = tmp_path / "crlf.yaml"
    path.write_bytes(crlf)
    loaded = load(path)
    loaded.save()
    assert path.read_bytes() == crlf
    edited = loaded.replace_policy_text(TRUST, '{\n"Version": "2012-10-17",\n"Statement": []\n}')
    assert "\n" not in edited.replace("\r\n", "")
    assert loads(edited, "x").policies[TRUST].document["Statement"] == []


def test_atomic_save_leaves_the_old_file_whole_when_the_rename_fails(tmp_path, monkeypatch):
    path = tmp_path / "s.yaml"
    path.write_text("old content\n", encoding="utf-8")

    def failing_replace(src, dst):
        raise OSError("disk gone")

    monkeypatch.setattr(os, "replace", failing_replace)
    with pytest.raises(OSError):
        save_text(path, "new content\n")
    assert path.read_text(encoding="utf-8") == "old content\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["s.yaml"]  # no temporary file left behind


def test_atomic_save_writes_through_a_temporary_file_in_the_same_folder(tmp_path, monkeypatch):
    path = tmp_path / "s.yaml"
    seen = []
    real_replace = os.replace

    def spy(src, dst):
        seen.append((os.path.dirname(src), os.fspath(dst), open(src, encoding="utf-8").read()))
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", spy)
    save_text(path, "hello\n")
    assert seen == [(str(tmp_path), str(path), "hello\n")]
    assert path.read_text(encoding="utf-8") == "hello\n"


LINE = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\x85\u2028\u2029\ufeff",
                                     whitelist_characters="\t "), max_size=30)


WITH_POLICIES = [loaded for loaded in map(load, BUNDLED) if loaded.policies]


@settings(max_examples=80, deadline=None)
@given(st.sampled_from(WITH_POLICIES), st.data(), st.lists(LINE, min_size=1, max_size=6))
def test_any_text_spliced_into_any_policy_reads_back_exactly(loaded, data, lines):
    target = data.draw(st.sampled_from(sorted(loaded.policies)))
    new_text = "\n".join(lines)
    try:
        text = loaded.replace_policy_text(target, new_text)
    except ScenarioError as exc:  # refused rather than written wrongly
        assert exc.first.code == "splice_mismatch"
        return
    reparsed = parse_yaml(text, "x.yaml")
    node = reparsed.source_map.node(target)
    assert node.value.rstrip("\n") == new_text.rstrip("\n")
    block = loaded.policies[target].block
    old_lines, new_lines = loaded.text.splitlines(), text.splitlines()
    assert new_lines[: block.header] == old_lines[: block.header]
    tail = len(old_lines) - (block.header + 1 + block.line_count)
    assert tail == 0 or new_lines[-tail:] == old_lines[-tail:]


# --- edit, edit again, edit back: the original bytes return ---------------------------------------

def _policy_blocks(text: str) -> list[tuple]:
    """Data paths of every JSON policy block in a file's text, what-if policies included."""
    nodes = parse_yaml(text, "x.yaml").source_map.nodes
    return sorted((p for p, n in nodes.items() if is_literal_block(n) and n.value.lstrip().startswith("{")), key=str)


# Texts that need an indentation indicator in the header, or leading blank lines, or nothing at all.
AWKWARD = ["", " ", "  \n{}", "\n\n{}", " {\n}", "\t{}", "{}\n\n\n", "  indented\nnot", "{\n  \"a\": 1\n}"]


def _random_edit(rng, original: str) -> str:
    lines = original.split("\n")
    kind = rng.randrange(4)
    if kind == 0:
        return rng.choice(AWKWARD)
    if kind == 1:  # blank or space-led first line in front of the policy
        return rng.choice(["", " ", "   ", "\n"]) + "\n" + original
    if kind == 2:  # change one line
        i = rng.randrange(len(lines))
        lines[i] = rng.choice(["", "  ", lines[i].strip(), " " + lines[i], lines[i] + ","])
        return "\n".join(lines)
    return "\n".join(lines[rng.randrange(len(lines)):])  # keep a tail only


@pytest.mark.parametrize("path", [p for p in BUNDLED if _policy_blocks(p.read_text(encoding="utf-8"))],
                         ids=lambda p: p.name)
def test_random_edits_then_the_original_text_give_the_original_bytes(path):
    original = path.read_text(encoding="utf-8")
    rng = random.Random(path.name)
    for block in _policy_blocks(original):
        original_value = str(parse_yaml(original, "x.yaml").source_map.node(block).value)
        text = original
        for _ in range(4):
            try:
                text = replace_block_text(text, block, _random_edit(rng, original_value), "x.yaml")
            except ScenarioError as exc:  # refused rather than written wrongly
                assert exc.first.code == "splice_mismatch"
        assert replace_block_text(text, block, original_value, "x.yaml") == original, block


@pytest.mark.parametrize("detour", [" \n{}", "   \n\n  {}", "  {}"])
def test_a_header_indicator_added_for_a_detour_goes_away_on_the_way_back(detour):
    original = FIRST.read_text(encoding="utf-8")
    value = load(FIRST).policies[TRUST].text
    via = replace_block_text(original, TRUST, detour)
    assert "trust_policy: |2\n" in via
    assert replace_block_text(via, TRUST, value) == original


def test_an_authors_own_indentation_indicator_survives_an_unchanged_edit():
    original = FIRST.read_text(encoding="utf-8").replace("trust_policy: |\n", "trust_policy: |2\n")
    loaded = loads(original, "x.yaml")
    assert loaded.replace_policy_text(TRUST, loaded.policies[TRUST].text) == original
