"""Drawing a FlowLayout: clusters, nodes, edges with their labels and heads."""
from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QPainterPath
from PySide6.QtWidgets import QGraphicsScene

from xviz.diagram.layout_model import EdgeRoute, FlowLayout, Rect
from xviz.diagram.model import EdgeHead, LineStyle
from xviz.ui.diagram.items import ElementItem, LabelItem, color, pen, title_item
from xviz.ui.diagram.measurer import QtTextMeasurer
from xviz.ui.diagram.shapes import arrowhead, node_path, text_rect
from xviz.ui.diagram.theme import DiagramTheme

CLUSTER_Z_STEP = 0.01   # times the nesting limit (xviz.diagram.flow_parser.MAX_NESTING) stays below 1
_WIDTHS = {LineStyle.SOLID: 1.5, LineStyle.DOTTED: 1.5, LineStyle.THICK: 3.5}


def qrect(rect: Rect) -> QRectF:
    return QRectF(rect.x, rect.y, rect.width, rect.height)


def add_flow_items(scene: QGraphicsScene, layout: FlowLayout, theme: DiagramTheme, fonts: QtTextMeasurer,
                   register) -> None:
    if layout.title and layout.title_rect is not None:
        scene.addItem(title_item(layout.title, qrect(layout.title_rect), fonts.font("cluster"), QColor(theme.text)))
    for cluster in sorted(layout.clusters.values(), key=lambda c: c.depth):
        element = ElementItem("cluster", cluster.id)
        style = cluster.style
        outline = pen(color(style.stroke, theme.cluster_stroke), style.stroke_width or 1.2, style.dash)
        box = QPainterPath()
        box.addRoundedRect(qrect(cluster.rect), 4, 4)
        fill = color(style.fill, theme.cluster_fill)
        element.add_path(box, outline, fill)
        if cluster.title:
            # Above the edges (on the cluster's own colour), so a link entering the cluster never strikes
            # through its title; a companion of the cluster, dimmed and lit with it.
            title = LabelItem(cluster.title, qrect(cluster.title_rect).adjusted(6, 4, -6, -4), fonts.font("cluster"),
                              color(style.color, theme.text), fill)
            title.setZValue(1.5)
            scene.addItem(title)
            element.companions.append(title)
        # Deeper clusters above shallower ones, all below the edges (z 1) and titles (z 1.5) at any depth.
        element.setZValue(-10 + cluster.depth * CLUSTER_Z_STEP)
        element.badge_anchor = QPointF(cluster.rect.right - 10, cluster.rect.y + 10)
        register(element)
    for edge in layout.edges.values():
        if edge.line_style is not LineStyle.INVISIBLE:
            register(_edge_item(edge, theme, fonts))
    for node in layout.nodes.values():
        element = ElementItem("node", node.id)
        style = node.style
        r = qrect(node.rect)
        element.add_path(node_path(node.shape, r), pen(color(style.stroke, theme.node_stroke),
                                                        style.stroke_width or 1.3, style.dash),
                         color(style.fill, theme.node_fill))
        font = fonts.font("node")
        if style.bold or style.italic:
            font = type(font)(font)
            font.setBold(bool(style.bold))
            font.setItalic(bool(style.italic))
        element.add(LabelItem(node.label, text_rect(node.shape, r), font, color(style.color, theme.text)))
        element.setZValue(2)
        element.badge_anchor = QPointF(r.right() - 2, r.top() + 2)
        register(element)


def _edge_item(edge: EdgeRoute, theme: DiagramTheme, fonts: QtTextMeasurer) -> ElementItem:
    element = ElementItem("edge", edge.id)
    style = edge.style
    stroke = color(style.stroke, theme.edge)
    width = style.stroke_width or _WIDTHS[edge.line_style]
    dash = style.dash or ((4.0, 4.0) if edge.line_style is LineStyle.DOTTED else None)
    points = [QPointF(x, y) for x, y in edge.path]
    path = QPainterPath(points[0])
    for i in range(1, len(points) - 2, 3):
        path.cubicTo(points[i], points[i + 1], points[i + 2])
    element.add_path(path, pen(stroke, width, dash))
    for head, tip, before in ((edge.head, points[-1], _previous(points, -1)),
                              (edge.tail, points[0], _previous(points, 0))):
        if head is not EdgeHead.NONE:
            size = 9.0 + (2.0 if edge.line_style is LineStyle.THICK else 0.0)
            filled = head is EdgeHead.ARROW or head is EdgeHead.CIRCLE
            element.add_path(arrowhead(tip, before, head.value, size), pen(stroke, 1.5),
                             stroke if filled else None)
    if edge.label and edge.label_rect is not None:
        element.add(LabelItem(edge.label, qrect(edge.label_rect), fonts.font("edge"),
                              color(style.color, theme.text), QColor(theme.edge_label_background)))
        element.badge_anchor = QPointF(edge.label_rect.right, edge.label_rect.y)
    else:
        mid = path.pointAtPercent(0.5)
        element.badge_anchor = QPointF(mid.x() + 12, mid.y())
    element.setZValue(1)
    return element


def _previous(points: list[QPointF], end: int) -> QPointF:
    """A point just before an end of the path that differs from it, for the arrowhead's direction."""
    tip = points[end]
    others = reversed(points[:-1]) if end == -1 else iter(points[1:])
    for point in others:
        if (point - tip).manhattanLength() > 0.5:
            return point
    return QPointF(tip.x(), tip.y() - 1)
