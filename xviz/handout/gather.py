"""What the handout says about a scenario, gathered in one place: from the scenario document's snapshot,
so the handout tells what the window and `xviz run` tell (the verdict, and the story of that verdict).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from xviz.document import Document
from xviz.document.run_report import VERDICT_WORDS, input_errors
from xviz.document.views import StepView
from xviz.handout.excerpt import ExcerptLine, excerpt
from xviz.scenario import ScenarioError
from xviz.scenario.cli_equivalents import CliWriter
from xviz.scenario.loader import LoadedScenario
from xviz.scenario.runner import StepRun


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
    """Evaluate `text` with these what-ifs and collect per step its title, verdict, deciding statements,
    narration, notes and CLI line. Raises ScenarioError on bad input."""
    document = Document(file, text)
    snapshot = document.set_what_ifs(what_ifs) if what_ifs else document.snapshot
    if snapshot.error is not None:
        raise snapshot.error
    if input_errors(snapshot):
        raise ScenarioError([run.problem for run in snapshot.runs if run.problem is not None])
    loaded = snapshot.loaded
    sc = loaded.model
    flows: dict[str, list[HandoutStep]] = {name: [] for name in sc.flows}
    cli = CliWriter(loaded)  # the lines `xviz run` prints for each step
    for flow in snapshot.view.flows:
        for view in flow.steps:
            flows[flow.id].append(_step(view, "\n".join(cli.step_lines(view.run.plan, lang)), lang))
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


def _step(view: StepView, cli: str, lang: str) -> HandoutStep:
    run = view.run
    plan, step = run.plan, run.plan.step
    return HandoutStep(
        plan.flow, plan.index + 1, step.id, view.title, plan.caller.arn, step.action, plan.resource_arn,
        VERDICT_WORDS.get(view.verdict, run.outcome) if view.verdict != "input_error" else run.outcome,
        run.expected, view.narration.get(lang, "").rstrip("\n"), view.explanation.get(lang, []),
        deciding_statements(run), view.note_texts(lang), cli, list(step.docs))


def deciding_statements(run: StepRun) -> list[DecidingStatement]:
    """The statements that decided the step; when none did (an implicit deny), the statements of the
    deciding stage, each with why it did not match. Found by their paths in the request, as the engine
    names them; [] for a step RAM's model decides."""
    evaluation = run.evaluation
    if evaluation is None:
        return []
    found = [(ref, True, None) for ref in evaluation.decisive]
    if not found:
        for stage in evaluation.trace:
            if stage.decisive:
                statements = [*stage.statements, *(s for level in stage.levels for s in level.statements)]
                found += [(s.ref, False, s.failed) for s in statements]
    return [_deciding(run, ref, decided, failed) for ref, decided, failed in found]


def _deciding(run: StepRun, ref, decided: bool, failed) -> DecidingStatement:
    source, _inside = run.source_of(ref.path)
    return DecidingStatement(ref.policy or "?", ref.policy_type or "", ref.target, ref.statement, ref.sid, decided,
                             dict(failed) if failed is not None and not decided else None,
                             excerpt(source, ref.statement) if source is not None else [])
