"""Sequence layout: columns fit labels, rows follow the author's order, activations and blocks enclose."""
from xviz.diagram import layout_diagram, parse_diagram
from xviz.diagram.measure import approximate_measure


def lay(body: str):
    return layout_diagram(parse_diagram("sequenceDiagram\n" + body), approximate_measure)


def test_columns_in_declaration_order_and_labels_fit_between_lifelines():
    layout = lay("participant A as アカウントAのユーザー\nparticipant B\nA->>B: とても長いメッセージのラベルがここに入ります")
    a, b = layout.participants["A"], layout.participants["B"]
    assert a.x < b.x
    assert a.top.right < b.top.x            # header boxes do not overlap
    message = layout.messages["m:1"]
    assert message.label_rect.x >= a.x and message.label_rect.right <= b.x
    assert message.label_rect.bottom <= message.y


def test_rows_go_down_in_author_order_and_lifelines_span_them():
    layout = lay("A->>B: one\nB-->>A: two\nA->>A: self\nNote over A,B: note")
    ys = [layout.messages[m].y for m in ("m:1", "m:2", "m:3")]
    assert ys == sorted(ys) and len(set(ys)) == 3
    note = layout.notes["note:1"]
    assert note.rect.y > ys[-1]
    assert note.rect.x <= layout.participants["A"].x and note.rect.right >= layout.participants["B"].x
    top, bottom = layout.participants["A"].lifeline
    assert top < ys[0] and bottom > note.rect.bottom
    assert layout.messages["m:3"].loop_height > 0


def test_activation_bars_cover_the_messages_between():
    layout = lay("A->>+B: call\nB->>C: ask\nB-->>-A: answer")
    (bar,) = layout.activations
    assert bar.participant == "B"
    assert bar.rect.y == layout.messages["m:1"].y and bar.rect.bottom == layout.messages["m:3"].y
    assert layout.messages["m:2"].x1 > layout.participants["B"].x   # leaves from the bar's side


def test_blocks_enclose_their_messages_and_mark_sections():
    layout = lay("A->>B: before\nalt ok\nA->>B: yes\nelse no\nloop retry\nA->>C: again\nend\nend")
    outer, inner = layout.blocks
    assert (outer.kind, inner.kind) == ("alt", "loop")
    assert outer.rect.contains(inner.rect)
    assert [label for _, label in outer.sections] == ["ok", "no"]
    yes, again = layout.messages["m:2"], layout.messages["m:3"]
    assert outer.rect.y < yes.y < outer.sections[1][0] < again.y < outer.rect.bottom
    assert layout.messages["m:1"].y < outer.rect.y


def test_boxes_surround_their_participants():
    layout = lay("box Aqua Account A\nparticipant A\nparticipant B\nend\nparticipant C\nA->>C: x")
    (group,) = layout.groups
    assert group.rect.contains(layout.participants["A"].top) and group.rect.contains(layout.participants["B"].bottom)
    assert group.rect.right < layout.participants["C"].top.x


def test_deterministic():
    body = "autonumber\nA->>+B: a\nloop x\nB-->>A: b\nend\nNote right of B: n\nB-->>-A: c"
    assert lay(body) == lay(body)
