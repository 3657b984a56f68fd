"""QApplication set-up: names, settings, translations, theme, font size and presenter mode.

`UiContext` is the one place that knows the current language and look; widgets read it and listen
to its signals instead of asking QSettings themselves.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QObject, QTranslator, Signal, qInstallMessageHandler
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle

from xviz.ui.settings import LANGUAGES, PRESENTER_FONT_SIZE, AppSettings
from xviz.ui.theme import Colors, colors_for, palette_for

ORGANIZATION = "xviz"
APPLICATION = "xviz"
I18N_DIR = Path(__file__).with_name("i18n")
# Japanese glyph shapes for kanji shared with Chinese (Han unification); first one installed wins.
CJK_FALLBACKS = ("Noto Sans CJK JP", "IPAexGothic", "IPAGothic", "Yu Gothic UI", "Hiragino Sans", "Meiryo")
MONO_CJK_FALLBACKS = ("Noto Sans Mono CJK JP", "IPAGothic", "MS Gothic", "Osaka-Mono")


def has_display() -> bool:
    if sys.platform != "linux":
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def use_offscreen_if_headless(force: bool = False) -> None:
    """Pick Qt's offscreen platform when there is no display (or when asked), before the app exists."""
    if "QT_QPA_PLATFORM" in os.environ:
        return
    if force or not has_display():
        os.environ["QT_QPA_PLATFORM"] = "offscreen"


_OFFSCREEN_NOISE = ("This plugin does not support propagateSizeHints()",)


def _qt_messages(mode, context, message: str) -> None:
    """Qt's messages to stderr, less the offscreen platform's note printed for every shown window."""
    if message not in _OFFSCREEN_NOISE:
        sys.stderr.write(message + "\n")


def application(argv: list[str] | None = None) -> QApplication:
    """The process's QApplication, created once with our names and the Fusion style."""
    app = QApplication.instance()
    if app is None:
        qInstallMessageHandler(_qt_messages)
        QCoreApplication.setOrganizationName(ORGANIZATION)
        QCoreApplication.setApplicationName(APPLICATION)
        app = QApplication(argv if argv is not None else [sys.argv[0]])
        app.setApplicationDisplayName("xviz")
    return app


def _installed(families: tuple[str, ...]) -> list[str]:
    available = set(QFontDatabase.families())
    return [f for f in families if f in available]


def ui_font(point_size: int) -> QFont:
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont)
    font.setFamilies([font.family(), *_installed(CJK_FALLBACKS)])
    font.setPointSize(point_size)
    return font


def mono_font(point_size: int) -> QFont:
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    font.setFamilies([font.family(), *_installed(MONO_CJK_FALLBACKS)])
    font.setStyleHint(QFont.StyleHint.Monospace)
    font.setPointSize(point_size)
    return font


class TypeScaledStyle(QProxyStyle):
    """Fusion, with check boxes, radio buttons and scroll bars sized from the type: in presenter
    mode they grow with the text instead of staying at 13 pixels."""

    _SCALED = {QStyle.PixelMetric.PM_IndicatorWidth: 0.85, QStyle.PixelMetric.PM_IndicatorHeight: 0.85,
               QStyle.PixelMetric.PM_ExclusiveIndicatorWidth: 0.85,
               QStyle.PixelMetric.PM_ExclusiveIndicatorHeight: 0.85,
               QStyle.PixelMetric.PM_ScrollBarExtent: 0.8}

    def pixelMetric(self, metric, option=None, widget=None) -> int:  # noqa: N802 - Qt API
        base = super().pixelMetric(metric, option, widget)
        factor = self._SCALED.get(metric)
        if factor is None:
            return base
        height = (widget.fontMetrics() if widget is not None else QApplication.fontMetrics()).height()
        return max(base, round(height * factor))


class UiContext(QObject):
    """Current language and appearance of the running app.

    Signals:
        language_changed(str): after the translators were swapped ("en" or "ja").
        appearance_changed(): after the theme, font size or presenter mode changed.
    """

    language_changed = Signal(str)
    appearance_changed = Signal()

    def __init__(self, app: QApplication):
        super().__init__(app)
        self._app = app
        app.setStyle(TypeScaledStyle("Fusion"))  # once: setting a style re-polishes every widget
        self._translators: list[QTranslator] = []
        self.language = "en"
        self.theme = "light"
        self.font_size = 10
        self.presenter = False

    @property
    def colors(self) -> Colors:
        return colors_for(self.theme)

    @property
    def point_size(self) -> int:
        return max(self.font_size, PRESENTER_FONT_SIZE) if self.presenter else self.font_size

    def set_language(self, language: str) -> None:
        if language not in LANGUAGES:
            raise ValueError(f"unknown language {language!r}")
        for translator in self._translators:
            self._app.removeTranslator(translator)
        self._translators = []
        if language == "ja":
            ours = QTranslator(self)
            if ours.load(str(I18N_DIR / "xviz_ja.qm")):
                self._translators.append(ours)
            qt_own = QTranslator(self)  # Qt's own strings: dialog buttons, context menus
            if qt_own.load(QLocale(QLocale.Language.Japanese), "qtbase", "_",
                           QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
                self._translators.append(qt_own)
        for translator in self._translators:
            self._app.installTranslator(translator)  # sends LanguageChange to every widget
        QLocale.setDefault(QLocale(QLocale.Language.Japanese if language == "ja" else QLocale.Language.English))
        self.language = language
        # Widgets get LanguageChange as posted events: deliver them now, so the switch is done on return.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
        self.language_changed.emit(language)

    def set_appearance(self, theme: str, font_size: int, presenter: bool) -> None:
        self.theme, self.font_size, self.presenter = theme, int(font_size), bool(presenter)
        self._app.setPalette(palette_for(theme))
        self._app.setFont(ui_font(self.point_size))
        self.appearance_changed.emit()

    def apply_settings(self, settings: AppSettings, language: str | None = None) -> None:
        """Apply stored preferences; `language` overrides the stored one without saving it."""
        self.set_appearance(settings.theme, settings.font_size, settings.presenter)
        self.set_language(language or settings.language)


def ui_context() -> UiContext:
    """The UiContext of the running QApplication (created on first use)."""
    app = QApplication.instance() or application()
    context = app.findChild(UiContext)
    if context is None:
        context = UiContext(app)
    return context


def start(language: str | None = None, headless: bool = False) -> tuple[QApplication, UiContext]:
    """Create the app and apply the user's settings: what `xviz` and `xviz open` call first."""
    use_offscreen_if_headless(force=headless)
    app = application()
    context = ui_context()
    context.apply_settings(AppSettings(), language=language)
    return app, context
