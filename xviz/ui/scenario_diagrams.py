"""The scenario's diagrams in the workbench: the architecture and the current flow's sequence,
built with `xviz.diagram` and `xviz.ui.diagram`, lit and badged as the stepper moves.

Scenes are rebuilt when the scenario, the flow, the language or the theme changes; a keystroke only
moves badges. A diagram that cannot be built leaves the placeholder with the reason; never raises.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from xviz.ui.app import ui_context
from xviz.ui.settings import DEFAULT_FONT_SIZE
from xviz.ui.diagram_area import DiagramArea
from xviz.ui.stage_highlight import stage_ids
from xviz.ui.stages import StageView
from xviz.ui.view_model import ScenarioView

# Our verdict keys -> the diagram scene's badge statuses.
BADGES = {"allow": "allow", "explicit_deny": "deny", "implicit_deny": "implicit", "validation_error": "deny"}


class ScenarioDiagrams:
    def __init__(self, area: DiagramArea):
        self.area = area
        self._view: ScenarioView | None = None
        self._flow: str | None = None
        self._architecture = None  # (ArchitectureDiagram, DiagramScene)
        self._sequence = None  # (FlowSequence, DiagramScene)
        self.errors: dict[str, str] = {}

    def _loaded(self):
        live = self._view.source if self._view is not None else None
        return getattr(live, "loaded", None)

    def set_view(self, view: ScenarioView, flow: str | None) -> None:
        self._view, self._flow = view, flow
        self.rebuild()

    def set_flow(self, flow: str | None) -> None:
        if flow != self._flow:
            self._flow = flow
            self._build_sequence()

    def rebuild(self) -> None:
        """After a language or theme change, or a new scenario."""
        self._architecture = self._sequence = None
        self.errors = {}
        loaded = self._loaded()
        if loaded is None:
            return
        self._architecture = self._build("architecture", lambda lang: _architecture(loaded, lang))
        self._build_sequence()

    def _build_sequence(self) -> None:
        loaded = self._loaded()
        if loaded is None or self._flow is None:
            return
        self._sequence = self._build("sequence", lambda lang: _sequence(loaded, self._flow, lang))
        self.update_badges()

    def _build(self, kind: str, make):
        from xviz.diagram import layout_diagram  # noqa: PLC0415 - only with a scenario open
        from xviz.ui.diagram import DiagramScene, QtTextMeasurer  # noqa: PLC0415

        context = ui_context()
        try:
            found = make(context.language)
            # Presenter mode draws the diagrams with larger type too (laid out for it, so it stays crisp).
            measurer = QtTextMeasurer(scale=context.point_size / DEFAULT_FONT_SIZE)
            scene = DiagramScene(layout_diagram(found.chart, measurer), context.theme, measurer)
        except Exception as exc:  # noqa: BLE001 - a diagram bug must not close the workbench
            self.errors[kind] = f"{type(exc).__name__}: {exc}"
            self.area.show_message(kind, QCoreApplication.translate(
                "ScenarioDiagrams", "This diagram could not be drawn:") + "\n" + str(exc))
            return None
        self.area.set_scene(kind, scene)
        return found, scene

    def follow(self, flow: str | None, index: int) -> None:
        """Light what the current step touches; dim the rest."""
        if self._architecture is not None:
            found, scene = self._architecture
            ids = found.steps.get((flow, index))
            lit = (*ids.edges, *ids.nodes) if ids else None
            _highlight(scene, lit)
            self._bring_into_view("architecture", scene, ids.nodes if ids else None)  # edges can be long
        if self._sequence is not None:
            found, scene = self._sequence
            message = found.messages.get(index)
            _highlight(scene, (message,) if message else None)
            self._bring_into_view("sequence", scene, (message,) if message else None)

    def follow_stage(self, flow: str | None, index: int, stage: StageView | None) -> None:
        """Light one stage inside the step's evaluation on the architecture (see stage_highlight);
        None goes back to the step's own highlight. The sequence keeps the step's message lit."""
        ids = self._architecture[0].steps.get((flow, index)) if self._architecture is not None else None
        if stage is None or ids is None:
            self.follow(flow, index)
            return
        scene = self._architecture[1]
        lit = stage_ids(stage, ids, lambda i: scene.element(i) is not None)
        _highlight(scene, lit)
        nodes = [i for i in lit if scene.element(i).kind == "node"]  # a cluster can fill the view
        self._bring_into_view("architecture", scene, nodes)

    def lit(self, kind: str) -> set[str]:
        """The ids shown at full strength while others are dimmed; empty when nothing is dimmed."""
        built = {"architecture": self._architecture, "sequence": self._sequence}[kind]
        if built is None:
            return set()
        elements = built[1].elements()
        lit = {e.element_id for e in elements if e.opacity() == 1.0}
        return set() if len(lit) == len(elements) else lit

    def _bring_into_view(self, kind: str, scene, ids) -> None:
        items = [scene.element(i) for i in ids or ()]
        self.area.views[kind].bring_into_view([item.sceneBoundingRect() for item in items if item is not None])

    def step_of_message(self, message_id: str) -> int | None:
        if self._sequence is None:
            return None
        found, _scene = self._sequence
        return next((index for index, message in found.messages.items() if message == message_id), None)

    def update_badges(self) -> None:
        if self._sequence is None or self._view is None:
            return
        found, scene = self._sequence
        flow = self._view.flow(found.flow)
        if flow is None:
            return
        for index, message in found.messages.items():
            if index < len(flow.steps):
                try:
                    scene.set_badge(message, None if self._view.stale else BADGES.get(flow.steps[index].verdict))
                except KeyError:
                    pass


def _architecture(loaded, lang):
    from xviz.diagram.from_scenario import architecture_diagram  # noqa: PLC0415

    return architecture_diagram(loaded, lang)


def _sequence(loaded, flow, lang):
    from xviz.diagram.from_scenario import flow_diagram  # noqa: PLC0415

    return flow_diagram(loaded, flow, lang)


def _highlight(scene, ids) -> None:
    if not ids:
        scene.clear_highlight()
        return
    try:
        scene.highlight(ids)
    except KeyError:  # an id the chart does not draw: show everything rather than nothing
        scene.clear_highlight()
