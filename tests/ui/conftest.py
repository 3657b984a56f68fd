"""Fixtures for the workbench tests: isolated settings, a language switch, small scenario files."""
from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from xviz.ui.app import ui_context
from xviz.ui.settings import AppSettings

@pytest.fixture(autouse=True)
def _private_data_folder(tmp_path, monkeypatch):
    """Recovery copies and other app data go to a temporary folder, never the real home."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))


@pytest.fixture
def settings(tmp_path) -> AppSettings:
    return AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def language(qapp):
    """Call with "en" or "ja"; English is restored afterwards so tests do not leak a language."""
    context = ui_context()
    yield context.set_language
    context.set_language("en")


@pytest.fixture
def scenarios_dir(tmp_path, scenario_file) -> Path:
    directory = tmp_path / "scenarios"
    directory.mkdir()
    (directory / "01-borrow.yaml").write_text(scenario_file.read_text(encoding="utf-8"), encoding="utf-8")
    (directory / "02-second.yaml").write_text(
        "title: {en: Second, ja: 二つ目}\nsummary: {en: Another one., ja: もう一つ。}\ndifficulty: beginner\n",
        encoding="utf-8")
    (directory / "03-broken.yaml").write_text("title: [unclosed\nsummary: x\n", encoding="utf-8")
    (directory / "notes.txt").write_text("not a scenario", encoding="utf-8")
    return directory


@pytest.fixture
def window(qtbot, settings, scenarios_dir):
    """The main window on the test scenarios folder. Closed here, not by qtbot: qtbot's close would
    meet the modal "discard changes?" prompt of a window with edits."""
    from xviz.ui.main_window import MainWindow

    window = MainWindow(settings, scenarios_dir)
    window.resize(1400, 900)
    window.show()
    yield window
    window.setWindowModified(False)
    window.close()
    window.deleteLater()


@pytest.fixture
def scenario_window(window, scenario_file):
    """The main window with the test scenario open."""
    window.open_path(str(scenario_file))
    return window
