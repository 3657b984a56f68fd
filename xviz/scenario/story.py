"""What a Story tab and a Source charts tab show, as plain data over a loaded scenario.

The story: the scenario's summary, then each flow's title and introduction, with the scenarios it points
to for depth (a flow's `see`, used by the tour). The source charts: the charts the author carries beside
the generated Architecture and Sequence ones (a `diagrams` entry that replaces neither), in the order
written; `xviz render FILE --diagram NAME` draws each by its name.
"""
from __future__ import annotations

from dataclasses import dataclass

from xviz.scenario.loader import LoadedScenario

GENERATED = "architecture"
FLOW_PREFIX = "flow:"


@dataclass(frozen=True)
class FlowStory:
    flow: str
    title: str
    introduction: str  # "" when the flow has none
    see: tuple[str, ...]  # ids of scenarios that teach it in depth


@dataclass(frozen=True)
class ScenarioStory:
    title: str
    summary: str
    flows: tuple[FlowStory, ...]
    docs: tuple[str, ...]


def _text(value, lang: str) -> str:
    return getattr(value, "ja" if lang == "ja" else "en").rstrip("\n") if value is not None else ""


def story(loaded: LoadedScenario, lang: str = "en") -> ScenarioStory:
    sc = loaded.model
    flows = tuple(FlowStory(name, _text(f.title, lang), _text(f.narration, lang), tuple(f.see))
                  for name, f in sc.flows.items())
    return ScenarioStory(_text(sc.title, lang), _text(sc.summary, lang), flows, tuple(sc.docs))


def source_charts(loaded: LoadedScenario, lang: str = "en") -> list[tuple[str, str]]:
    """(diagram name, title) of each chart the scenario carries besides the generated ones."""
    flows = {FLOW_PREFIX + name for name in loaded.model.flows}
    return [(name, _text(d.title, lang)) for name, d in loaded.model.diagrams.items()
            if name != GENERATED and name not in flows]
