"""Settings: language, theme, font size and presenter mode; applied at once when accepted."""
from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QSpinBox, QWidget

from xviz.ui.app import ui_context
from xviz.ui.plain import plain_label
from xviz.ui.settings import LANGUAGES, THEMES, AppSettings

# Each language is named in itself, as language pickers do, so anyone can find their own.
LANGUAGE_NAMES = {"en": "English", "ja": "日本語"}


class SettingsDialog(QDialog):
    def __init__(self, settings: AppSettings, parent: QWidget | None = None):
        super().__init__(parent)
        self._settings = settings
        self.language = QComboBox()
        for code in LANGUAGES:
            self.language.addItem(LANGUAGE_NAMES[code], code)
        self.language.setProperty("xviz_data_text", True)
        self.theme = QComboBox()
        self.font_size = QSpinBox()
        self.font_size.setRange(7, 40)
        self.presenter = QCheckBox()
        self.presenter_hint = plain_label(wrap=True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.labels = [plain_label() for _ in range(3)]
        form = QFormLayout(self)
        form.addRow(self.labels[0], self.language)
        form.addRow(self.labels[1], self.theme)
        form.addRow(self.labels[2], self.font_size)
        form.addRow(self.presenter)
        form.addRow(self.presenter_hint)
        form.addRow(self.buttons)
        self.retranslate()
        self.language.setCurrentIndex(LANGUAGES.index(ui_context().language))
        self.theme.setCurrentIndex(THEMES.index(settings.theme))
        self.font_size.setValue(settings.font_size)
        self.presenter.setChecked(settings.presenter)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Settings"))
        self.labels[0].setText(self.tr("Language:"))
        self.labels[1].setText(self.tr("Theme:"))
        self.labels[2].setText(self.tr("Font size:"))
        theme_names = {"light": self.tr("Light"), "dark": self.tr("Dark")}
        current = self.theme.currentIndex()
        self.theme.clear()
        for code in THEMES:
            self.theme.addItem(theme_names[code], code)
        self.theme.setCurrentIndex(max(current, 0))
        self.presenter.setText(self.tr("Presenter mode (large type for projectors)"))
        self.presenter_hint.setText(self.tr("The language can also be chosen for one run with --lang."))

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def accept(self) -> None:
        self.apply()
        super().accept()

    def apply(self) -> None:
        s = self._settings
        s.language = self.language.currentData()
        s.theme = self.theme.currentData()
        s.font_size = self.font_size.value()
        s.presenter = self.presenter.isChecked()
        context = ui_context()
        context.set_appearance(s.theme, s.font_size, s.presenter)
        if context.language != s.language:
            context.set_language(s.language)
