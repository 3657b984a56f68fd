"""Reading one flowchart link (`-->`, `-.->`, `==>`, `-- text -->`, `|label|` …) at a cursor."""
from __future__ import annotations

import re
from dataclasses import dataclass

from xviz.diagram.cursor import LineCursor
from xviz.diagram.model import EdgeHead, LineStyle
from xviz.diagram.text import label_text

_HEADS = {">": EdgeHead.ARROW, "o": EdgeHead.CIRCLE, "x": EdgeHead.CROSS, "<": EdgeHead.ARROW}

# A whole link without text. Head letters `o`/`x` are checked afterwards (they must not start a word).
_FULL = re.compile(
    r"(?P<tail>[<ox])?(?:(?P<solid>-{2,})(?P<shead>[>ox])?|(?P<thick>={2,})(?P<thead>[>ox])?"
    r"|-(?P<dots>\.+)-(?P<dhead>[>ox])?|(?P<invisible>~{3,}))"
)
# The opening half of a link that carries text: `-- text -->`, `== text ==>`, `-. text .->`.
_TEXT_OPEN = re.compile(r"(?P<tail>[<ox])?(?P<open>--|==|-\.)")
_TEXT_CLOSE = {
    "--": (re.compile(r"(-{2,})([>ox])|(-{3,})"), LineStyle.SOLID),
    "==": (re.compile(r"(={2,})([>ox])|(={3,})"), LineStyle.THICK),
    "-.": (re.compile(r"(\.+)-([>ox])?"), LineStyle.DOTTED),
}


@dataclass
class Link:
    line_style: LineStyle
    head: EdgeHead
    tail: EdgeHead
    length: int
    label: str = ""


def _word_follows(cursor: LineCursor, index: int) -> bool:
    return index < len(cursor.text) and (cursor.text[index].isalnum() or cursor.text[index] == "_")


def _head(char: str | None, cursor: LineCursor, end: int) -> EdgeHead | None:
    """The head a link ends with; None when `o`/`x` really begins the next node's id."""
    if not char:
        return EdgeHead.NONE
    if char in "ox" and _word_follows(cursor, end):
        return None
    return _HEADS[char]


def _try_full(cursor: LineCursor) -> Link | None:
    found = _FULL.match(cursor.text, cursor.pos)
    if not found:
        return None
    tail = _HEADS[found["tail"]] if found["tail"] else EdgeHead.NONE
    if found["invisible"]:
        style, length, head_char = LineStyle.INVISIBLE, len(found["invisible"]) - 2, None
    elif found["dots"]:
        style, length, head_char = LineStyle.DOTTED, len(found["dots"]), found["dhead"]
    else:
        dashes = found["solid"] or found["thick"]
        style = LineStyle.SOLID if found["solid"] else LineStyle.THICK
        head_char = found["shead"] if found["solid"] else found["thead"]
        end = found.end()
        if head_char and _head(head_char, cursor, end) is None:  # `--oB`: `o` begins the next id
            head_char, end = None, end - 1
        if not head_char and len(dashes) < 3:
            return None  # `--` or `==` alone opens a link with text
        cursor.pos = end
        length = len(dashes) - 1 if head_char else len(dashes) - 2
        return Link(style, _HEADS[head_char] if head_char else EdgeHead.NONE, tail, max(length, 1))
    head = _head(head_char, cursor, found.end())
    if head is None:
        return None
    cursor.pos = found.end()
    return Link(style, head, tail, max(length, 1))


def _try_with_text(cursor: LineCursor) -> Link | None:
    opened = _TEXT_OPEN.match(cursor.text, cursor.pos)
    if not opened:
        return None
    close_re, style = _TEXT_CLOSE[opened["open"]]
    start = opened.end()
    closing = close_re.search(cursor.text, start)
    if not closing or not cursor.text[start:closing.start()].strip():
        raise cursor.error("link text is not closed", f"the rest of the link, e.g. '{opened['open']} text -->'",
                           column=opened.start() + 1)
    raw = cursor.text[start:closing.start()].strip()
    if len(raw) >= 2 and raw[0] == raw[-1] == '"':
        raw = raw[1:-1]
    head_char = closing.group(2)
    cursor.pos = closing.end()
    tail = _HEADS[opened["tail"]] if opened["tail"] else EdgeHead.NONE
    head = _HEADS[head_char] if head_char else EdgeHead.NONE
    return Link(style, head, tail, 1, label_text(raw))


def read_pipe_label(cursor: LineCursor) -> str | None:
    """`|text|` or `|"text"|` after a link (a space before the pipe is allowed)."""
    saved = cursor.pos
    cursor.skip_spaces()
    if not cursor.take("|"):
        cursor.pos = saved
        return None
    start_column = cursor.column
    cursor.skip_spaces()
    if cursor.peek() == '"':
        end_quote = cursor.text.find('"', cursor.pos + 1)
        if end_quote < 0:
            raise cursor.error("unterminated quoted link label", 'a closing "')
        raw = cursor.text[cursor.pos + 1:end_quote]
        cursor.pos = end_quote + 1
        cursor.skip_spaces()
        if not cursor.take("|"):
            raise cursor.error(f"found {cursor.found()} after the quoted link label", "'|'")
        return label_text(raw)
    end = cursor.text.find("|", cursor.pos)
    if end < 0:
        raise cursor.error("link label is not closed", "'|'", column=start_column - 1)
    raw = cursor.text[cursor.pos:end]
    cursor.pos = end + 1
    return label_text(raw.strip())


def read_link(cursor: LineCursor) -> Link | None:
    """A link at the cursor (after optional spaces), or None with the cursor unmoved."""
    saved = cursor.pos
    cursor.skip_spaces()
    link = _try_full(cursor) or _try_with_text(cursor)
    if link is None:
        cursor.pos = saved
        return None
    pipe = read_pipe_label(cursor)
    if pipe is not None:
        if link.label:
            raise cursor.error("a link has both `-- text --` and `|text|` labels", "one label")
        link.label = pipe
    return link
