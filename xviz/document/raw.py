"""A file that does not load still opens, for fixing: whatever YAML could be read is shown (the world,
every policy text in an editor with its problems underlined, the flows without verdicts) with the
loader's problems, file, line and column. No Qt here."""
from __future__ import annotations

from pathlib import Path

from xviz.document.snapshot import Snapshot
from xviz.document.state import DocumentState
from xviz.document.titles import step_title
from xviz.document.tree import mapping, policy_id, world_tree
from xviz.document.views import Diagnostic, FlowView, LoadProblem, PolicyView, ScenarioView, StepView, WhatIfView, verdict_key
from xviz.scenario import ScenarioError
from xviz.scenario.policies import check_policy
from xviz.scenario.yamlsource import parse_yaml


def problems_of(error: ScenarioError) -> tuple[LoadProblem, ...]:
    return tuple(LoadProblem(p.message + (f" ({p.hint})" if p.hint else ""), p.file or "", p.line, p.column)
                 for p in error.problems)


def _localized(value: object, fallback: str) -> object:
    if isinstance(value, dict) and all(isinstance(v, str) for v in value.values()):
        return value
    return value if isinstance(value, str) and value else fallback


def unloaded_snapshot(state: DocumentState, text: str, error: ScenarioError) -> Snapshot:
    path = Path(state.file) if state.file else None
    stem = path.stem if path else "scenario"
    problems = problems_of(error)
    try:
        data = parse_yaml(text, state.file).data
    except ScenarioError as yaml_error:
        data = None
        problems = problems_of(yaml_error) if not problems else problems
    if not isinstance(data, dict):
        return Snapshot(state, ScenarioView(path, stem, problems=problems), error=error)
    tree, spots = world_tree(data)
    policies = tuple(
        PolicyView(policy_id(s.path), s.name, s.policy_type, s.text, s.owner, account=s.account,
                   diagnostics=tuple(Diagnostic.of(f) for f in check_policy(s.text, s.policy_type, s.account,
                                                                            state.file).findings))
        for s in spots)
    flows = []
    for flow_id, spec in mapping(data.get("flows")).items():
        spec = mapping(spec)
        steps = tuple(StepView(str(mapping(step).get("id", i + 1)), step_title(mapping(step)), str(flow_id), i,
                               narration=_localized(mapping(step).get("narration"), ""),
                               expected=verdict_key(mapping(step).get("expect")))
                      for i, step in enumerate(spec.get("steps") or []))
        flows.append(FlowView(str(flow_id), _localized(spec.get("title"), str(flow_id)),
                              _localized(spec.get("narration"), ""), steps))
    what_ifs = tuple(WhatIfView(str(k), _localized(mapping(v).get("label"), str(k)),
                                _localized(mapping(v).get("narration"), ""), str(k) in state.what_ifs)
                     for k, v in mapping(data.get("what_ifs")).items())
    view = ScenarioView(path, _localized(data.get("title"), stem), _localized(data.get("summary"), ""), tree,
                        policies, tuple(flows), what_ifs, problems)
    return Snapshot(state, view, spots=tuple(spots), error=error)


def refused_snapshot(state: DocumentState, error: ScenarioError) -> Snapshot:
    """A text no reader may take in (over a limit, an alias bomb): its problems and nothing else."""
    path = Path(state.file) if state.file else None
    return Snapshot(state, ScenarioView(path, path.stem if path else "scenario", problems=problems_of(error)),
                    error=error)
