"""The centre of the workbench: the architecture and sequence diagrams, zoom and pan, fit to window.

Until `xviz.ui.diagram` provides the real scenes, each tab shows a placeholder scene that says so.
The seam: `set_scene("architecture" | "sequence", scene)` with any QGraphicsScene.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QRectF, Qt, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QGraphicsScene, QGraphicsSimpleTextItem, QGraphicsView, QTabWidget, QWidget

KINDS = ("architecture", "sequence")
MIN_READABLE_SCALE = 0.5  # below this the labels of a large diagram are too small for a projector


class DiagramView(QGraphicsView):
    """Pan with the mouse, zoom with Ctrl+wheel, fit with `fit()`; a click (not a drag) on an element
    reports its id.

    Signals:
        element_clicked(str): the `element_id` of the clicked diagram element.
    """

    element_clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._press: QPoint | None = None
        self.auto_fit = True  # until the user zooms: then the view stays where they put it
        self._lit: list[QRectF] = []  # scene rects of the lit elements, kept in view when fitted
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)

    def wheelEvent(self, event) -> None:  # noqa: N802 - Qt API
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.auto_fit = False
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

    def fit(self) -> None:
        """Show the whole diagram, but never magnify it past its natural size (text would blur) and
        never shrink its labels past reading on a projector: then it fits the width and scrolls."""
        self.auto_fit = True
        scene = self.scene()
        if scene is None or scene.itemsBoundingRect().isEmpty():
            return
        self.resetTransform()
        rect = scene.itemsBoundingRect().adjusted(-20, -20, 20, 20)
        viewport = self.viewport().rect()
        scale = min(viewport.width() / rect.width(), viewport.height() / rect.height(), 1.0)
        clamped = scale < MIN_READABLE_SCALE
        if clamped:  # too small to read: fit the width instead, scroll for the rest
            scale = max(min(viewport.width() / rect.width(), 1.0), MIN_READABLE_SCALE)
        self.scale(scale, scale)
        self.centerOn(rect.center())
        if clamped:  # wider than the view: start where a reader starts, at the left
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().minimum())
            self._show_lit()

    def bring_into_view(self, rects: list[QRectF]) -> None:
        """Scroll so the lit elements of a diagram too large to show whole are on screen: all of them
        when they fit, else the last (a step's target). Fitted views only: a view the learner zoomed
        or panned stays where they put it."""
        self._lit = [r for r in rects if not r.isEmpty()]
        self._show_lit()

    def _show_lit(self) -> None:
        rects = self._lit
        if not self.auto_fit or not rects:
            return
        shown = self.mapToScene(self.viewport().rect()).boundingRect()
        union = QRectF()
        for rect in rects:
            union = union.united(rect)
        if shown.contains(union):
            return
        fits = union.width() <= shown.width() and union.height() <= shown.height()
        self.centerOn((union if fits else rects[-1]).center())

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        if self.auto_fit:
            self.fit()


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
        return view.scene() if isinstance(view, QGraphicsView) else None

    def has_real_scene(self, kind: str) -> bool:
        return kind not in self._placeholders

    def fit(self) -> None:
        for view in self.views.values():
            view.fit()

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
