"""The engine's working record of one evaluation: decision, decisive statements, missing allows,
the trace, warnings.

The engine records outcomes as references (cheap); `to_json()` spells them out in the public
format of shared/spec/simulate-request.md. Callers get the frozen `EvaluationResult`
(frozen_result.py) made from it.
"""
from __future__ import annotations

from typing import Any

from xviz.engine.policy import FAIL_ACTION, FAIL_CONDITION, FAIL_RESOURCE, Statement


STEPS = ("explicit_deny", "rcp", "scp", "resource", "identity", "permission_boundary", "session")


class Matched:
    """The outcome of every statement of one policy: (statement, None or why it did not match)."""

    __slots__ = ("policy", "outcomes", "allows")

    def __init__(self, policy, outcomes: list[tuple[Statement, tuple | None]]):
        self.policy = policy
        self.outcomes = outcomes
        self.allows = any(st.allow and fail is None for st, fail in outcomes)  # read by several steps


class StepOutcome:
    __slots__ = ("step", "result", "reason", "missing")

    def __init__(self, step: str, result: str, reason: str, missing: list | None = None):
        self.step, self.result, self.reason, self.missing = step, result, reason, missing or []


def statement_ref(np, st: Statement) -> dict[str, Any]:
    return {"policy_type": np.policy_type, "policy": np.name, "target": np.target,
            "statement": st.index, "sid": st.sid}


def _failure(st: Statement, fail: tuple, request) -> dict[str, Any]:
    element, detail = fail
    if element == FAIL_ACTION:  # the common case first: most statements are about other actions
        return {"element": element, "action": request.action, "values": st.actions, "negated": st.not_action}
    out: dict[str, Any] = {"element": element}
    if element == FAIL_RESOURCE:
        out.update(resource=request.resource, values=st.resources or (), negated=st.not_resource)
        if detail:
            out["missing_variable"] = detail[1]
    elif element == "principal":
        caller = request.caller
        out.update(principal=caller.arn or caller.kind, negated=st.not_principal)
        if detail == "exempt":
            out["exempt"] = True
    elif element == FAIL_CONDITION:
        test, seen = detail
        out.update(operator=test.op.text, key=test.key, values=test.values, negated=test.negated,
                   qualifier=test.op.qualifier, if_exists=test.op.if_exists)
        if isinstance(seen, tuple) and seen and seen[0] == "missing-variable":
            out["request_values"] = list(request.context.get(test.key_lower, ())) or None
            out["missing_variable"] = seen[1]
        else:
            out["request_values"] = list(seen) if seen else None
    return out


def _entry(np, st: Statement, fail, request, paths: list | None) -> dict[str, Any]:
    if paths is not None:
        paths.append(st.path)
    return {"policy_type": np.policy_type, "policy": np.name, "target": np.target, "statement": st.index,
            "sid": st.sid, "effect": "Allow" if st.allow else "Deny", "matched": fail is None,
            "failed": None if fail is None else _failure(st, fail, request)}


class Evaluation:
    """What the engine decided and why. `to_json()` gives the public output object."""

    def __init__(self, request, decision: str):
        self.request = request
        self.decision = decision
        self.no_permission_needed = False  # sts:GetCallerIdentity: no policy is checked
        self.decisive: list = []          # [(NamedPolicy, Statement)]
        self.missing: list = []           # [(policy_type, target)]
        self.denies: list = []
        self.steps: list[StepOutcome] = []
        self.rcp_levels: list = []
        self.scp_levels: list = []
        self.resource: list[Matched] = []
        self.identity: list[Matched] = []
        self.boundary: list[Matched] = []
        self.session: list[Matched] = []
        self.grant_kinds: set = set()
        self.why_not: dict = {}
        self.same_account = False
        self.needs_resource_policy = False

    @property
    def warnings(self):
        return self.request.warnings

    def _statements(self, matched: list[Matched], allow: bool, paths: list | None) -> list[dict[str, Any]]:
        return [_entry(m.policy, st, fail, self.request, paths) for m in matched for st, fail in m.outcomes
                if st.allow == allow]

    def trace(self, paths: list | None = None) -> list[dict[str, Any]]:
        """The public trace; `paths`, when given, receives each listed statement's path in the
        request, in the order the statements appear."""
        by_step = {
            "explicit_deny": [m for _, ms in self.rcp_levels for m in ms] + [m for _, ms in self.scp_levels
                                                                             for m in ms]
            + self.resource + self.identity + self.boundary + self.session,
            "resource": self.resource, "identity": self.identity,
            "permission_boundary": self.boundary, "session": self.session,
        }
        decided_at = self._decided_at()
        out = []
        for step in self.steps:
            item: dict[str, Any] = {"step": step.step, "result": step.result, "reason": step.reason}
            if step.step in ("scp", "rcp"):
                levels = self.scp_levels if step.step == "scp" else self.rcp_levels
                item["levels"] = [
                    {"target": target,
                     "result": "allow" if step.step == "rcp" or target not in step.missing else "no_allow",
                     "implied_allow": "RCPFullAWSAccess" if step.step == "rcp" else None,
                     "statements": self._statements(ms, True, paths)}
                    for target, ms in levels]
            else:
                item["statements"] = self._statements(by_step[step.step], step.step != "explicit_deny", paths)
            item["decisive"] = step.step == decided_at
            out.append(item)
        return out

    def _decided_at(self) -> str | None:
        if self.decision == "ExplicitDeny":
            return "explicit_deny"
        if self.decision == "ImplicitDeny" and self.missing:
            return self.missing[0][0]
        if self.decision == "Allow" and self.decisive:
            return self.decisive[-1][0].policy_type
        return None

    def to_json(self, trace_paths: list | None = None) -> dict[str, Any]:
        return {
            "decision": self.decision,
            "decisive": [statement_ref(np, st) for np, st in self.decisive],
            "missing_allow": [{"policy_type": t, "target": target} for t, target in self.missing],
            "trace": self.trace(trace_paths),
            "warnings": self.request.warnings_json(),
        }
