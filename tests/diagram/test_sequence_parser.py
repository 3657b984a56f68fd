"""Sequence diagram parsing: participants, boxes, arrows, notes, activations, blocks, numbering."""
import pytest

from xviz.diagram import parse_diagram
from xviz.diagram.model import Activation, Block, Message, MessageHead, MessageLine, Note


def seq(body: str):
    return parse_diagram("sequenceDiagram\n" + body)


@pytest.mark.parametrize("arrow, line, head, both", [
    ("->>", MessageLine.SOLID, MessageHead.FILLED, False), ("-->>", MessageLine.DOTTED, MessageHead.FILLED, False),
    ("->", MessageLine.SOLID, MessageHead.NONE, False), ("-->", MessageLine.DOTTED, MessageHead.NONE, False),
    ("-x", MessageLine.SOLID, MessageHead.CROSS, False), ("--x", MessageLine.DOTTED, MessageHead.CROSS, False),
    ("-)", MessageLine.SOLID, MessageHead.OPEN, False), ("--)", MessageLine.DOTTED, MessageHead.OPEN, False),
    ("<<->>", MessageLine.SOLID, MessageHead.FILLED, True), ("<<-->>", MessageLine.DOTTED, MessageHead.FILLED, True),
])
def test_every_arrow_kind(arrow, line, head, both):
    message = seq(f"A{arrow}B: hello").items[0]
    assert (message.source, message.target, message.text) == ("A", "B", "hello")
    assert (message.line_style, message.head, message.both_ends) == (line, head, both)


def test_participants_actors_aliases_and_implicit_ones():
    diagram = seq("actor U as 利用者\nparticipant STS as AWS STS\nU->>STS: hi\nSTS->>Other: on")
    assert [(p.id, p.label, p.actor) for p in diagram.participants.values()] == [
        ("U", "利用者", True), ("STS", "AWS STS", False), ("Other", "Other", False)]


def test_boxes_group_participants():
    diagram = seq("box rgb(200,220,255) Account A\nparticipant U\nend\nbox Account B\nparticipant R\nend\nU->>R: x")
    assert [(b.label, b.color, b.members) for b in diagram.boxes] == [
        ("Account A", "rgb(200,220,255)", ["U"]), ("Account B", None, ["R"])]
    assert diagram.participants["R"].box == 1
    assert seq("box Aqua Group\nparticipant A\nend").boxes[0].color == "Aqua"


def test_autonumber_start_step_and_off():
    diagram = seq("autonumber 10 5\nA->>B: a\nB->>A: b\nautonumber off\nA->>B: c")
    assert [m.number for m in diagram.messages()] == [10, 15, None]
    assert [m.id for m in diagram.messages()] == ["m:1", "m:2", "m:3"]


def test_notes():
    diagram = seq("A->>B: x\nNote left of A: l\nnote right of B: r\nNote over A,B: both\nNote over A: one")
    notes = [i for i in diagram.items if isinstance(i, Note)]
    assert [(n.placement, n.participants, n.text) for n in notes] == [
        ("left", ["A"], "l"), ("right", ["B"], "r"), ("over", ["A", "B"], "both"), ("over", ["A"], "one")]


def test_activations_by_statement_and_by_plus_minus():
    diagram = seq("A->>+B: call\nactivate A\nB-->>-A: back\ndeactivate A")
    first, act, back, deact = diagram.items
    assert first.activate_target and back.deactivate_source
    assert isinstance(act, Activation) and act.active and not deact.active


@pytest.mark.parametrize("kind, split", [("alt", "else"), ("par", "and"), ("critical", "option")])
def test_blocks_with_sections(kind, split):
    diagram = seq(f"{kind} first\nA->>B: one\n{split} second\nB->>A: two\nend")
    block = diagram.items[0]
    assert isinstance(block, Block) and block.kind == kind
    assert [s.label for s in block.sections] == ["first", "second"]
    assert [len(s.items) for s in block.sections] == [1, 1]


@pytest.mark.parametrize("kind", ["opt", "loop", "break"])
def test_single_section_blocks_nest(kind):
    diagram = seq(f"loop outer\n{kind} inner\nA->>B: x\nend\nend")
    outer = diagram.items[0]
    inner = outer.sections[0].items[0]
    assert (outer.kind, inner.kind, inner.label) == ("loop", kind, "inner")
    assert isinstance(inner.sections[0].items[0], Message)


def test_rect_block_keeps_colour():
    block = seq("rect rgb(191, 223, 255)\nA->>B: x\nend").items[0]
    assert (block.kind, block.color) == ("rect", "rgb(191, 223, 255)")


def test_message_text_breaks():
    assert seq("A->>B: one<br/>two").items[0].text == "one\ntwo"
