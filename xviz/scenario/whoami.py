""""Who am I now": the caller before and after each step, as plain data for `xviz run` and the window.

An AssumeRole (or a federated sign-in) that succeeds switches identity: the new role session has the
role's permissions only, and what the caller had is left behind until it uses its own credentials
again. A call that a resource-based policy allows switches nothing: the caller keeps its identity and
all its permissions (IAM User Guide, "Cross account resource access in IAM"; "Switch to an IAM role").
A session lasts DurationSeconds (default one hour; role chaining at most one hour).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from xviz.scenario import model as m
from xviz.scenario.derive import CHAINED_MAX_SECONDS
from xviz.scenario.runner import StepRun
from xviz.scenario.world import WorldIndex

DEFAULT_SESSION_SECONDS = 3600


@dataclass(frozen=True)
class WhoAmI:
    before: str  # the caller's ARN (or service principal, "anonymous")
    after: str  # who acts in the next request made with what this step returned
    switched: bool  # a new role session came back
    expires_in: int | None = None  # seconds the new session lasts
    left_behind: tuple[str, ...] = ()  # the caller's policies that no longer apply to the new session
    gained: tuple[str, ...] = ()  # the policies of the role the session now uses
    kept: tuple[str, ...] = field(default=())  # resource-based access: the caller's own policies still apply

    def lines(self, lang: str = "en") -> list[str]:
        t = _TEXT[lang if lang in _TEXT else "en"]
        out = [t["before"].format(arn=self.before)]
        if self.switched:
            out.append(t["after_switch"].format(arn=self.after))
            out.append(t["expires"].format(seconds=self.expires_in, minutes=(self.expires_in or 0) // 60))
            if self.left_behind:
                out.append(t["left_behind"].format(names=", ".join(self.left_behind)))
            if self.gained:
                out.append(t["gained"].format(names=", ".join(self.gained)))
        else:
            out.append(t["after_same"].format(arn=self.after))
            if self.kept:
                out.append(t["kept"].format(names=", ".join(self.kept)))
        return out

    def as_dict(self) -> dict:
        return {"before": self.before, "after": self.after, "switched": self.switched,
                "expires_in": self.expires_in, "left_behind": list(self.left_behind),
                "gained": list(self.gained), "kept": list(self.kept)}


_TEXT = {
    "en": {"before": "before: {arn}",
           "after_switch": "after: {arn} (a new role session: the identity switches)",
           "after_same": "after: {arn} (same identity: nothing switched)",
           "expires": "the session expires {seconds} seconds ({minutes} minutes) after it is issued",
           "left_behind": "left behind: {names} (the caller's own permissions do not come along)",
           "gained": "the session's permissions: {names}",
           "kept": "kept: {names} (access through a resource-based policy keeps the caller's own permissions)"},
    "ja": {"before": "前: {arn}",
           "after_switch": "後: {arn}（新しいロールのセッション。アイデンティティが切り替わります）",
           "after_same": "後: {arn}（同じアイデンティティのまま。切り替わりません）",
           "expires": "セッションは発行から {seconds} 秒（{minutes} 分）で失効します",
           "left_behind": "置いていくもの: {names}（呼び出し元自身の権限は引き継がれません）",
           "gained": "セッションの権限: {names}",
           "kept": "保持するもの: {names}（リソースベースのポリシーによるアクセスでは、呼び出し元自身の権限がそのまま使えます）"},
}


def who_am_i(world: m.World, run: StepRun) -> WhoAmI:
    plan, caller = run.plan, run.plan.caller
    own = tuple(s.name for s in caller.identity) + ((caller.boundary.name,) if caller.boundary else ())
    if plan.makes_session and run.outcome == "Allow":
        role_key, params = plan.step.target, plan.step.params
        role = world.roles[role_key]
        seconds = params.duration_seconds or DEFAULT_SESSION_SECONDS
        if caller.kind == "session":
            seconds = min(seconds, CHAINED_MAX_SECONDS)
        gained = tuple(role.policies) + ((role.boundary.name,) if role.boundary else ())
        return WhoAmI(caller.arn, WorldIndex(world).session_arn(role_key, params.session_name), True, seconds,
                      own, gained)
    kept = own if any(n.code.startswith("kept_identity") for n in run.notes) else ()
    return WhoAmI(caller.arn, caller.arn, False, kept=kept)
