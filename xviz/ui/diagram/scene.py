"""DiagramScene: a laid-out chart as live Qt items the stepper can highlight and badge."""
from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPen
from PySide6.QtWidgets import QGraphicsPathItem, QGraphicsScene

from xviz.diagram.layout_model import FlowLayout, Layout
from xviz.ui.diagram.flow_items import add_flow_items
from xviz.ui.diagram.items import BadgeItem, ElementItem, LabelItem
from xviz.ui.diagram.measurer import QtTextMeasurer
from xviz.ui.diagram.sequence_items import add_sequence_items
from xviz.ui.diagram.theme import DiagramTheme, theme_named

DIMMED_OPACITY = 0.18
BADGE_STATUSES = ("allow", "deny", "implicit")
_CONTAINERS = ("cluster", "box", "block")  # stay behind what they hold even when highlighted
_FONT_OF = {"edge": "edge", "cluster": "cluster", "participant": "participant", "message": "message",
            "note": "note"}  # element kind -> the measurer's font for its label


class DiagramScene(QGraphicsScene):
    """Draws a FlowLayout or SequenceLayout. Every element is an ElementItem with `kind` (node, edge, cluster,
    participant, message, note, block, box) and `element_id` (the chart's id: a node id, "e:0", "m:1", …).

    Signals: none (the scene is redrawn from a new layout rather than edited in place).
    """

    def __init__(self, layout: Layout, theme: str | DiagramTheme = "light",
                 measurer: QtTextMeasurer | None = None, parent=None) -> None:
        super().__init__(parent)
        self.layout = layout
        self.theme = theme_named(theme) if isinstance(theme, str) else theme
        self.fonts = measurer or QtTextMeasurer()
        self._elements: dict[str, ElementItem] = {}
        self.setBackgroundBrush(QBrush(QColor(self.theme.background)))
        if isinstance(layout, FlowLayout):
            add_flow_items(self, layout, self.theme, self.fonts, self._register)
        else:
            add_sequence_items(self, layout, self.theme, self.fonts, self._register)
        height = layout.height
        if layout.notice:
            _, notice_height = self.fonts(layout.notice, "edge")
            notice = LabelItem(layout.notice, QRectF(8, layout.height, max(layout.width - 16, 10), notice_height),
                               self.fonts.font("edge"), QColor(self.theme.notice), align_left=True)
            notice.setData(0, "notice")
            self.addItem(notice)
            height += notice_height + 8
        self.setSceneRect(QRectF(0, 0, max(layout.width, self.fonts(layout.notice or "", "edge")[0] + 16), height))

    def _register(self, element: ElementItem) -> None:
        self.addItem(element)
        element.base_z = element.zValue()
        self._elements[element.element_id] = element

    # ---- lookup ------------------------------------------------------------------------------

    def element(self, element_id: str) -> ElementItem | None:
        return self._elements.get(element_id)

    def elements(self, kind: str | None = None) -> list[ElementItem]:
        return [e for e in self._elements.values() if kind is None or e.kind == kind]

    # ---- stepping ----------------------------------------------------------------------------

    def highlight(self, ids) -> None:
        """Show the given elements at full strength and dim everything else. Unknown ids raise KeyError."""
        wanted = set(ids)
        unknown = wanted - self._elements.keys()
        if unknown:
            raise KeyError(f"no such diagram element: {', '.join(sorted(unknown))}")
        for element_id, element in self._elements.items():
            element.set_strength(1.0 if element_id in wanted else DIMMED_OPACITY)
            lifted = element_id in wanted and element.kind not in _CONTAINERS
            element.setZValue(element.base_z + (100 if lifted else 0))

    def clear_highlight(self) -> None:
        for element in self._elements.values():
            element.set_strength(1.0)
            element.setZValue(element.base_z)

    def set_badge(self, item_id: str, status: str | None) -> None:
        """Put an allow/deny/implicit badge on an element (None removes it)."""
        element = self._elements.get(item_id)
        if element is None:
            raise KeyError(f"no such diagram element: {item_id}")
        if status is not None and status not in BADGE_STATUSES:
            raise ValueError(f"badge status must be one of {', '.join(BADGE_STATUSES)}, not {status!r}")
        if element.badge is not None:
            self.removeItem(element.badge)
            element.badge = None
        if status is None:
            return
        fill = {"allow": self.theme.badge_allow, "deny": self.theme.badge_deny,
                "implicit": self.theme.badge_implicit}[status]
        badge = BadgeItem(status, QColor(fill), element.badge_anchor)
        badge.setData(1, item_id)
        self.addItem(badge)
        element.badge = badge

    def relabel(self, element_id: str, old: str, new: str) -> bool:
        """Put other words on an element without moving anything; False when the element does not
        draw `old` (then the caller lays the chart out again)."""
        element = self._elements.get(element_id)
        if element is None:
            return False
        for item in [*element.childItems(), *element.companions]:
            if isinstance(item, LabelItem) and item.text == old:
                item.set_text(new, self.fonts.font(_FONT_OF.get(element.kind, "node")))
                return True
        return False

    def set_outcome(self, element_id: str, outcome: str | None) -> None:
        """Draw an edge as allowed (green, a tick) or denied (red, dashed, a cross: readable in greyscale
        too), or as drawn (None)."""
        element = self._elements.get(element_id)
        if element is None:
            raise KeyError(f"no such diagram element: {element_id}")
        paths = [item for item in element.childItems() if isinstance(item, QGraphicsPathItem)]
        if not hasattr(element, "drawn_pens"):
            element.drawn_pens = [(item, QPen(item.pen()), QBrush(item.brush())) for item in paths]
        for item, drawn_pen, drawn_brush in element.drawn_pens:
            item.setPen(drawn_pen)
            item.setBrush(drawn_brush)
        if outcome is None:
            self.set_badge(element_id, None)
            return
        stroke = QColor(self.theme.badge_allow if outcome == "allowed" else self.theme.badge_deny)
        for item, drawn_pen, drawn_brush in element.drawn_pens:
            outline = QPen(drawn_pen)
            outline.setColor(stroke)
            outline.setWidthF(drawn_pen.widthF() + 1.5)
            if outcome == "denied":
                outline.setStyle(Qt.PenStyle.DashLine)
            item.setPen(outline)
            if drawn_brush.style() != Qt.BrushStyle.NoBrush:
                item.setBrush(QBrush(stroke))
        self.set_badge(element_id, "allow" if outcome == "allowed" else "deny")

    def clear_badges(self) -> None:
        for element_id, element in self._elements.items():
            if element.badge is not None:
                self.set_badge(element_id, None)
