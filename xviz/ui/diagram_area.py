"""The centre of the workbench: the architecture and sequence diagrams, zoom and pan, fit to window.

Until `xviz.ui.diagram` provides the real scenes, each tab shows a placeholder scene that says so.
The seam: `set_scene("architecture" | "sequence", scene)` with any QGraphicsScene.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QGraphicsScene, QGraphicsSimpleTextItem, QGraphicsView, QTabWidget, QWidget

KINDS = ("architecture", "sequence")


class DiagramView(QGraphicsView):
    """Pan with the mouse, zoom with Ctrl+wheel, fit with `fit()`."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)

    def wheelEvent(self, event) -> None:  # noqa: N802 - Qt API
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            factor = 1.15 if event.angleDelta().y() > 0 else 1 / 1.15
            self.scale(factor, factor)
        else:
            super().wheelEvent(event)

    def fit(self) -> None:
        if self.scene() is not None and not self.scene().itemsBoundingRect().isEmpty():
            self.fitInView(self.scene().itemsBoundingRect().adjusted(-20, -20, 20, 20),
                           Qt.AspectRatioMode.KeepAspectRatio)


class DiagramArea(QTabWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.views: dict[str, DiagramView] = {}
        self._placeholders: dict[str, QGraphicsSimpleTextItem] = {}
        for kind in KINDS:
            view = DiagramView()
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
        self.views[kind].setScene(scene)
        self.views[kind].fit()

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
        for text in self._placeholders.values():
            text.setText(self.tr("The diagram will be drawn here once the diagram module is connected."))
            text.setBrush(self.palette().placeholderText())
            text.setFont(self.font())

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt API
        if event.type() in (QEvent.Type.LanguageChange, QEvent.Type.PaletteChange, QEvent.Type.FontChange):
            self.retranslate()
        super().changeEvent(event)
