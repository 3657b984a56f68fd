"""A step of the learner's own: who, what, on which target, with a few parameters, evaluated through
the same derivation (xviz.scenario.derive) and engine as the scenario's steps. The scenario and its
file are never changed. No Qt here.
"""
from __future__ import annotations

from dataclasses import dataclass

from pydantic import ValidationError

from xviz.engine import InputError, evaluate_request
from xviz.scenario import model as m
from xviz.scenario.checks import is_assume_role
from xviz.scenario.derive import Planner
from xviz.scenario.errors import ScenarioError
from xviz.scenario.model import display
from xviz.scenario.ram import evaluate_ram
from xviz.scenario.runner import StepRun, evaluate_shared

TRY_FLOW = "(your step)"
SESSION_NAME = "xviz-try"
_NARRATION = m.Text(en="A step of your own.", ja="自分で試すステップです。")


@dataclass(frozen=True)
class ActorChoice:
    kind: str  # user | role | service | root | account | anonymous
    key: str  # the world's key (an account id for root; "" for anonymous)
    detail: str = ""  # the account (and its name) or the service principal, for the picker


@dataclass(frozen=True)
class TryRequest:
    actor: ActorChoice
    action: str
    target: str
    object: str | None = None
    external_id: str | None = None
    source_ip: str | None = None
    region: str | None = None


class TryError(ValueError):
    """The request cannot be evaluated: the message says which field and why."""


def actor_choices(loaded) -> list[ActorChoice]:
    """Everyone who can make a request in this world: users, roles (through a session), services,
    account roots, accounts using a resource share (when the world has RAM shares) and an anonymous caller."""
    world = loaded.model.world
    choices = [ActorChoice("user", k, u.account) for k, u in world.users.items()]
    choices += [ActorChoice("role", k, r.account) for k, r in world.roles.items()]
    choices += [ActorChoice("service", k, s.principal) for k, s in world.services.items()]
    choices += [ActorChoice("root", a, f"{a} {display(acc.name)}".strip()) for a, acc in world.accounts.items()]
    if world.ram is not None:  # an account using what a resource share gives it (RAM's own model decides)
        choices += [ActorChoice("account", a, f"{a} {display(acc.name)}".strip()) for a, acc in world.accounts.items()]
    choices.append(ActorChoice("anonymous", ""))
    return choices


def target_choices(loaded) -> list[str]:
    """Step targets: roles (for sts: actions), resources, users, or "*"."""
    world = loaded.model.world
    return [*world.roles, *world.resources, *world.users, "*"]


def action_choices(loaded) -> list[str]:
    """The actions the scenario's own steps use, first seen first: a place to start typing from."""
    seen = [step.action for flow in loaded.model.flows.values() for step in flow.steps]
    return list(dict.fromkeys(seen))


def _actor(choice: ActorChoice) -> m.Actor:
    if choice.kind == "role":
        return m.Actor(role=choice.key, session=SESSION_NAME)
    if choice.kind == "anonymous":
        return m.Actor(anonymous=True)
    return m.Actor(**{choice.kind: choice.key})


def _step(request: TryRequest) -> m.Step:
    action = request.action.strip()
    params = {"external_id": request.external_id or None, "source_ip": request.source_ip or None,
              "region": request.region or None}
    if is_assume_role(action):
        params["session_name"] = SESSION_NAME
    try:
        return m.Step(id="try", actor=_actor(request.actor), action=action, target=request.target,
                      object=request.object or None, params=m.Params(**params), narration=_NARRATION)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(p) for p in first.get("loc", ()) if p != "params")
        raise TryError(f"{where}: {first.get('msg', 'not valid')}") from None


def evaluate_try(loaded, request: TryRequest) -> StepRun:
    """Plan and evaluate the request like a scenario step; raises TryError for bad input."""
    if request.target not in target_choices(loaded):
        raise TryError(f"target: {request.target!r} is not in this scenario's world")
    step = _step(request)
    planner = Planner(loaded)
    try:
        plan = planner.plan_step(TRY_FLOW, 0, step, {})
    except (KeyError, ValueError) as error:
        raise TryError(f"this request cannot be planned: {error}") from None
    if plan.kind == "ram":  # a share across accounts: the share and the caller's IAM, as for the scenario's steps
        try:
            result = evaluate_shared(loaded, plan, evaluate_ram(loaded.model.world, step.target,
                                                                plan.caller.account, step.action))
        except ScenarioError as error:
            raise TryError(error.first.message) from None
        return StepRun(plan, result, result["decision"], list(plan.notes))
    try:
        evaluation = evaluate_request(plan.request)
    except InputError as error:
        raise TryError(error.message) from None
    outcome = "ValidationError" if plan.rejected else evaluation.decision.value
    notes = list(plan.notes) + ([plan.rejected] if plan.rejected else [])
    return StepRun(plan, evaluation.shared_json(), outcome, notes, evaluation=evaluation)
