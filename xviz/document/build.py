"""Snapshots from states: a full load, or one policy's new text re-evaluating only the steps whose
request it changes. Both give the same snapshot for the same state (a property test holds this)."""
from __future__ import annotations

import dataclasses
from pathlib import Path

from xviz.document.base import Base
from xviz.document.raw import unloaded_snapshot
from xviz.document.snapshot import Snapshot
from xviz.document.state import DocumentState
from xviz.document.steps import flow_views
from xviz.document.tree import PolicySpot, policy_id, world_tree
from xviz.document.views import Diagnostic, LoadProblem, PolicyView, ScenarioView, WhatIfView
from xviz.scenario import ScenarioError, loads
from xviz.scenario.loader import splice_edits
from xviz.scenario.policies import PolicyCheck, check_policy
from xviz.scenario.runner import run_steps
from xviz.scenario.whatif import resolve_path

_REPLACED = {"en": "Read-only: the what-if “{label}” gives this text. Switch it off to edit the file's own.",
             "ja": "読み取り専用：もしも「{label}」がこのテキストを与えています。ファイル自身のテキストを編集するには"
                   "オフにしてください。"}
_NOT_EDITABLE = {"en": "Read-only in this exercise: change the policies the exercise lets you edit.",
                 "ja": "この演習では読み取り専用です。演習で編集が許可されたポリシーを変更してください。"}


def full(state: DocumentState, base: Base | None) -> Snapshot:
    """Load the file's text with the edits written in, apply the what-ifs, evaluate every step. Edited
    policies whose text cannot be evaluated keep the file's text for the evaluation (and say so)."""
    text, failed = splice_edits(state.file_text, state.edits, state.file)
    try:
        loaded = loads(text, state.file, state.what_ifs)
        broken: dict = {}
    except ScenarioError as error:
        checks = _broken_edits(state)
        if not checks:
            return unloaded_snapshot(state, text, error)
        valid = [(p, t) for p, t in state.edits if p not in checks]
        try:
            loaded = loads(splice_edits(state.file_text, valid, state.file)[0], state.file, state.what_ifs)
        except ScenarioError:
            return unloaded_snapshot(state, text, error)
        broken = checks
    runs = tuple(run_steps(loaded, strict=False))
    return assemble(state, loaded, runs, base, _origins(loaded), broken, None)


def with_policy_text(previous: Snapshot, state: DocumentState, path: tuple, base: Base | None) -> Snapshot:
    """`state` differs from `previous.state` by the text of the policy at `path` alone."""
    loaded = previous.loaded
    source = loaded.policies.get(path) if loaded is not None else None
    if source is None or path in previous.origins or (previous.broken and path not in previous.broken):
        return full(state, base)  # not a policy of the evaluated file, or another policy is broken too
    text = state.edited(path)
    checked = check_policy(text, source.policy_type, source.account, state.file, source.service)
    if not checked.ok:  # the last good verdicts stay, greyed, until the text can be evaluated
        return assemble(state, loaded, previous.runs, base, previous.origins, {path: checked}, previous)
    edited = dataclasses.replace(source, text=text, document=checked.document, json_positions=checked.positions,
                                 findings=checked.findings)
    loaded = dataclasses.replace(loaded, policies={**loaded.policies, path: edited})
    before = {(r.plan.flow, r.plan.index): r for r in previous.runs}

    def reuse(plan):
        old = before.get((plan.flow, plan.index))
        return old.evaluation if old is not None and old.plan.request == plan.request else None

    runs = tuple(run_steps(loaded, strict=False, reuse=reuse))
    return assemble(state, loaded, runs, base, previous.origins, {}, previous)


def _broken_edits(state: DocumentState) -> dict[tuple, PolicyCheck]:
    return {path: checked for path, text in state.edits
            if not (checked := check_policy(text, policy_type_at(path), None, state.file)).ok}


