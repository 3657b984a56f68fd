"""Building blocks of a drawn diagram: labels drawn as real text, elements that know what they stand for."""
from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsItemGroup, QGraphicsPathItem

KIND_ROLE = 0   # QGraphicsItem.data keys
ID_ROLE = 1


def color(value: str | None, fallback: str) -> QColor:
    """A CSS colour from a chart (`#fff`, `red`, `rgb(…)`), or the theme's when absent or unreadable."""
    if value:
        text = value.strip()
        if text.lower().startswith("rgb"):
            parts = [p.strip() for p in text[text.find("(") + 1:text.rfind(")")].split(",")]
            try:
                channels = [int(float(p)) for p in parts[:3]]
                alpha = int(float(parts[3]) * 255) if len(parts) > 3 else 255
                return QColor(*channels, alpha)
            except (ValueError, IndexError):
                pass
        found = QColor(text)
        if found.isValid():
            return found
    return QColor(fallback)


def pen(stroke: QColor, width: float, dash: tuple[float, ...] | None = None) -> QPen:
    result = QPen(stroke, width)
    result.setCapStyle(Qt.PenCapStyle.FlatCap)
    result.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
    if dash:
        # Qt counts dash lengths in pen widths; charts give them in pixels.
        result.setDashPattern([max(d / max(width, 0.1), 0.1) for d in dash])
    return result


class LabelItem(QGraphicsItem):
    """Centred lines of text, optionally on a rounded background. Each line is one drawText call, so SVG
    export keeps it as searchable text."""

    def __init__(self, text: str, rect: QRectF, font: QFont, text_color: QColor,
                 background: QColor | None = None, parent: QGraphicsItem | None = None,
                 align_left: bool = False, indent: float = 0.0) -> None:
        super().__init__(parent)
        self.indent = indent   # text keeps this far from the rect's sides (a background's edge)
        self.text = text
        self.rect = QRectF(rect)
        self.font = font
        self.text_color = text_color
        self.background = background
        self.align_left = align_left

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt naming)
        return self.rect

    def set_text(self, text: str, font: QFont) -> None:
        """Other words in the same place: a label on a background grows or shrinks about its centre."""
        self.prepareGeometryChange()
        if self.background is not None:
            metrics = QFontMetricsF(font)
            width = max(metrics.horizontalAdvance(line) for line in text.split("\n")) + 2 * max(self.indent, 4)
            centre = self.rect.center()
            self.rect = QRectF(centre.x() - width / 2, self.rect.y(), width, self.rect.height())
        self.text = text
        self.update()

    def paint(self, painter: QPainter, option, widget=None) -> None:  # noqa: ARG002
        if self.background is not None:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(self.background)
            painter.drawRoundedRect(self.rect, 3, 3)
        painter.setFont(self.font)
        painter.setPen(self.text_color)
        lines = self.text.split("\n")
        line_height = painter.fontMetrics().lineSpacing()
        top = self.rect.y() + (self.rect.height() - line_height * len(lines)) / 2
        flags = (Qt.AlignmentFlag.AlignLeft if self.align_left else Qt.AlignmentFlag.AlignHCenter)
        for index, line in enumerate(lines):
            box = QRectF(self.rect.x() + self.indent, top + index * line_height,
                         self.rect.width() - 2 * self.indent, line_height)
            painter.drawText(box, int(flags | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextDontClip), line)


def title_item(text: str, rect: QRectF, font: QFont, text_color: QColor) -> LabelItem:
    """A chart's title, left-aligned; not an element (nothing to highlight or badge)."""
    title = LabelItem(text, rect, font, text_color, align_left=True)
    title.setData(KIND_ROLE, "title")
    return title


class ElementItem(QGraphicsItemGroup):
    """One thing of the chart (a node, edge, cluster, participant, message, note or block) and its parts.

    Dimming and badges act on the whole element, so its label and arrowheads follow."""

    def __init__(self, kind: str, element_id: str) -> None:
        super().__init__()
        self.kind = kind
        self.element_id = element_id
        self.badge_anchor = QPointF()
        self.badge: QGraphicsItem | None = None
        self.base_z = 0.0
        self.companions: list[QGraphicsItem] = []   # parts drawn at another depth (a cluster's title)
        self.setData(KIND_ROLE, kind)
        self.setData(ID_ROLE, element_id)
        self.setHandlesChildEvents(False)

    def set_strength(self, opacity: float) -> None:
        self.setOpacity(opacity)
        for companion in self.companions:
            companion.setOpacity(opacity)

    def add(self, item: QGraphicsItem) -> QGraphicsItem:
        self.addToGroup(item)
        return item

    def add_path(self, path: QPainterPath, outline: QPen | None, fill: QColor | None = None) -> QGraphicsPathItem:
        item = QGraphicsPathItem(path)
        item.setPen(outline if outline is not None else QPen(Qt.PenStyle.NoPen))
        item.setBrush(QBrush(fill) if fill is not None else QBrush(Qt.BrushStyle.NoBrush))
        self.addToGroup(item)
        return item


class BadgeItem(QGraphicsItem):
    """A small disc saying how a step went: a tick (allow), a cross (deny) or a dash (implicit deny)."""

    RADIUS = 9.0

    def __init__(self, status: str, fill: QColor, centre: QPointF) -> None:
        super().__init__()
        self.status = status
        self.fill = fill
        self.setPos(centre)
        self.setZValue(50)
        self.setData(KIND_ROLE, "badge")

    def boundingRect(self) -> QRectF:  # noqa: N802
        r = self.RADIUS + 1
        return QRectF(-r, -r, 2 * r, 2 * r)

    def paint(self, painter: QPainter, option, widget=None) -> None:  # noqa: ARG002
        r = self.RADIUS
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor("#ffffff"), 1.5))
        painter.setBrush(self.fill)
        painter.drawEllipse(QPointF(0, 0), r, r)
        mark = QPen(QColor("#ffffff"), 2.2)
        mark.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(mark)
        if self.status == "allow":
            painter.drawPolyline([QPointF(-4.5, 0.5), QPointF(-1.2, 3.8), QPointF(4.6, -3.6)])
        elif self.status == "deny":
            painter.drawLine(QPointF(-3.8, -3.8), QPointF(3.8, 3.8))
            painter.drawLine(QPointF(-3.8, 3.8), QPointF(3.8, -3.8))
        else:
            painter.drawLine(QPointF(-4.2, 0), QPointF(4.2, 0))
