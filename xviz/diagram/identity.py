"""What makes two charts "the same drawing with other words": their shape (the ids and how they connect)
and their labels. When a what-if or an edit changes only labels, the window relabels the drawing it has
instead of laying it out again, so nothing moves under the learner's eyes. No Qt here."""
from __future__ import annotations

from xviz.diagram.model import Block, Flowchart, Message, Note, SequenceDiagram


def _sequence_items(items):
    for item in items:
        yield item
        if isinstance(item, Block):
            for section in item.sections:
                yield from _sequence_items(section.items)


def shape_of(chart) -> tuple:
    """Everything but the words: equal shapes lay out alike (labels that appear or vanish count)."""
    if isinstance(chart, Flowchart):
        return ("flow", chart.direction,
                tuple((n.id, n.parent, n.shape) for n in chart.nodes.values()),
                tuple((e.id, e.source, e.target, e.line_style, e.head, e.tail, bool(e.label)) for e in chart.edges),
                tuple((s.id, s.parent, tuple(s.members), bool(s.title)) for s in chart.subgraphs.values()),
                tuple(chart.top_level))
    if isinstance(chart, SequenceDiagram):
        items = []
        for item in _sequence_items(chart.items):
            if isinstance(item, Message):
                items.append((item.id, item.source, item.target, item.line_style, item.head, item.number))
            elif isinstance(item, Note):
                items.append((item.id, item.placement, tuple(item.participants)))
            elif isinstance(item, Block):
                items.append((item.id, item.kind, tuple(s.label for s in item.sections)))
        return ("sequence", tuple(chart.participants), tuple(items), chart.title)
    return ("other", id(chart))


def labels_of(chart) -> dict[str, str]:
    """Element id -> the words drawn on it."""
    if isinstance(chart, Flowchart):
        found = {n.id: n.label for n in chart.nodes.values()}
        found.update({e.id: e.label for e in chart.edges})
        found.update({s.id: s.title for s in chart.subgraphs.values()})
        return found
    if isinstance(chart, SequenceDiagram):
        found = {p.id: p.label for p in chart.participants.values()}
        for item in _sequence_items(chart.items):
            if isinstance(item, (Message, Note)):
                found[item.id] = item.text
        return found
    return {}
