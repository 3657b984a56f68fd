"""The window's side of safe saving: which file the text on screen came from (and its fingerprint), a
watch on that file, and the questions a refused save or a change on disk asks the user.

The writing itself is plain Python (`xviz.files.save_atomically`); whatever holds the text (today the
workbench's live scenario, tomorrow the scenario document) passes a `write(expected, allow_read_only)`
callable to `FileGuard.save`. Questions go through a `Prompt`: a dialog in a window, a line on stderr
and the safe answer when headless (`--screenshot`), so nothing ever waits on a dialog nobody can see.
"""
from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from xviz.files import ChangedOnDisk, Fingerprint, ReadOnlyFile, fingerprint
from xviz.ui.app import ui_context

# A question's kind and the file it is about -> the key of the chosen answer (see QUESTIONS).
Prompt = Callable[[str, Path], str]
Write = Callable[[Fingerprint | None, bool], Fingerprint]

# kind -> (title, text, answers as (key, label); the last answer is the safe one a headless run takes)
QUESTIONS: dict[str, tuple[dict, dict, list[tuple[str, dict]]]] = {
    "changed": (
        {"en": "The file changed on disk", "ja": "ファイルがディスク上で変更されました"},
        {"en": "Another program changed this file after it was opened here. Saving now would overwrite "
               "that program's changes.",
         "ja": "このファイルは、ここで開いた後に別のプログラムによって変更されました。今保存すると、"
               "その変更を上書きします。"},
        [("save_as", {"en": "Save As…", "ja": "名前を付けて保存…"}),
         ("overwrite", {"en": "Overwrite", "ja": "上書きする"}),
         ("cancel", {"en": "Cancel", "ja": "キャンセル"})]),
    "removed": (
        {"en": "The file is gone", "ja": "ファイルがありません"},
        {"en": "This file was moved or deleted after it was opened here. Save it again under this name?",
         "ja": "このファイルは、ここで開いた後に移動または削除されました。同じ名前でもう一度保存しますか？"},
        [("overwrite", {"en": "Save", "ja": "保存する"}),
         ("save_as", {"en": "Save As…", "ja": "名前を付けて保存…"}),
         ("cancel", {"en": "Cancel", "ja": "キャンセル"})]),
    "read_only": (
        {"en": "The file is read-only", "ja": "ファイルは読み取り専用です"},
        {"en": "This file is marked read-only. Replace it anyway (it stays read-only), or save a copy?",
         "ja": "このファイルは読み取り専用に設定されています。それでも置き換えますか（読み取り専用のまま）、"
               "それとも別の名前で保存しますか？"},
        [("save_anyway", {"en": "Replace Anyway", "ja": "置き換える"}),
         ("save_as", {"en": "Save As…", "ja": "名前を付けて保存…"}),
         ("cancel", {"en": "Cancel", "ja": "キャンセル"})]),
    "reload": (
        {"en": "The file changed on disk", "ja": "ファイルがディスク上で変更されました"},
        {"en": "Another program changed this file. You have no unsaved changes here: reload it to see "
               "the new version?",
         "ja": "別のプログラムがこのファイルを変更しました。ここには未保存の変更はありません。"
               "新しい内容を読み込み直しますか？"},
        [("reload", {"en": "Reload", "ja": "読み込み直す"}),
         ("keep", {"en": "Keep This Version", "ja": "この内容のままにする"})]),
    "restore": (
        {"en": "Recover unsaved changes", "ja": "保存されていない変更の復元"},
        {"en": "xviz found changes to this scenario that were never saved (the app closed unexpectedly). "
               "Restore them? Discarding deletes the recovered copy; Later keeps it for next time.",
         "ja": "このシナリオに、保存されていない変更が見つかりました（アプリが予期せず終了しました）。"
               "復元しますか？「破棄する」を選ぶと復元用のコピーを削除し、「あとで」を選ぶと次回まで残します。"},
        [("restore", {"en": "Restore", "ja": "復元する"}),
         ("discard", {"en": "Discard", "ja": "破棄する"}),
         ("later", {"en": "Later", "ja": "あとで"})]),
}
SAFE_DEFAULTS = {"save_as", "reload", "restore"}
# Added to the restore question when the file was saved after the copy was made.
COPY_OLDER = {"en": "Note: the file itself was changed after these edits were set aside.",
              "ja": "注意: 変更を退避した後に、ファイル自体も変更されています。"}


def text(entry: dict) -> str:
    return entry.get(ui_context().language) or entry["en"]


def is_headless() -> bool:
    """No screen anyone looks at: the offscreen platform (`--screenshot`, tests, CI)."""
    app = QGuiApplication.instance()
    return app is None or QGuiApplication.platformName() in ("offscreen", "minimal")


