"""The real scenario behind the workbench: load with `xviz.scenario`, evaluate every step, re-evaluate
after each policy edit, save in place. Fills the ScenarioView the widgets draw. No Qt here.

`loading.load_scenario_view` uses `scenario_view_from_file`; a policy edit goes through
`LiveScenario.edit_policy`, which re-parses that policy alone and re-runs the flows; the text goes
into the file (comments and order kept) when saved. When the edited text is not a policy the engine
accepts, the last good verdicts stay and `view.stale` is set.
"""
from __future__ import annotations

import dataclasses
from pathlib import Path

from xviz.engine import validate_policy
from xviz.scenario import ScenarioError, loads
from xviz.scenario.jsontext import JsonTextError, load_policy_json
from xviz.files import Fingerprint, save_atomically
from xviz.scenario.loader import LoadedScenario, read_text
from xviz.scenario.report import explain
from xviz.scenario.runner import StepRun, run_steps
from xviz.scenario.yamlsource import parse_yaml
from xviz.ui.raw_scenario import read_scenario_view
from xviz.ui.view_model import LoadProblem, ScenarioView, StepView, verdict_from_expect

LANGUAGES = ("en", "ja")


def _problems(error: ScenarioError) -> list[LoadProblem]:
    return [LoadProblem(p.message + (f" ({p.hint})" if p.hint else ""), p.file or "", p.line, p.column)
            for p in error.problems]


def _policy_id(path: tuple) -> str:
    return ".".join(str(part) for part in path)


