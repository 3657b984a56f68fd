"""Parser for mermaid `sequenceDiagram` charts (the subset listed in issue 4)."""
from __future__ import annotations

import re

from xviz.diagram.chart_meta import Accessibility, statement_lines
from xviz.diagram.cursor import strip_comment
from xviz.diagram.errors import DiagramError, DiagramWarning
from xviz.diagram.flow_shapes import closing_brace, read_shape_data
from xviz.diagram.model import (Activation, Block, BlockSection, Box, Message, MessageHead, MessageLine, Note,
                                Participant, SequenceDiagram, SequenceItem)
from xviz.diagram.text import label_text
from xviz.files.limits import MAX_CHART_NESTING

HEADER = re.compile(r"^\s*sequenceDiagram\s*;?\s*$")

_ID = r"[^\s,;:+<>()\-]+(?:-(?![->x)\-])[^\s,;:+<>()\-]+)*"
_PARTICIPANT = re.compile(rf"^(?P<kind>participant|actor)\s+(?P<id>{_ID})(?:\s+as\s+(?P<label>.+?))?\s*;?$")
# Longest arrows first, so `-->>` is not read as `-->` plus `>`.
_ARROWS: dict[str, tuple[MessageLine, MessageHead, bool]] = {
    "<<-->>": (MessageLine.DOTTED, MessageHead.FILLED, True),
    "<<->>": (MessageLine.SOLID, MessageHead.FILLED, True),
    "-->>": (MessageLine.DOTTED, MessageHead.FILLED, False),
    "->>": (MessageLine.SOLID, MessageHead.FILLED, False),
    "--x": (MessageLine.DOTTED, MessageHead.CROSS, False),
    "--)": (MessageLine.DOTTED, MessageHead.OPEN, False),
    "-->": (MessageLine.DOTTED, MessageHead.NONE, False),
    "-x": (MessageLine.SOLID, MessageHead.CROSS, False),
    "-)": (MessageLine.SOLID, MessageHead.OPEN, False),
    "->": (MessageLine.SOLID, MessageHead.NONE, False),
}
_ARROW_RE = "|".join(re.escape(a) for a in _ARROWS)
_MESSAGE = re.compile(rf"^(?P<src>{_ID})\s*(?P<arrow>{_ARROW_RE})\s*(?P<mod>[+-])?\s*(?P<dst>{_ID})\s*")
_NOTE = re.compile(rf"^(?i:note)\s+(?P<place>(?i:left of|right of|over))\s+(?P<ids>{_ID}(?:\s*,\s*{_ID})?)\s*")
_ACTIVATION = re.compile(rf"^(?P<word>activate|deactivate)\s+(?P<id>{_ID})\s*;?$")
_AUTONUMBER = re.compile(r"^autonumber(?:\s+(?P<off>off)|\s+(?P<start>\d+)(?:\s+(?P<step>\d+))?)?\s*;?$")
_BLOCK_OPEN = re.compile(r"^(?P<kind>loop|alt|opt|par|critical|break|rect)\b\s*(?P<label>.*?)\s*;?$")
_BLOCK_SPLIT = re.compile(r"^(?P<kind>else|and|option)\b\s*(?P<label>.*?)\s*;?$")
_BOX = re.compile(r"^box\b\s*(?P<rest>.*?)\s*;?$")
_COLOR = re.compile(r"^(rgba?\([^)]*\)|hsla?\([^)]*\)|#[0-9a-fA-F]{3,8})\s*")
_NAMED_COLORS = {
    "aqua", "black", "blue", "fuchsia", "gray", "grey", "green", "lime", "maroon", "navy", "olive", "orange",
    "purple", "red", "silver", "teal", "white", "yellow", "pink", "beige", "ivory", "lavender", "wheat", "khaki",
    "gold", "coral", "salmon", "tan", "azure", "transparent", "lightblue", "lightgreen", "lightyellow",
    "lightgrey", "lightgray", "lightpink", "lightcyan", "aliceblue", "honeydew", "mintcream", "whitesmoke",
    "gainsboro", "lavenderblush", "seashell", "linen", "oldlace", "snow", "cornsilk", "lemonchiffon",
}
_SPLITS = {"else": "alt", "and": "par", "option": "critical"}
# Read and left out, with a warning: xviz draws every participant from the top, and has no menus.
_IGNORED = re.compile(r"^(?P<word>destroy|links?|properties|details)\b")
_CREATE = re.compile(r"^create\s+(?=(participant|actor)\b)")
_SHAPE_DATA = re.compile(r"^(?P<head>(participant|actor)\s+[^\s@]+)@\{")
# A `;` ends a statement, as in mermaid, unless it closes an entity such as #59; (a literal semicolon).
_STATEMENT_END = re.compile(r"#\w+;|;")


