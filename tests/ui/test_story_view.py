"""The "Story" tab: the scenario's summary and each flow's introduction, the current flow's first, in
the UI language, drawn from the snapshot; CLI commands written as indented blocks stay line for line."""
from __future__ import annotations

import pytest

from xviz.ui.story_view import story_blocks

INTRO_EN = """\
            Alice's team shares the role with a command:
              aws iam update-assume-role-policy --role-name CrossAccountRole
                --policy-document file://trust.json
            After that <b>Alice</b> may ask STS for it."""
SECOND_FLOW = """\
  audit:
    title: {en: The auditor looks, ja: 監査担当者が確認する}
    narration: {en: Nobody else reads the bucket., ja: バケットを読む人はほかにいません。}
    steps:
      - id: look
        actor: {user: alice}
        action: s3:GetObject
        target: shared-bucket
        object: a.txt
"""
MAIN_TITLE = "    title: {en: Alice borrows the role, ja: アリスがロールを借りる}\n"


@pytest.fixture
def story_file(scenario_file):
    """The test scenario with an introduction to its flow (a CLI command in it) and a second flow."""
    intro = ("    narration:\n      en: |\n" + INTRO_EN + "\n"
             "      ja: |\n            アリスのチームはコマンドでロールを共有します。\n")
    text = scenario_file.read_text(encoding="utf-8").replace(MAIN_TITLE, MAIN_TITLE + intro)
    scenario_file.write_text(text.replace("what_ifs:\n", SECOND_FLOW + "what_ifs:\n", 1), encoding="utf-8")
    return scenario_file


def test_paragraphs_are_joined_and_indented_commands_kept_line_for_line():
    blocks = story_blocks("First line\nsecond line.\n\n  aws s3 ls\n    --recursive\nThen more.\n")
    assert blocks == [("text", "First line second line."), ("code", "aws s3 ls\n  --recursive"),
                      ("text", "Then more.")]
    assert story_blocks("") == []


def test_the_story_leads_with_the_current_flows_introduction(window, story_file, language):
    window.open_path(str(story_file))
    workbench = window.workbench
    story = workbench.story
    assert workbench.diagrams.tabText(workbench.diagrams.indexOf(story)) == "Story"
    assert [f.id for f in workbench.view().flows] == ["main", "audit"]
    text = story.toPlainText()
    assert text.index("Alice's team shares") < text.index("Alice works in account A") < text.index("Nobody else")
    # The author's prose is text, never markup; the command keeps its lines.
    assert "After that <b>Alice</b> may ask" in text
    command = "aws iam update-assume-role-policy --role-name CrossAccountRole\n  --policy-document"
    assert command in text
    blocks = {}
    block = story.document().begin()
    while block.isValid():
        blocks[block.text()] = block.blockFormat().nonBreakableLines()  # <pre>: lines kept as written
        block = block.next()
    assert blocks["aws iam update-assume-role-policy --role-name CrossAccountRole"] is True
    assert blocks["Alice works in account A. She borrows a role in account B."] is False

    workbench.select("audit")
    text = story.toPlainText()
    assert text.index("Nobody else") < text.index("Alice works in account A") < text.index("Alice's team")

    language("ja")
    text = story.toPlainText()
    assert "バケットを読む人はほかにいません" in text and "アリスはアカウント A のユーザーです" in text
    assert "Nobody else" not in text
    assert workbench.diagrams.tabText(workbench.diagrams.indexOf(story)) == "ストーリー"


def test_the_story_follows_the_document(window, story_file):
    """An undoable change of the file's text (here: a flow added) is in the story at once, and gone
    again after undo: the tab reads the snapshot, nothing else."""
    window.open_path(str(story_file))
    workbench = window.workbench
    document = workbench.document()
    text = document.document.state.file_text.replace(
        "  audit:\n", "  extra:\n    title: Extra\n    narration: A third flow.\n    steps: []\n  audit:\n", 1)
    document.set_file_text(text, "test")
    assert "A third flow." in workbench.story.toPlainText()
    workbench.history.undo()
    assert "A third flow." not in workbench.story.toPlainText()
