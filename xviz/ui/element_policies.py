"""Which policies stand behind a diagram element, so a click on it opens them. No Qt here.

Element ids are the architecture diagram's: nodes `user.K`, `role.K`, `res.K`, `org.R`, `ou.X`;
edges `trust:A->role.K` (the role's trust policy), `access:A->B` (A's own policies, then B's
resource policy), `policy:A->res.K` (the resource policy).
"""
from __future__ import annotations

from xviz.document.views import ScenarioView

_SECTIONS = {"user": "users", "role": "roles", "res": "resources"}


def _node_policies(node: str, view: ScenarioView, *, identity_only: bool = False) -> list[str]:
    kind, _, key = node.partition(".")
    if kind in ("org", "ou"):
        return [p.id for p in view.policies if p.policy_type in ("scp", "rcp")]
    section = _SECTIONS.get(kind)
    if section is None:
        return []
    prefix = f"world.{section}.{key}."
    return [p.id for p in view.policies if p.id.startswith(prefix)
            and not (identity_only and p.policy_type in ("trust", "resource"))]


def policies_for_element(element_id: str, view: ScenarioView) -> list[str]:
    """Policy ids behind the element, most relevant first, without duplicates."""
    kind, sep, rest = element_id.partition(":")
    if not sep:
        found = _node_policies(element_id, view)
    else:
        source, _, target = rest.partition("->")
        target_kind, _, target_key = target.partition(".")
        if kind == "trust":
            found = [f"world.roles.{target_key}.trust_policy"]
        elif kind == "policy":
            found = [f"world.resources.{target_key}.policy"]
        elif kind == "access":
            found = _node_policies(source, view, identity_only=True)
            if target_kind == "res":
                found.insert(0, f"world.resources.{target_key}.policy")
            elif target_kind == "role":
                found.insert(0, f"world.roles.{target_key}.trust_policy")
        else:
            found = []
    known = {p.id for p in view.policies}
    return list(dict.fromkeys(p for p in found if p in known))
