"""The real scenario behind the workbench: load with `xviz.scenario`, evaluate every step, re-evaluate
after each policy edit, save in place. Fills the ScenarioView the widgets draw. No Qt here.

`loading.load_scenario_view` uses `scenario_view_from_file`; a policy edit goes through
`LiveScenario.edit_policy`, which splices the new JSON text into the file text (comments and order
kept), reloads and re-runs. When the edited text does not load, the last good verdicts stay and
`view.stale` is set.
"""
from __future__ import annotations

import dataclasses
from pathlib import Path

from xviz.scenario import ScenarioError, loads
from xviz.scenario.loader import LoadedScenario, read_text, save_text
from xviz.scenario.report import explain
from xviz.scenario.runner import StepRun, run_steps
from xviz.scenario.yamlsource import parse_yaml
from xviz.ui.raw_scenario import read_scenario_view
from xviz.ui.view_model import LoadProblem, ScenarioView, verdict_from_expect

LANGUAGES = ("en", "ja")


def _problems(error: ScenarioError) -> list[LoadProblem]:
    return [LoadProblem(p.message + (f" ({p.hint})" if p.hint else ""), p.file or "", p.line, p.column)
            for p in error.problems]


def _policy_id(path: tuple) -> str:
    return ".".join(str(part) for part in path)


class LiveScenario:
    """A scenario open in the workbench: its file text, the last good evaluation, edits spliced in."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.view: ScenarioView = read_scenario_view(self.path)
        self.view.source = self
        self.view.not_ready.discard("engine")
        self.loaded: LoadedScenario | None = None  # the last version that loaded and ran
        self._base: LoadedScenario | None = None  # where the next edit is spliced in (the current text)
        self.runs: list[StepRun] = []
        if self.view.problems:  # not even YAML: the raw reader has said where
            return
        try:
            self.text = read_text(self.path)
            loaded = loads(self.text, str(self.path))
        except ScenarioError as error:
            self.view.problems.extend(_problems(error))
            return
        self._base = loaded
        self._paths = {_policy_id(path): path for path in loaded.policies}
        if not self._run(loaded):
            self.view.problems.extend(self.view.edit_problems)
            self.view.edit_problems = []
            self.view.stale = False

    @property
    def editable(self) -> bool:
        return self._base is not None

    def edit_policy(self, policy_id: str, text: str) -> bool:
        """Put the policy's new text into the scenario and re-evaluate; False when it does not load."""
        path = self._paths.get(policy_id) if self._base is not None else None
        if path is None:
            return False
        try:
            new_text = self._base.replace_policy_text(path, text)
        except ScenarioError as error:
            return self._failed(error)
        self.text = new_text
        try:
            # The splice positions must follow the new text even when it does not load as a scenario.
            self._base = dataclasses.replace(self._base, text=new_text,
                                             source_map=parse_yaml(new_text, str(self.path)).source_map)
            loaded = loads(new_text, str(self.path))
        except ScenarioError as error:
            return self._failed(error)
        self._base = loaded
        return self._run(loaded)

    def save(self, path: str | Path | None = None) -> None:
        """Atomic save of the current text (also when it does not load: work in progress is kept)."""
        if self._base is None:
            raise OSError("this scenario could not be loaded, so it cannot be saved from the app")
        target = Path(path) if path is not None else self.path
        save_text(target, self.text)
        self.path = target

    # --- evaluation ---------------------------------------------------------------------------
    def _failed(self, error: ScenarioError) -> bool:
        self.view.stale = True
        self.view.edit_problems = _problems(error)
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
        step.verdict = verdict_from_expect(run.outcome)
        step.explanation = {lang: explain(run, lang) for lang in LANGUAGES}
        step.policy_ids, step.focus = [], None
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


def scenario_view_from_file(path: str | Path) -> ScenarioView:
    return LiveScenario(path).view
