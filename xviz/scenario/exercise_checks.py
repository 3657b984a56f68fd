"""Cross-reference checks of an `exercise:` block: what it names must exist and fit together.

Runs after the policies are parsed (an editable path must name one). Every problem points at the
place in the exercise block that names the thing.
"""
from __future__ import annotations

from typing import Any

from xviz.scenario import model as m
from xviz.scenario.checks import _Checker, _suggest
from xviz.scenario.errors import ProblemSink
from xviz.scenario.whatif import resolve_path
from xviz.scenario.yamlsource import SourceMap

BASE = ("exercise",)


def check_exercise(sc: m.Scenario, data: Any, smap: SourceMap, policies: dict, sink: ProblemSink) -> None:
    ex = sc.exercise
    if ex is None:
        return
    checker = _Checker(sc, smap, sink)
    if not sc.docs:
        checker.err(BASE, "exercise_without_docs", "an exercise names the AWS documentation page it teaches",
                    "add `docs: [https://docs.aws.amazon.com/...]` at the top level", key=True)
    policy_names = [".".join(map(str, p)) for p in policies]
    editable = set()
    for i, dotted in enumerate(ex.editable):
        path = resolve_path(data, dotted)
        if path is None or path not in policies:
            checker.err(BASE + ("editable", i), "editable_not_policy", f"{dotted!r} does not name a policy",
                        "write the dotted path of a policy, e.g. world.roles.ROLE.trust_policy; "
                        + _suggest(dotted, policy_names))
        editable.add(path)
    for i, patch in enumerate(ex.solution):
        path = resolve_path(data, patch.path)
        if path is not None and path not in editable:  # an unknown path is reported when the solution is applied
            checker.err(BASE + ("solution", i, "path"), "solution_not_editable",
                        f"the solution changes {patch.path!r}, which the learner may not edit",
                        "list it under exercise.editable, or patch an editable policy")
    steps = {f"{f}.{s.id}" for f, flow in sc.flows.items() for s in flow.steps}
    for i, check in enumerate(ex.checks):
        where = BASE + ("checks", i)
        if check.step is not None and check.step not in steps:
            checker.err(where + ("step",), "unknown_step", f"no step {check.step!r}",
                        "write FLOW.STEP; " + _suggest(check.step, steps))
        if check.request is not None:
            _check_request(checker, where + ("request",), check.request)


def _check_request(checker: _Checker, base: tuple, request: m.Request) -> None:
    """An inline request runs on its own, after no other step: it cannot use a session by name alone."""
    if request.actor.kind == "session":
        checker.err(base + ("actor",), "inline_session",
                    "an inline check runs on its own: no earlier step made a session for it",
                    "write {role: KEY, session: NAME}, or check a step of a flow with `step: FLOW.STEP`")
        return
    if request.params.session_policy is not None:
        checker.err(base + ("params", "session_policy"), "inline_session_policy",
                    "an inline check cannot pass a session policy", "check a step of a flow with `step: FLOW.STEP`")
    checker.check_actor(base + ("actor",), request.actor, {})
    if checker.check_target(base, request, checker.world_keys()):
        checker.check_ram_action(base, request, {})