class SequenceParser:
    def __init__(self) -> None:
        self.diagram = SequenceDiagram()
        self.blocks: list[Block] = []
        self.box: Box | None = None
        self.numbering: tuple[int, int] | None = None  # (next number, step) while autonumber is on
        self.active: dict[str, int] = {}
        self.note_count = 0
        self.message_count = 0
        self.block_count = 0

    def parse(self, lines: list[str], header_index: int) -> SequenceDiagram:
        accessibility = Accessibility()
        for index, line in statement_lines(lines, header_index + 1, accessibility):
            raw = strip_comment(line)
            start = 0
            for found in [*(f for f in _STATEMENT_END.finditer(raw) if f.group() == ";"), None]:
                end = found.start() if found else len(raw)
                piece = raw[start:end]
                text = piece.strip()
                if text:
                    self._statement(text, index + 1, start + len(piece) - len(piece.lstrip()) + 1)
                start = end + 1
        self.diagram.acc_title, self.diagram.acc_description = accessibility.title, accessibility.description
        if self.box is not None:
            raise DiagramError(f"box {self.box.label!r} is never closed", self.box.line, 1, "'end'")
        if self.blocks:
            block = self.blocks[-1]
            raise DiagramError(f"{block.kind} block is never closed", block.line, block.column, "'end'")
        return self.diagram

    # ---- statements --------------------------------------------------------------------------

    def _warn(self, message: str, line: int, column: int) -> None:
        self.diagram.warnings.append(DiagramWarning(message, line, column))

    def _statement(self, text: str, line: int, column: int) -> None:
        ignored = _IGNORED.match(text)
        if ignored:
            why = ("xviz draws every participant for the whole diagram" if ignored["word"] == "destroy"
                   else "xviz draws no participant menus")
            self._warn(f"'{ignored['word']}' is ignored: {why}", line, column)
            return
        created = _CREATE.match(text)
        if created:
            self._warn("'create' is drawn as a participant from the top of the diagram", line, column)
            text, column = text[created.end():], column + created.end()
        shaped = _SHAPE_DATA.match(text)
        if shaped:
            text = self._participant_data(text, shaped, line, column)
        if text.rstrip(";").strip() == "end":
            self._end(line, column)
            return
        if self.box is not None and not _PARTICIPANT.match(text):
            raise DiagramError("only participants can stand inside a box", line, column,
                               "participant, actor or end")
        for handler in (self._participant, self._message, self._note, self._activation, self._autonumber,
                        self._box, self._block_open, self._block_split, self._title):
            if handler(text, line, column):
                return
        raise DiagramError(f"cannot read {text[:30]!r}", line, column,
                           "a message such as A->>B: text, participant, Note, activate, a block or end")

    def _participant_data(self, text: str, shaped: re.Match[str], line: int, column: int) -> str:
        """`participant A@{ "type": "database" }` (mermaid 11): an actor type draws a figure; other types a box."""
        start = shaped.end() - 1
        end = closing_brace(text, start)
        if end < 0:
            raise DiagramError("the participant's data is not closed", line, column + start, "'}'")
        data = read_shape_data(text[start + 1:end], line, column + start)
        kind = "actor" if str(data.get("type", "")).lower() == "actor" else text.split()[0]
        if data.get("type") and kind != "actor":
            self._warn(f"participant type {data['type']!r} is drawn as a box", line, column + start)
        for key in data:
            if key not in ("type", "alias"):
                self._warn(f"participant data {key!r} is not drawn", line, column + start)
        alias = f" as {data['alias']}" if data.get("alias") and " as " not in text[end + 1:] else ""
        return kind + shaped["head"][len(text.split()[0]):] + text[end + 1:] + alias

    def _add(self, item: SequenceItem) -> None:
        if self.blocks:
            self.blocks[-1].sections[-1].items.append(item)
        else:
            self.diagram.items.append(item)

    def _participant_for(self, participant_id: str, line: int, column: int) -> Participant:
        found = self.diagram.participants.get(participant_id)
        if found is None:
            found = Participant(participant_id, participant_id, line=line, column=column)
            self.diagram.participants[participant_id] = found
        return found

    def _participant(self, text: str, line: int, column: int) -> bool:
        found = _PARTICIPANT.match(text)
        if not found:
            return False
        if found["id"] in self.diagram.participants:
            raise DiagramError(f"participant {found['id']!r} is declared twice (or after its first message)",
                               line, column + found.start("id"), "a new participant id")
        participant = self._participant_for(found["id"], line, column + found.start("id"))
        participant.actor = found["kind"] == "actor"
        if found["label"]:
            participant.label = label_text(found["label"])
        if self.box is not None:
            participant.box = len(self.diagram.boxes) - 1
            self.box.members.append(participant.id)
        return True

    def _message(self, text: str, line: int, column: int) -> bool:
        found = _MESSAGE.match(text)
        if not found:
            return False
        rest = text[found.end():]
        if not rest.startswith(":"):
            raise DiagramError(f"found {rest[:12]!r} after the message target" if rest else "a message needs text",
                               line, column + found.end(), "':' and the message text")
        source = self._participant_for(found["src"], line, column).id
        target = self._participant_for(found["dst"], line, column + found.start("dst")).id
        line_style, head, both = _ARROWS[found["arrow"]]
        number = None
        if self.numbering is not None:
            number, step = self.numbering
            self.numbering = (number + step, step)
        self.message_count += 1
        message = Message(id=f"m:{self.message_count}", source=source, target=target,
                          text=label_text(rest[1:].rstrip(";").strip()), line_style=line_style, head=head,
                          both_ends=both, number=number, activate_target=found["mod"] == "+",
                          deactivate_source=found["mod"] == "-", line=line, column=column)
        if message.deactivate_source:
            self._change_activation(source, False, line, column + found.start("mod"))
        if message.activate_target:
            self._change_activation(target, True, line, column + found.start("mod"))
        self._add(message)
        return True

    def _change_activation(self, participant: str, active: bool, line: int, column: int) -> None:
        depth = self.active.get(participant, 0)
        if not active and depth == 0:
            raise DiagramError(f"{participant!r} is deactivated but not active", line, column,
                               f"'activate {participant}' earlier")
        self.active[participant] = depth + (1 if active else -1)

    def _note(self, text: str, line: int, column: int) -> bool:
        found = _NOTE.match(text)
        if not found:
            if re.match(r"^(?i:note)\b", text):
                raise DiagramError("cannot read this note", line, column,
                                   "Note left of A: text, Note right of A: text or Note over A,B: text")
            return False
        rest = text[found.end():]
        if not rest.startswith(":"):
            raise DiagramError("a note needs text", line, column + found.end(), "':' and the note text")
        ids = [part.strip() for part in found["ids"].split(",")]
        place = found["place"].lower().split()[0]
        if place != "over" and len(ids) > 1:
            raise DiagramError(f"'{found['place']}' takes one participant", line, column + found.start("ids"),
                               "a single participant (use 'over A,B' to span two)")
        for participant_id in ids:
            self._participant_for(participant_id, line, column + found.start("ids"))
        self.note_count += 1
        self._add(Note(id=f"note:{self.note_count}", placement=place, participants=ids,
                       text=label_text(rest[1:].rstrip(";").strip()), line=line, column=column))
        return True

    def _activation(self, text: str, line: int, column: int) -> bool:
        found = _ACTIVATION.match(text)
        if not found:
            return False
        participant = self._participant_for(found["id"], line, column + found.start("id")).id
        active = found["word"] == "activate"
        self._change_activation(participant, active, line, column)
        self._add(Activation(participant, active, line=line, column=column))
        return True

    def _autonumber(self, text: str, line: int, column: int) -> bool:
        found = _AUTONUMBER.match(text)
        if not found:
            return False
        if found["off"]:
            self.numbering = None
        else:
            self.numbering = (int(found["start"] or 1), int(found["step"] or 1))
        return True

    def _box(self, text: str, line: int, column: int) -> bool:
        found = _BOX.match(text)
        if not found:
            return False
        if self.blocks:
            raise DiagramError("a box cannot stand inside a block", line, column, "a message, note or end")
        rest = found["rest"]
        color = None
        colored = _COLOR.match(rest)
        if colored:
            color, rest = colored.group(1), rest[colored.end():]
        else:
            first, _, after = rest.partition(" ")
            if first.lower() in _NAMED_COLORS:
                color, rest = first, after
        self.box = Box(label=label_text(rest.strip()), color=color, line=line)
        self.diagram.boxes.append(self.box)
        return True

    def _block_open(self, text: str, line: int, column: int) -> bool:
        found = _BLOCK_OPEN.match(text)
        if not found:
            return False
        kind, label = found["kind"], found["label"]
        color = None
        if kind == "rect":
            color, label = label or None, ""
            if color is None:
                raise DiagramError("rect needs a colour", line, column + 4, "a colour such as rgb(200, 220, 255)")
        if len(self.blocks) >= MAX_CHART_NESTING:
            raise DiagramError(f"blocks are nested more than {MAX_CHART_NESTING} deep", line, column,
                               "'end' for an open block")
        self.block_count += 1
        block = Block(id=f"block:{self.block_count}", kind=kind, sections=[BlockSection(label_text(label))],
                      color=color, line=line, column=column)
        self._add(block)
        self.blocks.append(block)
        return True

    def _block_split(self, text: str, line: int, column: int) -> bool:
        found = _BLOCK_SPLIT.match(text)
        if not found:
            return False
        word = found["kind"]
        owner = _SPLITS[word]
        if not self.blocks or self.blocks[-1].kind != owner:
            raise DiagramError(f"'{word}' outside an '{owner}' block", line, column, f"an open '{owner}' block")
        self.blocks[-1].sections.append(BlockSection(label_text(found["label"])))
        return True

    def _title(self, text: str, line: int, column: int) -> bool:
        found = re.match(r"^title\s*:?\s*(?P<title>.+)$", text)
        if not found:
            return False
        self.diagram.title = label_text(found["title"].strip())
        return True

    def _end(self, line: int, column: int) -> None:
        if self.box is not None:
            if not self.box.members:
                raise DiagramError(f"box {self.box.label!r} holds no participant", line, column,
                                   "participant lines before 'end'")
            self.box = None
        elif self.blocks:
            self.blocks.pop()
        else:
            raise DiagramError("'end' without an open block or box", line, column, "a statement")
