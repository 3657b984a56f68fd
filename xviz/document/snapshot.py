"""One evaluated state of a scenario, immutable: what every view draws. No Qt here."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from xviz.document.state import DocumentState
from xviz.document.views import ScenarioView


@dataclass(frozen=True)
class Snapshot:
    """`view` is what the window shows; `loaded` the evaluated scenario (what-ifs applied, every valid
    edit in), `runs` its step runs. `broken` names the edited policies whose text cannot be evaluated:
    while there are any, the verdicts are the last good ones (`view.stale`)."""

    state: DocumentState
    view: ScenarioView
    loaded: Any = field(default=None, compare=False)  # xviz.scenario.loader.LoadedScenario, or None
    runs: tuple = field(default=(), compare=False)  # xviz.scenario.runner.StepRun, in flow order
    origins: dict = field(default_factory=dict, compare=False)  # policy path -> the what-if that gave its text
    broken: frozenset = frozenset()
    spots: tuple = field(default=(), compare=False)
    error: Exception | None = field(default=None, compare=False)  # why the file did not load (ScenarioError)  # tree.PolicySpot: every policy text of the evaluated data

    @property
    def evaluated(self) -> bool:
        return self.view.evaluated

    def step(self, flow: str, index: int):
        found = self.view.flow(flow)
        return found.steps[index] if found is not None and 0 <= index < len(found.steps) else None

    @cached_property
    def _diagrams(self) -> dict:
        return {}

    def architecture(self, lang: str, expanded: frozenset = frozenset()):
        """The architecture diagram of the evaluated world (labels derived from it), or None. A big
        organization is an overview; `expanded` names the OUs drawn in full there."""
        if self.loaded is None:
            return None
        key = ("architecture", lang, frozenset(expanded))
        if key not in self._diagrams:
            from xviz.diagram.from_scenario import architecture_diagram  # noqa: PLC0415 - on demand

            self._diagrams[key] = architecture_diagram(self.loaded, lang, frozenset(expanded))
        return self._diagrams[key]

    def sequence(self, flow: str, lang: str):
        """The sequence diagram of one flow of the evaluated world, or None. Its STS answers follow the
        verdicts on show (a step not decided on screen, e.g. still to be predicted, gives nothing away)."""
        found = self.view.flow(flow)
        if self.loaded is None or found is None or flow not in self.loaded.model.flows:
            return None
        outcomes = {s.id: s.outcome if s.verdict not in (None, "not_reached") else None for s in found.steps}
        key = ("sequence", flow, lang, tuple(outcomes.items()))
        if key not in self._diagrams:
            from xviz.diagram.from_scenario import flow_diagram  # noqa: PLC0415 - on demand

            self._diagrams[key] = flow_diagram(self.loaded, flow, lang, outcomes)
        return self._diagrams[key]
