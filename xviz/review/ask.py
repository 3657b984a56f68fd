"""Ask the engine one question about a scenario: may this actor do this action on this ARN?

The request is derived exactly as for a step of a flow (`xviz.scenario.derive`): the same SCPs,
RCPs, organization keys, tags, boundaries and resource policies.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from xviz.engine import InputError, simulate
from xviz.engine.arn import parse_arn
from xviz.review.index import ReviewIndex
from xviz.scenario import model as m
from xviz.scenario.derive import StepPlan

SESSION = "xviz-review"  # the session name of every role session a review imagines
_NARRATION = m.Text(en="A review question.", ja="レビューの問い合わせです。")


class ReviewError(Exception):
    """A question that cannot be asked (a bad action, ARN or context value)."""


@dataclass
class Asked:
    actor: dict  # the scenario actor, e.g. {"role": KEY, "session": SESSION}
    principal: str  # who is allowed: a user or role ARN, a root ARN, a service principal, "anonymous"
    plan: StepPlan
    result: dict  # the engine's output object

    @property
    def allowed(self) -> bool:
        return self.plan.rejected is None and self.result.get("decision") == "Allow"

    def step(self, step_id: str, narration: m.Text = _NARRATION) -> dict:
        """This question as a scenario step (plain data), to be walked through stage by stage."""
        s = self.plan.step
        data: dict[str, Any] = {"id": step_id, "actor": self.actor, "action": s.action, "target": s.target}
        if s.object:
            data["object"] = s.object
        params = {k: v for k, v in (("session_name", s.params.session_name if _makes_session(s.action) else None),
                                    ("context", dict(s.params.context) or None)) if v}
        if params:
            data["params"] = params
        data["narration"] = {"en": narration.en, "ja": narration.ja}
        return data


def _makes_session(action: str) -> bool:
    return action.lower().startswith("sts:assumerole")


def question(action: str, context: dict[str, Any]) -> m.Step:
    """The step every candidate is asked (only the actor and target change); ReviewError if malformed."""
    try:
        return m.Step(id="ask", actor=m.Actor(anonymous=True), action=action, target="*",
                      params=m.Params(session_name=SESSION, context=context), narration=_NARRATION)
    except ValidationError as err:
        problem = err.errors()[0]
        where = ".".join(str(p) for p in problem["loc"])
        raise ReviewError(f"{where}: {problem['msg']} (an action looks like s3:GetObject)") from None


def ask(index: ReviewIndex, base: m.Step, actor: dict, principal: str, target_arn: str,
        context: dict[str, Any] | None = None) -> Asked | None:
    """The engine's answer for one actor; None when the target is not decided by IAM (RAM)."""
    key, obj = index.resolve_target(target_arn)
    parsed = parse_arn(target_arn) if key is None else None
    if key is None and not (parsed and parsed.account):
        raise ReviewError(f"{target_arn!r} is not in the scenario and its ARN names no account, so whose it is "
                          "is unknown (an S3 bucket: export it, even without a bucket policy)")
    update: dict[str, Any] = {"actor": m.Actor(**actor), "target": key or "*", "object": obj}
    if context is not None:
        update["params"] = base.params.model_copy(update={"context": context})
    step = base.model_copy(update=update)
    plan = index.planner.plan_step("review", 0, step, {})
    if plan.kind != "iam":
        return None
    if key is None:  # a resource the scenario does not describe: no resource policy, its own ARN
        plan.request["request"]["resource"] = target_arn
        plan.request["request"]["resource_account"] = parsed.account
    try:
        result = simulate(plan.request)
    except InputError as err:
        raise ReviewError(err.message) from None
    return Asked(actor, principal, plan, result)


def parse_pairs(pairs: list[str], option: str) -> dict[str, Any]:
    """K=V options: a key given twice becomes a list of values."""
    found: dict[str, Any] = {}
    for pair in pairs or []:
        key, sep, value = pair.partition("=")
        if not sep or not key:
            raise ReviewError(f"{option} {pair!r}: write KEY=VALUE, e.g. {option} aws:SourceAccount=111111111111")
        if key in found:
            found[key] = [*(found[key] if isinstance(found[key], list) else [found[key]]), value]
        else:
            found[key] = value
    return found