def headless_prompt(kind: str, path: Path, note: str = "") -> str:
    """The safe answer, said on stderr: nothing is overwritten, discarded or reloaded unasked."""
    title, _body, answers = QUESTIONS[kind]
    safe = answers[-1][0]
    print(f"xviz: {path}: {title['en'].lower()}{' (' + note + ')' if note else ''}; "
          f"no one to ask, so: {answers[-1][1]['en'].lower()}", file=sys.stderr)
    return safe


def question_box(kind: str, path: Path, note: str = "", parent: QWidget | None = None
                 ) -> tuple[QMessageBox, dict]:
    """The dialog for one question, in the current language, and its buttons -> answer keys.
    Escape (or closing the box) gives the last, safe answer."""
    title, body, answers = QUESTIONS[kind]
    message = "\n\n".join(part for part in (text(body), note, str(path)) if part)
    box = QMessageBox(QMessageBox.Icon.Question, text(title), message, QMessageBox.StandardButton.NoButton, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    buttons = {}
    for index, (key, label) in enumerate(answers):
        role = QMessageBox.ButtonRole.RejectRole if index == len(answers) - 1 else QMessageBox.ButtonRole.AcceptRole
        buttons[box.addButton(text(label), role)] = key
    box.setEscapeButton(list(buttons)[-1])
    # Enter takes the answer that neither overwrites nor throws anything away.
    box.setDefaultButton(next((b for b, key in buttons.items() if key in SAFE_DEFAULTS), list(buttons)[-1]))
    return box, buttons


def dialog_prompt(parent: QWidget | None) -> Prompt:
    def ask(kind: str, path: Path, note: str = "") -> str:
        if is_headless():
            return headless_prompt(kind, path, note)
        box, buttons = question_box(kind, path, note, parent)
        box.exec()
        return buttons.get(box.clickedButton(), QUESTIONS[kind][2][-1][0])
    return ask


def same_file(a: Path | None, b: Path | None) -> bool:
    return a is not None and b is not None and os.path.realpath(a) == os.path.realpath(b)


class FileGuard(QObject):
    """The file the window's text is based on, and a watch for other programs changing it.

    Signals:
        changed_on_disk(object): the tracked file (a Path) now holds something other than what the
            window read or last saved; emitted once per new content, not for the window's own saves.
    """

    changed_on_disk = Signal(object)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.path: Path | None = None
        self.expected: Fingerprint | None = None  # what the window read or last wrote
        self._announced: Fingerprint | None = None
        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(self._on_file_changed)

    def track(self, path: str | os.PathLike | None, expected: Fingerprint | None = None) -> None:
        """Follow `path`, whose content the window now shows (`expected`, else what is on disk now)."""
        self.forget()
        if path is None:
            return
        self.path = Path(path)
        self.expected = expected or fingerprint(self.path)
        self._announced = None
        if self.path.exists():
            self._watcher.addPath(str(self.path))

    def forget(self) -> None:
        if self._watcher.files():
            self._watcher.removePaths(self._watcher.files())
        self.path, self.expected, self._announced = None, None, None

    def save(self, path: Path, write: Write, prompt: Prompt) -> str:
        """Write through `write(expected, allow_read_only)`, asking when the file changed on disk or is
        read-only. "saved" (now tracking `path`), "save_as" (the user wants another name) or "cancel".
        Other errors (OSError, SaveRefused) propagate with the file untouched."""
        expected = self.expected if same_file(path, self.path) else None
        allow_read_only = False
        while True:
            try:
                saved = write(expected, allow_read_only)
            except ChangedOnDisk as change:
                answer = prompt("removed" if change.current is None else "changed", path)
                if answer != "overwrite":
                    return answer
                expected = change.current  # the user has seen this version and chose to replace it
                continue
            except ReadOnlyFile:
                answer = prompt("read_only", path)
                if answer != "save_anyway":
                    return answer
                allow_read_only = True
                continue
            self.track(path, saved)
            return "saved"

    def _on_file_changed(self, name: str) -> None:
        path = Path(name)
        if path.exists() and name not in self._watcher.files():
            self._watcher.addPath(name)  # saved by rename (editors, git): the watch followed the old file
        now = fingerprint(path)
        if self.path is None or _same_content(now, self.expected) or _same_content(now, self._announced):
            return
        self._announced = now
        self.changed_on_disk.emit(path)


def _same_content(a: Fingerprint | None, b: Fingerprint | None) -> bool:
    return a is not None and b is not None and (a.size, a.sha256) == (b.size, b.sha256)
