"""The world tree: organization, OUs, accounts, principals and resources, each policy under its owner."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import QStyle, QTreeWidget, QTreeWidgetItem, QWidget

from xviz.ui.app import ui_context
from xviz.ui.catalog import pick
from xviz.ui.plain import plain_tooltip
from xviz.document.views import TreeNode

POLICY_ID_ROLE = Qt.ItemDataRole.UserRole
NODE_ROLE = Qt.ItemDataRole.UserRole + 1


def node_label(node: TreeNode) -> str:
    """Names from the file stay as written; the few words xviz itself adds are translated."""
    words = {
        ("group", "scps"): QCoreApplication.translate("WorldTree", "Service control policies (SCPs)"),
        ("group", "rcps"): QCoreApplication.translate("WorldTree", "Resource control policies (RCPs)"),
        ("group", "services"): QCoreApplication.translate("WorldTree", "AWS service principals"),
        ("policy", "trust_policy"): QCoreApplication.translate("WorldTree", "Trust policy"),
        ("policy", "policy"): QCoreApplication.translate("WorldTree", "Resource-based policy"),
    }
    if isinstance(node.label, dict):
        return pick(node.label, ui_context().language)
    return words.get((node.kind, node.label), node.label)


def kind_label(kind: str) -> str:
    return {
        "organization": QCoreApplication.translate("WorldTree", "Organization"),
        "ou": QCoreApplication.translate("WorldTree", "Organizational unit"),
        "account": QCoreApplication.translate("WorldTree", "Account"),
        "user": QCoreApplication.translate("WorldTree", "IAM user"),
        "role": QCoreApplication.translate("WorldTree", "IAM role"),
        "resource": QCoreApplication.translate("WorldTree", "Resource"),
        "service": QCoreApplication.translate("WorldTree", "AWS service"),
        "policy": QCoreApplication.translate("WorldTree", "Policy"),
        "group": "",
    }.get(kind, kind)


class WorldTree(QTreeWidget):
    """Signals:
        policy_activated(str): the id of a policy the user opened (double click or Enter).
    """

    policy_activated = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._nodes: list[TreeNode] = []
        self.setHeaderHidden(True)
        self.setUniformRowHeights(True)
        self.itemActivated.connect(self._on_activated)

    def set_tree(self, nodes: list[TreeNode]) -> None:
        self._nodes = list(nodes)
        self._rebuild()

    def _rebuild(self) -> None:
        self.clear()
        for node in self._nodes:
            self.addTopLevelItem(self._item(node))
        self.expandAll()

    def _item(self, node: TreeNode) -> QTreeWidgetItem:
        item = QTreeWidgetItem([node_label(node)])
        item.setData(0, POLICY_ID_ROLE, node.policy_id)
        item.setData(0, NODE_ROLE, node.kind)
        pixmap = {
            "policy": QStyle.StandardPixmap.SP_FileIcon,
            "organization": QStyle.StandardPixmap.SP_DirHomeIcon,
            "service": QStyle.StandardPixmap.SP_ComputerIcon,
        }.get(node.kind, QStyle.StandardPixmap.SP_DirIcon if node.children else QStyle.StandardPixmap.SP_FileLinkIcon)
        item.setIcon(0, self.style().standardIcon(pixmap))
        tip = " · ".join(t for t in (kind_label(node.kind), node.detail) if t)
        item.setToolTip(0, plain_tooltip(tip))
        for child in node.children:
            item.addChild(self._item(child))
        return item

    def _on_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        policy_id = item.data(0, POLICY_ID_ROLE)
        if policy_id:
            self.policy_activated.emit(policy_id)

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.LanguageChange:
            self._rebuild()
        super().changeEvent(event)
