"""Wrapping long labels at a readable width, as mermaid does (its default is 200 pixels), so a chart with long
labels does not become one row thousands of points wide.

Latin text breaks at spaces; Japanese and Chinese text may break between any two characters, except before
closing punctuation and small kana and after opening brackets (kinsoku, as Japanese typesetting does). A word
longer than the width stays whole. The author's own line breaks are kept.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import replace

from xviz.diagram.measure import Measurer
from xviz.diagram.model import Block, BlockSection, Flowchart, Message, Note, SequenceDiagram, SequenceItem

WRAP_WIDTH = {"node": 200.0, "edge": 160.0, "cluster": 320.0,   # points, per font role
              "participant": 200.0, "message": 260.0, "note": 220.0}
NO_LINE_START = set("、。，．,.:;!?！？)]}）」』】〕〉》〗〙〛・ー～ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々")
NO_LINE_END = set("([{（「『【〔〈《〖〘〚")
_TOKENS = re.compile(r"\s+|[^\s]")


def _wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in ("W", "F")


def _tokens(line: str) -> list[str]:
    """Pieces between which a line may break: a run of spaces, a wide character, or a word of narrow ones
    (with any closing punctuation stuck to it)."""
    pieces: list[str] = []
    for found in _TOKENS.finditer(line):
        piece = found.group()
        glue = pieces and not piece.isspace() and not pieces[-1].isspace() and (
            piece in NO_LINE_START or pieces[-1][-1] in NO_LINE_END
            or (not _wide(piece) and not _wide(pieces[-1][-1])))
        if glue:
            pieces[-1] += piece
        else:
            pieces.append(piece)
    return pieces


def wrap_line(line: str, measure: Measurer, role: str, width: float) -> list[str]:
    if measure(line, role)[0] <= width:
        return [line]
    lines, current = [], ""
    for piece in _tokens(line):
        trial = current + piece
        if current and not piece.isspace() and measure(trial.rstrip(), role)[0] > width:
            lines.append(current.rstrip())
            current = piece
        else:
            current = trial if current or not piece.isspace() else ""
    if current.strip():
        lines.append(current.rstrip())
    return lines


def wrap_text(text: str, measure: Measurer, role: str) -> str:
    width = WRAP_WIDTH[role]
    return "\n".join(wrapped for line in text.split("\n") for wrapped in wrap_line(line, measure, role, width))


def wrapped_chart(chart: Flowchart, measure: Measurer) -> Flowchart:
    """A copy of the chart whose labels are wrapped (the chart itself is left as it is)."""
    return replace(
        chart,
        nodes={k: replace(n, label=wrap_text(n.label, measure, "node")) for k, n in chart.nodes.items()},
        edges=[replace(e, label=wrap_text(e.label, measure, "edge")) if e.label else e for e in chart.edges],
        subgraphs={k: replace(s, title=wrap_text(s.title, measure, "cluster")) if s.title else s
                   for k, s in chart.subgraphs.items()})


def _wrapped_items(items: list[SequenceItem], measure: Measurer) -> list[SequenceItem]:
    found: list[SequenceItem] = []
    for item in items:
        if isinstance(item, Message):
            item = replace(item, text=wrap_text(item.text, measure, "message"))
        elif isinstance(item, Note):
            item = replace(item, text=wrap_text(item.text, measure, "note"))
        elif isinstance(item, Block):
            item = replace(item, sections=[BlockSection(s.label, _wrapped_items(s.items, measure)) for s in item.sections])
        found.append(item)
    return found


def wrapped_sequence(diagram: SequenceDiagram, measure: Measurer) -> SequenceDiagram:
    """A copy of the diagram whose participant names, messages and notes are wrapped (ids unchanged)."""
    return replace(
        diagram,
        participants={k: replace(p, label=wrap_text(p.label, measure, "participant"))
                      for k, p in diagram.participants.items()},
        items=_wrapped_items(diagram.items, measure))


__all__ = ["WRAP_WIDTH", "wrap_text", "wrapped_chart", "wrapped_sequence"]
