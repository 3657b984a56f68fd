"""The main window: the home screen or a scenario's workbench, with the menus around them."""
from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMenu, QMessageBox, QStackedWidget, QWidget

from xviz.ui.app import ui_context
from xviz.files import SaveRefused
from xviz.ui.catalog import pick
from xviz.ui.file_guard import COPY_OLDER, FileGuard, Prompt, dialog_prompt, is_headless, text as guard_text
from xviz.ui.home import HomeScreen, ScenarioDropTarget
from xviz.ui.projector_window import ProjectorActions
from xviz.ui.recovery import RecoveryStore
from xviz.ui.settings import AppSettings
from xviz.ui.settings_dialog import SettingsDialog

if TYPE_CHECKING:
    from xviz.document import Document
    from xviz.ui.workbench import Workbench

RECOVERY_INTERVAL_MS = 20_000


class MainWindow(ProjectorActions, ScenarioDropTarget, QMainWindow):
    def __init__(self, settings: AppSettings | None = None, scenarios_dir: Path | None = None,
                 recovery: RecoveryStore | None = None, ask_restore: Callable[[Path], bool | None] | None = None,
                 prompt: Prompt | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self._settings = settings or AppSettings()
        self._recovery = recovery or RecoveryStore()
        self._ask_restore = ask_restore or self._ask_restore_dialog
        # Saving's questions (changed on disk, read-only, reload); never a dialog when headless.
        self._prompt = prompt or dialog_prompt(self)
        self.file_guard = FileGuard(self)
        self.file_guard.changed_on_disk.connect(self._offer_reload)
        self._recovery_timer = QTimer(self)
        self._recovery_timer.setInterval(RECOVERY_INTERVAL_MS)
        self._recovery_timer.timeout.connect(self.write_recovery_copy)
        self._recovery_timer.start()
        self.home = HomeScreen(self._settings, scenarios_dir)
        self._workbench: Workbench | None = None  # built on first use: see `workbench`
        self.stack = QStackedWidget()
        self.stack.addWidget(self.home)
        self.setCentralWidget(self.stack)
        self.setAcceptDrops(True)
        self.resize(1600, 1000)

        self.home.open_requested.connect(self.open_path)
        self.home.open_dialog_requested.connect(self.open_dialog)
        self.home.blank_requested.connect(self.open_blank)
        self._create_actions()
        self._create_menus()
        self.retranslate()
        self.show_home()

    # --- the workbench, built on first use -------------------------------------------------------
    @property
    def workbench(self) -> Workbench:
        """The scenario workbench. Built the first time it is needed, so the home screen paints
        without importing the scenario model, the engine and the editors."""
        if self._workbench is None:
            from xviz.ui.workbench import Workbench  # noqa: PLC0415 - deferred: see above

            bench = Workbench()
            self._workbench = bench
            self.stack.addWidget(bench)
            history = bench.undo_group  # follows the open document's undo stack
            for signal in (history.cleanChanged, history.canUndoChanged, history.canRedoChanged):
                signal.connect(self._follow_history)
            bench.tree_shown_changed.connect(self.act_tree.setChecked)
            bench.predict.settings = self._settings
            bench.exercise.settings = self._settings
            bench.predict.mode_changed.connect(self.act_predict.setChecked)
            self.act_tree.setChecked(bench.tree_shown())
        return self._workbench

    def _on_workbench(self) -> bool:
        """The workbench is built and on show (without building it)."""
        return self._workbench is not None and self.stack.currentWidget() is self._workbench

    def _flow(self, method: str) -> Callable[[], None]:
        """A flow panel slot for an action made before the workbench exists."""
        return lambda: getattr(self.workbench.flow_panel, method)()

    # --- actions ------------------------------------------------------------------------------
    def _action(self, slot, shortcut=None) -> QAction:
        action = QAction(self)
        if slot is not None:
            action.triggered.connect(slot)
        if shortcut is not None:
            action.setShortcuts(QKeySequence.keyBindings(shortcut) if isinstance(shortcut, QKeySequence.StandardKey)
                                else [QKeySequence(shortcut)])
        self.addAction(action)  # shortcuts work even while the menu bar is hidden
        return action

    def _create_actions(self) -> None:
        K = QKeySequence.StandardKey
        self.act_home = self._action(self.show_home, "Ctrl+Shift+H")
        self.act_open = self._action(self.open_dialog, K.Open)
        self.act_blank = self._action(self.open_blank, K.New)
        self.act_save = self._action(self.save, K.Save)
        self.act_save_as = self._action(self.save_as, K.SaveAs)
        self.act_export = self._action(self.export_diagram, "Ctrl+E")
        self.act_walkthrough = self._action(self.export_walkthrough)
        self.act_quit = self._action(self.close, K.Quit)
        # One history for the scenario: Undo works across editors and what-if switches.
        self.act_undo = self._action(lambda: self._with_history("undo"), K.Undo)
        self.act_redo = self._action(lambda: self._with_history("redo"), K.Redo)
        if "Ctrl+Shift+Z" not in [k.toString() for k in self.act_redo.shortcuts()]:
            self.act_redo.setShortcuts([*self.act_redo.shortcuts(), QKeySequence("Ctrl+Shift+Z")])
        self.act_settings = self._action(self.open_settings, K.Preferences)
        self.act_fit = self._action(lambda: self.workbench.diagrams.fit(whole=True), "Ctrl+0")
        self.act_presenter = self._action(self.toggle_presenter)  # the larger type; F11 is the projector view
        self.act_presenter.setCheckable(True)
        self.act_tree = self._action(None, "F9")  # presenter mode hides the world tree; this brings it back
        self.act_tree.setCheckable(True)
        self.act_tree.setChecked(not ui_context().presenter)
        self.act_tree.toggled.connect(lambda shown: self.workbench.set_tree_shown(shown))
        # Alt+arrows like a browser's back/forward: plain arrows belong to the editor and lists.
        self.act_first = self._action(self._flow("go_first"), "Alt+Home")
        self.act_back = self._action(self._flow("go_back"), "Alt+Left")
        self.act_forward = self._action(self._flow("go_forward"), "Alt+Right")
        self.act_last = self._action(self._flow("go_last"), "Alt+End")
        self.act_play = self._action(self._flow("toggle_play"), "F5")
        # Inside one step: down the evaluation's stages, like going down a list; Ctrl+] / Ctrl+[ too,
        # for keyboards where Alt+arrows belong to the system.
        self.act_stage_next = self._action(self._flow("stage_forward"))
        self.act_stage_next.setShortcuts([QKeySequence("Alt+Down"), QKeySequence("Ctrl+]")])
        self.act_stage_back = self._action(self._flow("stage_back"))
        self.act_stage_back.setShortcuts([QKeySequence("Alt+Up"), QKeySequence("Ctrl+[")])
        self._create_projector_actions()
        self.act_predict = self._action(lambda on: self.workbench.predict.set_on(on), "Ctrl+Shift+P")
        self.act_predict.setCheckable(True)
        self.act_about = self._action(self.about)
        for action in (self.act_undo, self.act_redo):
            action.setEnabled(False)

    def _create_menus(self) -> None:
        bar = self.menuBar()
        self.menu_file = bar.addMenu("")
        self.menu_recent = QMenu(self)
        self.menu_recent.aboutToShow.connect(self._fill_recent_menu)
        for item in (self.act_home, None, self.act_blank, self.act_open, self.menu_recent, None, self.act_save,
                     self.act_save_as, self.act_export, self.act_walkthrough, None, self.act_quit):
            if item is None:
                self.menu_file.addSeparator()
            elif isinstance(item, QMenu):
                self.menu_file.addMenu(item)
            else:
                self.menu_file.addAction(item)
        self.menu_edit = bar.addMenu("")
        self.menu_edit.addActions([self.act_undo, self.act_redo])
        self.menu_edit.addSeparator()
        self.menu_edit.addAction(self.act_settings)
        self.menu_view = bar.addMenu("")
        self.menu_view.addActions([self.act_fit, self.act_tree, self.act_presenter, self.act_projector])
        self.menu_flow = bar.addMenu("")
        self.menu_flow.addActions([self.act_first, self.act_back, self.act_forward, self.act_last])
        self.menu_flow.addSeparator()
        self.menu_flow.addActions([self.act_stage_next, self.act_stage_back])
        self.menu_flow.addSeparator()
        self.menu_flow.addAction(self.act_play)
        self.menu_flow.addSeparator()
        self.menu_flow.addAction(self.act_predict)
        self.menu_help = bar.addMenu("")
        self.menu_help.addAction(self.act_about)

    def retranslate(self) -> None:
        self.menu_file.setTitle(self.tr("&File"))
        self.menu_edit.setTitle(self.tr("&Edit"))
        self.menu_view.setTitle(self.tr("&View"))
        self.menu_flow.setTitle(self.tr("F&low"))
        self.menu_help.setTitle(self.tr("&Help"))
        self.menu_recent.setTitle(self.tr("Open &Recent"))
        texts = {
            self.act_home: self.tr("&Home"), self.act_open: self.tr("&Open…"),
            self.act_blank: self.tr("&New from Blank Template"), self.act_save: self.tr("&Save"),
            self.act_save_as: self.tr("Save &As…"), self.act_export: self.tr("&Export Diagram…"),
            self.act_walkthrough: self.tr("Export &Walkthrough…"),
            self.act_quit: self.tr("&Quit"), self.act_undo: self.tr("&Undo"), self.act_redo: self.tr("&Redo"),
            self.act_settings: self.tr("&Settings…"), self.act_fit: self.tr("&Fit Diagram to Window"),
            self.act_presenter: self.tr("&Presenter Mode"), self.act_tree: self.tr("Account &Tree"),
            self.act_first: self.tr("&First Step"),
            self.act_back: self.tr("&Previous Step"), self.act_forward: self.tr("&Next Step"),
            self.act_last: self.tr("&Last Step"), self.act_play: self.tr("Play / &Pause"),
            self.act_stage_next: self.tr("Next S&tage Inside the Step"),
            self.act_stage_back: self.tr("Previous St&age Inside the Step"),
            self.act_about: self.tr("&About xviz"),
            self.act_predict: self.tr("P&redict the Verdict"),
            self.act_projector: self.tr("Pro&jector View"),
        }
        for action, text in texts.items():
            action.setText(text)
        self._update_title()

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- screens ------------------------------------------------------------------------------
    def show_home(self) -> None:
        if not self._confirm_discard():
            return
        self.set_projector(False)
        self.home.reload()
        self.file_guard.forget()
        self.stack.setCurrentWidget(self.home)
        self.setWindowModified(False)
        self._set_workbench_actions(False)
        self._update_title()

    def open_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open a scenario"), "",
                                              self.tr("Scenarios (*.yaml *.yml);;All files (*)"))
        if path:
            self.open_path(path)

    def open_path(self, path: str) -> bool:
        """Open a scenario file; problems are shown in the workbench, never raised."""
        if not self._confirm_discard():
            return False
        path = Path(path)
        recovered = self._recovery.find(path) if path.is_file() else None
        answer = self._ask_restore(path) if recovered is not None else False
        if not answer:
            if answer is False and recovered is not None:  # the user said so (None: not asked, e.g. headless)
                self._recovery.discard(path)
            recovered = None
        from xviz.document import Document  # noqa: PLC0415 - the home screen paints without the core
        from xviz.scenario import ScenarioError  # noqa: PLC0415

        try:
            document = Document.open(path, recovered)
        except ScenarioError as error:  # not even readable text: say so, keep what is on screen
            self._message(QMessageBox.Icon.Warning, self.tr("Open"), str(error))
            return False
        self._settings.add_recent_file(str(path.resolve()))
        self.open_document(document)
        self.file_guard.track(path, document.fingerprint)
        if recovered is not None:  # restored edits are not in the file yet: unsaved until saved
            self.workbench.history.resetClean()
        self.setWindowModified(recovered is not None)
        return True

    def _ask_restore_dialog(self, path: Path) -> bool | None:
        """True restore, False discard the copy, None decide later (the copy stays)."""
        note = guard_text(COPY_OLDER) if self._recovery.copy_is_older(path) else ""
        answer = dialog_prompt(self)("restore", path, note)
        return {"restore": True, "discard": False}.get(answer)

    def write_recovery_copy(self) -> bool:
        """Every little while: the text of a modified scenario, kept apart from the file."""
        document = self._workbench.document() if self._workbench is not None else None
        if not self.isWindowModified() or document is None or document.document.path is None:
            return False
        from xviz.scenario import ScenarioError  # noqa: PLC0415 - loaded with the workbench

        try:
            text = document.text()
        except ScenarioError:  # a text that cannot be spliced yet: try again next time
            return False
        self._recovery.write(document.document.path, text)
        return True

    def _forget_recovery(self) -> None:
        document = self._workbench.document() if self._workbench is not None else None
        if document is not None and document.document.path is not None:
            self._recovery.discard(document.document.path)

    def open_blank(self) -> None:
        """A small world to start from, not yet saved anywhere (Save asks where)."""
        from xviz.document import Document  # noqa: PLC0415 - the home screen paints without the core
        from xviz.document.blank import BLANK_SCENARIO  # noqa: PLC0415

        if self._confirm_discard():
            self.file_guard.forget()
            self.open_document(Document(None, BLANK_SCENARIO))

    def open_document(self, document: "Document") -> None:
        from xviz.ui.scenario_document import ScenarioDocument  # noqa: PLC0415 - with the workbench

        self.workbench.set_document(ScenarioDocument(document))
        self.stack.setCurrentWidget(self.workbench)
        self.setWindowModified(False)
        self._set_workbench_actions(True)
        self._update_title()

    def _set_workbench_actions(self, enabled: bool) -> None:
        for action in (self.act_save, self.act_save_as, self.act_export, self.act_walkthrough, self.act_fit, self.act_tree,
                       self.act_first, self.act_back, self.act_forward, self.act_last, self.act_play,
                       self.act_stage_next, self.act_stage_back, self.act_predict, self.act_projector):
            action.setEnabled(enabled)
        self._follow_history()

    def _update_title(self) -> None:
        view = self._workbench.view() if self._on_workbench() else None
        if view is not None:
            self.setWindowTitle(f"{pick(view.title, ui_context().language)}[*]")
        else:
            self.setWindowTitle(self.tr("Home") + "[*]")

    # --- editing ------------------------------------------------------------------------------
    def _with_history(self, method: str) -> None:
        if self._on_workbench():
            getattr(self.workbench.undo_group, method)()

    def _follow_history(self, *_args) -> None:
        """Undo/Redo are enabled when the scenario's history can, on the workbench only; the unsaved
        marker follows its clean state (the saved file)."""
        if not shiboken6.isValid(self.stack):  # the history says goodbye while the window is torn down
            return
        active = self._on_workbench()
        history = self._workbench.undo_group if active else None
        self.setWindowModified(active and history.activeStack() is not None and not history.isClean())
        self.act_undo.setEnabled(active and history.canUndo())
        self.act_redo.setEnabled(active and history.canRedo())

    # --- files --------------------------------------------------------------------------------
    def save(self) -> None:
        document = self._workbench.document() if self._workbench is not None else None
        if document is None:
            return
        if document.document.path is None:
            self.save_as()
        else:
            self._save_to(document.document.path)

    def save_as(self) -> None:
        if self._workbench is None or self._workbench.document() is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the scenario as"), "",
                                              self.tr("Scenarios (*.yaml *.yml)"))
        if path:
            self._save_to(Path(path))

    def _save_to(self, path: Path) -> bool:
        """Save through the file guard (changed on disk? read-only? asked first). Only a save that
        happened moves the window to `path`: title, recovery copy, Recent files, unsaved marker."""
        from xviz.scenario import ScenarioError  # noqa: PLC0415 - loaded with the workbench

        document = self.workbench.document()
        before = document.document.path
        try:
            outcome = self.file_guard.save(path, lambda expected, read_only: document.save(path, expected, read_only),
                                           self._prompt)
        except (OSError, SaveRefused, ScenarioError, ValueError) as exc:
            self._message(QMessageBox.Icon.Warning, self.tr("Save"), self.tr("The file could not be saved:")
                          + f"\n{path}\n{getattr(exc, 'strerror', None) or exc}")
            return False
        if outcome == "save_as":
            self.save_as()
        if outcome != "saved":
            return False
        for saved in {before, Path(path)} - {None}:  # Save As: the copy of the first file goes too
            self._recovery.discard(saved)
        self._settings.add_recent_file(str(Path(path).resolve()))
        self.setWindowModified(False)
        self._update_title()
        return True

    def _offer_reload(self, path: Path) -> None:
        """Another program changed the open file: with nothing unsaved here, offer its new version;
        with unsaved edits, the next save asks before overwriting it."""
        if self.isWindowModified() or not self._on_workbench():
            return
        if self._prompt("reload", path) == "reload":
            self.open_path(str(path))

    def export_diagram(self) -> None:
        if self._current_diagram() is None:
            self._message(QMessageBox.Icon.Information, self.tr("Export"),
                          self.tr("There is no diagram to export yet."))
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the diagram"), "",
                                              self.tr("SVG image (*.svg);;PNG image (*.png)"))
        if path:
            self.export_diagram_to(Path(path))

    def _current_diagram(self):
        if self._workbench is None:
            return None
        diagrams = self._workbench.diagrams
        if diagrams.currentIndex() > 1:  # the story (nothing to export) or a source chart
            return diagrams.current_scene()
        kind = "architecture" if diagrams.currentIndex() == 0 else "sequence"
        return diagrams.current_scene() if diagrams.has_real_scene(kind) else None

    def export_diagram_to(self, path: Path) -> bool:
        """The diagram on screen to SVG (text stays text) or PNG; a message box on failure."""
        from xviz.ui.diagram import export_png, export_svg  # noqa: PLC0415 - only when exporting

        scene = self._current_diagram()
        if scene is None:
            return False
        if path.suffix.lower() not in (".png", ".svg"):
            path = path.with_name(path.name + ".svg")
        try:
            if path.suffix.lower() == ".png":
                export_png(scene, path)
            else:
                export_svg(scene, path, self.windowTitle().replace("[*]", ""))
        except (OSError, SaveRefused) as exc:
            self._message(QMessageBox.Icon.Warning, self.tr("Export"),
                          self.tr("The diagram could not be exported:") + f"\n{path}\n{exc}")
            return False
        return True

    def export_walkthrough(self) -> None:
        if not self._on_workbench() or self.workbench.document() is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the walkthrough"), "",
                                              self.tr("Web page (*.html);;PDF (*.pdf)"))
        if path:
            self.export_walkthrough_to(Path(path))

    def export_walkthrough_to(self, path: Path) -> Path | None:
        """The handout of the scenario as on screen (edits and what-ifs); a message box on failure."""
        from xviz.scenario import ScenarioError  # noqa: PLC0415 - with the workbench
        from xviz.ui.walkthrough_export import failure_text, write_walkthrough  # noqa: PLC0415

        try:
            return write_walkthrough(self.workbench.document(), path, ui_context().language)
        except (ScenarioError, OSError) as exc:
            self._message(QMessageBox.Icon.Warning, self.tr("Export"),
                          self.tr("The walkthrough could not be written:") + f"\n{path}\n{failure_text(exc)}")
            return None

    def _fill_recent_menu(self) -> None:
        self.menu_recent.clear()
        for path in self._settings.recent_files:
            action = self.menu_recent.addAction(Path(path).name)
            action.setToolTip(path)
            action.triggered.connect(lambda _=False, p=path: self.open_path(p))
        if self.menu_recent.isEmpty():
            self.menu_recent.addAction(self.tr("No recent files yet.")).setEnabled(False)

    def _confirm_discard(self) -> bool:
        if not self.isWindowModified():
            return True
        if is_headless():  # nobody to ask: keep the edits (the recovery copy has them too)
            print("xviz: unsaved changes kept; no one to ask whether to discard them", file=sys.stderr)
            return False
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Unsaved changes"),
                          self.tr("This scenario has changes that are not saved. Discard them?"),
                          QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel, self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        if box.exec() != QMessageBox.StandardButton.Discard:
            return False
        self._forget_recovery()
        return True

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt API
        if self._confirm_discard():
            event.accept()
        else:
            event.ignore()

    # --- settings and help --------------------------------------------------------------------
    def open_settings(self) -> None:
        SettingsDialog(self._settings, self).exec()
        self.act_presenter.setChecked(ui_context().presenter)

    def toggle_presenter(self) -> None:
        context = ui_context()
        self._settings.presenter = not context.presenter
        context.set_appearance(context.theme, context.font_size, self._settings.presenter)
        self.act_presenter.setChecked(context.presenter)

    def about(self) -> None:
        self._message(QMessageBox.Icon.Information, self.tr("About xviz"), self.tr(
            "xviz shows how AWS accounts reach each other: a real IAM evaluation engine, scenarios "
            "and diagrams, step by step."))

    def _message(self, icon: QMessageBox.Icon, title: str, text: str) -> None:
        if is_headless():  # a modal box nobody can close would hang a --screenshot run
            print(f"xviz: {title}: {text}".replace("\n", " "), file=sys.stderr)
            return
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.exec()

    def scenario_dropped(self, path: str) -> None:
        self.open_path(path)
