"""The home screen: cards from scenario files (error cards for broken ones), recent files, drops."""
from __future__ import annotations

from PySide6.QtCore import QMimeData, Qt, QUrl

from xviz.ui.home import HomeScreen, dropped_scenario


def make_home(qtbot, settings, scenarios_dir) -> HomeScreen:
    home = HomeScreen(settings, scenarios_dir)
    qtbot.addWidget(home)
    home.resize(1400, 900)
    home.show()
    return home


def test_home_shows_a_card_per_scenario_file(qtbot, settings, scenarios_dir):
    home = make_home(qtbot, settings, scenarios_dir)
    titles = [card.title.text() for card in home.cards]
    assert titles == ["1. Borrowing a role", "2. Second", "03-broken"]
    first, second, broken = home.cards
    assert first.summary.text() == "Alice works in account A. She borrows a role in account B."
    assert first.meta.text() == "1 flow  ·  3 steps"
    assert second.meta.text().startswith("Beginner")
    assert broken.objectName() == "scenarioCardError"
    assert broken.summary.text() == "This file could not be read."
    assert "Line 2, column 8" in broken.meta.text()  # where the parser gave up
    assert broken.detail.text()  # the parser's own message
    assert home.no_scenarios.isHidden()


def test_cards_follow_the_language(qtbot, settings, scenarios_dir, language):
    home = make_home(qtbot, settings, scenarios_dir)
    language("ja")
    assert [card.title.text() for card in home.cards][:2] == ["1. ロールを借りる", "2. 二つ目"]
    assert home.cards[1].meta.text().startswith("初級")
    assert home.scenarios_heading.text() == "収録シナリオ"


def test_clicking_a_card_asks_to_open_it(qtbot, settings, scenarios_dir):
    home = make_home(qtbot, settings, scenarios_dir)
    with qtbot.waitSignal(home.open_requested) as blocker:
        qtbot.mouseClick(home.cards[0], Qt.MouseButton.LeftButton)
    assert blocker.args == [str(scenarios_dir / "01-borrow.yaml")]


def test_recent_files_are_listed_and_open(qtbot, settings, scenarios_dir):
    settings.add_recent_file("/somewhere/a.yaml")
    settings.add_recent_file("/somewhere/b.yaml")
    home = make_home(qtbot, settings, scenarios_dir)
    assert [home.recent_list.item(i).text() for i in range(home.recent_list.count())] == ["b.yaml", "a.yaml"]
    assert home.no_recent.isHidden()
    with qtbot.waitSignal(home.open_requested) as blocker:
        home.recent_list.itemActivated.emit(home.recent_list.item(1))
    assert blocker.args == ["/somewhere/a.yaml"]


def test_no_scenarios_and_no_recent_files(qtbot, settings, tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    home = make_home(qtbot, settings, empty)
    assert home.cards == []
    assert not home.no_scenarios.isHidden()
    assert not home.no_recent.isHidden()


def test_only_local_scenario_files_are_accepted_as_drops(tmp_path):
    mime = QMimeData()
    mime.setUrls([QUrl("https://example.com/x.yaml"), QUrl.fromLocalFile(str(tmp_path / "notes.txt"))])
    assert dropped_scenario(mime) is None
    mime.setUrls([QUrl.fromLocalFile(str(tmp_path / "notes.txt")), QUrl.fromLocalFile(str(tmp_path / "s.YAML"))])
    assert dropped_scenario(mime) == str(tmp_path / "s.YAML")


def test_dropping_a_scenario_file_asks_to_open_it(qtbot, settings, scenarios_dir, tmp_path):
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QDragEnterEvent, QDropEvent

    home = make_home(qtbot, settings, scenarios_dir)
    target = tmp_path / "mine.yaml"
    target.write_text("version: 1\n", encoding="utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(target))])
    enter = QDragEnterEvent(home.rect().center(), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    home.dragEnterEvent(enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(home.rect().center()), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(home.open_requested) as opened:
        home.dropEvent(drop)
    assert opened.args == [str(target)]
