"""Who and what a scenario's steps and trust policies involve, as diagram parties with stable ids.

Ids are `KIND.KEY` built from the scenario's own keys (`user.alice`, `role.CrossAccountRole`,
`res.shared-bucket`, `share.network-share`, `svc.cloudtrail`, `root.111111111111`, `session.ROLE.NAME`, `any.111111111111`,
`anonymous`, `anyone`, `sts`), so they stay the same however the file is reordered or relabelled.
Node and participant ids never contain ':'; edge and message ids always do.
"""
from __future__ import annotations

from dataclasses import dataclass

from xviz.diagram.from_scenario_labels import (PRINCIPAL_SHAPES, account_of_arn, resource_kind, resource_shape,
                                               short_arn, word)
from xviz.diagram.model import Shape
from xviz.scenario import model as m
from xviz.scenario.checks import is_assume_role
from xviz.scenario.model import display
from xviz.scenario.ram import INVITATION_ACTIONS
from xviz.scenario.world import WorldIndex

STS_ID = "sts"


def _no_colon(value: str) -> str:
    """ARNs in ids: ':' is reserved for edge and message ids."""
    return value.replace(":", "_")


@dataclass(frozen=True)
class Party:
    id: str
    kind: str               # user, role, session, root, service, anonymous, anyone, federated, resource, any_resource, sts
    label: str
    account: str | None     # the account it belongs to; None for services, anonymous callers, STS
    shape: Shape


def user_party(world: m.World, key: str, lang: str) -> Party:
    user = world.users[key]
    return Party(f"user.{key}", "user", f"{user.name or key}\n{word('user', lang)}", user.account,
                 PRINCIPAL_SHAPES["user"])


def role_party(world: m.World, key: str, lang: str) -> Party:
    role = world.roles[key]
    return Party(f"role.{key}", "role", f"{role.name or key}\n{word('role', lang)}", role.account,
                 PRINCIPAL_SHAPES["role"])


def resource_party(world: m.World, key: str, lang: str) -> Party:
    resource = world.resources[key]
    return Party(f"res.{key}", "resource", f"{display(resource.label, lang) or resource.name or key}\n{resource_kind(resource.type, lang)}",
                 resource.account, resource_shape(resource.type))


def root_party(account: str, lang: str) -> Party:
    """The account as a principal: what a trust in `ACCOUNT:root` names, a `{root:}` or a RAM `{account:}` actor."""
    return Party(f"root.{account}", "root", word("root", lang), account, PRINCIPAL_SHAPES["root"])


def service_party(world: m.World, principal: str, lang: str) -> Party:
    key = next((k for k, s in world.services.items() if s.principal == principal), principal)
    return Party(f"svc.{key}", "service", f"{principal}\n{word('service', lang)}", None, PRINCIPAL_SHAPES["service"])


def anonymous_party(lang: str) -> Party:
    return Party("anonymous", "anonymous", word("anonymous", lang), None, PRINCIPAL_SHAPES["anonymous"])


def federated_party(provider_arn: str, lang: str) -> Party:
    """An identity provider (SAML, OIDC): named in a trust policy's `Federated`, or a `{federated:}` actor.
    An IAM provider lives in an account; a bare domain (accounts.google.com) does not."""
    return Party(f"fed.{_no_colon(provider_arn)}", "federated", f"{short_arn(provider_arn)}\n{word('federated', lang)}",
                 account_of_arn(provider_arn), PRINCIPAL_SHAPES["federated"])


def sts_party(lang: str) -> Party:
    return Party(STS_ID, "sts", word("sts", lang), None, Shape.RECT)


def any_resource_party(account: str, action: str, lang: str) -> Party:
    service = action.split(":", 1)[0]
    return Party(f"any.{account}.{service}", "any_resource", f"{service}\n{word('any_resource', lang)}", account,
                 PRINCIPAL_SHAPES["any_resource"])


def session_party(world: m.World, role: str, session: str, lang: str) -> Party:
    name = world.roles[role].name or role
    return Party(f"session.{role}.{session}", "session", f"{session}\n{word('role_session', lang, role=name)}",
                 world.roles[role].account, PRINCIPAL_SHAPES["session"])


@dataclass(frozen=True)
class StepView:
    """What a diagram needs of one step: who calls (a session resolved to its role) and whose resource it is.

    Worked out here from the model rather than through the request planner: a diagram needs no policies,
    and it can be drawn while a scenario's requests cannot yet be derived."""

    index: int
    step: m.Step
    kind: str                  # user, session, root, account, service, anonymous, federated
    account: str | None        # the caller's account
    role: str | None = None    # for sessions
    session: str | None = None
    resource_account: str | None = None
    makes_session: str | None = None


