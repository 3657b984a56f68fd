"""The result callers hold: frozen, typed, and naming every statement by its path in the request.

Cedar's shape (a decision, the policies that decided it, the diagnostics), plus the trace. The
paths (`("identity_policies", 0, "document", "Statement", 2)`) let an editor jump to a statement
without re-deriving where it came from. `to_json()` is the public output object of
shared/spec/simulate-request.md, exactly as `simulate()` returns it.
"""
from __future__ import annotations

import copy
import enum
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Mapping

from xviz.engine.result import Evaluation


class Decision(enum.Enum):
    ALLOW = "Allow"
    EXPLICIT_DENY = "ExplicitDeny"
    IMPLICIT_DENY = "ImplicitDeny"


@dataclass(frozen=True)
class StatementRef:
    policy_type: str          # identity | resource | permission_boundary | session | scp | rcp
    policy: str               # the policy's name in the request
    target: str | None        # the SCP/RCP level, else None
    statement: int            # 0-based index in Statement (0 for a single object)
    sid: str | None
    path: tuple               # where the statement is in the request


@dataclass(frozen=True)
class TraceStatement:
    ref: StatementRef
    effect: str               # Allow | Deny
    matched: bool
    failed: Mapping[str, Any] | None  # why it did not match (read-only)


@dataclass(frozen=True)
class TraceLevel:
    target: str
    result: str
    implied_allow: str | None
    statements: tuple[TraceStatement, ...]


@dataclass(frozen=True)
class TraceStep:
    step: str                 # explicit_deny | rcp | scp | resource | identity | permission_boundary | session
    result: str               # allow | deny | no_allow | not_applicable
    reason: str               # a code xviz.explain turns into a sentence
    decisive: bool
    statements: tuple[TraceStatement, ...] = ()
    levels: tuple[TraceLevel, ...] = ()


@dataclass(frozen=True)
class MissingAllow:
    policy_type: str
    target: str | None


@dataclass(frozen=True)
class Warning:  # noqa: A001 - the spec's word; never used as the builtin here
    code: str
    message: str
    path: str                 # a JSON path into the request ($.request.resource)
    path_tuple: tuple
    params: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))  # for xviz.explain

    def explainable(self) -> dict[str, Any]:
        """The warning as `xviz.explain.explain_error` reads it (with the values its sentences name)."""
        return {"code": self.code, "message": self.message, "path": self.path, "params": dict(self.params)}


@dataclass(frozen=True)
class EvaluationResult:
    decision: Decision
    decisive: tuple[StatementRef, ...]
    missing_allow: tuple[MissingAllow, ...]
    trace: tuple[TraceStep, ...]
    warnings: tuple[Warning, ...]
    _json: dict = field(repr=False, compare=False)

    def to_json(self) -> dict[str, Any]:
        """The public output object (a fresh copy: the caller may change it)."""
        return copy.deepcopy(self._json)


def _statement(entry: dict, path: tuple) -> TraceStatement:
    ref = StatementRef(entry["policy_type"], entry["policy"], entry["target"], entry["statement"], entry["sid"],
                       path)
    failed = entry["failed"]
    return TraceStatement(ref, entry["effect"], entry["matched"],
                          None if failed is None else MappingProxyType(copy.deepcopy(failed)))


def freeze(evaluation: Evaluation) -> EvaluationResult:
    paths: list[tuple] = []
    data = evaluation.to_json(paths)
    next_path = iter(paths)  # the trace lists statements in the order their paths were recorded
    steps = []
    for item in data["trace"]:
        levels = tuple(TraceLevel(lv["target"], lv["result"], lv["implied_allow"],
                                  tuple(_statement(e, next(next_path)) for e in lv["statements"]))
                       for lv in item.get("levels", ()))
        statements = tuple(_statement(e, next(next_path)) for e in item.get("statements", ()))
        steps.append(TraceStep(item["step"], item["result"], item["reason"], item["decisive"], statements, levels))
    decisive = tuple(StatementRef(np.policy_type, np.name, np.target, st.index, st.sid, st.path)
                     for np, st in evaluation.decisive)
    warnings = tuple(Warning(w.code, w.message, w.json_path, w.path, MappingProxyType(dict(w.params)))
                     for w in evaluation.request.warnings)
    return EvaluationResult(Decision(data["decision"]), decisive,
                            tuple(MissingAllow(m["policy_type"], m["target"]) for m in data["missing_allow"]),
                            tuple(steps), warnings, copy.deepcopy(data))
