"""Sequence diagram layout (our own): participant columns, one row per message, note or block line.

Pass one sets the columns so every message label fits between its two lifelines; pass two walks the items
top to bottom, giving each its row and tracking activations and block frames.
"""
from __future__ import annotations

from dataclasses import dataclass

from xviz.diagram.layout_model import (ActivationBar, BlockFrame, GroupBox, MessageRoute, NoteBox, ParticipantBox,
                                       Rect, SequenceLayout)
from xviz.diagram.measure import Measurer
from xviz.diagram.model import Activation, Block, Message, Note, SequenceDiagram, SequenceItem
from xviz.diagram.wrap import wrapped_sequence

MARGIN = 12.0
HEADER_PAD = (16.0, 10.0)
MIN_HEADER_WIDTH = 90.0
COLUMN_GAP = 40.0
ACTOR_FIGURE = 38.0
LABEL_GAP = 6.0           # between a message label and its arrow
ROW_GAP = 14.0
SELF_LOOP = (36.0, 22.0)  # width and height of a message a participant sends itself
NOTE_PAD = (10.0, 6.0)
NOTE_GAP = 10.0
ACTIVATION_WIDTH = 10.0
NESTED_SHIFT = 5.0
BLOCK_PAD = 12.0
BLOCK_NEST = 8.0
GROUP_PAD = 10.0
NUMBER_ROOM = 22.0        # room for the autonumber disc at the start of an arrow


@dataclass
class _Column:
    id: str
    width: float
    height: float
    label_size: tuple[float, float]


def _touched(items: list[SequenceItem]) -> set[str]:
    found: set[str] = set()
    for item in items:
        if isinstance(item, Message):
            found.update((item.source, item.target))
        elif isinstance(item, Note):
            found.update(item.participants)
        elif isinstance(item, Block):
            for section in item.sections:
                found |= _touched(section.items)
    return found


def _nesting(items: list[SequenceItem]) -> int:
    deepest = 0
    for item in items:
        if isinstance(item, Block):
            deepest = max(deepest, 1 + max((_nesting(s.items) for s in item.sections), default=0))
    return deepest


def _walk_leaves(items: list[SequenceItem]):
    for item in items:
        if isinstance(item, Block):
            for section in item.sections:
                yield from _walk_leaves(section.items)
        else:
            yield item


