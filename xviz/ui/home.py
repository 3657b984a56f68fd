"""The home screen: bundled scenarios as cards, recent files, open a file, start from a blank one."""
from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFrame, QGridLayout, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, QScrollArea,
    QSizePolicy, QVBoxLayout, QWidget,
)

from xviz.ui.app import ui_context
from xviz.ui.catalog import ScenarioCard, bundled_cards, exercise_standing, exercises_dir
from xviz.ui.plain import mark_data, plain_label, plain_tooltip
from xviz.ui.settings import AppSettings

SCENARIO_SUFFIXES = (".yaml", ".yml")
CARD_MIN_WIDTH_EM = 22  # card width in units of the font's height: scales with presenter mode


def dropped_scenario(mime) -> str | None:
    """The first local scenario file in a drag's data, if any."""
    for url in mime.urls() if mime.hasUrls() else []:
        if url.isLocalFile() and Path(url.toLocalFile()).suffix.lower() in SCENARIO_SUFFIXES:
            return url.toLocalFile()
    return None


class ScenarioDropTarget:
    """Mixin for a widget that accepts scenario files dropped on it; `scenario_dropped(path)` acts."""

    def scenario_dropped(self, path: str) -> None:
        raise NotImplementedError

    def dragEnterEvent(self, event) -> None:  # noqa: N802 - Qt API
        if dropped_scenario(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802 - Qt API
        path = dropped_scenario(event.mimeData())
        if path:
            event.acceptProposedAction()
            self.scenario_dropped(path)


class ScenarioCardWidget(QFrame):
    """One scenario: title, teaser, difficulty and size. Click or Enter opens it.

    Signals:
        activated(str): the scenario's path.
    """

    activated = Signal(str)

    def __init__(self, card: ScenarioCard, parent: QWidget | None = None,
                 standing: tuple[bool, int | None] | None = None):
        super().__init__(parent)
        self.card = card
        self.standing = standing  # an exercise's (solved, best score); None for a scenario
        self.setObjectName("scenarioCard" if card.ok else "scenarioCardError")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 14)
        layout.setSpacing(6)
        number = re.match(r"(\d+)[-_ ]", card.path.name)  # "03-ram.yaml": the curriculum's order
        title = f"{int(number.group(1))}. {card.title}" if number and card.ok else card.title
        self.title = plain_label(title, data=True, wrap=True)
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.title.setFont(font)
        layout.addWidget(self.title)
        self.summary = plain_label(card.summary, data=True, wrap=True)
        self.detail = plain_label(card.error, data=True, wrap=True)  # the parser's own words
        self.meta = plain_label(wrap=True)
        self.meta.setObjectName("cardMeta")
        layout.addWidget(self.summary)
        layout.addWidget(self.detail)
        layout.addStretch(1)
        layout.addWidget(self.meta)
        self.summary.setVisible(bool(card.summary) or not card.ok)
        self.detail.setVisible(not card.ok)
        self.retranslate()

    def retranslate(self) -> None:
        card = self.card
        if not card.ok:
            self.summary.setText(self.tr("This file could not be read."))
            where = (self.tr("Line {0}, column {1}").format(card.line, card.column)
                     if card.line else "")
            self.meta.setText(where)  # the title already names the file
            self.setToolTip(plain_tooltip(str(card.path)))
            return
        parts = []
        if card.difficulty:
            parts.append(self.difficulty_label(card.difficulty))
        parts.append(self.tr("1 flow") if card.flow_count == 1 else self.tr("{0} flows").format(card.flow_count))
        parts.append(self.tr("1 step") if card.step_count == 1 else self.tr("{0} steps").format(card.step_count))
        if self.standing is not None:
            solved, best = self.standing
            if not solved:
                parts.append(self.tr("not solved yet"))
            elif best is None:
                parts.append(self.tr("✓ solved"))
            else:
                parts.append(self.tr("✓ solved, best score {0}").format(best))
        self.meta.setText("  ·  ".join(parts))
        self.setToolTip(plain_tooltip(str(card.path)))

    def difficulty_label(self, raw: str) -> str:
        known = {
            "beginner": self.tr("Beginner"), "1": self.tr("Beginner"), "easy": self.tr("Beginner"),
            "intermediate": self.tr("Intermediate"), "2": self.tr("Intermediate"),
            "advanced": self.tr("Advanced"), "3": self.tr("Advanced"), "hard": self.tr("Advanced"),
        }
        return known.get(raw.strip().lower(), raw)

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802 - Qt API
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(event.position().toPoint()):
            self.activated.emit(str(self.card.path))
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt API
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.activated.emit(str(self.card.path))
            return
        super().keyPressEvent(event)


