"""Answers as pictures and as steps: what an answer lights on the architecture diagram, and the answer
as a flow of ordinary scenario steps, to walk through stage by stage in the stepper. No Qt here.

Diagram ids follow `xviz.diagram.from_scenario_architecture`: nodes `user.K`, `role.K`, `res.K`,
`root.ACCOUNT`, `svc.K`, `fed.…`, `anyone`; grant edges `policy:P->res.K` and `trust:P->role.K`.
"""
from __future__ import annotations

from typing import Callable

from xviz.diagram.from_scenario_parties import federated_party
from xviz.review.ask import Asked
from xviz.review.index import ReviewIndex
from xviz.review.reach import Reached

Known = Callable[[str], bool]


def actor_id(index: ReviewIndex, actor: dict) -> str:
    """The diagram node of a scenario actor."""
    if "user" in actor:
        return f"user.{actor['user']}"
    if "role" in actor:
        return f"role.{actor['role']}"
    if "root" in actor:
        return f"root.{actor['root']}"
    if "service" in actor:
        key = next((k for k, s in index.world.services.items() if s.principal == actor["service"]), actor["service"])
        return f"svc.{key}"
    if "federated" in actor:
        return federated_party(index.ix.provider_arn(actor["federated"]), "en").id
    return "anonymous"


def target_id(index: ReviewIndex, arn: str) -> str | None:
    key, _ = index.resolve_target(arn)
    if key is None:
        return None
    return f"role.{key}" if key in index.world.roles else f"user.{key}" if key in index.world.users else f"res.{key}"


def _grants(source: str, account: str | None, target: str, known: Known) -> list[str]:
    """The grant edges that may carry a caller to `target` (naming it, its account, or anyone), and whom they name."""
    kind = "trust" if target.startswith("role.") else "policy"
    found: list[str] = []
    for named in (source, f"root.{account}" if account else None, "anyone"):
        if named and known(f"{kind}:{named}->{target}"):
            found += [f"{kind}:{named}->{target}", named]
    return found


def _account(actor: dict, index: ReviewIndex) -> str | None:
    if "user" in actor:
        return index.world.users[actor["user"]].account
    if "role" in actor:
        return index.world.roles[actor["role"]].account
    return actor.get("root")


def who_can_ids(index: ReviewIndex, answers: list[Asked], resource_arn: str, known: Known) -> tuple[str, ...]:
    """The target, every allowed principal and the grant edges between them (only ids the diagram draws)."""
    target = target_id(index, resource_arn)
    ids: list[str] = [target] if target else []
    for a in answers:
        source = actor_id(index, a.actor)
        ids += [source] + (_grants(source, _account(a.actor, index), target, known) if target else [])
    return tuple(dict.fromkeys(i for i in ids if i and known(i)))


def reach_ids(index: ReviewIndex, reached: list[Reached], known: Known) -> tuple[str, ...]:
    """Every node on the chains and the trust edges each hop crosses."""
    ids: list[str] = []
    for r in reached:
        for hop in r.hops:
            source, target = actor_id(index, hop.actor), target_id(index, hop.plan.resource_arn)
            ids += [source, target, *_grants(source, _account(hop.actor, index), target, known)]
    return tuple(dict.fromkeys(i for i in ids if i and known(i)))


def _narration(en: str, ja: str) -> dict:
    return {"en": en, "ja": ja}


def who_can_flow(answers: list[Asked], action: str, resource_arn: str) -> dict:
    """One step per allowed principal, each asking for the action as that principal."""
    steps = []
    for i, a in enumerate(answers, 1):
        step = a.step(f"principal-{i}")
        step["expect"] = "Allow"
        step["narration"] = _narration(f"{a.principal} asks for {action} on {resource_arn}.",
                                       f"{a.principal} が {resource_arn} に対して {action} を要求します。")
        steps.append(step)
    return {"title": _narration(f"Who can {action}?", f"{action} を実行できるのは誰か"), "steps": steps}


def reach_flow(reached: Reached) -> dict:
    """The chain as steps: each hop assumes the next role as the session the hop before made."""
    steps = []
    for i, hop in enumerate(reached.hops, 1):
        step = hop.step(f"hop-{i}")
        if i > 1:
            step["actor"] = {"session": f"review-{i - 1}"}
        step.setdefault("params", {})["session_name"] = f"review-{i}"
        step["expect"] = "Allow"
        role = hop.plan.resource_arn
        step["narration"] = _narration(f"{reached.chain[i - 1]} assumes {role} ({hop.plan.step.action}).",
                                       f"{reached.chain[i - 1]} が {role} のロールを引き受けます"
                                       f"（{hop.plan.step.action}）。")
        steps.append(step)
    return {"title": _narration(f"Reach {reached.role}", f"{reached.role} への到達"), "steps": steps}


def add_flow(text: str, name: str, flow: dict) -> str:
    """The scenario text with `flow` added as the first entry of its top-level `flows:` mapping."""
    from xviz.review.writer import dump_scenario

    lines = text.splitlines(keepends=True)
    at = next((i for i, line in enumerate(lines) if line.rstrip() == "flows:"), None)
    if at is None:
        raise ValueError("the scenario has no block `flows:` mapping at the top level")
    entry = "".join("  " + line + "\n" for line in dump_scenario({name: flow}).splitlines())
    return "".join(lines[: at + 1]) + entry + "".join(lines[at + 1:])

