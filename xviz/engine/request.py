"""The simulate request (format v1.1, shared/spec/simulate-request.md): checked, then prepared.

Preparing compiles every policy once; evaluating a prepared request again is the warm path the
live editor uses.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from xviz.engine.arn import is_account_id, parse_arn
from xviz.engine.compile_cache import compile_cached
from xviz.engine.context import AWS_OWNED, context_value, reconcile
from xviz.engine.errors import Diagnostic, InputError, Problems
from xviz.engine.policy import Policy, resource_grammar
from xviz.engine.principals import FEDERATED_EXTRA_ACTIONS, Caller, parse_caller
from xviz.engine.protected import protected_kind
from xviz.engine.wildcard import has_wildcard

TOP_KEYS = ("request", "identity_policies", "permission_boundary", "session_policies", "scps", "rcps",
            "resource_policy", "principal_account_is_management", "resource_account_is_management")
REQUEST_KEYS = ("principal", "principal_kind", "role_arn", "action", "resource", "resource_account", "context")
_KIND_OF = {"federated": "web_identity", "service": "service"}  # principal_kind -> the caller's kind
TARGET = re.compile(r"^(r-[0-9a-z]{4,32}|ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}|\d{12})$")
_ACTION = re.compile(r"^[A-Za-z0-9-]+:[A-Za-z0-9]+$")
TRUST_ACTIONS = frozenset(("sts:assumerole", "sts:assumerolewithsaml", "sts:assumerolewithwebidentity",
                           "sts:tagsession", "sts:setsourceidentity", "sts:setcontext"))


@dataclass
class NamedPolicy:
    policy_type: str          # identity | resource | permission_boundary | session | scp | rcp
    name: str
    target: str | None
    policy: Policy
    path: tuple


@dataclass
class PreparedRequest:
    caller: Caller
    action: str
    action_lower: str
    service: str
    resource: str
    resource_account: str
    context: dict[str, tuple[str, ...]]
    identity: list[NamedPolicy]
    boundary: NamedPolicy | None
    session: list[NamedPolicy]
    scps: list[tuple[str, list[NamedPolicy]]]
    rcps: list[tuple[str, list[NamedPolicy]]]
    resource_policy: NamedPolicy | None
    principal_account_is_management: bool
    resource_account_is_management: bool
    warnings: list[Diagnostic] = field(default_factory=list)
    _warnings_json: list | None = None

    def warnings_json(self) -> list[dict]:
        """The warnings in the output format; the same for every evaluation of this request."""
        if self._warnings_json is None:
            self._warnings_json = [{"code": w.code, "message": w.message, "path": w.json_path}
                                   for w in self.warnings]
        return [dict(w) for w in self._warnings_json]

    @property
    def has_boundary(self) -> bool:
        return self.boundary is not None

    @property
    def is_trust_action(self) -> bool:
        return self.action_lower in TRUST_ACTIONS

    @property
    def aws_owned(self) -> bool:
        return self.resource_account == AWS_OWNED

    @property
    def is_kms_key(self) -> bool:
        return self.service == "kms" and ":key/" in self.resource

    def variable(self, key_lower: str) -> str | None:
        values = self.context.get(key_lower)
        return values[0] if values is not None and len(values) == 1 else None


class _Reader:
    """Typed access to the input object, reporting problems at their JSON paths."""

    def __init__(self, problems: Problems):
        self.problems = problems

    def obj(self, value: Any, path: tuple, what: str) -> dict | None:
        if not isinstance(value, dict):
            self.problems.error("type", f"{what} must be an object", path)
            return None
        return value

    def string(self, parent: dict, key: str, path: tuple, required: bool = True) -> str | None:
        if key not in parent:
            if required:
                self.problems.error("missing-key", f"missing key {key!r}", path, key=key)
            return None
        value = parent[key]
        if not isinstance(value, str):
            self.problems.error("type", f"{key} must be a string", path + (key,), key=key)
            return None
        return value

    def boolean(self, parent: dict, key: str, path: tuple) -> bool:
        value = parent.get(key, False)
        if value is None:
            return False
        if not isinstance(value, bool):
            self.problems.error("type", f"{key} must be true or false", path + (key,), key=key)
            return False
        return value

    def named_policy(self, value: Any, path: tuple, policy_type: str, grammar: str, target: str | None,
                     names: set[str]) -> NamedPolicy | None:
        item = self.obj(value, path, "a policy entry ({name, document})")
        if item is None:
            return None
        for key in item:
            if key not in ("name", "document"):
                self.problems.warn("unknown-key", f"unknown key {key!r} (expected name and document)",
                                   path + (key,), key=key)
        name = self.string(item, "name", path)
        if "document" not in item:
            self.problems.error("missing-key", "missing key 'document'", path, key="document")
            return None
        if name is not None:
            if name in names:
                self.problems.error("duplicate-name", f"the name {name!r} is used twice here", path + ("name",),
                                    name=name)
            names.add(name)
        policy = compile_cached(item["document"], grammar, path + ("document",), self.problems)
        return NamedPolicy(policy_type, name or "", target, policy, path + ("document",))

    def policy_list(self, data: dict, key: str, policy_type: str, grammar: str, target: str | None = None,
                    path: tuple | None = None) -> list[NamedPolicy]:
        path = (key,) if path is None else path
        value = data.get(key) if path == (key,) else data
        if value is None:
            return []
        if not isinstance(value, list):
            self.problems.error("type", f"{key} must be a list", path)
            return []
        names: set[str] = set()
        out = []
        for i, item in enumerate(value):
            np = self.named_policy(item, path + (i,), policy_type, grammar, target, names)
            if np is not None:
                out.append(np)
        return out

    def levels(self, data: dict, key: str) -> list[tuple[str, list[NamedPolicy]]]:
        value = data.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            self.problems.error("type", f"{key} must be a list of levels", (key,))
            return []
        targets: set[str] = set()
        out = []
        for i, level in enumerate(value):
            lpath = (key, i)
            lv = self.obj(level, lpath, "a level ({target, policies})")
            if lv is None:
                continue
            target = self.string(lv, "target", lpath)
            if target is not None:
                if not TARGET.match(target):
                    self.problems.error("bad-target", f"{target!r} is not a root (r-…), OU (ou-…) or account ID",
                                        lpath + ("target",), value=target)
                if target in targets:
                    self.problems.error("duplicate-name", f"the level {target!r} appears twice", lpath + ("target",),
                                        name=target)
                targets.add(target)
            if "policies" not in lv:
                self.problems.error("missing-key", "missing key 'policies'", lpath, key="policies")
                continue
            grammar = "scp" if key == "scps" else "rcp"
            policies = self.policy_list(lv["policies"], "policies", key[:-1], grammar, target, lpath + ("policies",))
            out.append((target or "", policies))
        return out


def _arn_service(resource: str) -> str | None:
    arn = parse_arn(resource)
    return arn.service if arn is not None else None


def prepare(data: Any) -> PreparedRequest:
    """Check a simulate-request object and compile its policies. Raises InputError (the first error
    found, with its JSON path); warnings are kept on the prepared request."""
    problems = Problems()
    reader = _Reader(problems)
    if not isinstance(data, dict):
        raise InputError("type", "the input must be a JSON object with a 'request' key", ())
    for key in data:
        if key not in TOP_KEYS:
            problems.warn("unknown-key", f"unknown key {key!r}: it is ignored", (key,), key=key)
    req = reader.obj(data.get("request"), ("request",), "request") if "request" in data else None
    if req is None:
        if "request" not in data:
            problems.error("missing-key", "missing key 'request'", (), key="request")
        problems.raise_first_error()
    rpath = ("request",)
    for key in req:
        if key not in REQUEST_KEYS:
            problems.warn("unknown-key", f"unknown key {key!r} in request: it is ignored", rpath + (key,), key=key)
    principal = reader.string(req, "principal", rpath)
    principal_kind = reader.string(req, "principal_kind", rpath, required=False)
    role_arn = reader.string(req, "role_arn", rpath, required=False)
    action = reader.string(req, "action", rpath)
    resource = reader.string(req, "resource", rpath)
    resource_account = reader.string(req, "resource_account", rpath, required=False)
    action_lower = action.lower() if action is not None else ""
    if principal_kind is not None and principal_kind not in _KIND_OF:
        problems.error("bad-principal-kind", f"principal_kind must be \"federated\" or \"service\", not "
                       f"{principal_kind!r}", rpath + ("principal_kind",), value=principal_kind)
        principal_kind = None
    caller = None
    if principal is not None:
        caller = parse_caller(principal, role_arn, problems, rpath + ("principal",), principal_kind, action_lower)
    if caller is not None and principal_kind is not None and caller.kind != _KIND_OF[principal_kind]:
        problems.error("principal-kind-mismatch", f"principal_kind {principal_kind!r} does not fit {principal!r}",
                       rpath + ("principal_kind",), value=principal, kind=principal_kind)
    if caller is not None and role_arn is not None and caller.kind != "session":
        problems.error("role-arn-without-session", "role_arn is only for assumed-role sessions",
                       rpath + ("role_arn",))
    if caller is not None and caller.kind == "web_identity" and action is not None:
        sign_in = caller.sign_in_action
        if action_lower != sign_in and action_lower not in FEDERATED_EXTRA_ACTIONS:
            expected = "sts:AssumeRoleWithSAML" if sign_in.endswith("saml") else "sts:AssumeRoleWithWebIdentity"
            problems.error("federated-caller-action", f"an identity provider only signs in: {principal!r} calls "
                           f"{expected} (or sts:TagSession, sts:SetSourceIdentity with it), not {action}",
                           rpath + ("action",), value=action, expected=expected)

    if action is not None and not _ACTION.match(action):
        problems.error("bad-request-action", f"{action!r} is not an action: expected service:Action with no "
                       "wildcards", rpath + ("action",), value=action)
    if resource is not None:
        if has_wildcard(resource) and resource != "*":
            problems.error("wildcard-resource", "the requested resource is one ARN, without wildcards",
                           rpath + ("resource",), value=resource)
        arn = parse_arn(resource) if resource != "*" else None
        if resource != "*" and arn is None:
            problems.error("bad-resource", f"{resource!r} is not an ARN (or \"*\")", rpath + ("resource",),
                           value=resource)
        arn_account = arn.account if arn is not None and arn.account else None
        if resource_account is not None and not (is_account_id(resource_account) or resource_account == AWS_OWNED):
            problems.error("bad-account", "resource_account must be a 12-digit account ID, or \"aws\" for what "
                           "AWS owns", rpath + ("resource_account",), value=resource_account)
        elif arn_account and resource_account and arn_account != resource_account:
            problems.error("account-mismatch", f"resource_account {resource_account} contradicts the ARN's "
                           f"account {arn_account}", rpath + ("resource_account",), value=resource_account)
        if resource_account is None:
            if arn_account and (is_account_id(arn_account) or arn_account == AWS_OWNED):
                resource_account = arn_account
            else:
                problems.error("missing-key", "missing key 'resource_account': this resource's ARN has no "
                               "account, so say which account owns it", rpath, key="resource_account")

    context: dict[str, tuple[str, ...]] = {}
    removed: set[str] = set()
    raw_ctx = req.get("context", {})
    if raw_ctx is None:
        raw_ctx = {}
    if not isinstance(raw_ctx, dict):
        problems.error("type", "context must be an object of condition keys", rpath + ("context",))
        raw_ctx = {}
    seen_keys: dict[str, str] = {}  # lower-case name -> as written
    for key, value in raw_ctx.items():
        kpath = rpath + ("context", key)
        low = key.lower()
        if low in seen_keys:
            problems.error("duplicate-name", f"the key {key!r} is given twice ({seen_keys[low]!r}); key names "
                           "are case-insensitive", kpath, name=key)
        seen_keys[low] = key
        if value is None:
            removed.add(low)
            continue
        converted = context_value(value)
        if converted is None:
            problems.error("type", "context values are strings, numbers, booleans or lists of them",
                           kpath, key=key)
            continue
        context[low] = converted

    identity = reader.policy_list(data, "identity_policies", "identity", "identity")
    boundary = None
    if data.get("permission_boundary") is not None:
        boundary = reader.named_policy(data["permission_boundary"], ("permission_boundary",),
                                       "permission_boundary", "boundary", None, set())
    session = reader.policy_list(data, "session_policies", "session", "session")
    scps = reader.levels(data, "scps")
    rcps = reader.levels(data, "rcps")
    resource_policy = None
    if data.get("resource_policy") is not None:
        if resource_account == AWS_OWNED:
            problems.error("aws-owned-resource-policy", "what AWS owns has no resource-based policy here: "
                           "leave resource_policy out", ("resource_policy",))
        grammar = ("trust" if action_lower in TRUST_ACTIONS else
                   resource_grammar(_arn_service(resource) if resource is not None else None))
        resource_policy = reader.named_policy(data["resource_policy"], ("resource_policy",), "resource",
                                              grammar, None, set())
    p_mgmt = reader.boolean(data, "principal_account_is_management", ())
    r_mgmt = reader.boolean(data, "resource_account_is_management", ())
    problems.raise_first_error()

    caller, full_context = reconcile(caller, role_arn is not None, context, seen_keys, resource_account,
                                     problems, rpath + ("context",))
    problems.raise_first_error()
    for key in removed:
        full_context.pop(key, None)
    full_context.update(context)
    warnings = problems.warnings
    protected = protected_kind(action_lower, resource)
    if protected is not None:
        warnings.append(Diagnostic("aws-protected-resource", f"AWS refuses {action} on {resource} whatever the "
                                   "policies allow: only AWS may change it", ("request", "resource"), "warning",
                                   {"action": action, "resource": resource, "kind": protected}))
    if caller.kind in ("root", "service", "anonymous", "web_identity") and (identity or boundary or session):
        warnings.append(Diagnostic("ignored-identity-policies", "identity policies, boundaries and session "
                                   "policies do not apply to this kind of caller", ("identity_policies",),
                                   "warning", {"caller_kind": caller.kind}))
    if scps and caller.account and scps[-1][0] and is_account_id(scps[-1][0]) and scps[-1][0] != caller.account:
        warnings.append(Diagnostic("scp-level-account", "the last SCP level should be the principal's account",
                                   ("scps", len(scps) - 1, "target"), "warning",
                                   {"target": scps[-1][0], "account": caller.account}))
    return PreparedRequest(caller, action, action_lower, action_lower.split(":", 1)[0], resource,
                           resource_account, full_context, identity, boundary, session, scps, rcps,
                           resource_policy, p_mgmt, r_mgmt, warnings)