class LiveScenario:
    """A scenario open in the workbench: its file text, the last good evaluation, the edits made since.

    An edit re-parses only that policy's JSON and re-runs the flows with it (the world, the other
    policies and the file's YAML are not read again); the edited text is spliced into the file text
    when it is asked for (`text`, `save`).
    """

    def __init__(self, path: str | Path, text: str | None = None):
        """`text`, when given, stands for the file's content (a recovery copy not saved yet)."""
        self.path = Path(path)
        self.view: ScenarioView = read_scenario_view(self.path, text)
        self.view.source = self
        self.view.not_ready.discard("engine")
        self.loaded: LoadedScenario | None = None  # the last version that loaded and ran
        self.runs: list[StepRun] = []
        self._file_text: str | None = None  # as read or last saved
        self._pending: dict[tuple, str] = {}  # policy path -> edited text, not yet in the file text
        self._text: str | None = None
        self._paths: dict[str, tuple] = {}
        self.what_ifs: tuple[str, ...] = ()
        if self.view.problems:  # not even YAML: the raw reader has said where
            return
        try:
            self._file_text = read_text(self.path) if text is None else text
            loaded = loads(self._file_text, str(self.path))
        except ScenarioError as error:
            self.view.problems.extend(_problems(error))
            return
        self._paths = {_policy_id(path): path for path in loaded.policies}
        if not self._run(loaded):
            self.view.problems.extend(self.view.edit_problems)
            self.view.edit_problems = []
            self.view.stale = False

    @property
    def editable(self) -> bool:
        return self.loaded is not None

    @property
    def text(self) -> str | None:
        """The file's text with every edit so far written into its block (comments and order kept)."""
        if self._text is None and self._file_text is not None:
            text = self._file_text
            for path, policy_text in self._pending.items():
                base = dataclasses.replace(self.loaded, text=text,
                                           source_map=parse_yaml(text, str(self.path)).source_map)
                text = base.replace_policy_text(path, policy_text)
            self._text = text
        return self._text

    def edit_policy(self, policy_id: str, text: str) -> bool:
        """Use the policy's new text and re-evaluate; False (verdicts kept, `view.stale`) when it
        is not a policy the engine accepts."""
        path = self._paths.get(policy_id)
        source = self.loaded.policies.get(path) if self.loaded is not None and path else None
        if source is None:
            return False
        self._pending[path] = text
        self._text = None
        try:
            document, positions = load_policy_json(text, str(self.path))
        except JsonTextError as exc:
            return self._failed_at(source, f"policy {source.name!r}: {exc.message}", exc.line, exc.column)
        # The same rule as loading: what the engine calls an error keeps the scenario from running.
        for diag in validate_policy(text, source.policy_type, account=source.account):
            if diag.severity == "error":
                return self._failed_at(source, f"policy {source.name!r}: {diag.message}", diag.line, diag.column)
        edited = dataclasses.replace(source, text=text, document=document, json_positions=positions)
        return self._run(dataclasses.replace(self.loaded, policies={**self.loaded.policies, path: edited}))

    def set_what_ifs(self, names: list[str] | tuple[str, ...]) -> bool:
        """Flip switches: reload the current text with those what-ifs applied, in order, and re-run.

        Edits to a policy that an active what-if replaces are evaluated over the what-if's version."""
        try:
            loaded = loads(self.text, str(self.path), tuple(names))
        except ScenarioError as error:
            return self._failed(error)
        self.what_ifs = tuple(names)
        return self._run(loaded)

    def save(self, path: str | Path | None = None, expected: Fingerprint | None = None,
             allow_read_only: bool = False) -> Fingerprint:
        """Atomic save of the current text (also of a policy that does not parse: work in progress).
        With `expected`, refuses (ChangedOnDisk) when the file is no longer what was read; a read-only
        file raises ReadOnlyFile unless `allow_read_only`. On success the scenario belongs to `path`."""
        if self.loaded is None:
            raise OSError("this scenario could not be loaded, so it cannot be saved from the app")
        try:
            text = self.text
        except ScenarioError as error:
            raise OSError(error.first.message + (f" ({error.first.hint})" if error.first.hint else "")) from None
        target = Path(path) if path is not None else self.path
        saved = save_atomically(target, text, expected, allow_read_only=allow_read_only)
        self.path, self.view.path, self._file_text, self._pending = target, target, text, {}
        try:
            self.loaded = loads(text, str(target), self.what_ifs)  # positions now follow the saved text
        except ScenarioError:
            # Work in progress (a half-typed policy) is saved as typed; the last good evaluation stays,
            # and its block positions are re-read from the text whenever they are needed (`text`).
            self.loaded = dataclasses.replace(self.loaded, text=text, file=str(target))
        return saved

    # --- evaluation ---------------------------------------------------------------------------
    def _failed(self, error: ScenarioError) -> bool:
        self.view.stale = True
        self.view.edit_problems = _problems(error)
        return False

    def _failed_at(self, source, message: str, line: int | None, column: int | None) -> bool:
        """A problem inside one policy's text, placed at its line and column in the file."""
        at = source.block.file_position(line, column) if source.block is not None and line else None
        self.view.stale = True
        self.view.edit_problems = [LoadProblem(message, str(self.path), *(at or (None, None)))]
        return False

    def _run(self, loaded: LoadedScenario) -> bool:
        try:
            runs = run_steps(loaded)
        except ScenarioError as error:
            return self._failed(error)
        self.loaded, self.runs = loaded, runs
        self.view.stale = False
        self.view.edit_problems = []
        for run in runs:
            self._apply(run)
        return True

    def _apply(self, run: StepRun) -> None:
        flow = self.view.flow(run.plan.flow)
        if flow is None or run.plan.index >= len(flow.steps):
            return
        step = flow.steps[run.plan.index]
        apply_run(step, run)
        step.expected = verdict_from_expect(run.plan.step.expect)  # a what-if may change it


def apply_run(step: StepView, run: StepRun) -> None:
    """A step's verdict, explanation and deciding statement from its evaluation."""
    step.verdict = verdict_from_expect(run.outcome)
    step.explanation = {lang: explain(run, lang) for lang in LANGUAGES}
    step.policy_ids, step.focus, step.run = [], None, run
    for statement in run.result.get("decisive") or []:
        source = run.plan.sources.get((statement.get("policy_type"), statement.get("target"),
                                       statement.get("policy")))
        if source is None:  # a policy xviz adds itself (FullAWSAccess) has no text to show
            continue
        policy_id = _policy_id(source.path)
        step.policy_ids.append(policy_id)
        if step.focus is None and source.json_positions is not None:
            found = source.json_positions.lookup(("Statement", statement.get("statement") or 0))
            if found:
                step.focus = (policy_id, found[0], found[1])


def scenario_view_from_file(path: str | Path, text: str | None = None) -> ScenarioView:
    return LiveScenario(path, text).view
