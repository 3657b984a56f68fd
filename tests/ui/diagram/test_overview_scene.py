"""The overview of a generated 80-account organization as a live scene: every step of its flow lights up
without a missing id, and folded boxes are ordinary nodes the stepper can dim."""
import sys
from pathlib import Path

from xviz.diagram import layout_diagram
from xviz.diagram.from_scenario import architecture_diagram
from xviz.diagram.from_scenario_overview import folded_container
from xviz.scenario.loader import load

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tooling"))
from generate_org import scenario  # noqa: E402


def test_every_step_lights_up_on_the_overview(tmp_path, qapp):
    from xviz.ui.diagram import DiagramScene, QtTextMeasurer

    path = tmp_path / "org-80.yaml"
    path.write_text(scenario(80), encoding="utf-8")
    found = architecture_diagram(load(path))
    measurer = QtTextMeasurer()
    scene = DiagramScene(layout_diagram(found.chart, measurer), "light", measurer)
    folds = [e for e in scene.elements("node") if folded_container(e.element_id)]
    assert folds
    for ids in found.steps.values():
        scene.highlight([*ids.edges, *ids.nodes])
        lit = {e.element_id for e in scene.elements() if e.opacity() == 1.0}
        assert lit == {*ids.edges, *ids.nodes}
        assert all(fold.opacity() < 1.0 for fold in folds)   # context stays dimmed around the step's path
    scene.clear_highlight()