class HomeScreen(ScenarioDropTarget, QWidget):
    """Where `xviz` starts.

    Signals:
        open_requested(str): a scenario file to open (card, recent file, dialog or drop).
        open_dialog_requested(): the user wants to pick a file.
        blank_requested(): start from the blank template.
    """

    open_requested = Signal(str)
    open_dialog_requested = Signal()
    blank_requested = Signal()

    def __init__(self, settings: AppSettings | None = None, scenarios_dir: Path | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self._settings = settings or AppSettings()
        self._scenarios_dir = scenarios_dir
        self.cards: list[ScenarioCardWidget] = []
        self._stale = True
        self.setAcceptDrops(True)
        self.setObjectName("homeScreen")

        outer = QVBoxLayout(self)
        outer.setContentsMargins(32, 24, 32, 24)
        outer.setSpacing(16)
        header = QVBoxLayout()
        header.setSpacing(2)
        self.app_name = plain_label("xviz")
        name_font = QFont(self.app_name.font())
        name_font.setPointSizeF(name_font.pointSizeF() * 2.2)
        name_font.setBold(True)
        self.app_name.setFont(name_font)
        self.tagline = plain_label(wrap=True)
        header.addWidget(self.app_name)
        header.addWidget(self.tagline)
        outer.addLayout(header)

        body = QHBoxLayout()
        body.setSpacing(24)
        outer.addLayout(body, 1)

        left = QVBoxLayout()
        self.scenarios_heading = self._heading()
        left.addWidget(self.scenarios_heading)
        self._grid_host = QWidget()
        host_layout = QVBoxLayout(self._grid_host)
        host_layout.setContentsMargins(0, 0, 8, 0)
        self._grid = QGridLayout()
        self._grid.setSpacing(14)
        host_layout.addLayout(self._grid)
        self.exercises_heading = self._heading()  # scenarios/exercises/: the workshop's tasks
        host_layout.addSpacing(12)
        host_layout.addWidget(self.exercises_heading)
        self._exercise_grid = QGridLayout()
        self._exercise_grid.setSpacing(14)
        host_layout.addLayout(self._exercise_grid)
        host_layout.addStretch(1)
        self.exercise_cards: list[ScenarioCardWidget] = []
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self._grid_host)
        self._scroll = scroll
        scroll.viewport().installEventFilter(self)  # re-flow the cards when the viewport's width changes
        left.addWidget(scroll, 1)
        self.no_scenarios = plain_label(wrap=True)
        left.addWidget(self.no_scenarios)
        body.addLayout(left, 3)

        right = QVBoxLayout()
        right.setSpacing(10)
        self.start_heading = self._heading()
        right.addWidget(self.start_heading)
        self.open_button = QPushButton()
        self.open_button.clicked.connect(self.open_dialog_requested)
        self.blank_button = QPushButton()
        self.blank_button.clicked.connect(self.blank_requested)
        right.addWidget(self.open_button)
        right.addWidget(self.blank_button)
        self.drop_hint = plain_label(wrap=True)
        self.drop_hint.setObjectName("dropHint")
        right.addWidget(self.drop_hint)
        right.addSpacing(12)
        self.exercises_side = self._heading()  # how far the learner is, and a way down to the cards
        self.exercises_count = plain_label(wrap=True)
        self.exercises_button = QPushButton()
        self.exercises_button.clicked.connect(self.scroll_to_exercises)
        for widget in (self.exercises_side, self.exercises_count, self.exercises_button):
            right.addWidget(widget)
        right.addSpacing(12)
        self.recent_heading = self._heading()
        right.addWidget(self.recent_heading)
        self.recent_list = mark_data(QListWidget())
        self.recent_list.itemActivated.connect(lambda item: self.open_requested.emit(item.data(Qt.ItemDataRole.UserRole)))
        right.addWidget(self.recent_list, 3)
        self.no_recent = plain_label(wrap=True)
        self.no_recent.setObjectName("dropHint")
        right.addWidget(self.no_recent)
        right.addStretch(1)  # keeps the column packed at the top when the recent list is hidden
        body.addLayout(right, 1)

        self._apply_style()
        ui_context().appearance_changed.connect(self._apply_style)
        self.retranslate()

    def _heading(self) -> QLabel:
        label = plain_label()
        font = QFont(label.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        label.setFont(font)
        label.setObjectName("sectionHeading")
        return label

    def _apply_style(self) -> None:
        colors = ui_context().colors
        self.setStyleSheet(
            f"QFrame#scenarioCard, QFrame#scenarioCardError {{ background: {colors.card};"
            f" border: 1px solid {colors.card_border}; border-radius: 10px; }}"
            " QFrame#scenarioCard:hover, QFrame#scenarioCard:focus { border: 2px solid palette(highlight); }"
            f" QFrame#scenarioCardError {{ border: 2px solid {colors.error}; }}"
            " QFrame#scenarioCard QLabel, QFrame#scenarioCardError QLabel { background: transparent; border: none; }"
            " QLabel#cardMeta, QLabel#dropHint { color: palette(placeholder-text); }"
        )

    # --- content ------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.tagline.setText(self.tr("See how AWS accounts reach each other, one request at a time."))
        self.scenarios_heading.setText(self.tr("Bundled scenarios"))
        self.exercises_heading.setText(self.tr("Exercises"))
        self.exercises_side.setText(self.tr("Exercises"))
        self.exercises_button.setText(self.tr("Go to the exercises"))
        self.start_heading.setText(self.tr("Start"))
        self.open_button.setText(self.tr("Open a scenario file…"))
        self.blank_button.setText(self.tr("Start from a blank template"))
        self.drop_hint.setText(self.tr("You can also drop a scenario file (.yaml) anywhere on this window."))
        self.recent_heading.setText(self.tr("Recent files"))
        self.no_recent.setText(self.tr("No recent files yet."))
        self.no_scenarios.setText(self.tr("No bundled scenarios were found."))
        self.reload()

    def reload(self) -> None:
        """Re-read the cards (in the current language) and the recent files; put off while hidden,
        so `xviz open FILE` does not read every bundled scenario for a screen it never shows."""
        self._stale = True
        if self.isVisible():
            self._reload_now()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        if self._stale:
            self._reload_now()
        super().showEvent(event)

    def _reload_now(self) -> None:
        self._stale = False
        language = ui_context().language
        for card in self.cards + self.exercise_cards:
            card.setParent(None)  # out of the widget tree now, freed later
            card.deleteLater()
        self.cards = []
        for card in bundled_cards(language, self._scenarios_dir):
            widget = ScenarioCardWidget(card, self._grid_host)
            widget.activated.connect(self.open_requested)
            self.cards.append(widget)
        self.exercise_cards = []
        exercises = exercises_dir(self._scenarios_dir)
        progress = self._settings.exercise_progress_json()
        for card in bundled_cards(language, exercises) if exercises is not None else []:
            widget = ScenarioCardWidget(card, self._grid_host, exercise_standing(progress, card.scenario_id))
            widget.activated.connect(self.open_requested)
            self.exercise_cards.append(widget)
        self.exercises_heading.setVisible(bool(self.exercise_cards))
        solved = sum(1 for card in self.exercise_cards if card.standing and card.standing[0])
        self.exercises_count.setText(self.tr("{0} of {1} solved").format(solved, len(self.exercise_cards)))
        for widget in (self.exercises_side, self.exercises_count, self.exercises_button):
            widget.setVisible(bool(self.exercise_cards))
        self.no_scenarios.setVisible(not self.cards)
        self._reflow()
        self.recent_list.clear()
        for path in self._settings.recent_files:
            item = QListWidgetItem(Path(path).name)
            item.setData(Qt.ItemDataRole.UserRole, path)
            item.setToolTip(plain_tooltip(path))
            self.recent_list.addItem(item)
        self.no_recent.setVisible(self.recent_list.count() == 0)
        self.recent_list.setVisible(self.recent_list.count() > 0)

    def scroll_to_exercises(self) -> None:
        self._scroll.verticalScrollBar().setValue(self.exercises_heading.y())

    def _columns(self) -> int:
        card_width = CARD_MIN_WIDTH_EM * self.fontMetrics().height()
        return max(1, min(3, self._scroll.viewport().width() // card_width))

    def _reflow(self) -> None:
        columns = self._laid_columns = self._columns()
        for grid, cards in ((self._grid, self.cards), (self._exercise_grid, self.exercise_cards)):
            while grid.count():
                grid.takeAt(0)
            for i, card in enumerate(cards):
                grid.addWidget(card, i // columns, i % columns)
            for c in range(grid.columnCount()):
                grid.setColumnStretch(c, 1 if c < columns else 0)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt API
        if watched is self._scroll.viewport() and event.type() == QEvent.Type.Resize:
            columns = self._columns()
            if columns != getattr(self, "_laid_columns", None):
                self._reflow()
        return super().eventFilter(watched, event)

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def scenario_dropped(self, path: str) -> None:
        self.open_requested.emit(path)
