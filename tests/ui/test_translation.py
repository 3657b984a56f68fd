"""Japanese: every visible interface string of the home screen and the workbench is translated.

The walk collects what a user can read (labels, buttons, menus, tabs, headers, tool tips, combo
items) and skips widgets marked as showing data (names and prose from the scenario file). A string
counts as untranslated when, after removing proper nouns and technical names, Latin words remain.
"""
from __future__ import annotations

import html
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractButton, QAbstractItemView, QComboBox, QLabel, QLineEdit, QMenu, QTabWidget, QTreeWidget, QWidget,
)

from xviz.ui import app as app_module
from xviz.ui.main_window import MainWindow
from xviz.ui.plain import DATA_PROPERTY
from xviz.ui.world_tree import kind_label, node_label
from xviz.document.views import TreeNode

ROOT = Path(__file__).resolve().parents[2]
# Names that stay in Latin letters in Japanese too: the product, AWS terms, file formats, options.
ALLOWED = re.compile(
    r"xviz|AWS|IAM|JSON|YAML|SVG|PNG|ARN|SCPs?|RCPs?|OU|STS|CloudTrail|--lang|\*\.\w+|\.yaml|\.yml"
    r"|\\[nt]|Ctrl\+\S+|Alt\+\S+|F\d+"
    r"|\bI[DP]\b|[a-z0-9-]+:[A-Z][A-Za-z]+|[a-z]{2}-[a-z]+-\d"  # "外部 ID", IAM actions, regions
    r"|[\w.\-]*(?:/[\w.\-]+)+")  # file paths
LATIN_WORD = re.compile(r"[A-Za-z]{2,}")


def is_data(widget: QWidget) -> bool:
    while widget is not None:
        if widget.property(DATA_PROPERTY):
            return True
        widget = widget.parentWidget()
    return False


def strip_markup(text: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", text)) if text.lstrip().startswith("<") else text


def visible_texts(window: QWidget) -> list[tuple[str, str]]:
    """(where, text) for every interface string in the window, its menus and its item views."""
    found: list[tuple[str, str]] = []

    def add(where: str, text: str) -> None:
        text = strip_markup(text or "").replace("&", "")
        if text.strip():
            found.append((where, text))

    for widget in [window, *window.findChildren(QWidget)]:
        if is_data(widget):
            continue
        name = type(widget).__name__
        add(f"{name}.toolTip", widget.toolTip())
        if widget.isWindow():
            add(f"{name}.windowTitle", widget.windowTitle().replace("[*]", ""))
        if isinstance(widget, QLabel):
            add(name, widget.text())
        elif isinstance(widget, QAbstractButton):
            add(name, widget.text())
        elif isinstance(widget, QLineEdit):
            add(f"{name}.placeholder", widget.placeholderText())
        elif isinstance(widget, QComboBox):
            for i in range(widget.count()):
                add(f"{name}.item", widget.itemText(i))
        elif isinstance(widget, QTabWidget):
            for i in range(widget.count()):
                add(f"{name}.tab", widget.tabText(i))
        elif isinstance(widget, QMenu):
            add(f"{name}.title", widget.title())
            for action in widget.actions():
                add(f"{name}.action", action.text())
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            for c in range(model.columnCount()):
                add(f"{name}.header", str(model.headerData(c, Qt.Orientation.Horizontal) or ""))
            if isinstance(widget, QTreeWidget):
                data_columns = set(widget.property("xviz_data_columns") or [])
                for r in range(widget.topLevelItemCount()):
                    item = widget.topLevelItem(r)
                    for c in range(widget.columnCount()):
                        if c not in data_columns:
                            add(f"{name}.item", item.text(c))
    for action in window.menuBar().actions():
        add("menubar", action.text())
    return found


def untranslated(texts: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return [(where, text) for where, text in texts if LATIN_WORD.search(ALLOWED.sub(" ", text))]


def all_screens(window: MainWindow, scenario_file: Path) -> list[tuple[str, str]]:
    texts = visible_texts(window)
    window.open_path(str(scenario_file))
    for policy in window.workbench.view().policies:
        window.workbench.open_policy(policy.id)
    window.workbench.select("main", 1)
    texts += visible_texts(window)
    window.workbench.policy_tabs.open_policy(window.workbench.view().policies[0]).setPlainText("{ broken")
    texts += visible_texts(window)
    return texts


def test_the_walk_finds_english_text_in_english(window, scenario_file):
    """Guards the walk itself: in English it must see plenty of Latin words."""
    texts = all_screens(window, scenario_file)
    assert len(texts) > 60
    assert len(untranslated(texts)) > 50
    wheres = {where.split(".")[0] for where, _ in texts}
    assert {"QLabel", "QPushButton", "QMenu", "DiagramArea", "QTreeWidget", "QTableView", "menubar"} <= wheres


def test_nothing_is_left_untranslated_in_japanese(window, scenario_file, language):
    language("ja")
    texts = all_screens(window, scenario_file)
    assert len(texts) > 60
    bad = untranslated(texts)
    assert bad == [], "\n".join(f"{w}: {t!r}" for w, t in bad)
    assert any("ホーム" in text for _, text in texts)
    tabs = window.workbench.policy_tabs.tabs
    titles = [tabs.tabText(i) for i in range(tabs.count())]
    assert "信頼ポリシー (CrossAccountRole)" in titles
    assert "リソースベースのポリシー (shared-bucket)" in titles


def test_switching_back_to_english_restores_english(window, scenario_file, language):
    language("ja")
    language("en")
    assert window.home.scenarios_heading.text() == "Bundled scenarios"
    assert window.menuBar().actions()[0].text() == "&File"


def test_world_tree_words_and_qt_own_strings_are_translated(language, qapp):
    language("ja")
    for label in ("scps", "rcps", "services"):
        assert not LATIN_WORD.search(ALLOWED.sub(" ", node_label(TreeNode(label, "group"))))
    for kind in ("organization", "ou", "account", "user", "role", "resource", "service", "policy"):
        assert not LATIN_WORD.search(ALLOWED.sub(" ", kind_label(kind)))
    # Qt's own Japanese (dialog buttons) comes from qtbase_ja.
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "キャンセル"


def test_every_source_string_has_a_finished_translation():
    tree = ET.parse(ROOT / "assets" / "i18n" / "xviz_ja.ts")
    messages = tree.getroot().iter("message")
    unfinished = [m.findtext("source") for m in messages
                  if m.find("translation").get("type") in ("unfinished", "vanished", "obsolete")
                  or not (m.findtext("translation") or "").strip()]
    assert unfinished == []


def test_translation_source_lists_every_string_in_the_code(tmp_path):
    """lupdate on today's code finds no string that assets/i18n/xviz_ja.ts lacks."""
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in (ROOT / "xviz" / "ui").glob("*.py"))
    subprocess.run([str(lupdate), *sources, "-ts", str(fresh)], check=True, capture_output=True)

    def keys(path: Path) -> set[tuple[str, str]]:
        root = ET.parse(path).getroot()
        return {(c.findtext("name"), m.findtext("source")) for c in root.iter("context") for m in c.iter("message")}

    missing = keys(fresh) - keys(ROOT / "assets" / "i18n" / "xviz_ja.ts")
    assert missing == set(), "run assets/i18n/update.sh and translate the new strings"


def test_the_compiled_translation_is_packaged_next_to_the_code():
    assert (Path(app_module.I18N_DIR) / "xviz_ja.qm").stat().st_size > 1000
