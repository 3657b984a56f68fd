"""The user's preferences, kept with QSettings under the organisation and application name."""
from __future__ import annotations

from PySide6.QtCore import QLocale, QSettings

LANGUAGES = ("en", "ja")
THEMES = ("light", "dark")
DEFAULT_FONT_SIZE = 10
PRESENTER_FONT_SIZE = 18
MAX_RECENT = 10


def system_language() -> str:
    """Japanese when the system locale is Japanese, English otherwise."""
    return "ja" if QLocale.system().language() == QLocale.Language.Japanese else "en"


class AppSettings:
    """Typed access to the stored preferences; unknown or damaged values fall back to defaults."""

    def __init__(self, store: QSettings | None = None):
        self._store = store if store is not None else QSettings()

    def _get(self, key: str, default):
        value = self._store.value(key, default)
        return default if value is None else value

    @property
    def language(self) -> str:
        value = str(self._get("ui/language", ""))
        return value if value in LANGUAGES else system_language()

    @language.setter
    def language(self, value: str) -> None:
        if value not in LANGUAGES:
            raise ValueError(f"unknown language {value!r}")
        self._store.setValue("ui/language", value)

    @property
    def theme(self) -> str:
        value = str(self._get("ui/theme", "light"))
        return value if value in THEMES else "light"

    @theme.setter
    def theme(self, value: str) -> None:
        if value not in THEMES:
            raise ValueError(f"unknown theme {value!r}")
        self._store.setValue("ui/theme", value)

    @property
    def font_size(self) -> int:
        try:
            size = int(self._get("ui/font_size", DEFAULT_FONT_SIZE))
        except (TypeError, ValueError):
            return DEFAULT_FONT_SIZE
        return min(max(size, 7), 40)

    @font_size.setter
    def font_size(self, value: int) -> None:
        self._store.setValue("ui/font_size", int(value))

    @property
    def presenter(self) -> bool:
        return str(self._get("ui/presenter", "false")).lower() in ("true", "1")

    @presenter.setter
    def presenter(self, value: bool) -> None:
        self._store.setValue("ui/presenter", bool(value))

    @property
    def recent_files(self) -> list[str]:
        value = self._get("files/recent", [])
        if isinstance(value, str):  # QSettings returns a lone string for one-element lists
            value = [value]
        return [str(v) for v in value if v][:MAX_RECENT]

    def add_recent_file(self, path: str) -> None:
        files = [path] + [p for p in self.recent_files if p != path]
        self._store.setValue("files/recent", files[:MAX_RECENT])

    def clear_recent_files(self) -> None:
        self._store.setValue("files/recent", [])

    # --- workshop: predict mode per scenario, exercise progress ----------------------------------
    def predicting(self, scenario: str) -> bool:
        """Predict the verdict is on for this scenario (its id)."""
        return str(self._get(f"predict/{scenario}", "false")).lower() in ("true", "1")

    def set_predicting(self, scenario: str, on: bool) -> None:
        self._store.setValue(f"predict/{scenario}", bool(on))

    def exercise_progress_json(self) -> str:
        """The progress store's JSON text (xviz.scenario.exercise_progress); "" when none yet."""
        return str(self._get("exercises/progress", ""))

    def set_exercise_progress_json(self, text: str) -> None:
        self._store.setValue("exercises/progress", text)
