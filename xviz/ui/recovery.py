"""Recovery copies: the text of a scenario with unsaved edits, written every little while, so a crash
loses at most that little while. Offered back when the same file is opened again.

One copy per scenario file, named by a hash of its absolute path, in the app's local data folder.
"""
from __future__ import annotations

import hashlib
import json
import tempfile
from pathlib import Path

from PySide6.QtCore import QStandardPaths

from xviz.files import SaveRefused, save_atomically


def recovery_dir() -> Path:
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppLocalDataLocation)
    return Path(base or tempfile.gettempdir()) / "recovery"


class RecoveryStore:
    def __init__(self, directory: Path | None = None):
        self.directory = directory or recovery_dir()

    def _paths(self, original: Path) -> tuple[Path, Path]:
        key = hashlib.sha256(str(Path(original).resolve()).encode("utf-8")).hexdigest()[:24]
        return self.directory / f"{key}.yaml", self.directory / f"{key}.json"

    def write(self, original: Path, text: str) -> None:
        """Atomically (temporary file, then rename); an unwritable folder is silently skipped:
        a missing recovery copy must never interrupt the learner."""
        copy, meta = self._paths(original)
        try:
            self.directory.mkdir(mode=0o700, parents=True, exist_ok=True)  # unsaved work: only its owner reads it
            for target, content in ((copy, text), (meta, json.dumps({"original": str(Path(original).resolve())}))):
                save_atomically(target, content)
        except (OSError, SaveRefused):
            pass

    def find(self, original: Path) -> str | None:
        """The recovered text when it differs from the file, however old: only the user may drop it
        (a file saved or touched after the crash does not make the unsaved edits worthless)."""
        copy, _meta = self._paths(original)
        try:
            text = copy.read_text(encoding="utf-8")
            return None if text == Path(original).read_text(encoding="utf-8") else text
        except (OSError, UnicodeDecodeError):
            return None

    def copy_is_older(self, original: Path) -> bool:
        """The file was changed after the copy was written (worth saying when offering the copy)."""
        copy, _meta = self._paths(original)
        try:
            return copy.stat().st_mtime < Path(original).stat().st_mtime
        except OSError:
            return False

    def discard(self, original: Path) -> None:
        for path in self._paths(original):
            try:
                path.unlink()
            except OSError:
                pass
