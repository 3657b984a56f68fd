"""Long labels wrap at a readable width: Latin at spaces, Japanese between characters but never before closing
punctuation or small kana, nor after an opening bracket (issue 15: charts no longer one row 1,000+ wide)."""
import pytest

from xviz.diagram import layout_diagram, parse_diagram
from xviz.diagram.measure import approximate_measure
from xviz.diagram.wrap import NO_LINE_END, NO_LINE_START, WRAP_WIDTH, wrap_text

JAPANESE = ("クロスアカウントアクセスでは、信頼ポリシー（ロールを引き受けるプリンシパルを決める）と"
            "アクセス許可ポリシーの両方が許可する必要があります。")
ENGLISH = "Cross-account access needs both the trust policy and the permissions policy to allow the call"


def width(line: str) -> float:
    return approximate_measure(line, "node")[0]


def test_japanese_wraps_between_characters_within_the_width_and_keeps_kinsoku():
    lines = wrap_text(JAPANESE, approximate_measure, "node").split("\n")
    assert len(lines) >= 3 and "".join(lines) == JAPANESE
    assert all(width(line) <= WRAP_WIDTH["node"] for line in lines)
    assert not any(line[0] in NO_LINE_START for line in lines[1:])
    assert not any(line[-1] in NO_LINE_END for line in lines[:-1])


def test_latin_wraps_at_spaces_only():
    lines = wrap_text(ENGLISH, approximate_measure, "node").split("\n")
    assert len(lines) >= 3 and " ".join(lines) == ENGLISH
    assert all(width(line) <= WRAP_WIDTH["node"] for line in lines)


@pytest.mark.parametrize("text", ["short label", "arn:aws:iam::123456789012:role/an-unbreakable-role-name-that-is-long",
                                  "first line\nsecond line"])
def test_short_lines_unbreakable_words_and_author_breaks_are_kept(text):
    assert wrap_text(text, approximate_measure, "node") == text


def test_a_chart_of_long_labels_is_laid_out_with_wrapped_labels():
    chart = parse_diagram(f'flowchart LR\nA["{JAPANESE}"] -->|"{ENGLISH}"| B["{ENGLISH}"]')
    layout = layout_diagram(chart, approximate_measure)
    assert "\n" in layout.nodes["A"].label and "\n" in layout.edges["e:0"].label
    assert chart.nodes["A"].label == JAPANESE   # the chart itself keeps the author's text
    unwrapped = width(JAPANESE) + width(ENGLISH) + approximate_measure(ENGLISH, "edge")[0]
    assert layout.width < unwrapped / 2


def test_sequence_messages_and_notes_wrap_and_keep_their_ids():
    text = f"sequenceDiagram\nA->>B: {ENGLISH}\nalt long\nNote over B: {JAPANESE}\nend"
    diagram = parse_diagram(text)
    layout = layout_diagram(diagram, approximate_measure)
    message, note = layout.messages["m:1"], layout.notes["note:1"]
    assert "\n" in message.text and "\n" in note.text
    assert diagram.messages()[0].text == ENGLISH   # the diagram keeps the author's text
    assert layout.width < approximate_measure(ENGLISH, "message")[0]
