"""What the handout says about a scenario, gathered in one place.

`gather_handout` is the only function that reads the scenario for the handout: today it loads the text
and runs the steps; once the app's scenario document exists, it can read the same facts from the
document's snapshot instead, and nothing else in the handout changes.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from xviz.handout.excerpt import ExcerptLine, excerpt
from xviz.scenario.cli_lines import cli_line
from xviz.scenario.loader import LoadedScenario, loads
from xviz.scenario.report import explain
from xviz.scenario.runner import StepRun, run_steps


@dataclass(frozen=True)
class DecidingStatement:
    policy: str  # the policy's name in the trace
    policy_type: str
    target: str | None  # the OU, root or account an SCP/RCP is attached to
    statement: int  # index in the policy's Statement list
    sid: str | None
    decided: bool  # True: it decided the outcome; False: the closest statement, which did not match
    failed: dict | None  # why it did not match (the engine's "failed" record)
    lines: list[ExcerptLine] = field(default_factory=list)  # empty for policies AWS adds (FullAWSAccess)


@dataclass(frozen=True)
class HandoutStep:
    flow: str
    number: int  # 1-based within the flow
    step_id: str
    title: str  # "caller → action → target"
    caller: str
    action: str
    resource: str
    verdict: str
    expected: str | None
    narration: str
    explanation: list[str]
    deciding: list[DecidingStatement]
    notes: list[str]
    cli: str
    docs: list[str]


@dataclass(frozen=True)
class HandoutFlow:
    name: str
    title: str
    narration: str
    steps: list[HandoutStep]


@dataclass(frozen=True)
class Handout:
    lang: str
    file: str | None
    scenario_id: str
    title: str
    summary: str
    docs: list[str]
    what_ifs: list[str]  # labels of the switches applied
    goal: str | None  # the exercise's goal, when the scenario is an exercise
    checks: list[str]  # the exercise's checks, as the learner reads them (no hints: they would give it away)
    flows: list[HandoutFlow]
    source: LoadedScenario  # the loaded scenario, for drawing its diagrams


def gather_handout(text: str, file: str | None, what_ifs: list[str] | tuple[str, ...] = (),
                   lang: str = "en") -> Handout:
    """Load `text`, run every step, and collect per step its title, verdict, deciding statements,
    narration, notes and CLI line. Raises ScenarioError on bad input."""
    loaded = loads(text, file, what_ifs)
    sc = loaded.model
    flows: dict[str, list[HandoutStep]] = {name: [] for name in sc.flows}
    for run in run_steps(loaded):
        flows[run.plan.flow].append(_step(loaded, run, lang))
    return Handout(
        lang, file, sc.id, _text(sc.title, lang), _text(sc.summary, lang), list(sc.docs),
        [_text(sc.what_ifs[name].label, lang) for name in what_ifs],
        _text(sc.exercise.goal, lang) if sc.exercise else None,
        [_text(check.label, lang) for check in sc.exercise.checks] if sc.exercise else [],
        [HandoutFlow(name, _text(flow.title, lang), _text(flow.narration, lang), flows[name])
         for name, flow in sc.flows.items()],
        loaded)


def _text(value, lang: str) -> str:
    return getattr(value, lang).rstrip("\n") if value is not None else ""


def _step(loaded: LoadedScenario, run: StepRun, lang: str) -> HandoutStep:
    plan, step = run.plan, run.plan.step
    target = step.target + (f"/{step.object}" if step.object else "")
    caller = step.actor.model_dump(exclude_none=True)
    who = (f"{caller['role']}/{caller['session']}" if "role" in caller
           else next((str(v) for k, v in caller.items() if k not in ("on_behalf_of", "source_arn")), "?"))
    return HandoutStep(
        plan.flow, plan.index + 1, step.id, f"{who} → {step.action} → {target}", plan.caller.arn, step.action,
        plan.resource_arn, run.outcome, run.expected, _text(step.narration, lang), explain(run, lang),
        deciding_statements(run), [note.text(lang) for note in run.notes],
        cli_line(loaded.model.world, step, plan.resource_arn), list(step.docs))


def deciding_statements(run: StepRun) -> list[DecidingStatement]:
    """The statements that decided the step; when none did (an implicit deny), the statements of the
    deciding stage, each with why it did not match."""
    result = run.result
    if result.get("kind") == "ram":
        return []
    found = [(entry, True) for entry in result.get("decisive") or []]
    if not found:
        for stage in result.get("trace") or []:
            if stage.get("decisive"):
                statements = list(stage.get("statements") or [])
                statements += [s for level in stage.get("levels") or [] for s in level.get("statements") or []]
                found += [(s, False) for s in statements]
    return [_deciding(run, entry, decided) for entry, decided in found]


def _deciding(run: StepRun, entry: dict, decided: bool) -> DecidingStatement:
    index = entry.get("statement") or 0
    source = run.plan.sources.get((entry.get("policy_type"), entry.get("target"), entry.get("policy")))
    return DecidingStatement(entry.get("policy") or "?", entry.get("policy_type") or "", entry.get("target"), index,
                             entry.get("sid"), decided, None if decided else entry.get("failed"),
                             excerpt(source, index) if source is not None else [])
