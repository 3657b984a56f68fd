"""A step's one-line title, as a learner would say it, from its actor, action and target. No Qt here."""
from __future__ import annotations


def actor_label(actor: dict) -> str:
    """Who calls: `alice`, `AppRole/app`, `root (111…)`, `cloudtrail (222…)`, `anonymous`."""
    if "role" in actor and "session" in actor:
        return f"{actor['role']}/{actor['session']}"
    for key in ("user", "session", "account", "federated"):
        if key in actor:
            return str(actor[key])
    if "root" in actor:
        return f"root ({actor['root']})"
    if "service" in actor:
        return f"{actor['service']} ({actor['on_behalf_of']})" if actor.get("on_behalf_of") else str(actor["service"])
    if actor.get("anonymous"):
        return "anonymous"
    return ", ".join(f"{k}: {v}" for k, v in actor.items()) or "?"


def step_title(step: dict) -> str:
    """`alice → s3:GetObject → shared-bucket/reports/q1.csv` from a step's plain data."""
    actor = step.get("actor") if isinstance(step.get("actor"), dict) else {}
    parts = [actor_label({k: v for k, v in actor.items() if v not in (None, False)}), str(step.get("action", "?"))]
    if step.get("target"):
        parts.append(str(step["target"]) + (f"/{step['object']}" if step.get("object") else ""))
    return " → ".join(parts)
