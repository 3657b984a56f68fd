"""Settings: defaults, damaged values, recent files; the app context applies them."""
from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtGui import QPalette

from xviz.ui.app import ui_context
from xviz.ui.settings import MAX_RECENT, PRESENTER_FONT_SIZE, AppSettings, system_language


def test_defaults_and_damaged_values(settings):
    assert settings.language == system_language()
    assert settings.theme == "light"
    settings._store.setValue("ui/language", "klingon")
    settings._store.setValue("ui/theme", "neon")
    settings._store.setValue("ui/font_size", "huge")
    assert settings.language == system_language()
    assert settings.theme == "light"
    assert settings.font_size == 10


def test_values_survive_a_new_settings_object(tmp_path):
    path = str(tmp_path / "s.ini")
    first = AppSettings(QSettings(path, QSettings.Format.IniFormat))
    first.language, first.theme, first.font_size, first.presenter = "ja", "dark", 14, True
    first._store.sync()
    second = AppSettings(QSettings(path, QSettings.Format.IniFormat))
    assert (second.language, second.theme, second.font_size, second.presenter) == ("ja", "dark", 14, True)


def test_recent_files_most_recent_first_without_duplicates(settings):
    for i in range(MAX_RECENT + 3):
        settings.add_recent_file(f"/f/{i}.yaml")
    settings.add_recent_file("/f/5.yaml")
    recent = settings.recent_files
    assert recent[0] == "/f/5.yaml"
    assert len(recent) == MAX_RECENT
    assert len(set(recent)) == MAX_RECENT


def test_theme_and_presenter_mode_change_the_application(qapp):
    context = ui_context()
    try:
        context.set_appearance("dark", 11, False)
        assert qapp.palette().color(QPalette.ColorRole.Window).lightness() < 80
        assert qapp.font().pointSize() == 11
        context.set_appearance("light", 11, True)
        assert qapp.palette().color(QPalette.ColorRole.Window).lightness() > 200
        assert qapp.font().pointSize() == PRESENTER_FONT_SIZE
    finally:
        context.set_appearance("light", 10, False)


def test_settings_dialog_applies_and_stores_the_choices(qtbot, settings, language):
    from xviz.ui.settings_dialog import SettingsDialog

    context = ui_context()
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    dialog.language.setCurrentIndex(dialog.language.findData("ja"))
    dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
    dialog.font_size.setValue(12)
    try:
        dialog.accept()
        assert (settings.language, settings.theme, settings.font_size) == ("ja", "dark", 12)
        assert context.language == "ja" and context.theme == "dark"
        assert dialog.windowTitle() == "設定"  # the dialog itself switched language at once
    finally:
        context.set_appearance("light", 10, False)
