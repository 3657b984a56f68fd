"""The centre of the workbench: the architecture and sequence diagrams, zoom and pan, fit to window.

Until `xviz.ui.diagram` provides the real scenes, each tab shows a placeholder scene that says so.
The seam: `set_scene("architecture" | "sequence", scene)` with any QGraphicsScene.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QRectF, Qt, Signal
from PySide6.QtGui import QPainter, QPen
from PySide6.QtWidgets import QGraphicsScene, QGraphicsSimpleTextItem, QGraphicsView, QTabWidget, QWidget

KINDS = ("architecture", "sequence")
MIN_READABLE_SCALE = 0.5  # below this the labels of a large diagram are too small to read
# The text roles a reader must read (the step numbers in their discs are read by shape, not size).
LABEL_ROLES = ("node", "cluster", "edge", "participant", "message", "note", "block")


def header_band(scene: QGraphicsScene | None) -> QRectF | None:
    """The strip of a sequence diagram holding its participants' header boxes, in scene
    coordinates; None for other scenes."""
    participants = getattr(getattr(scene, "layout", None), "participants", None)
    if not participants:
        return None
    top = min(p.top.y for p in participants.values())
    bottom = max(p.top.bottom for p in participants.values())
    width = scene.sceneRect()
    return QRectF(width.left(), top - 4, width.width(), bottom - top + 8)


def smallest_label_px(scene: QGraphicsScene | None) -> int:
    """The pixel size of the smallest label a diagram scene draws at zoom 1; 0 when it does not say
    (a placeholder scene, or one without the diagram's fonts)."""
    fonts = getattr(scene, "fonts", None)
    if fonts is None or not hasattr(fonts, "font"):
        return 0
    return min(fonts.font(role).pixelSize() for role in LABEL_ROLES)


class DiagramView(QGraphicsView):
    """Pan with the mouse, zoom with Ctrl+wheel, fit with `fit()`; a click (not a drag) on an element
    reports its id.

    Signals:
        element_clicked(str): the `element_id` of the clicked diagram element.
    """

    element_clicked = Signal(str)

    def describe(self, chart) -> None:
        """A screen reader announces the chart by its accTitle (else its title) and accDescr."""
        self.setAccessibleName(getattr(chart, "acc_title", None) or getattr(chart, "title", None) or "")
        self.setAccessibleDescription(getattr(chart, "acc_description", None) or "")

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._press: QPoint | None = None
        self.auto_fit = True  # until the user zooms: then the view stays where they put it
        self._lit: list[QRectF] = []  # scene rects of the lit elements, kept in view when fitted
        # Presenter mode: no label may be drawn smaller than this many pixels (the body text); 0 = off.
        self.min_label_px = 0
        # After View > Fit: the whole diagram, however small (until the user zooms again).
        self.whole = False
        self.max_scale = 1.0  # the projector view magnifies a small diagram up to this
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)

    def wheelEvent(self, event) -> None:  # noqa: N802 - Qt API
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.auto_fit = False
            self._set_whole(False)
            factor = 1.15 if event.angleDelta().y() > 0 else 1 / 1.15
            self.scale(factor, factor)
        else:
            super().wheelEvent(event)

    def mousePressEvent(self, event) -> None:  # noqa: N802 - Qt API
        self._press = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().mouseReleaseEvent(event)
        pos = event.position().toPoint()
        if self._press is not None and (pos - self._press).manhattanLength() < 5:
            element_id = self.element_at(pos)
            if element_id:
                self.element_clicked.emit(element_id)
        self._press = None

    def element_at(self, pos: QPoint) -> str | None:
        """The id of the innermost diagram element under a viewport point (labels and badges included)."""
        for item in self.items(pos):
            while item is not None:
                element_id = getattr(item, "element_id", None)
                if element_id and getattr(item, "kind", "") not in ("cluster", "box", "block"):
                    return element_id
                item = item.parentItem()
        return None

    def readable_scale(self) -> float:
        """The zoom floor of `fit()`: MIN_READABLE_SCALE, raised in presenter mode until the smallest
        label is as tall as the body text (read from the back of a room, the diagram scrolls instead)."""
        label_px = smallest_label_px(self.scene())
        if self.min_label_px <= 0 or label_px <= 0:
            return MIN_READABLE_SCALE
        return max(MIN_READABLE_SCALE, self.min_label_px / label_px)

    def sticky_header(self) -> QRectF | None:
        """Presenter mode: a sequence diagram scrolled down keeps its participants' names on top
        (without them one arrow on a projector says nothing). None when there is nothing to pin."""
        return header_band(self.scene()) if self.min_label_px > 0 else None

    def drawForeground(self, painter: QPainter, rect: QRectF) -> None:  # noqa: N802 - Qt API
        super().drawForeground(painter, rect)
        band = self.sticky_header()
        shown = self.mapToScene(self.viewport().rect()).boundingRect()
        if band is None or shown.top() <= band.top():
            return
        pinned = QRectF(band.left(), shown.top(), band.width(), band.height())
        painter.fillRect(pinned, self.scene().backgroundBrush())
        self.scene().render(painter, pinned, band)
        painter.setPen(QPen(self.palette().mid().color(), 0))
        painter.drawLine(pinned.bottomLeft(), pinned.bottomRight())

    def scrollContentsBy(self, dx: int, dy: int) -> None:  # noqa: N802 - Qt API
        super().scrollContentsBy(dx, dy)
        if self.sticky_header() is not None:  # the pinned strip is not where the scrolled pixels were
            self.viewport().update()

    def _set_whole(self, whole: bool) -> None:
        """Whole: no scroll bars (a bar left over from a closer zoom would take room and shift the centre)."""
        self.whole = whole
        policy = Qt.ScrollBarPolicy.ScrollBarAlwaysOff if whole else Qt.ScrollBarPolicy.ScrollBarAsNeeded
        self.setHorizontalScrollBarPolicy(policy)
        self.setVerticalScrollBarPolicy(policy)

    def fit(self, whole: bool | None = None) -> None:
        """Show the whole diagram, but never magnify it past `max_scale` and (unless `whole`, which
        View > Fit asks for and which lasts until the next zoom) never shrink its labels past
        `readable_scale()`: then it fits the width (down to that floor) and scrolls, keeping the lit
        elements in view."""
        self.auto_fit = True
        self._set_whole(self.whole if whole is None else whole)
        scene = self.scene()
        if scene is None or scene.itemsBoundingRect().isEmpty():
            return
        self.resetTransform()
        rect = scene.itemsBoundingRect().adjusted(-20, -20, 20, 20)
        viewport = self.viewport().rect()
        floor = 0.0 if self.whole else self.readable_scale()
        scale = min(viewport.width() / rect.width(), viewport.height() / rect.height(), self.max_scale)
        clamped = scale < floor
        if clamped:  # too small to read: fit the width instead, scroll for the rest
            scale = max(min(viewport.width() / rect.width(), self.max_scale), floor)
        self.scale(scale, scale)
        self.centerOn(rect.center())
        if clamped:  # wider than the view: start where a reader starts, at the left
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().minimum())
            self._show_lit()

    def bring_into_view(self, rects: list[QRectF]) -> None:
        """Scroll so the lit elements of a diagram too large to show whole are on screen: all of them
        when they fit, else as many as fit around the last (a step's target), which is always shown.
        Fitted views only: a view the learner zoomed or panned stays where they put it."""
        self._lit = [r for r in rects if not r.isEmpty()]
        self._show_lit()

    def _show_lit(self) -> None:
        rects = self._lit
        if not self.auto_fit or not rects:
            return
        shown = self.mapToScene(self.viewport().rect()).boundingRect()
        band = self.sticky_header()
        covered = band.height() if band is not None else 0.0  # under the pinned names: not on show
        shown.setTop(shown.top() + covered)
        union = QRectF()
        for rect in rects:
            union = union.united(rect)
        if shown.contains(union):
            return
        target = rects[-1]
        x = _centre_keeping(union.center().x(), target.left(), target.right(), shown.width())
        y = _centre_keeping(union.center().y(), target.top(), target.bottom(), shown.height())
        self.centerOn(x, y - covered / 2)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        if self.auto_fit:
            self.fit()


