"""An exercise's checks and score, evaluated on a loaded scenario (as written, edited, or solved).

`evaluate_exercise` is the one entry point: `xviz exercise` prints what it returns, and the app can
give it the step outcomes it already holds so that no step is evaluated twice. An inline check runs
as a flow of one step of its own, so it gets the same derivation (sessions, organization keys, RAM)
as any step; its source positions point into the exercise block.
"""
from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass

from xviz.scenario import model as m
from xviz.scenario.loader import LoadedScenario, loads
from xviz.scenario.errors import Problem
from xviz.scenario.runner import run_steps, validate_requests
from xviz.scenario.whatif import resolve_path, subtree
from xviz.scenario.yamlsource import SourceMap

INLINE_FLOW = "exercise check {n}"  # errors name the request "exercise check N.request"


@dataclass(frozen=True)
class CheckResult:
    number: int  # 1-based, in the order written
    check: m.ExerciseCheck
    outcome: str  # what the step or request gets now

    @property
    def met(self) -> bool:
        return self.outcome == self.check.expect


@dataclass(frozen=True)
class Score:
    """Least-privilege golf over the editable policies: fewer is better."""

    actions: int
    wildcards: int
    statements: int

    @property
    def total(self) -> int:
        return self.actions + self.wildcards + self.statements

    def as_dict(self) -> dict:
        return {"actions": self.actions, "wildcards": self.wildcards, "statements": self.statements,
                "total": self.total}


@dataclass(frozen=True)
class ExerciseResult:
    checks: list[CheckResult]
    score: Score | None = None
    reference: Score | None = None  # the same count on the reference solution

    @property
    def all_met(self) -> bool:
        return all(c.met for c in self.checks)

    def score_dict(self) -> dict | None:
        if self.score is None:
            return None
        return {**self.score.as_dict(), "reference": self.reference.as_dict() if self.reference else None,
                "at_or_under_reference": self.reference is not None and self.score.total <= self.reference.total}


def evaluate_exercise(loaded: LoadedScenario, step_outcomes: Mapping[str, str] | None = None) -> ExerciseResult:
    """Every check of the exercise with the outcome it gets now, and the score when the exercise keeps one.

    `step_outcomes` ("FLOW.STEP" -> outcome) saves re-running the flows when the caller has run them;
    inline requests are always evaluated here. Raises ScenarioError when an inline request cannot be
    evaluated, ValueError when the scenario has no exercise."""
    ex = loaded.model.exercise
    if ex is None:
        raise ValueError(f"{loaded.file or 'the scenario'} has no exercise")
    if step_outcomes is None and any(c.step for c in ex.checks):
        step_outcomes = {run.plan.ref: run.outcome for run in run_steps(loaded)}
    inline = _run_inline(loaded)
    results = [CheckResult(n, check, step_outcomes[check.step] if check.step else inline[n])
               for n, check in enumerate(ex.checks, 1)]
    if not ex.score:
        return ExerciseResult(results)
    reference = loaded if loaded.solution else loads(loaded.text, loaded.file, loaded.what_ifs, solution=True)
    return ExerciseResult(results, golf_score(loaded), golf_score(reference))


def _run_inline(loaded: LoadedScenario) -> dict[int, str]:
    """Outcome of each inline request, by check number: each runs as a one-step flow from the world as written."""
    extended, names = _inline_flows(loaded)
    if not names:
        return {}
    outcomes = {run.plan.flow: run.outcome for run in run_steps(extended)}
    return {n: outcomes[name] for n, name in names.items()}


def validate_inline(loaded: LoadedScenario) -> list[Problem]:
    """What the engine would refuse in the exercise's inline requests, without evaluating them."""
    extended, names = _inline_flows(loaded)
    return validate_requests(extended) if names else []


def _inline_flows(loaded: LoadedScenario) -> tuple[LoadedScenario, dict[int, str]]:
    """The scenario with the inline requests as its only flows (positions pointing into the exercise
    block), and each flow's name by check number."""
    flows, names = {}, {}
    smap = SourceMap(dict(loaded.source_map.nodes), dict(loaded.source_map.keys))
    checks = loaded.model.exercise.checks if loaded.model.exercise else []
    for n, check in enumerate(checks, 1):
        if check.request is None:
            continue
        name = names[n] = INLINE_FLOW.format(n=n)
        step = m.Step(id="request", narration=check.label, expect=check.expect,
                      **{f: getattr(check.request, f) for f in m.Request.model_fields})
        flows[name] = m.Flow(title=check.label, steps=[step])
        smap.graft(("flows", name, "steps", 0), subtree(loaded.source_map, ("exercise", "checks", n - 1, "request")))
    model = loaded.model.model_copy(update={"flows": flows})
    return dataclasses.replace(loaded, model=model, source_map=smap), names


# Elements whose values count as wildcards when they hold * or ?.
_WILDCARD_ELEMENTS = ("Action", "NotAction", "Resource", "NotResource", "Principal", "NotPrincipal")


def golf_score(loaded: LoadedScenario) -> Score:
    """Actions, wildcards and statements in the exercise's editable policies."""
    actions = wildcards = statements = 0
    for dotted in loaded.model.exercise.editable:
        source = loaded.policies.get(resolve_path(loaded.data, dotted))
        if source is None or not isinstance(source.document, dict):
            continue
        found = source.document.get("Statement") or []
        for statement in [found] if isinstance(found, dict) else found:
            if not isinstance(statement, dict):
                continue
            statements += 1
            actions += sum(len(_strings(statement.get(k))) for k in ("Action", "NotAction"))
            wildcards += sum(1 for k in _WILDCARD_ELEMENTS for s in _strings(statement.get(k)) if "*" in s or "?" in s)
    return Score(actions, wildcards, statements)


def _strings(value) -> list[str]:
    """Every string in a policy element (a string, a list, or a principal map of lists)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    return []
