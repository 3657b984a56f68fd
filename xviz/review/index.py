"""What a review asks again and again, indexed once per scenario, so questions stay near-linear:

- for each IAM user and role, the actions its identity policies could allow (from Allow
  statements; a NotAction statement could allow anything), so only candidates whose policies
  can match the action are evaluated;
- for each role, who its trust policy names: principal ARNs, accounts, identity providers, anyone.
The engine still decides every answer; the index only skips what cannot be allowed.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from xviz.engine.wildcard import compile_glob
from xviz.scenario.derive import Caller, Planner
from xviz.scenario.loader import LoadedScenario
from xviz.scenario.world import WorldIndex

ACCOUNT_PRINCIPAL = re.compile(r"^(?:arn:aws[a-z-]*:iam::)?(\d{12})(?::root)?$")


def statements(document: Any) -> list[dict]:
    found = document.get("Statement", []) if isinstance(document, dict) else []
    return [s for s in (found if isinstance(found, list) else [found]) if isinstance(s, dict)]


def as_list(value: Any) -> list:
    return [value] if isinstance(value, str) else list(value or [])


@dataclass
class Principal:
    """An IAM user, or a role (meaning any session of it)."""

    kind: str  # user | role
    key: str
    arn: str
    account: str
    allow_matchers: list = field(default_factory=list)  # (action matcher, resource matcher) per Allow statement

    def may_allow(self, action: str, resource: str = "*") -> bool:
        """Could an identity policy allow this? False means certainly not; True means ask the engine."""
        action = action.lower()
        return any(on_action(action) and on_resource(resource) for on_action, on_resource in self.allow_matchers)


@dataclass
class Named:
    """Who a policy's Principal elements name."""

    arns: set[str] = field(default_factory=set)
    accounts: set[str] = field(default_factory=set)
    federated: set[str] = field(default_factory=set)
    services: set[str] = field(default_factory=set)
    anyone: bool = False


def named_principals(document: Any) -> Named:
    """Principals of Allow statements (Deny and NotPrincipal statements never let anyone in)."""
    named = Named()
    for st in statements(document):
        if st.get("Effect") != "Allow" or "Principal" not in st:
            continue
        principal = st["Principal"]
        if principal == "*":
            named.anyone = True
            continue
        if not isinstance(principal, dict):
            continue
        for value in as_list(principal.get("AWS")):
            match = ACCOUNT_PRINCIPAL.match(value)
            if value == "*":
                named.anyone = True
            elif match:
                named.accounts.add(match.group(1))
            else:
                named.arns.add(value)
        named.federated |= set(as_list(principal.get("Federated")))
        named.services |= set(as_list(principal.get("Service")))
    return named


class ReviewPlanner(Planner):
    """The scenario planner, also for service principals the world does not list."""

    def caller(self, actor, sessions) -> Caller:
        if actor.kind == "service" and actor.service not in self.w.services:
            return Caller("service", actor.service, None)
        return super().caller(actor, sessions)


class ReviewIndex:
    def __init__(self, loaded: LoadedScenario):
        self.loaded = loaded
        self.world = loaded.model.world
        self.ix = WorldIndex(self.world)
        self.planner = ReviewPlanner(loaded)
        self.principals: list[Principal] = []
        for kind, section, arn_of in (("user", self.world.users, self.ix.user_arn),
                                      ("role", self.world.roles, self.ix.role_arn)):
            for key, p in section.items():
                identity, _ = self.planner._principal_policies(kind + "s", key)
                matchers = [m for src in identity for m in allow_matchers(src.document)]
                self.principals.append(Principal(kind, key, arn_of(key), p.account, matchers))
        self.by_arn = {p.arn: p for p in self.principals}
        self.accounts_with_principals = {p.account for p in self.principals}
        # who each role's trust policy lets in
        self.trusted_by_arn: dict[str, list[str]] = defaultdict(list)
        self.trusted_by_account: dict[str, list[str]] = defaultdict(list)
        self.trusted_by_provider: dict[str, list[str]] = defaultdict(list)
        self.trusted_by_anyone: list[str] = []
        for key in self.world.roles:
            named = named_principals(loaded.policies[("world", "roles", key, "trust_policy")].document)
            for arn in named.arns:
                self.trusted_by_arn[arn].append(key)
            for acct in named.accounts:
                self.trusted_by_account[acct].append(key)
            for provider in named.federated:
                self.trusted_by_provider[provider].append(key)
            if named.anyone:
                self.trusted_by_anyone.append(key)
        self.resource_by_arn = {self.ix.resource_arn(k): k for k in self.world.resources}
        self.provider_by_arn = {self.ix.provider_arn(k): k for k in self.world.identity_providers}

    def resolve_target(self, arn: str) -> tuple[str | None, str | None]:
        """(world key, S3 object key) of a resource, role or user ARN; (None, None) when unknown."""
        if arn in self.resource_by_arn:
            return self.resource_by_arn[arn], None
        if arn in self.by_arn:
            return self.by_arn[arn].key, None
        if arn.startswith("arn:aws:s3:::") and "/" in arn:
            bucket, obj = arn.split("/", 1)
            if bucket in self.resource_by_arn:
                return self.resource_by_arn[bucket], obj
        return None, None


def _any(_text: str) -> bool:
    return True


def _matcher(patterns: list, ignore_case: bool):
    """One matcher for a list of patterns; "*", a policy variable or a request of "*" match anything."""
    if any(not isinstance(p, str) or "${" in p for p in patterns):
        return _any
    compiled = [compile_glob(p, ignore_case=ignore_case) for p in patterns]
    if ignore_case:
        return lambda text: any(c(text) for c in compiled)
    return lambda text: text == "*" or any(c(text) for c in compiled)


def allow_matchers(document: Any) -> list:
    """(action matcher, resource matcher) for every Allow statement (NotAction/NotResource: anything)."""
    found = []
    for st in statements(document):
        if st.get("Effect") != "Allow":
            continue
        on_action = _any if "NotAction" in st else _matcher(as_list(st.get("Action")), True)
        on_resource = _any if "NotResource" in st or "Resource" not in st else _matcher(as_list(st["Resource"]), False)
        found.append((on_action, on_resource))
    return found
