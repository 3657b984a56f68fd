"""Recovery copies: unsaved edits survive a crash and are offered back; saving or discarding drops them."""
from __future__ import annotations

from xviz.ui.main_window import MainWindow
from xviz.ui.recovery import RecoveryStore

POLICY = "world.users.alice.policies.AllowAssume"


def open_window(settings, scenarios_dir, store, path, answer):
    asked = []
    window = MainWindow(settings, scenarios_dir, recovery=store,
                        ask_restore=lambda p: asked.append(p) or answer)
    window.open_path(str(path))
    return window, asked


def close(window):
    window.setWindowModified(False)
    window.close()
    window.deleteLater()


def test_unsaved_edits_come_back_after_a_crash(qtbot, settings, scenarios_dir, scenario_file, tmp_path):
    store = RecoveryStore(tmp_path / "recovery")
    window, asked = open_window(settings, scenarios_dir, store, scenario_file, True)
    assert asked == [] and not window.write_recovery_copy()  # nothing to keep yet
    editor = window.workbench.open_policy(POLICY)
    cursor = editor.textCursor()
    cursor.setPosition(1)  # after the opening brace
    editor.setTextCursor(cursor)
    qtbot.keyClicks(editor, " ")
    edited = editor.toPlainText()
    assert window.write_recovery_copy()
    close(window)  # as a crash would: no save, no discard

    again, asked = open_window(settings, scenarios_dir, store, scenario_file, True)
    try:
        assert asked == [scenario_file]
        assert again.isWindowModified()
        assert again.workbench.view().policy(POLICY).text == edited
        again.save()  # into the file: the copy is no longer needed
        assert store.find(scenario_file) is None
        assert "            { " in scenario_file.read_text(encoding="utf-8").splitlines()
    finally:
        close(again)


def test_declining_the_copy_discards_it(qtbot, settings, scenarios_dir, scenario_file, tmp_path):
    store = RecoveryStore(tmp_path / "recovery")
    store.write(scenario_file, scenario_file.read_text(encoding="utf-8") + "# later edit\n")
    assert store.find(scenario_file) is not None
    window, asked = open_window(settings, scenarios_dir, store, scenario_file, False)
    try:
        assert asked == [scenario_file]
        assert not window.isWindowModified()
        assert store.find(scenario_file) is None
    finally:
        close(window)


def test_a_copy_equal_to_the_file_is_not_offered(settings, scenarios_dir, scenario_file, tmp_path):
    store = RecoveryStore(tmp_path / "recovery")
    store.write(scenario_file, scenario_file.read_text(encoding="utf-8"))
    assert store.find(scenario_file) is None
