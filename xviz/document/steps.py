"""Each flow's steps as the window shows them: title, verdict, the story that goes with the verdict,
notes, and the statements that decided. No Qt here."""
from __future__ import annotations

from xviz.document.base import Base
from xviz.document.titles import step_title
from xviz.document.tree import policy_id
from xviz.document.views import FlowView, StepView, verdict_key
from xviz.scenario.cli_equivalents import CliWriter
from xviz.scenario.narration import LANGS, Story, tell
from xviz.scenario.whoami import who_am_i


def story_of(run, base: Base | None) -> Story:
    """What the step's explanation leads with (shared by the window and `xviz run`)."""
    step = run.plan.step
    if run.problem is not None:
        text = {"en": run.problem.message, "ja": run.problem.message}
        return Story(text, False, None)
    before = base.get(run.plan.flow, step.id) if base is not None else None
    return tell(step, run.outcome, run.result, before, run.not_reached)


def deciding(run) -> tuple[tuple[str, ...], tuple[str, int, int] | None]:
    """The policies whose statements decided the step, and the first such statement's place in its text
    (from the statements' paths in the request, as the engine names them)."""
    ids, focus = [], None
    for ref in run.evaluation.decisive if run.evaluation is not None else ():
        source, inside = run.source_of(ref.path)
        if source is None:  # a policy xviz adds itself (FullAWSAccess) has no text to show
            continue
        pid = policy_id(source.path)
        ids.append(pid)
        if focus is None and source.json_positions is not None:
            found = source.json_positions.lookup(inside)
            if found:
                focus = (pid, found[0], found[1])
    return tuple(dict.fromkeys(ids)), focus


def step_view(run, base: Base | None, cli: CliWriter | None = None) -> StepView:
    step = run.plan.step
    story = story_of(run, base)
    ids, focus = deciding(run)
    lines = {lang: tuple(cli.step_lines(run.plan, lang)) for lang in LANGS} if cli is not None else {}
    return StepView(
        step.id, step_title(step.model_dump(exclude_none=True)), run.plan.flow, run.plan.index,
        narration=story.lead, narration_written=story.written, changed=story.changed,
        expected=verdict_key(step.expect), verdict=verdict_key(run.verdict), outcome=run.outcome,
        notes=tuple(run.notes), policy_ids=ids, focus=focus, run=run, docs=tuple(step.docs), cli=lines,
        who_am_i=who_am_i(cli.world, run) if cli is not None and run.problem is None else None)


def _same(old: StepView, run) -> bool:
    """The step's evaluation did not change: its view can be kept (a keystroke elsewhere)."""
    before = old.run
    if before is None:
        return False
    same_result = (before.evaluation is run.evaluation if run.evaluation is not None
                   else before.result == run.result)  # RAM's model answers in a small dict
    return (same_result and before.plan.step == run.plan.step
            and before.notes == run.notes and before.not_reached == run.not_reached)


def flow_views(loaded, runs, base: Base | None, previous: tuple[FlowView, ...]) -> tuple[FlowView, ...]:
    kept = {(s.flow, s.index): s for flow in previous for s in flow.steps}
    cli = CliWriter(loaded)
    by_flow: dict[str, list[StepView]] = {name: [] for name in loaded.model.flows}
    for run in runs:
        old = kept.get((run.plan.flow, run.plan.index))
        by_flow[run.plan.flow].append(old if old is not None and _same(old, run) else step_view(run, base, cli))
    return tuple(FlowView(name, flow.title.model_dump(), flow.narration.model_dump() if flow.narration else "",
                          tuple(by_flow[name])) for name, flow in loaded.model.flows.items())
