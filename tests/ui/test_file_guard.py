"""Saving from the window never loses a byte (issue 14): Save As with a half-typed policy, files changed
on disk by another program, read-only files, links, Recent files, recovery copies kept until the user
decides, and headless runs that never wait on a dialog."""
from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from xviz.ui.main_window import MainWindow
from xviz.ui.recovery import RecoveryStore

POLICY = "world.users.alice.policies.AllowAssume"


class Answers:
    """A prompt that records the questions and gives prepared answers."""

    def __init__(self, **answers: str):
        self.answers, self.asked = answers, []

    def __call__(self, kind: str, path: Path, note: str = "") -> str:
        self.asked.append(kind)
        return self.answers[kind]


@pytest.fixture
def make_window(qtbot, settings, scenarios_dir, tmp_path):
    made = []

    def make(path: Path | None = None, prompt=None, ask_restore=None, store=None) -> MainWindow:
        window = MainWindow(settings, scenarios_dir, prompt=prompt or Answers(),
                            recovery=store or RecoveryStore(tmp_path / "recovery"), ask_restore=ask_restore)
        made.append(window)
        if path is not None:
            window.open_path(str(path))
        return window

    yield make
    for window in made:
        window.setWindowModified(False)
        window.close()
        window.deleteLater()


def type_into_policy(qtbot, window: MainWindow, keys: str) -> str:
    editor = window.workbench.open_policy(POLICY)
    cursor = editor.textCursor()
    cursor.setPosition(1)  # after the opening brace
    editor.setTextCursor(cursor)
    qtbot.keyClicks(editor, keys)
    return editor.toPlainText()


def test_save_as_with_a_half_typed_policy_moves_the_window_to_the_copy(qtbot, make_window, scenario_file, tmp_path,
                                                                        settings):
    original = scenario_file.read_text(encoding="utf-8")
    window = make_window(scenario_file)
    type_into_policy(qtbot, window, '"half')  # not JSON any more: work in progress
    copy = tmp_path / "copy.yaml"
    assert window._save_to(copy)
    assert window.workbench.view().path == copy and not window.isWindowModified()
    assert '"half' in copy.read_text(encoding="utf-8")
    assert stat.S_IMODE(os.stat(copy).st_mode) == 0o666 & ~_umask()  # not a temporary file's 0600
    assert settings.recent_files[0] == str(copy.resolve())
    # The fix goes to the copy; the original is never touched.
    type_into_policy(qtbot, window, "x")
    window.save()
    assert '"halfx' not in copy.read_text(encoding="utf-8") and 'x"half' in copy.read_text(encoding="utf-8")
    assert scenario_file.read_text(encoding="utf-8") == original


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def test_ctrl_s_with_a_half_typed_policy_saves_it_as_typed(qtbot, make_window, scenario_file):
    window = make_window(scenario_file)
    type_into_policy(qtbot, window, '"half')
    window.act_save.trigger()
    assert not window.isWindowModified()
    assert '"half' in scenario_file.read_text(encoding="utf-8")


def test_a_file_changed_on_disk_is_not_overwritten_without_asking(qtbot, make_window, scenario_file):
    prompt = Answers(changed="cancel", reload="keep")
    window = make_window(scenario_file, prompt)
    type_into_policy(qtbot, window, " ")
    theirs = scenario_file.read_text(encoding="utf-8") + "# an editor's change\n"
    scenario_file.write_text(theirs, encoding="utf-8")
    window.save()
    assert "changed" in prompt.asked
    assert scenario_file.read_text(encoding="utf-8") == theirs and window.isWindowModified()
    prompt.answers["changed"] = "overwrite"
    window.save()
    assert "# an editor's change" not in scenario_file.read_text(encoding="utf-8")
    assert not window.isWindowModified()


def test_a_change_on_disk_with_nothing_unsaved_offers_a_reload(qtbot, make_window, scenario_file):
    prompt = Answers(reload="reload")
    window = make_window(scenario_file, prompt)
    text = scenario_file.read_text(encoding="utf-8").replace("Borrowing a role", "Borrowing a role again")
    scenario_file.write_text(text, encoding="utf-8")
    qtbot.waitUntil(lambda: prompt.asked == ["reload"], timeout=5000)
    qtbot.waitUntil(lambda: "again" in window.windowTitle(), timeout=5000)
    # The window's own save is not "another program".
    type_into_policy(qtbot, window, " ")
    window.save()
    qtbot.wait(300)
    assert prompt.asked == ["reload"]


def test_a_read_only_file_asks_first(qtbot, make_window, scenario_file):
    prompt = Answers(read_only="cancel")
    window = make_window(scenario_file, prompt)
    before = scenario_file.read_text(encoding="utf-8")
    os.chmod(scenario_file, 0o444)
    type_into_policy(qtbot, window, " ")
    window.save()
    assert prompt.asked == ["read_only"] and scenario_file.read_text(encoding="utf-8") == before
    prompt.answers["read_only"] = "save_anyway"
    window.save()
    assert scenario_file.read_text(encoding="utf-8") != before
    assert stat.S_IMODE(os.stat(scenario_file).st_mode) == 0o444 and not window.isWindowModified()


def test_saving_through_a_link_writes_the_real_file(qtbot, make_window, scenario_file, tmp_path):
    link = tmp_path / "link.yaml"
    link.symlink_to(scenario_file)
    window = make_window(link)
    type_into_policy(qtbot, window, " ")
    window.save()
    assert link.is_symlink() and "{ " in scenario_file.read_text(encoding="utf-8")