def flow_steps(world: m.World, flow: m.Flow) -> list[StepView]:
    sessions: dict[str, str] = {}   # session name -> role key, from earlier AssumeRole steps of the flow
    views: list[StepView] = []
    for index, step in enumerate(flow.steps):
        actor, kind = step.actor, step.actor.kind
        role = session = account = None
        if kind == "user":
            account = world.users[actor.user].account
        elif kind in ("session", "role"):
            role, session = actor.role or sessions.get(actor.session), actor.session
            kind, account = "session", world.roles[role].account if role in world.roles else None
        elif kind in ("root", "account"):
            account = actor.root or actor.account
        elif kind == "federated":
            account = account_of_arn(WorldIndex(world).provider_arn(actor.federated))
        if step.target == "*":
            resource_account = account or actor.on_behalf_of or next(iter(world.accounts))
        elif share_target(world, step):
            resource_account = world.ram.shares[step.target].owner
        else:
            owner = world.roles.get(step.target) or world.users.get(step.target) or world.resources.get(step.target)
            resource_account = owner.account if owner else None
        made = step.params.session_name if is_assume_role(step.action) and step.target in world.roles else None
        if made:
            sessions[made] = step.target
        views.append(StepView(index, step, kind, account, role, session, resource_account, made))
    return views


def caller_party(world: m.World, view: StepView, lang: str, *, sessions_as_roles: bool) -> Party:
    """Who makes a step's request. In the architecture a session is drawn as its role."""
    actor = view.step.actor
    if view.kind == "user":
        return user_party(world, actor.user, lang)
    if view.kind == "session":
        if sessions_as_roles:
            return role_party(world, view.role, lang)
        return session_party(world, view.role, view.session, lang)
    if view.kind in ("root", "account"):
        return root_party(view.account, lang)
    if view.kind == "service":
        return service_party(world, world.services[actor.service].principal, lang)
    if view.kind == "federated":
        return federated_party(WorldIndex(world).provider_arn(actor.federated), lang)
    return anonymous_party(lang)


def share_target(world: m.World, step: m.Step) -> bool:
    """A step answering a RAM invitation targets the resource share itself."""
    return step.action.lower() in INVITATION_ACTIONS and world.ram is not None and step.target in world.ram.shares


def target_party(world: m.World, view: StepView, lang: str) -> Party:
    target = view.step.target
    if share_target(world, view.step):
        return Party(f"share.{target}", "resource", f"{target}\n{word('resource_share', lang)}",
                     world.ram.shares[target].owner, Shape.RECT)
    if target == "*":
        return any_resource_party(view.resource_account, view.step.action, lang)
    if target in world.roles:
        return role_party(world, target, lang)
    if target in world.users:
        return user_party(world, target, lang)
    return resource_party(world, target, lang)


def principal_arns(world: m.World) -> tuple[dict[str, str], dict[str, str]]:
    """ARN -> key for the world's roles and for its users (build once per chart, not per statement)."""
    index = WorldIndex(world)
    return {index.role_arn(k): k for k in world.roles}, {index.user_arn(k): k for k in world.users}


def principal_parties(world: m.World, principal, lang: str,
                      arns: tuple[dict[str, str], dict[str, str]] | None = None) -> list[Party]:
    """The parties a policy's `Principal` names (trust policies), each mapped to the world where it can be."""
    if principal == "*":
        return [Party("anyone", "anyone", word("anyone", lang), None, PRINCIPAL_SHAPES["anyone"])]
    if not isinstance(principal, dict):
        return []
    roles, users = arns or principal_arns(world)
    found: list[Party] = []
    for kind, values in principal.items():
        for value in [values] if isinstance(values, str) else list(values or []):
            value = str(value)
            if kind == "Service":
                found.append(service_party(world, value, lang))
            elif kind == "Federated":
                found.append(federated_party(value, lang))
            elif value == "*":
                found.append(principal_parties(world, "*", lang)[0])
            elif value in roles:
                found.append(role_party(world, roles[value], lang))
            elif value in users:
                found.append(user_party(world, users[value], lang))
            elif value.isdigit() or value.endswith(":root"):
                found.append(root_party(account_of_arn(value) or value, lang))
            else:
                found.append(Party(f"arn.{_no_colon(value)}", "role" if ":role/" in value else "user",
                                   short_arn(value), account_of_arn(value), PRINCIPAL_SHAPES["role"]))
    return found
