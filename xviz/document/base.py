"""The file as written (no edits, no what-ifs), evaluated once: what "what changed" compares with."""
from __future__ import annotations

from dataclasses import dataclass

from xviz.scenario import ScenarioError, loads
from xviz.scenario.runner import run_steps


@dataclass(frozen=True)
class Base:
    outcomes: dict  # (flow, step id) -> (outcome, engine result)

    def get(self, flow: str, step_id: str) -> tuple[str, dict] | None:
        return self.outcomes.get((flow, step_id))


def evaluate_base(file_text: str, file: str | None) -> Base | None:
    """None when the file as written does not load (then nothing is compared)."""
    try:
        return base_of_runs(run_steps(loads(file_text, file), strict=False))
    except ScenarioError:
        return None


def base_of_runs(runs) -> Base:
    return Base({(r.plan.flow, r.plan.step.id): (r.outcome, r.result) for r in runs})
