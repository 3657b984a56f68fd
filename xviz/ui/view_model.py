"""What the workbench shows, as plain data: the seam between the scenario/engine and the widgets.

The widgets draw a `ScenarioView` and nothing else. Today `raw_scenario.read_scenario_view` fills it
straight from the YAML; once `xviz.scenario` and `xviz.engine` are in, an adapter fills it from the
loaded Scenario and the evaluation results (verdicts, explanations). No Qt here.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

# A text a learner reads: a plain string or {"en": ..., "ja": ...}; see catalog.pick.
Localized = str | dict

VERDICTS = ("allow", "explicit_deny", "implicit_deny", "validation_error")


def verdict_from_expect(value: object) -> str | None:
    """`Allow` / `ExplicitDeny` / `ImplicitDeny` / `ValidationError` (the scenario's words) -> our key."""
    key = {"allow": "allow", "explicitdeny": "explicit_deny", "implicitdeny": "implicit_deny",
           "validationerror": "validation_error"}
    return key.get(str(value).replace("_", "").replace(" ", "").lower()) if value is not None else None


@dataclass
class TreeNode:
    label: str
    kind: str  # organization | ou | account | user | role | resource | service | policy | group
    children: list["TreeNode"] = field(default_factory=list)
    policy_id: str | None = None  # set on policy nodes: opens that policy's editor
    detail: str = ""  # shown as tool tip (an ARN, an account id)


@dataclass
class PolicyView:
    id: str  # unique in the scenario, e.g. "roles.CrossAccountRole.trust_policy"
    name: str  # the tab title
    policy_type: str  # identity | resource | trust | scp | rcp | boundary | session
    text: str
    owner: str = ""
    line: int | None = None  # where the JSON text starts in the scenario file


@dataclass
class StepView:
    id: str
    title: str  # one line, e.g. "alice → s3:GetObject → shared-bucket"
    narration: Localized = ""
    expected: str | None = None  # a VERDICTS key
    verdict: str | None = None  # a VERDICTS key once evaluated; None = not evaluated
    explanation: dict = field(default_factory=dict)  # language -> list of sentences
    policy_ids: list[str] = field(default_factory=list)  # policies that decided it (editor jumps there)
    focus: tuple[str, int, int] | None = None  # (policy id, line, column in its text) of the deciding statement
    run: object | None = None  # the evaluation behind the verdict (a StepRun), opaque: see stages.stages_of


@dataclass
class FlowView:
    id: str
    title: Localized
    narration: Localized = ""
    steps: list[StepView] = field(default_factory=list)


@dataclass
class WhatIfView:
    """A switch the learner can flip (the scenario's `what_ifs`)."""

    id: str
    label: Localized
    narration: Localized = ""


@dataclass
class LoadProblem:
    """A problem found while opening: shown in the app with file, line and column."""

    message: str
    file: str = ""
    line: int | None = None
    column: int | None = None


@dataclass
class ScenarioView:
    path: Path | None
    title: Localized
    summary: Localized = ""
    tree: list[TreeNode] = field(default_factory=list)
    policies: list[PolicyView] = field(default_factory=list)
    flows: list[FlowView] = field(default_factory=list)
    what_ifs: list[WhatIfView] = field(default_factory=list)
    problems: list[LoadProblem] = field(default_factory=list)
    # Parts of xviz not built yet, named so the UI can say so: "scenario", "engine", "diagram".
    not_ready: set[str] = field(default_factory=set)
    # After an edit the scenario no longer loads (e.g. a policy is not JSON): verdicts are the last good
    # ones, shown greyed, and `edit_problems` says why.
    stale: bool = False
    edit_problems: list[LoadProblem] = field(default_factory=list)
    # The live scenario behind the view (scenario_adapter.LiveScenario), opaque to the widgets.
    source: object | None = None

    def policy(self, policy_id: str) -> PolicyView | None:
        return next((p for p in self.policies if p.id == policy_id), None)

    def flow(self, flow_id: str) -> FlowView | None:
        return next((f for f in self.flows if f.id == flow_id), None)