def policy_type_at(path: tuple) -> str:
    """The kind of policy a path of the scenario format holds."""
    path = tuple(path)
    if path[-1:] == ("trust_policy",):
        return "trust"
    if path[-1:] == ("session_policy",):
        return "session"
    if path[:3] == ("world", "organization", "scps"):
        return "scp"
    if path[:3] == ("world", "organization", "rcps"):
        return "rcp"
    if path[-2:-1] == ("boundary",):
        return "boundary"
    if path[:2] == ("world", "resources"):
        return "resource"
    return "identity"


def _origins(loaded) -> dict[tuple, str]:
    """Policy path -> the active what-if whose text it has (its node lies inside that what-if)."""
    spans = {}
    for name in loaded.what_ifs:
        node = loaded.source_map.node(("what_ifs", name))
        if node is not None:
            spans[name] = (node.start_mark.index, node.end_mark.index)
    origins = {}
    for path in loaded.policies:
        node = loaded.source_map.node(path)
        at = node.start_mark.index if node is not None else None
        for name, (start, end) in spans.items():
            if at is not None and start <= at < end:
                origins[path] = name
    return origins


def assemble(state: DocumentState, loaded, runs: tuple, base: Base | None, origins: dict,
             broken: dict[tuple, PolicyCheck], previous: Snapshot | None) -> Snapshot:
    """The view of an evaluated (or, with `broken`, stale) scenario."""
    model = loaded.model
    same_world = previous is not None and previous.loaded is not None and previous.loaded.data is loaded.data
    if same_world:
        tree, spots = previous.view.tree, previous.spots
    else:
        tree, spots = world_tree(loaded.data)
    editable = exercise_editable(loaded)
    policies = tuple(_policy_view(spot, loaded, state, origins, broken, editable) for spot in spots)
    stale = bool(broken)
    flows = flow_views(loaded, runs, base, previous.view.flows if previous is not None else ())
    what_ifs = tuple(WhatIfView(k, w.label.model_dump(), w.narration.model_dump() if w.narration else "",
                                k in state.what_ifs) for k, w in model.what_ifs.items())
    view = ScenarioView(Path(state.file) if state.file else None, model.title.model_dump(), model.summary.model_dump(),
                        tree, policies, flows, what_ifs, (), stale, _edit_problems(loaded, state, broken), True)
    return Snapshot(state, view, loaded, runs, origins, frozenset(broken), tuple(spots))


def exercise_editable(loaded) -> set[tuple] | None:
    """The policy paths an exercise lets the learner change; None when the scenario is no exercise."""
    exercise = loaded.model.exercise
    if exercise is None:
        return None
    return {path for dotted in exercise.editable if (path := resolve_path(loaded.data, dotted)) is not None}


def _policy_view(spot: PolicySpot, loaded, state: DocumentState, origins: dict, broken: dict,
                 editable: set[tuple] | None = None) -> PolicyView:
    path = spot.path
    source = loaded.policies.get(path)
    origin = origins.get(path)
    typed = state.edited(path) if origin is None else None
    text = typed if typed is not None else (source.text if source is not None else spot.text)
    findings = broken[path].findings if path in broken else (source.findings if source is not None else ())
    banner = None
    if origin is not None:
        label = loaded.model.what_ifs[origin].label
        banner = {lang: _REPLACED[lang].format(label=getattr(label, lang).strip()) for lang in ("en", "ja")}
    elif editable is not None and tuple(path) not in editable:  # the one home of the exercise's rule
        banner = dict(_NOT_EDITABLE)
    line = source.block.first_line if source is not None and source.block is not None else None
    return PolicyView(policy_id(path), spot.name, spot.policy_type, text, spot.owner, line, banner is not None,
                      origin, banner, tuple(Diagnostic.of(f) for f in findings),
                      source.account if source is not None else spot.account)


def _edit_problems(loaded, state: DocumentState, broken: dict) -> tuple[LoadProblem, ...]:
    problems = []
    for path, checked in broken.items():
        source = loaded.policies.get(path)
        name = source.name if source is not None else policy_id(path)
        for finding in checked.findings:
            if finding.severity != "error":
                continue
            at = source.block.file_position(finding.line, finding.column) if source and source.block else (None, None)
            problems.append(LoadProblem(f"policy {name!r}: {finding.message}", state.file or "", *at))
    return tuple(problems)
