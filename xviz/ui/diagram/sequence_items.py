"""Drawing a SequenceLayout: participants and lifelines, messages, notes, activations, blocks, boxes."""
from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QPainterPath
from PySide6.QtWidgets import QGraphicsScene

from xviz.diagram.layout_model import BlockFrame, MessageRoute, ParticipantBox, SequenceLayout
from xviz.diagram.model import MessageHead, MessageLine
from xviz.diagram.sequence_layout import ACTOR_FIGURE
from xviz.ui.diagram.flow_items import qrect
from xviz.ui.diagram.items import ElementItem, LabelItem, color, pen, title_item
from xviz.ui.diagram.measurer import QtTextMeasurer
from xviz.ui.diagram.shapes import arrowhead
from xviz.ui.diagram.theme import DiagramTheme

_HEADS = {MessageHead.FILLED: "filled", MessageHead.OPEN: "open", MessageHead.CROSS: "cross"}
# A message label's background reaches a little past its text, so a lifeline it crosses stops short of the glyphs.
LABEL_HALO = (4.0, 1.0)


def add_sequence_items(scene: QGraphicsScene, layout: SequenceLayout, theme: DiagramTheme,
                       fonts: QtTextMeasurer, register) -> None:
    if layout.title and layout.title_rect is not None:
        scene.addItem(title_item(layout.title, qrect(layout.title_rect), fonts.font("cluster"), QColor(theme.text)))
    for index, group in enumerate(layout.groups):
        element = ElementItem("box", f"box:{index + 1}")
        fill = None if (group.color or "").lower() == "transparent" else color(group.color, theme.group_fill)
        if fill is not None and group.color:
            fill.setAlpha(60)
        frame = QPainterPath()
        frame.addRoundedRect(qrect(group.rect), 4, 4)
        element.add_path(frame, pen(QColor(theme.block_stroke), 1.0), fill)
        if group.label:
            title = QRectF(group.rect.x, group.rect.y + 4, group.rect.width, fonts.line_height("cluster"))
            element.add(LabelItem(group.label, title, fonts.font("cluster"), QColor(theme.text)))
        element.setZValue(-10)
        register(element)
    participants = {p.id: _participant(p, theme, fonts) for p in layout.participants.values()}
    for element in participants.values():
        register(element)
    for bar in layout.activations:
        item = participants[bar.participant].add_path(_rect_path(qrect(bar.rect)), pen(QColor(theme.node_stroke), 1.0),
                                                      QColor(theme.activation_fill))
        item.setZValue(1)
    for block in layout.blocks:
        register(_block(block, theme, fonts))
    for note in layout.notes.values():
        element = ElementItem("note", note.id)
        element.add_path(_rect_path(qrect(note.rect)), pen(QColor(theme.note_stroke), 1.0), QColor(theme.note_fill))
        element.add(LabelItem(note.text, qrect(note.rect), fonts.font("note"), QColor(theme.text)))
        element.setZValue(4)
        element.badge_anchor = QPointF(note.rect.right, note.rect.y)
        register(element)
    for message in layout.messages.values():
        register(_message(message, theme, fonts))


def _rect_path(rect: QRectF) -> QPainterPath:
    path = QPainterPath()
    path.addRect(rect)
    return path


def _participant(p: ParticipantBox, theme: DiagramTheme, fonts: QtTextMeasurer) -> ElementItem:
    element = ElementItem("participant", p.id)
    stroke = QColor(theme.node_stroke)
    lifeline = QPainterPath(QPointF(p.x, p.lifeline[0]))
    lifeline.lineTo(p.x, p.lifeline[1])
    element.add_path(lifeline, pen(QColor(theme.block_stroke), 1.0, (5.0, 4.0))).setZValue(-1)
    for rect in (p.top, p.bottom):
        r = qrect(rect)
        if p.actor:
            element.add_path(_actor_figure(r), pen(stroke, 1.6))
            label = QRectF(r.x(), r.y() + ACTOR_FIGURE, r.width(), r.height() - ACTOR_FIGURE)
        else:
            box = QPainterPath()
            box.addRoundedRect(r, 3, 3)
            element.add_path(box, pen(stroke, 1.3), QColor(theme.node_fill))
            label = r
        element.add(LabelItem(p.label, label, fonts.font("participant"), QColor(theme.text)))
    element.setZValue(3)
    element.badge_anchor = QPointF(p.top.right, p.top.y)
    return element