def test_a_recovery_copy_older_than_the_file_is_still_offered(qtbot, make_window, scenario_file, tmp_path):
    store = RecoveryStore(tmp_path / "recovery")
    store.write(scenario_file, scenario_file.read_text(encoding="utf-8") + "# unsaved edit\n")
    os.utime(scenario_file, (os.path.getmtime(scenario_file) + 60,) * 2)  # touched after the crash
    asked = []
    make_window(scenario_file, ask_restore=lambda p: asked.append(p) or None, store=store)
    assert asked == [scenario_file]
    assert store.copy_is_older(scenario_file)
    assert store.find(scenario_file) is not None  # "later": kept until the user decides
    make_window(scenario_file, ask_restore=lambda p: False, store=store)
    assert store.find(scenario_file) is None  # "discard": now it goes


def test_headless_screenshot_never_waits_on_the_recovery_question(tmp_path, scenario_file):
    data = tmp_path / "data"
    env = dict(os.environ, XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_DATA_HOME=str(data))
    env.pop("DISPLAY", None)
    env.pop("QT_QPA_PLATFORM", None)
    leave_copy = ("import sys; from pathlib import Path; from PySide6.QtCore import QCoreApplication;"
                  "QCoreApplication.setOrganizationName('xviz'); QCoreApplication.setApplicationName('xviz');"
                  "app = QCoreApplication([]);"
                  "from xviz.ui.recovery import RecoveryStore; p = Path(sys.argv[1]);"
                  "RecoveryStore().write(p, p.read_text() + '# unsaved\\n')")
    subprocess.run([sys.executable, "-c", leave_copy, str(scenario_file)], env=env, check=True, timeout=60)
    assert list(data.rglob("*.yaml")), "the copy was not written where the app looks"
    out = tmp_path / "shot.png"
    result = subprocess.run([sys.executable, "-m", "xviz", "open", str(scenario_file), "--screenshot", str(out)],
                            capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    assert out.exists() and "recover unsaved changes" in result.stderr
    assert list(data.rglob("*.yaml")), "the copy must stay until someone decides"


@pytest.mark.parametrize("content", [
    "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n",
    "world: " + "[" * 500 + "]" * 500 + "\n",
    "title: {en: " + "x" * 300_000 + "}\n",
])
def test_the_window_refuses_what_would_hang_or_crash_it(make_window, tmp_path, content):
    path = tmp_path / "bad.yaml"
    path.write_text(content, encoding="utf-8")
    window = make_window(path)
    problems = window.workbench.view().problems
    assert len(problems) == 1 and problems[0].line is not None


@pytest.mark.parametrize("change", [("version: 1", "version: " + "9" * 5000), ("    steps:\n", "    steps: 7\n    x:\n")])
def test_the_window_shows_loader_problems_for_what_tripped_the_raw_reader(make_window, scenario_file, change):
    scenario_file.write_text(scenario_file.read_text(encoding="utf-8").replace(*change, 1), encoding="utf-8")
    window = make_window(scenario_file)
    assert window.workbench.view().problems


@pytest.mark.parametrize("kind", ["changed", "removed", "read_only", "reload", "restore"])
def test_each_question_speaks_the_interface_language_and_defaults_to_the_harmless_answer(qapp, language, kind):
    from xviz.ui.file_guard import QUESTIONS, SAFE_DEFAULTS, question_box

    language("ja")
    box, buttons = question_box(kind, Path("/x/s.yaml"))
    try:
        labels = [b.text() for b in buttons]
        assert all(not any("a" <= c.lower() <= "z" for c in label) for label in labels), labels
        assert box.windowTitle() == QUESTIONS[kind][0]["ja"] and "/x/s.yaml" in box.text()
        assert buttons[box.escapeButton()] == QUESTIONS[kind][2][-1][0]
        assert buttons[box.defaultButton()] in SAFE_DEFAULTS | {QUESTIONS[kind][2][-1][0]}
        assert buttons[box.defaultButton()] not in ("overwrite", "save_anyway", "discard")
    finally:
        box.deleteLater()


def test_headless_questions_take_the_safe_answer_and_say_so(qapp, capsys):
    from xviz.ui.file_guard import dialog_prompt

    assert dialog_prompt(None)("changed", Path("/x/s.yaml")) == "cancel"
    assert dialog_prompt(None)("restore", Path("/x/s.yaml")) == "later"
    err = capsys.readouterr().err
    assert "/x/s.yaml: the file changed on disk" in err and "later" in err


def test_a_card_with_a_huge_number_is_an_error_card_not_a_crash(tmp_path):
    from xviz.ui.catalog import read_card

    path = tmp_path / "number.yaml"
    path.write_text("title: x\ndifficulty: " + "9" * 5000 + "\n", encoding="utf-8")
    card = read_card(path, "en")
    assert not card.ok and "4300 digits" in card.error


@pytest.mark.parametrize("content, code, message", [
    ("a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n", 2, "bad.yaml:2:8: anchors"),
    ("version: " + "9" * 5000 + "\n", 0, "bad.yaml:1:10: version"),
])
def test_open_says_one_thing_and_never_shows_a_traceback(tmp_path, content, code, message):
    path = tmp_path / "bad.yaml"
    path.write_text(content, encoding="utf-8")
    env = dict(os.environ, XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_DATA_HOME=str(tmp_path / "data"))
    env.pop("DISPLAY", None)
    result = subprocess.run([sys.executable, "-m", "xviz", "open", str(path), "--screenshot", str(tmp_path / "x.png")],
                            capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == code and message in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
