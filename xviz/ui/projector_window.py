"""The main window's side of the projector view (F11): its actions and keys, full screen, and the
presenter type for as long as it lasts. The workbench's side (layout, caption) is ui.projector."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from xviz.ui.app import ui_context
from xviz.ui.file_guard import is_headless


class ProjectorActions:
    """Mixed into MainWindow (which provides `_action`, `_settings`, `workbench`, `_on_workbench`)."""

    def _create_projector_actions(self) -> None:
        """F11 enters and leaves the projector view (Esc leaves it too); inside it Space, PageDown and a
        clicker's "next" show the next stage then the next step, F8 brings the editors back and 1-9
        switch the scenario's what-ifs."""
        self._projector = False
        self._state_before_projector = Qt.WindowState.WindowNoState
        self.act_projector = self._action(lambda: self.set_projector(not self._projector), "F11")
        self.act_projector.setCheckable(True)
        bench = lambda: self.workbench.projector  # noqa: E731 - built on first use
        self.act_projector_leave = self._action(lambda: self.set_projector(False), "Esc")
        self.act_projector_next = self._action(lambda: bench().next())
        self.act_projector_next.setShortcuts([QKeySequence(k) for k in ("Space", "PgDown", "Right", "Down")])
        self.act_projector_back = self._action(lambda: bench().back())
        self.act_projector_back.setShortcuts([QKeySequence(k) for k in ("PgUp", "Left", "Up", "Backspace")])
        self.act_editors = self._action(lambda: bench().set_editors_shown(not bench().editors_shown()), "F8")
        self._projector_only = [self.act_projector_leave, self.act_projector_next, self.act_projector_back,
                                self.act_editors]
        for n in range(1, 10):
            action = self._action(lambda _c=False, i=n - 1: self._toggle_what_if(i), str(n))
            self._projector_only.append(action)
        for action in self._projector_only:
            action.setEnabled(False)

    def _toggle_what_if(self, index: int) -> None:
        checks = self.workbench.flow_panel.what_if_checks
        if 0 <= index < len(checks):
            checks[index].toggle()  # as a click does: through the document, undoable

    def set_projector(self, on: bool) -> None:
        """Enter or leave the projector view: full screen, presenter type, the workbench folded to the
        diagram and a caption. Leaving restores the window and the stored presenter setting."""
        on = bool(on) and self._on_workbench()
        if on == self._projector:
            self.act_projector.setChecked(on)
            return
        self._projector = on
        context = ui_context()
        context.set_appearance(context.theme, context.font_size, True if on else self._settings.presenter)
        if on:
            self._state_before_projector = self.windowState()
            self.menuBar().hide()
            if not is_headless():
                self.showFullScreen()
        else:
            self.menuBar().show()
            if not is_headless():
                self.setWindowState(self._state_before_projector)
        self.workbench.projector.set_on(on)
        for action in self._projector_only:
            action.setEnabled(on)
        self.act_projector.setChecked(on)

    def is_projector(self) -> bool:
        return self._projector