def _actor_figure(r: QRectF) -> QPainterPath:
    cx, top = r.center().x(), r.y() + 2
    path = QPainterPath()
    path.addEllipse(QPointF(cx, top + 6), 6, 6)
    path.moveTo(cx, top + 12)
    path.lineTo(cx, top + 24)
    path.moveTo(cx - 10, top + 16)
    path.lineTo(cx + 10, top + 16)
    path.moveTo(cx, top + 24)
    path.lineTo(cx - 8, top + 34)
    path.moveTo(cx, top + 24)
    path.lineTo(cx + 8, top + 34)
    return path


def _message(m: MessageRoute, theme: DiagramTheme, fonts: QtTextMeasurer) -> ElementItem:
    element = ElementItem("message", m.id)
    stroke = QColor(theme.edge)
    dash = (5.0, 4.0) if m.line_style is MessageLine.DOTTED else None
    start = QPointF(m.x1, m.y)
    if m.loop_height:
        right = m.x1 + 36
        end = QPointF(m.x2, m.y + m.loop_height)
        path = QPainterPath(start)
        path.lineTo(right, m.y)
        path.lineTo(right, end.y())
        path.lineTo(end)
        before_end, before_start = QPointF(right, end.y()), QPointF(right, m.y)
    else:
        end = QPointF(m.x2, m.y)
        path = QPainterPath(start)
        path.lineTo(end)
        before_end, before_start = start, end
    element.add_path(path, pen(stroke, 1.5, dash))
    kind = _HEADS.get(m.head)
    if kind:
        element.add_path(arrowhead(end, before_end, kind), pen(stroke, 1.5), stroke if kind == "filled" else None)
        if m.both_ends:
            element.add_path(arrowhead(start, before_start, kind), pen(stroke, 1.5),
                             stroke if kind == "filled" else None)
    # On a background like a flowchart edge label: a long label that spans several columns hides the lifelines
    # it crosses instead of being struck through by them.
    halo = qrect(m.label_rect).adjusted(-LABEL_HALO[0], -LABEL_HALO[1], LABEL_HALO[0], LABEL_HALO[1])
    element.add(LabelItem(m.text, halo, fonts.font("message"), QColor(theme.text),
                          QColor(theme.edge_label_background), align_left=bool(m.loop_height), indent=LABEL_HALO[0]))
    if m.number is not None:
        disc = QPainterPath()
        disc.addEllipse(start, 9, 9)
        element.add_path(disc, None, stroke)
        element.add(LabelItem(str(m.number), QRectF(start.x() - 9, start.y() - 9, 18, 18), fonts.font("number"),
                              QColor(theme.background)))
    element.setZValue(5)
    element.badge_anchor = QPointF(m.label_rect.right + 11, m.label_rect.center[1])
    return element


def _block(block: BlockFrame, theme: DiagramTheme, fonts: QtTextMeasurer) -> ElementItem:
    element = ElementItem("block", block.id)
    r = qrect(block.rect)
    stroke = QColor(theme.block_stroke)
    if block.kind == "rect":
        fill = color(block.color, theme.group_fill)
        element.add_path(_rect_path(r), None, fill)
        element.setZValue(-5)
        return element
    element.add_path(_rect_path(r), pen(stroke, 1.2))
    font = fonts.font("block")
    line = fonts.line_height("block")
    kind_width = fonts(block.kind, "block")[0] + 12
    tab = QPainterPath()
    tab.moveTo(r.x(), r.y())
    tab.lineTo(r.x() + kind_width + 6, r.y())
    tab.lineTo(r.x() + kind_width + 6, r.y() + line * 0.7)
    tab.lineTo(r.x() + kind_width, r.y() + line + 6)
    tab.lineTo(r.x(), r.y() + line + 6)
    tab.closeSubpath()
    element.add_path(tab, pen(stroke, 1.2), QColor(theme.block_label_fill))
    element.add(LabelItem(block.kind, QRectF(r.x(), r.y() + 3, kind_width, line), font, QColor(theme.text)))
    for index, (y, label) in enumerate(block.sections):
        if index:
            divider = QPainterPath(QPointF(r.x(), y))
            divider.lineTo(r.right(), y)
            element.add_path(divider, pen(stroke, 1.0, (4.0, 3.0)))
        if label:
            left = r.x() + (kind_width + 14 if index == 0 else 0)
            width = r.right() - left - (0 if index else 4)
            element.add(LabelItem(f"[{label}]", QRectF(left, y + 3, width, line), font, QColor(theme.text),
                                  align_left=index == 0))
    element.setZValue(0.5)
    element.badge_anchor = QPointF(r.right(), r.y())
    return element