def _centre_keeping(wanted: float, low: float, high: float, span: float) -> float:
    """The centre nearest `wanted` for a window `span` wide that still holds [low, high] with a little
    margin (scrolling moves in whole pixels), or its middle when it cannot."""
    if high - low >= span:
        return (low + high) / 2
    margin = min(16.0, (span - (high - low)) / 2)
    return min(max(wanted, high + margin - span / 2), low - margin + span / 2)


class DiagramArea(QTabWidget):
    """Signals:
        element_clicked(str, str): the diagram ("architecture" | "sequence") and the element's id.
    """

    element_clicked = Signal(str, str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.views: dict[str, DiagramView] = {}
        self._placeholders: dict[str, QGraphicsSimpleTextItem] = {}
        self._messages: dict[str, str] = {}
        for kind in KINDS:
            view = DiagramView()
            view.element_clicked.connect(lambda element_id, k=kind: self.element_clicked.emit(k, element_id))
            scene = QGraphicsScene(view)
            text = QGraphicsSimpleTextItem()  # plain text by construction
            scene.addItem(text)
            self._placeholders[kind] = text
            view.setScene(scene)
            self.views[kind] = view
            self.addTab(view, "")
        self.retranslate()

    def set_scene(self, kind: str, scene: QGraphicsScene) -> None:
        """Show a real diagram scene in place of the placeholder."""
        self._placeholders.pop(kind, None)
        self._messages.pop(kind, None)
        old = self.views[kind].scene()
        self.views[kind].setScene(scene)
        if old is not None and old is not scene and old.parent() is self.views[kind]:
            old.deleteLater()
        scene.setParent(self.views[kind])
        self.views[kind].fit()

    def show_message(self, kind: str, text: str) -> None:
        """A plain-text message in place of a diagram (e.g. why it could not be drawn)."""
        self._messages[kind] = text
        self.reset(kind)

    def reset(self, kind: str) -> None:
        """Back to the placeholder scene (a new scenario, or a diagram that failed)."""
        view = self.views[kind]
        scene = QGraphicsScene(view)
        text = QGraphicsSimpleTextItem()
        scene.addItem(text)
        self._placeholders[kind] = text
        view.setScene(scene)
        self.retranslate()

    def current_scene(self) -> QGraphicsScene | None:
        view = self.currentWidget()
        if hasattr(view, "chart_scene"):  # a page of its own charts (the scenario's source charts)
            return view.chart_scene()
        return view.scene() if isinstance(view, QGraphicsView) else None

    def has_real_scene(self, kind: str) -> bool:
        return kind not in self._placeholders

    def fit(self, whole: bool | None = None) -> None:
        """Fit every diagram; `whole=True` (View > Fit) shows each one whole, however large."""
        for view in self.views.values():
            view.fit(whole)

    def set_max_scale(self, scale: float) -> None:
        for view in self.views.values():
            view.max_scale = scale
        self.fit()

    def set_min_label_px(self, pixels: int) -> None:
        """Presenter mode: fit no diagram so small that a label is under `pixels` tall (0: off)."""
        for view in self.views.values():
            view.min_label_px = pixels
        self.fit()

    def retranslate(self) -> None:
        self.setTabText(0, self.tr("Architecture"))
        self.setTabText(1, self.tr("Sequence"))
        for kind, text in self._placeholders.items():
            text.setText(self._messages.get(kind) or self.tr("Open a scenario to see its diagrams here."))
            text.setBrush(self.palette().placeholderText())
            text.setFont(self.font())

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt API
        if event.type() in (QEvent.Type.LanguageChange, QEvent.Type.PaletteChange, QEvent.Type.FontChange):
            self.retranslate()
        super().changeEvent(event)
