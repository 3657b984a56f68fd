"""Diagrams of a scenario: its architecture, one sequence diagram per flow, and the author's own charts.

The choices, in order: `architecture`, then `flow:NAME` for each flow, then every other entry of the
scenario's `diagrams:`. An entry of `diagrams:` named `architecture` or `flow:NAME` replaces the
generated chart of that name (the stepper then has no step mapping for it); any other name is an extra
chart. `--diagram` accepts a name, a flow's bare name, or a 1-based index into the choices.

No Qt here: `xviz render` and the app lay the chart out and draw it.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from xviz.diagram.errors import DiagramError
from xviz.diagram.from_scenario_architecture import ArchitectureDiagram, StepIds, StepKey, architecture_diagram
from xviz.diagram.from_scenario_labels import LANGS, text_of
from xviz.diagram.from_scenario_sequence import FlowSequence, flow_diagram
from xviz.diagram.model import Diagram
from xviz.diagram.parse import parse_diagram
from xviz.scenario.loader import LoadedScenario
from xviz.scenario.textblock import locate

ARCHITECTURE = "architecture"
FLOW_PREFIX = "flow:"

__all__ = ["ARCHITECTURE", "ArchitectureDiagram", "DiagramChoice", "FlowSequence", "ScenarioDiagram", "StepIds",
           "StepKey", "architecture_diagram", "diagram_choices", "flow_diagram", "scenario_diagram"]


@dataclass(frozen=True)
class DiagramChoice:
    name: str       # "architecture", "flow:NAME" or a key of `diagrams:`
    title: str
    own: bool       # drawn from the author's mermaid rather than generated


@dataclass
class ScenarioDiagram:
    choice: DiagramChoice
    chart: Diagram
    # Architecture: (flow, step index) -> StepIds. A flow: step index -> message id. Own charts: empty.
    steps: dict = field(default_factory=dict)
    outcomes: dict[str, str | None] = field(default_factory=dict)   # message id -> expected outcome (flows)
    line_offset: int = 0   # own charts: the file line before the chart's first line (to place its warnings)


def diagram_choices(loaded: LoadedScenario, lang: str = "en") -> list[DiagramChoice]:
    """Every chart the scenario offers, in the order `--diagram N` counts them."""
    sc = loaded.model
    own = sc.diagrams
    arch_title = {"en": "Architecture", "ja": "構成図"}[lang if lang in LANGS else "en"]
    choices = [DiagramChoice(ARCHITECTURE, text_of(own[ARCHITECTURE].title, lang) if ARCHITECTURE in own
                             else f"{arch_title}: {text_of(sc.title, lang)}", ARCHITECTURE in own)]
    for flow_name, flow in sc.flows.items():
        name = FLOW_PREFIX + flow_name
        title = own[name].title if name in own else flow.title
        choices.append(DiagramChoice(name, text_of(title, lang), name in own))
    replaced = {c.name for c in choices}
    choices += [DiagramChoice(key, text_of(d.title, lang), True) for key, d in own.items() if key not in replaced]
    return choices


def _pick(choices: list[DiagramChoice], which: str | None, flows) -> DiagramChoice | None:
    wanted = (which or ARCHITECTURE).strip()
    if wanted.isdigit():
        return choices[int(wanted) - 1] if 1 <= int(wanted) <= len(choices) else None
    by_name = {c.name: c for c in choices}
    if wanted in by_name:
        return by_name[wanted]
    if wanted in flows:   # a flow's bare name, when no own chart has that name
        return by_name.get(FLOW_PREFIX + wanted)
    return None


def describe_choices(choices: list[DiagramChoice]) -> str:
    return "; ".join(f"{i} = {c.name}" for i, c in enumerate(choices, 1))


def _own_chart(loaded: LoadedScenario, key: str) -> tuple[Diagram, int]:
    """Parse the author's mermaid, with the file line before its first line (for warnings); errors point at
    the line and column in the scenario file."""
    text = loaded.model.diagrams[key].mermaid
    path = ("diagrams", key, "mermaid")
    node = loaded.source_map.node(path)
    key_node = loaded.source_map.keys.get(path)
    block = locate(loaded.text, node, key_node.start_mark.column if key_node else None) if node else None
    try:
        return parse_diagram(text, loaded.file), (block.first_line - 1 if block else 0)
    except DiagramError as error:
        if block is None:
            line, column = loaded.source_map.position(path) or (error.line, error.column)
        else:
            line, column = block.file_position(error.line, error.column)
        raise DiagramError(f"diagrams.{key}: {error.message}", line, column, error.expected, loaded.file) from None


def scenario_diagram(loaded: LoadedScenario, which: str | None = None, lang: str = "en") -> ScenarioDiagram:
    """The chart `which` names (default: the architecture). Raises ValueError listing the choices when
    `which` names none, DiagramError (with the scenario file's line and column) for a bad own chart."""
    if lang not in LANGS:
        raise ValueError(f"--lang {lang}: choose one of {', '.join(LANGS)}")
    choices = diagram_choices(loaded, lang)
    choice = _pick(choices, which, loaded.model.flows)
    if choice is None:
        raise ValueError(f"{loaded.file or '<scenario>'}: --diagram {which}: no such diagram; "
                         f"choose one of: {describe_choices(choices)}")
    if choice.own:
        chart, offset = _own_chart(loaded, choice.name)
        return ScenarioDiagram(choice, chart, line_offset=offset)
    if choice.name == ARCHITECTURE:
        found = architecture_diagram(loaded, lang)
        return ScenarioDiagram(choice, found.chart, dict(found.steps))
    sequence = flow_diagram(loaded, choice.name[len(FLOW_PREFIX):], lang)
    return ScenarioDiagram(choice, sequence.chart, dict(sequence.messages), dict(sequence.outcomes))
