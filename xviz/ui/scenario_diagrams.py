"""The scenario's diagrams in the workbench: the architecture and the current flow's sequence, drawn
from the snapshot on show, lit and marked as the stepper moves.

A new snapshot whose chart has the same shape only relabels the scene (nothing moves, so a learner can
compare before and after a what-if or an edit); another shape, a language or a theme lays it out
again. A diagram that cannot be built leaves the placeholder with the reason; never raises.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from xviz.diagram.identity import labels_of, shape_of
from xviz.document.diagram_state import architecture_states
from xviz.ui.app import ui_context
from xviz.ui.diagram_area import DiagramArea
from xviz.ui.settings import DEFAULT_FONT_SIZE
from xviz.ui.stage_highlight import stage_ids
from xviz.ui.stages import StageView

# Verdict keys -> the sequence diagram's badge statuses.
BADGES = {"allow": "allow", "explicit_deny": "deny", "implicit_deny": "implicit", "input_error": "deny"}


def _drawn_labels(chart, measurer) -> dict[str, str]:
    """The words as the scene draws them: wrapped as the layout wrapped them."""
    from xviz.diagram.model import Flowchart  # noqa: PLC0415 - with the diagrams
    from xviz.diagram.wrap import wrapped_chart, wrapped_sequence  # noqa: PLC0415

    wrap = wrapped_chart if isinstance(chart, Flowchart) else wrapped_sequence
    return labels_of(wrap(chart, measurer))


class _Drawn:
    """A chart on screen: what it was built from (ids, steps), its scene and the measurer it was laid
    out with."""

    def __init__(self, found, scene, measurer):
        self.found, self.scene, self.measurer = found, scene, measurer
        self.shape, self.labels = shape_of(found.chart), labels_of(found.chart)
        self.drawn = _drawn_labels(found.chart, measurer)

    def take(self, found) -> bool:
        """Show `found` in this scene when only its words differ; False when it needs a new layout."""
        if shape_of(found.chart) != self.shape:
            return False
        labels = labels_of(found.chart)
        if labels == self.labels:
            self.found = found
            return True
        drawn = _drawn_labels(found.chart, self.measurer)
        for element, text in drawn.items():
            old = self.drawn.get(element)
            if old != text and not self.scene.relabel(element, old, text):
                return False
        self.found, self.labels, self.drawn = found, labels, drawn
        return True


class ScenarioDiagrams:
    def __init__(self, area: DiagramArea):
        self.area = area
        self._snapshot = None
        self._flow: str | None = None
        self._architecture: _Drawn | None = None
        self._sequence: _Drawn | None = None
        self._outcomes: set[str] = set()  # architecture edges drawn as allowed/denied now
        self._expanded: frozenset[str] = frozenset()  # OUs of a big organization's overview drawn in full
        self.errors: dict[str, str] = {}

    def show(self, snapshot, flow: str | None) -> None:
        """The diagrams of a new snapshot (same shapes: relabelled in place)."""
        if self._snapshot is None or snapshot.loaded is None or self._snapshot.state.file != snapshot.state.file:
            self._expanded = frozenset()
        self._snapshot, self._flow = snapshot, flow
        expanded = self._expanded
        self._architecture = self._draw("architecture", self._architecture,
                                        lambda lang: snapshot.architecture(lang, expanded))
        self._draw_sequence()

    def expand(self, element_id: str) -> bool:
        """A click on a folded box of the overview draws its OU's accounts in full; False for other ids."""
        from xviz.diagram.from_scenario_overview import folded_container  # noqa: PLC0415

        container = folded_container(element_id)
        if container is None or self._snapshot is None:
            return False
        self._expanded = self._expanded | {container}
        self._architecture = None
        self.show(self._snapshot, self._flow)
        return True

    def rebuild(self) -> None:
        """After a language or theme change: laid out again."""
        self._architecture = self._sequence = None
        self.errors = {}
        if self._snapshot is not None:
            self.show(self._snapshot, self._flow)

    def set_flow(self, flow: str | None) -> None:
        if flow != self._flow:
            self._flow = flow
            self._sequence = None
            self._draw_sequence()

    def _draw_sequence(self) -> None:
        if self._snapshot is None or self._flow is None:
            return
        snapshot, flow = self._snapshot, self._flow
        self._sequence = self._draw("sequence", self._sequence, lambda lang: snapshot.sequence(flow, lang))
        self.update_badges()

    def _draw(self, kind: str, drawn: _Drawn | None, make) -> _Drawn | None:
        from xviz.diagram import layout_diagram  # noqa: PLC0415 - only with a scenario open
        from xviz.ui.diagram import DiagramScene, QtTextMeasurer  # noqa: PLC0415

        context = ui_context()
        try:
            found = make(context.language)
            if found is None:  # the file did not load: nothing evaluated to draw
                self.area.show_message(kind, QCoreApplication.translate(
                    "ScenarioDiagrams", "The diagrams appear as soon as the scenario loads: fix the problem shown above."))
                return None
            if drawn is not None and drawn.take(found):
                return drawn
            # Presenter mode draws the diagrams with larger type too (laid out for it, so it stays crisp).
            measurer = QtTextMeasurer(scale=context.point_size / DEFAULT_FONT_SIZE)
            scene = DiagramScene(layout_diagram(found.chart, measurer), context.theme, measurer)
        except Exception as exc:  # noqa: BLE001 - a diagram bug must not close the workbench
            self.errors[kind] = f"{type(exc).__name__}: {exc}"
            self.area.show_message(kind, QCoreApplication.translate(
                "ScenarioDiagrams", "This diagram could not be drawn:") + "\n" + str(exc))
            return None
        self.errors.pop(kind, None)
        self.area.set_scene(kind, scene)
        self.area.views[kind].describe(found.chart)
        if kind == "architecture":
            self._outcomes = set()
        return _Drawn(found, scene, measurer)

    def _step_view(self, flow: str | None, index: int):
        return self._snapshot.step(flow, index) if self._snapshot is not None and flow is not None else None

    def follow(self, flow: str | None, index: int) -> None:
        """Light what the current step touches, dim the rest, and draw its access edge as allowed or
        denied by the verdict the snapshot holds."""
        if self._architecture is not None:
            scene = self._architecture.scene
            step = self._step_view(flow, index)
            stale = self._snapshot is not None and self._snapshot.view.stale
            states = architecture_states(self._architecture.found, flow, index,
                                         None if step is None or stale else step.verdict)
            lit = [i for i, state in states.items() if state != "dim"]
            _highlight(scene, None if len(lit) == len(states) else lit)
            self._mark_outcomes(scene, {i: s for i, s in states.items() if s in ("allowed", "denied")})
            ids = self._architecture.found.steps.get((flow, index))
            self._bring_into_view("architecture", scene, ids.nodes if ids else None)  # edges can be long
        if self._sequence is not None:
            found, scene = self._sequence.found, self._sequence.scene
            message = found.messages.get(index)
            _highlight(scene, (message,) if message else None)
            self._bring_into_view("sequence", scene, (message,) if message else None)

    def _mark_outcomes(self, scene, outcomes: dict[str, str]) -> None:
        for element in self._outcomes - outcomes.keys():
            if scene.element(element) is not None:
                scene.set_outcome(element, None)
        for element, outcome in outcomes.items():
            if scene.element(element) is not None:
                scene.set_outcome(element, outcome)
        self._outcomes = set(outcomes)

    def follow_stage(self, flow: str | None, index: int, stage: StageView | None) -> None:
        """Light one stage inside the step's evaluation on the architecture (see stage_highlight);
        None goes back to the step's own highlight. The sequence keeps the step's message lit."""
        ids = self._architecture.found.steps.get((flow, index)) if self._architecture is not None else None
        if stage is None or ids is None:
            self.follow(flow, index)
            return
        scene = self._architecture.scene
        lit = stage_ids(stage, ids, lambda i: scene.element(i) is not None)
        _highlight(scene, lit)
        nodes = [i for i in lit if scene.element(i).kind == "node"]  # a cluster can fill the view
        self._bring_into_view("architecture", scene, nodes)

    def has_architecture_element(self, element_id: str) -> bool:
        """Whether the architecture on show draws `element_id` (a review answer lights only those)."""
        return self._architecture is not None and self._architecture.scene.element(element_id) is not None

    def light_architecture(self, ids) -> None:
        """Light `ids` on the architecture, dim the rest, and scroll them into view (a review answer);
        the next step or stage the stepper shows lights its own again."""
        if self._architecture is None:
            return
        scene = self._architecture.scene
        known = [i for i in ids if scene.element(i) is not None]
        _highlight(scene, known)
        self._bring_into_view("architecture", scene, [i for i in known if scene.element(i).kind == "node"])

    def lit(self, kind: str) -> set[str]:
        """The ids shown at full strength while others are dimmed; empty when nothing is dimmed."""
        drawn = {"architecture": self._architecture, "sequence": self._sequence}[kind]
        if drawn is None:
            return set()
        elements = drawn.scene.elements()
        lit = {e.element_id for e in elements if e.opacity() == 1.0}
        return set() if len(lit) == len(elements) else lit

    def architecture_rows(self) -> list[dict]:
        """Every element of the architecture as painted now: id, label and state (lit, dim, allowed,
        denied), read from the scene."""
        if self._architecture is None:
            return []
        scene, rows = self._architecture.scene, []
        for element, label in self._architecture.labels.items():
            item = scene.element(element)
            if item is None:
                continue
            badge = item.badge.status if element in self._outcomes and item.badge is not None else None
            state = {"allow": "allowed", "deny": "denied"}.get(badge) or ("dim" if item.opacity() < 1.0 else "lit")
            rows.append({"id": element, "label": label, "state": state})
        return rows

    def _bring_into_view(self, kind: str, scene, ids) -> None:
        items = [scene.element(i) for i in ids or ()]
        self.area.views[kind].bring_into_view([item.sceneBoundingRect() for item in items if item is not None])

    def step_of_message(self, message_id: str) -> int | None:
        if self._sequence is None:
            return None
        return next((index for index, message in self._sequence.found.messages.items() if message == message_id),
                    None)

    def update_badges(self) -> None:
        if self._sequence is None or self._snapshot is None:
            return
        found, scene = self._sequence.found, self._sequence.scene
        flow = self._snapshot.view.flow(found.flow)
        if flow is None:
            return
        stale = self._snapshot.view.stale
        for index, message in found.messages.items():
            if index < len(flow.steps):
                try:
                    scene.set_badge(message, None if stale else BADGES.get(flow.steps[index].verdict))
                except KeyError:
                    pass


def _highlight(scene, ids) -> None:
    if not ids:
        scene.clear_highlight()
        return
    try:
        scene.highlight(ids)
    except KeyError:  # an id the chart does not draw: show everything rather than nothing
        scene.clear_highlight()