class SequenceLayouter:
    def __init__(self, diagram: SequenceDiagram, measure: Measurer) -> None:
        self.diagram = diagram
        self.measure = measure
        self.layout = SequenceLayout(width=0, height=0, title=diagram.title)
        self.index = {pid: i for i, pid in enumerate(diagram.participants)}
        self.columns: list[_Column] = []
        self.x: list[float] = []
        self.depth: dict[str, list[float]] = {pid: [] for pid in diagram.participants}  # open activation starts
        self.last_row: float = 0.0

    # ---- pass one: columns -------------------------------------------------------------------

    def _headers(self) -> None:
        for participant in self.diagram.participants.values():
            w, h = self.measure(participant.label, "participant")
            width = max(w + 2 * HEADER_PAD[0], MIN_HEADER_WIDTH)
            height = h + 2 * HEADER_PAD[1] + (ACTOR_FIGURE if participant.actor else 0.0)
            self.columns.append(_Column(participant.id, round(width, 2), round(height, 2), (w, h)))

    def _fit_box_titles(self) -> list[tuple[int, int, float]]:
        """A box's title must fit inside the box: widen its one column, or ask for room between its first and last."""
        needs: list[tuple[int, int, float]] = []
        for box in self.diagram.boxes:
            if not box.label or not box.members:
                continue
            spanned = sorted(self.index[m] for m in box.members)
            a, b = spanned[0], spanned[-1]
            room = self.measure(box.label, "cluster")[0] + 2 * (HEADER_PAD[0] - GROUP_PAD)
            if a == b:
                self.columns[a].width = round(max(self.columns[a].width, room), 2)
            else:
                needs.append((a, b, room - self.columns[a].width / 2 - self.columns[b].width / 2))
        return needs

    def _columns(self) -> None:
        box_needs = self._fit_box_titles()
        count = len(self.columns)
        gaps = [self.columns[i].width / 2 + self.columns[i + 1].width / 2 + COLUMN_GAP for i in range(count - 1)]
        left_room = self.columns[0].width / 2 if count else 0.0
        right_room = self.columns[-1].width / 2 if count else 0.0
        needs = box_needs   # (first gap, last gap + 1, distance needed)
        numbered = any(m.number is not None for m in self.diagram.messages())
        for item in _walk_leaves(self.diagram.items):
            if isinstance(item, Message):
                w, _ = self.measure(item.text, "message")
                w += NUMBER_ROOM if numbered else 0.0
                a, b = sorted((self.index[item.source], self.index[item.target]))
                if a == b:
                    need = SELF_LOOP[0] + w + 2 * LABEL_GAP
                    if a < count - 1:
                        needs.append((a, a + 1, need))
                    else:
                        right_room = max(right_room, need)
                else:
                    needs.append((a, b, w + 2 * BLOCK_PAD))
            elif isinstance(item, Note):
                w, _ = self.measure(item.text, "note")
                w += 2 * NOTE_PAD[0]
                i = self.index[item.participants[0]]
                if item.placement == "left":
                    if i == 0:
                        left_room = max(left_room, w + NOTE_GAP)
                    else:
                        needs.append((i - 1, i, w + NOTE_GAP + self.columns[i - 1].width / 2))
                elif item.placement == "right":
                    if i == count - 1:
                        right_room = max(right_room, w + NOTE_GAP)
                    else:
                        needs.append((i, i + 1, w + NOTE_GAP + self.columns[i + 1].width / 2))
                else:
                    spanned = sorted(self.index[p] for p in item.participants)
                    a, b = spanned[0], spanned[-1]
                    if a != b:
                        needs.append((a, b, w - 2 * NOTE_GAP))
                    elif a == 0:
                        left_room = max(left_room, w / 2)
                    elif a == count - 1:
                        right_room = max(right_room, w / 2)
        for first, last, need in sorted(needs, key=lambda n: (n[1] - n[0], n[0])):
            have = sum(gaps[first:last])
            if have < need:  # spread the shortfall over the gaps the label spans
                extra = (need - have) / (last - first)
                for i in range(first, last):
                    gaps[i] += extra
        depth = _nesting(self.diagram.items)
        left = MARGIN + left_room + depth * BLOCK_NEST + (GROUP_PAD if self.diagram.boxes else 0.0)
        self.x = [round(left, 2)]
        for gap in gaps:
            self.x.append(round(self.x[-1] + gap, 2))
        self.right_edge = (self.x[-1] if self.x else left) + right_room + depth * BLOCK_NEST

    # ---- pass two: rows ----------------------------------------------------------------------

    def run(self) -> SequenceLayout:
        self._headers()
        self._columns()
        top = MARGIN
        if self.diagram.title:
            tw, th = self.measure(self.diagram.title, "cluster")
            self.layout.title_rect = Rect(MARGIN, top, tw, th)
            top += th + ROW_GAP
        if self.diagram.boxes:
            top += max(self.measure(b.label or " ", "cluster")[1] for b in self.diagram.boxes) + GROUP_PAD
        header_height = max((c.height for c in self.columns), default=0.0)
        y = top + header_height + ROW_GAP * 1.5
        self.last_row = y
        y = self._items(self.diagram.items, y)
        bottom_top = y + ROW_GAP
        for column, x in zip(self.columns, self.x):
            participant = self.diagram.participants[column.id]
            head = Rect(round(x - column.width / 2, 2), round(top + header_height - column.height, 2),
                        column.width, column.height)
            foot = Rect(head.x, round(bottom_top, 2), column.width, column.height)
            self.layout.participants[column.id] = ParticipantBox(
                column.id, participant.label, participant.actor, x, head, foot,
                (round(head.bottom, 2), round(foot.y, 2)))
            for start in self.depth[column.id]:  # activations left open run to the end
                self._close_bar(column.id, start, bottom_top - ROW_GAP / 2)
        self.depth = {}
        bottom = bottom_top + header_height
        self._groups(top, bottom)
        rights = [self.right_edge] + [r.rect.right for r in self.layout.notes.values()]
        rights += [m.label_rect.right for m in self.layout.messages.values()] + [b.rect.right for b in self.layout.blocks]
        rights += [g.rect.right for g in self.layout.groups]
        if self.layout.title_rect:
            rights.append(self.layout.title_rect.right)
        self.layout.width = round(max(rights) + MARGIN, 2)
        self.layout.height = round(bottom + MARGIN + (GROUP_PAD if self.diagram.boxes else 0.0), 2)
        return self.layout

    def _items(self, items: list[SequenceItem], y: float) -> float:
        for item in items:
            if isinstance(item, Message):
                y = self._message(item, y)
            elif isinstance(item, Note):
                y = self._note(item, y)
            elif isinstance(item, Activation):
                self._activation(item)
            else:
                y = self._block(item, y)
        return y

    def _edge_x(self, participant: str, toward: float) -> float:
        """Where an arrow meets a lifeline: at the side of the outermost open activation bar."""
        x = self.x[self.index[participant]]
        open_bars = len(self.depth[participant])
        if not open_bars:
            return x
        offset = ACTIVATION_WIDTH / 2 + NESTED_SHIFT * (open_bars - 1)
        return x + offset if toward > x else x - ACTIVATION_WIDTH / 2

    def _message(self, message: Message, y: float) -> float:
        tw, th = self.measure(message.text, "message")
        arrow_y = y + th + LABEL_GAP
        xs, xt = self.x[self.index[message.source]], self.x[self.index[message.target]]
        x1 = self._edge_x(message.source, xt if xt != xs else xs + 1)
        if message.deactivate_source:
            self._pop(message.source, arrow_y)
        if message.activate_target:
            self.depth[message.target].append(arrow_y)
        x2 = self._edge_x(message.target, xs if xt != xs else xs + 1)
        loop = 0.0
        if message.source == message.target:
            loop = SELF_LOOP[1]
            label = Rect(round(x1 + SELF_LOOP[0] + LABEL_GAP, 2), round(arrow_y - th / 2, 2), tw, th)
            bottom = arrow_y + loop
        else:
            centre = (x1 + x2) / 2
            label = Rect(round(centre - tw / 2, 2), round(y, 2), tw, th)
            bottom = arrow_y
        self.layout.messages[message.id] = MessageRoute(
            message.id, message.source, message.target, message.text, round(x1, 2), round(x2, 2),
            round(arrow_y, 2), message.line_style, message.head, message.both_ends, message.number, label,
            loop_height=loop)
        self.last_row = arrow_y
        return bottom + ROW_GAP

    def _pop(self, participant: str, y: float) -> None:
        start = self.depth[participant].pop()
        self._close_bar(participant, start, y)

    def _close_bar(self, participant: str, start: float, end: float) -> None:
        level = len(self.depth[participant]) if self.depth else 0
        x = self.x[self.index[participant]] - ACTIVATION_WIDTH / 2 + NESTED_SHIFT * level
        height = max(end - start, ROW_GAP)
        self.layout.activations.append(ActivationBar(participant, Rect(round(x, 2), round(start, 2),
                                                                        ACTIVATION_WIDTH, round(height, 2))))

    def _activation(self, item: Activation) -> None:
        if item.active:
            self.depth[item.participant].append(self.last_row)
        else:
            self._pop(item.participant, self.last_row)

    def _note(self, note: Note, y: float) -> float:
        tw, th = self.measure(note.text, "note")
        width, height = tw + 2 * NOTE_PAD[0], th + 2 * NOTE_PAD[1]
        xs = sorted(self.x[self.index[p]] for p in note.participants)
        if note.placement == "left":
            x = xs[0] - NOTE_GAP - width
        elif note.placement == "right":
            x = xs[0] + NOTE_GAP
        else:
            span = xs[-1] - xs[0]
            width = max(width, span + 2 * NOTE_GAP if span else width)
            x = (xs[0] + xs[-1]) / 2 - width / 2
        self.layout.notes[note.id] = NoteBox(note.id, note.text,
                                             Rect(round(x, 2), round(y, 2), round(width, 2), round(height, 2)))
        self.last_row = y + height
        return y + height + ROW_GAP

    def _block(self, block: Block, y: float) -> float:
        touched = _touched([block]) or set(self.diagram.participants)
        columns = sorted(self.index[p] for p in touched)
        pad = BLOCK_PAD + BLOCK_NEST * _nesting([b for s in block.sections for b in s.items])
        left = self.x[columns[0]] - self.columns[columns[0]].width / 2 - pad + BLOCK_PAD
        right = self.x[columns[-1]] + self.columns[columns[-1]].width / 2 + pad - BLOCK_PAD
        top = y
        sections: list[tuple[float, str]] = []
        label_width = 0.0
        before = (len(self.layout.notes), len(self.layout.messages), len(self.layout.blocks))
        for index, section in enumerate(block.sections):
            text = self._section_label(block, index)
            tw, th = self.measure(text or " ", "block")
            label_width = max(label_width, tw + (56.0 if index == 0 else 16.0))
            sections.append((round(y, 2), section.label))
            y += th + 2 * LABEL_GAP + (ROW_GAP if index else 0.0)
            y = self._items(section.items, y)
        y += BLOCK_PAD / 2
        # A note beside a lifeline, a self message's label or an inner frame may reach past the lifelines:
        # the frame grows to hold them (the columns left room for it, see _columns).
        inside = [n.rect for n in list(self.layout.notes.values())[before[0]:]]
        inside += [m.label_rect for m in list(self.layout.messages.values())[before[1]:]]
        inside += [b.rect for b in self.layout.blocks[before[2]:]]
        left = min([left] + [r.x - BLOCK_NEST for r in inside])
        right = max([right, left + label_width] + [r.right + BLOCK_NEST for r in inside])
        self.layout.blocks.append(BlockFrame(block.id, block.kind, Rect(round(left, 2), round(top, 2),
                                                                         round(right - left, 2), round(y - top, 2)),
                                             sections, block.color))
        return y + ROW_GAP

    @staticmethod
    def _section_label(block: Block, index: int) -> str:
        label = block.sections[index].label
        return f"[{label}]" if label else ""

    def _groups(self, top: float, bottom: float) -> None:
        for box in self.diagram.boxes:
            columns = [self.layout.participants[m] for m in box.members]
            left = min(c.top.x for c in columns) - GROUP_PAD
            right = max(c.top.right for c in columns) + GROUP_PAD
            _, th = self.measure(box.label or " ", "cluster")
            y = top - th - GROUP_PAD
            self.layout.groups.append(GroupBox(box.label, Rect(round(left, 2), round(y, 2), round(right - left, 2),
                                                               round(bottom - y + GROUP_PAD, 2)), box.color))


def layout_sequence(diagram: SequenceDiagram, measure: Measurer) -> SequenceLayout:
    # Long messages, notes and names wrap (the caller's diagram stays as written).
    layout = SequenceLayouter(wrapped_sequence(diagram, measure), measure).run()
    # Blocks are listed in the order they close; drawing wants the outermost first.
    layout.blocks.sort(key=lambda b: (b.rect.y, -b.rect.height))
    return layout
