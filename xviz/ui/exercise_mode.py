"""An exercise in the workbench: its checks evaluated on every snapshot the workbench renders, the
learner's progress (xviz.scenario.exercise_progress) kept in the settings, hints on request, and the
solution applied through the document as one undoable change."""
from __future__ import annotations

from PySide6.QtCore import QObject

from xviz.scenario import ScenarioError
from xviz.scenario.exercise import evaluate_exercise
from xviz.scenario.exercise_progress import ExerciseProgress
from xviz.ui.exercise_panel import ExercisePanel, ExerciseShown


def exercise_result(snapshot):
    """(ExerciseResult or None, why not) for a snapshot of an exercise; the flows' outcomes are the
    ones the snapshot already holds, so no step is evaluated twice."""
    loaded = snapshot.loaded
    if loaded is None or loaded.model.exercise is None:
        return None, ""
    if snapshot.view.stale:
        return None, ""
    outcomes = {run.plan.ref: run.outcome for run in snapshot.runs}
    try:
        return evaluate_exercise(loaded, outcomes), ""
    except (ScenarioError, KeyError, ValueError) as error:
        return None, str(error)


class ExerciseMode(QObject):
    def __init__(self, workbench):
        super().__init__(workbench)
        self._bench = workbench
        self.settings = None  # AppSettings, set by the main window; None: progress kept for this run only
        self._progress = ExerciseProgress()
        self.panel = ExercisePanel()
        self.panel.hint_requested.connect(self.next_hint)
        self.panel.solution_requested.connect(self.show_solution)
        self._id: str | None = None
        self._last = ExerciseShown()

    def progress(self) -> ExerciseProgress:
        if self.settings is not None:
            self._progress = ExerciseProgress.from_json(self.settings.exercise_progress_json())
        return self._progress

    def _save(self, progress: ExerciseProgress) -> None:
        self._progress = progress
        if self.settings is not None:
            self.settings.set_exercise_progress_json(progress.to_json())

    def show(self, snapshot) -> None:
        """The exercise of the snapshot on show (the document's own, not predict mode's mask)."""
        loaded = snapshot.loaded
        exercise = loaded.model.exercise if loaded is not None else None
        self._id = loaded.model.id if exercise is not None else None
        if exercise is None:
            self._last = ExerciseShown()
        else:
            result, problem = exercise_result(snapshot)
            if snapshot.view.stale:
                problem = self.tr("your last change cannot be evaluated yet.")
            progress = self.progress()
            before = progress.get(self._id)
            if result is not None and result.all_met:
                progress.record(self._id, result)
                self._save(progress)
            record = progress.get(self._id)
            self._last = ExerciseShown(exercise, result, problem, record.hints_seen, before.solved)
        self.panel.show_exercise(self._last)

    def shown(self) -> ExerciseShown:
        return self._last

    def next_hint(self) -> None:
        if self._id is None or self._last.exercise is None:
            return
        progress = self.progress()
        count = min(progress.get(self._id).hints_seen + 1, len(self._last.exercise.hints))
        progress.hint_seen(self._id, count)
        self._save(progress)
        self.panel.show_exercise(ExerciseShown(self._last.exercise, self._last.result, self._last.problem,
                                               count, self._last.solved_before))
        self._last = self.panel._shown

    def show_solution(self) -> None:
        document = self._bench.document()
        if document is not None:
            document.show_solution()
