"""Who can do ACTION on RESOURCE? Every principal allowed as itself, each with the deciding statements.

Candidates (the index skips everyone else, whose policies cannot match):
- IAM users and roles (a role meaning any session of it) whose identity policies could allow the
  action on the resource, and those of the resource's account that its resource policy names; a
  principal of another account only when the resource policy names it, its account or anyone;
- the root of each account the resource policy names whose principals the export lacks
  (an external account: what its administrators delegate is unknown, so its root answers for it);
- each service principal the resource policy names, with the `--service-context` keys;
- `anonymous` when the resource policy lets anyone in (Principal "*").
"""
from __future__ import annotations

from typing import Any

from xviz.engine.arn import parse_arn
from xviz.review.ask import Asked, ask, question
from xviz.review.index import Named, ReviewIndex, named_principals
from xviz.scenario.checks import STS_ROLE_ACTIONS


def _resource_document(index: ReviewIndex, action: str, key: str | None) -> Any:
    """The policy on the resource side: a role's trust policy for the STS role actions, else its resource policy."""
    w, policies = index.world, index.loaded.policies
    if key in w.roles and action.lower() in STS_ROLE_ACTIONS:
        return policies[("world", "roles", key, "trust_policy")].document
    if key in w.resources and w.resources[key].policy is not None:
        return policies[("world", "resources", key, "policy")].document
    return None


def _resource_account(index: ReviewIndex, key: str | None, arn: str) -> str | None:
    if key is not None:
        return index.ix.target(key)[1]
    parsed = parse_arn(arn)
    return (parsed.account or None) if parsed else None  # S3 ARNs name no account


def candidates(index: ReviewIndex, action: str, resource_arn: str) -> list[tuple[dict, str, bool]]:
    """(actor, principal, is a service) for everyone whose answer could be Allow."""
    key, _ = index.resolve_target(resource_arn)
    document = _resource_document(index, action, key)
    named = named_principals(document) if document is not None else Named()
    account = _resource_account(index, key, resource_arn)
    found: list[tuple[dict, str, bool]] = []
    for p in index.principals:
        named_p = p.arn in named.arns or p.account in named.accounts or named.anyone
        if account is not None and p.account != account and not named_p:
            continue  # another account's principal needs the resource's own policy to let it in
        if (p.account == account and named_p) or p.may_allow(action, resource_arn):
            actor = {"user": p.key} if p.kind == "user" else {"role": p.key, "session": "xviz-review"}
            found.append((actor, p.arn, False))
    for acct in sorted(named.accounts - index.accounts_with_principals):
        found.append(({"root": acct}, index.ix.root_arn(acct), False))
    for service in sorted(named.services):
        found.append(({"service": service}, service, True))
    if named.anyone:
        found.append(({"anonymous": True}, "anonymous", False))
    return found


def who_can(index: ReviewIndex, action: str, resource_arn: str, context: dict[str, Any] | None = None,
            service_context: dict[str, Any] | None = None) -> list[Asked]:
    """The allowed principals, sorted by principal (ARN, service principal or anonymous)."""
    base = question(action, context or {})
    service_base = question(action, service_context or {})
    answers = []
    for actor, principal, is_service in candidates(index, action, resource_arn):
        asked = ask(index, service_base if is_service else base, actor, principal, resource_arn)
        if asked is not None and asked.allowed:
            answers.append(asked)
    return sorted(answers, key=lambda a: a.principal)


def to_json(answers: list[Asked]) -> dict:
    return {"principals": [a.principal for a in answers],
            "details": [{"principal": a.principal, "actor": a.actor,
                         "decisive": [{k: d.get(k) for k in ("policy_type", "policy", "target", "statement", "sid")}
                                      for d in a.result.get("decisive", [])]} for a in answers]}
