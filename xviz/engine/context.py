"""The request context: values from the input, the keys AWS derives, and the check that the two agree.

simulate-request.md, "Context that contradicts the request" (v1.1): a derived key given in `context`
with another value is an input error naming both values, so that conditions and Principal matching
see one and the same caller. The exception: a session's aws:PrincipalArn may give the role's ARN
with its path (a session ARN drops it), and then it is the role ARN.
"""
from __future__ import annotations

import dataclasses
from typing import Any

from xviz.engine.arn import parse_arn
from xviz.engine.errors import Problems
from xviz.engine.principals import Caller

PRINCIPAL_TYPES = {"user": "User", "session": "AssumedRole", "federated_user": "FederatedUser",
                   "root": "Account", "anonymous": "Anonymous"}
AWS_OWNED = "aws"  # resource_account of what AWS itself owns (arn:aws:iam::aws:policy/...)
_BOOLEAN_KEYS = frozenset(("aws:principalisawsservice",))


def context_value(value: Any) -> tuple[str, ...] | None:
    """A context value as the tuple of strings conditions compare; None when it has no such form."""
    if isinstance(value, bool):
        return ("true" if value else "false",)
    if isinstance(value, (int, float)):
        return (repr(value) if isinstance(value, float) else str(value),)
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list):
        out: list[str] = []
        for item in value:
            one = context_value(item)
            if one is None or isinstance(item, list):
                return None
            out.extend(one)
        return tuple(out)
    return None


def derived_context(caller: Caller, resource_account: str) -> dict[str, tuple[str, ...]]:
    """The keys AWS puts in every request (the spec's "keys the engine derives"). Unsigned callers
    (anonymous, federated sign-ins) have no aws:PrincipalIsAWSService (iam-semantics rule 24)."""
    ctx: dict[str, tuple[str, ...]] = {}
    if resource_account != AWS_OWNED:
        ctx["aws:resourceaccount"] = (resource_account,)
    if caller.principal_arn:
        ctx["aws:principalarn"] = (caller.principal_arn,)
    if caller.account:
        ctx["aws:principalaccount"] = (caller.account,)
    if caller.kind in PRINCIPAL_TYPES:
        ctx["aws:principaltype"] = (PRINCIPAL_TYPES[caller.kind],)
    if caller.kind == "user":
        ctx["aws:username"] = (caller.name,)
    if caller.kind == "service":
        ctx["aws:principalisawsservice"] = ("true",)
        ctx["aws:principalservicename"] = (caller.arn,)
    elif caller.kind not in ("anonymous", "web_identity"):
        ctx["aws:principalisawsservice"] = ("false",)
    return ctx


def _same(key: str, given: tuple[str, ...], derived: tuple[str, ...]) -> bool:
    if key in _BOOLEAN_KEYS:
        return tuple(v.lower() for v in given) == derived
    return given == derived


def _pathed_role(caller: Caller, value: tuple[str, ...]) -> str | None:
    """The role ARN with a path that aws:PrincipalArn gives for this session, or None."""
    if caller.kind != "session" or len(value) != 1:
        return None
    arn = parse_arn(value[0])
    if arn is None or arn.service != "iam" or arn.account != caller.account or not arn.resource.startswith("role/"):
        return None
    return value[0] if arn.resource.rsplit("/", 1)[-1] == caller.name else None


def reconcile(caller: Caller, role_arn_given: bool, context: dict[str, tuple[str, ...]],
              names: dict[str, str], resource_account: str, problems: Problems,
              path: tuple) -> tuple[Caller, dict[str, tuple[str, ...]]]:
    """The caller (its role ARN taken from aws:PrincipalArn where that is the exception) and the
    derived keys; every other disagreement between `context` and the request is reported."""
    given_arn = context.get("aws:principalarn")
    if given_arn is not None and not role_arn_given:
        role = _pathed_role(caller, given_arn)
        if role is not None:
            caller = dataclasses.replace(caller, role_arn=role)
    derived = derived_context(caller, resource_account)
    for key, value in context.items():
        expected = derived.get(key)
        if expected is not None and not _same(key, value, expected):
            name = names.get(key, key)
            shown = value[0] if len(value) == 1 else list(value)
            problems.error("context-contradiction", f"context {name} is {shown!r} but the request says "
                           f"{expected[0]!r}; give the caller, role_arn or resource_account instead, or "
                           "leave the key out", path + (name,), key=name, given=str(shown), derived=expected[0])
    return caller, derived
