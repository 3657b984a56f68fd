"""What the architecture diagram lights for one stage inside a step's evaluation. No Qt here.

A step lights its `StepIds` (the access edge first, then the trust or resource-policy edges that
name its caller; the caller and the target nodes). A stage lights the part of the picture where
its policies live:

- SCPs limit the caller's account: the level's cluster (root, OU or account) and the caller;
- RCPs limit the resource's account: the level's cluster and the target;
- the resource-based or trust policy: its edges that name the caller, whom they name, and the target;
- identity policies, the permissions boundary and session policies belong to the caller: the caller
  and its access edge;
- explicit deny: wherever the policy that denied lives (by its kind, as above); when nothing
  denied, every policy the stage looked at; when it looked at none, the caller and the target.
"""
from __future__ import annotations

from collections.abc import Callable

from xviz.ui.stages import StageView

CLUSTER_PREFIXES = ("org.", "ou.", "acct.")  # the organization's root, an OU, an account


def level_cluster(level: str | None, known: Callable[[str], bool]) -> str | None:
    """The diagram cluster of an organization level as the trace names it (r-…, ou-…, an account id)."""
    if not level:
        return None
    return next((c for c in (p + level for p in CLUSTER_PREFIXES) if known(c)), None)


def _grant_source(edge_id: str) -> str:
    """`trust:root.444->role.R` -> `root.444`: whom the policy statement names."""
    return edge_id.partition(":")[2].partition("->")[0]


def _where(kind: str | None, level: str | None, step, known: Callable[[str], bool]) -> list[str]:
    caller, target = step.nodes
    if kind == "scp":
        return [level_cluster(level, known), caller]
    if kind == "rcp":
        return [level_cluster(level, known), target]
    if kind == "resource":
        grants = [e for e in step.edges if e.startswith(("trust:", "policy:"))]
        return [*grants, *(_grant_source(e) for e in grants), target]
    return [*(e for e in step.edges if e.startswith("access:")), caller]


def stage_ids(stage: StageView, step, known: Callable[[str], bool]) -> tuple[str, ...]:
    """The diagram ids to light for `stage` of the step whose own ids are `step` (a StepIds);
    only ids `known` to the diagram, without duplicates."""
    if stage.stage == "explicit_deny":
        looked_at = [s for s in stage.statements if s.matched] or stage.statements
        ids = [i for s in looked_at for i in _where(s.policy_type, s.level, step, known)] or list(step.nodes)
    else:
        ids = _where(stage.stage, stage.target, step, known)
    return tuple(dict.fromkeys(i for i in ids if i and known(i)))
