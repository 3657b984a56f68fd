"""Reach from a principal: every role it can assume, directly or by chaining, with one shortest chain.

A breadth-first walk over the trust index: from a user, a role (any session of it), an account
root or an identity provider (its claims in the context), each hop is the AssumeRole call the
engine allows (sts:AssumeRoleWithWebIdentity from an OIDC provider, sts:AssumeRoleWithSAML from a
SAML provider, sts:AssumeRole otherwise). Within one breadth level, chains are expanded in ARN
order, so the chain kept for each role is the first in ARN order among the shortest ones.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from xviz.review.ask import SESSION, Asked, ReviewError, ask, question
from xviz.review.index import ReviewIndex

SIGN_IN = {"oidc": "sts:AssumeRoleWithWebIdentity", "saml": "sts:AssumeRoleWithSAML"}


@dataclass
class Reached:
    role: str  # role ARN
    chain: list[str]  # the starting principal, then every role assumed, ending with `role`
    hops: list[Asked]  # the engine's answer for each hop


@dataclass
class _Node:
    actor: dict
    arn: str
    account: str | None
    chain: list[str]
    hops: list[Asked]
    provider_type: str | None = None


def start_node(index: ReviewIndex, arn: str) -> _Node:
    """The walk's start for a user, role, root or identity provider ARN (or provider key)."""
    p = index.by_arn.get(arn)
    if p is not None:
        actor = {"user": p.key} if p.kind == "user" else {"role": p.key, "session": SESSION}
        return _Node(actor, arn, p.account, [arn], [])
    key = index.provider_by_arn.get(arn) or (arn if arn in index.world.identity_providers else None)
    if key is not None:
        provider = index.world.identity_providers[key]
        full = index.ix.provider_arn(key)
        return _Node({"federated": key}, full, None, [full], [], provider.type)
    if arn.endswith(":root") and arn.split(":")[4].isdigit():
        return _Node({"root": arn.split(":")[4]}, arn, arn.split(":")[4], [arn], [])
    raise ReviewError(f"--from {arn!r} is not a user, role, account root or identity provider of this scenario "
                      "(give its ARN, e.g. arn:aws:iam::111111111111:role/Name)")


def _targets(index: ReviewIndex, node: _Node) -> list[str]:
    """Roles whose trust policy could let this node in (by its ARN, its account, or anyone)."""
    if node.provider_type is not None:
        return sorted(set(index.trusted_by_provider.get(node.arn, ())))
    named_me = set(index.trusted_by_arn.get(node.arn, ()))
    found = named_me | set(index.trusted_by_anyone) | set(index.trusted_by_account.get(node.account, ()))
    me = index.by_arn.get(node.arn)
    if me is not None:  # without an identity allow, only a trust policy naming this very principal lets it in
        found = {k for k in found if k in named_me or me.may_allow("sts:AssumeRole", index.ix.role_arn(k))}
    return sorted(found)


def reach(index: ReviewIndex, from_arn: str, context: dict[str, Any] | None = None) -> list[Reached]:
    start = start_node(index, from_arn)
    assume = question("sts:AssumeRole", context or {})
    sign_in = question(SIGN_IN[start.provider_type], context or {}) if start.provider_type else None
    seen = {start.arn}
    reached: list[Reached] = []
    level = [start]
    while level:
        next_level: list[_Node] = []
        for node in level:  # nodes of one level are in chain order, so first found = first in ARN order
            base = sign_in if node.provider_type else assume
            for key in sorted(_targets(index, node), key=index.ix.role_arn):
                arn = index.ix.role_arn(key)
                if arn in seen:
                    continue
                asked = ask(index, base, node.actor, node.arn, arn)
                if asked is None or not asked.allowed:
                    continue
                seen.add(arn)
                chain, hops = node.chain + [arn], node.hops + [asked]
                reached.append(Reached(arn, chain, hops))
                next_level.append(_Node({"role": key, "session": SESSION}, arn, index.world.roles[key].account,
                                        chain, hops))
        level = next_level
    return sorted(reached, key=lambda r: r.role)


def to_json(reached: list[Reached]) -> dict:
    return {"roles": [{"role": r.role, "chain": r.chain} for r in reached]}
