"""What every view shows, as plain immutable data: the parts of a Snapshot. No Qt here.

Texts a learner reads are `Localized`: a plain string or {"en": ..., "ja": ...} (see ui.catalog.pick).
Verdicts are the scenario's words: Allow, ExplicitDeny, ImplicitDeny, NotReached, InputError.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

Localized = str | dict

# UI keys of the verdicts (colours, labels); `verdict_key` maps the scenario's words to them.
VERDICTS = ("allow", "explicit_deny", "implicit_deny", "not_reached", "input_error")


def verdict_key(value: object) -> str | None:
    """`Allow` / `ExplicitDeny` / `ImplicitDeny` / `NotReached` / `InputError` (or `ValidationError`,
    which the window shows as an input error) -> our key."""
    key = {"allow": "allow", "explicitdeny": "explicit_deny", "implicitdeny": "implicit_deny",
           "notreached": "not_reached", "inputerror": "input_error", "validationerror": "input_error"}
    return key.get(str(value).replace("_", "").replace(" ", "").lower()) if value is not None else None


@dataclass(frozen=True)
class TreeNode:
    label: Localized  # a bilingual account or OU name is {en, ja}: the tree shows the UI language's
    kind: str  # organization | ou | account | user | role | resource | service | policy | group
    children: tuple["TreeNode", ...] = ()
    policy_id: str | None = None  # set on policy nodes: opens that policy's editor
    detail: str = ""  # shown as tool tip (an ARN, an account id)


@dataclass(frozen=True)
class Diagnostic:
    """A problem inside one policy's text: 1-based line and column in that text."""

    line: int
    column: int
    message: str
    severity: str = "error"
    code: str = ""
    params: dict = field(default_factory=dict)  # the values the message was made from (for other languages)

    @classmethod
    def of(cls, finding) -> "Diagnostic":
        """An engine Diagnostic or a JSON reading error (line, column, message, severity, code, params)."""
        return cls(max(int(finding.line or 1), 1), max(int(finding.column or 1), 1), str(finding.message),
                   str(getattr(finding, "severity", "error") or "error"), str(getattr(finding, "code", "") or ""),
                   dict(getattr(finding, "params", None) or {}))


@dataclass(frozen=True)
class PolicyView:
    id: str  # the policy's place in the file, e.g. "world.roles.CrossAccountRole.trust_policy"
    name: str  # the tab title
    policy_type: str  # identity | resource | trust | scp | rcp | boundary | session
    text: str  # the text as evaluated (a what-if's when it replaced this policy), or as the user typed it
    owner: str = ""
    line: int | None = field(default=None, compare=False)  # where the JSON text starts in the file (as loaded)
    read_only: bool = False  # a what-if gave this text: edit the file's own text with the what-if off
    what_if: str | None = None  # the what-if that replaced or added this policy
    banner: dict | None = None  # {en, ja}: one line saying why it is read-only
    diagnostics: tuple[Diagnostic, ...] = ()
    account: str | None = None


@dataclass(frozen=True)
class StepView:
    id: str
    title: str  # one line, e.g. "alice → s3:GetObject → shared-bucket", derived from the evaluated world
    flow: str = ""
    index: int = 0
    narration: Localized = ""  # what the explanation leads with: written for this verdict, or generated
    narration_written: bool = True  # False: the engine's explanation (no narration for this outcome)
    changed: dict | None = None  # {en, ja}: "was X: …; now Y: …" against the file as written
    expected: str | None = None  # a VERDICTS key
    verdict: str | None = None  # a VERDICTS key once evaluated; None = not evaluated
    outcome: str | None = None  # the scenario's word (Allow, ValidationError, …)
    notes: tuple = ()  # xviz.scenario.notes.Note
    policy_ids: tuple[str, ...] = ()  # policies that decided it (editor jumps there)
    focus: tuple[str, int, int] | None = None  # (policy id, line, column in its text) of the deciding statement
    run: object | None = field(default=None, compare=False)  # the StepRun behind the verdict (see stages)
    docs: tuple[str, ...] = ()
    cli: dict = field(default_factory=dict)  # language -> the AWS CLI lines that make the same call
    who_am_i: object | None = None  # xviz.scenario.whoami.WhoAmI: the caller before and after the step

    @cached_property
    def explanation(self) -> dict:
        """language -> the engine's reasons as lines (computed when first shown)."""
        from xviz.scenario.report import explain  # noqa: PLC0415 - only when a view asks

        if self.run is None or self.run.result.get("decision") is None and self.run.problem is None:
            return {}
        if self.run.problem is not None:
            return {lang: [self.run.problem.message] for lang in ("en", "ja")}
        return {lang: explain(self.run, lang) for lang in ("en", "ja")}

    def note_texts(self, lang: str) -> list[str]:
        return [note.text(lang) for note in self.notes]


@dataclass(frozen=True)
class FlowView:
    id: str
    title: Localized
    narration: Localized = ""
    steps: tuple[StepView, ...] = ()


@dataclass(frozen=True)
class WhatIfView:
    """A switch the learner can flip (the scenario's `what_ifs`)."""

    id: str
    label: Localized
    narration: Localized = ""
    active: bool = False


@dataclass(frozen=True)
class LoadProblem:
    """A problem found while opening or after an edit: shown with file, line and column."""

    message: str
    file: str = ""
    line: int | None = None
    column: int | None = None


@dataclass(frozen=True)
class ScenarioView:
    """Everything the window draws of one scenario (the snapshot's view part)."""

    path: Path | None
    title: Localized
    summary: Localized = ""
    tree: tuple[TreeNode, ...] = ()
    policies: tuple[PolicyView, ...] = ()
    flows: tuple[FlowView, ...] = ()
    what_ifs: tuple[WhatIfView, ...] = ()
    problems: tuple[LoadProblem, ...] = ()  # the file could not be loaded completely
    # After an edit that cannot be evaluated (e.g. a policy that is not JSON) the verdicts are the last
    # good ones, shown greyed, and `edit_problems` says why.
    stale: bool = False
    edit_problems: tuple[LoadProblem, ...] = ()
    evaluated: bool = False  # verdicts come from the engine (False: the file never loaded)

    def policy(self, policy_id: str) -> PolicyView | None:
        return self._policies_by_id.get(policy_id)

    def flow(self, flow_id: str) -> FlowView | None:
        return next((f for f in self.flows if f.id == flow_id), None)

    @cached_property
    def _policies_by_id(self) -> dict[str, PolicyView]:
        return {p.id: p for p in self.policies}
