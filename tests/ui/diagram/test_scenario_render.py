"""`xviz render SCENARIO.yaml`: the architecture and every flow drawn to SVG with the real font."""
import re
from html import escape
from pathlib import Path

import pytest

from xviz.cli import main
from xviz.diagram import layout_diagram
from xviz.diagram.from_scenario import architecture_diagram, flow_diagram
from xviz.scenario.loader import load
from xviz.scenario.model import display
from xviz.ui.diagram import DiagramScene, QtTextMeasurer

SCENARIOS = sorted(Path(__file__).resolve().parents[3].joinpath("scenarios").glob("*.yaml"))
BASICS = next(p for p in SCENARIOS if p.name.startswith("01-"))


def _svg(tmp_path, *args) -> str:
    out = tmp_path / "out.svg"
    assert main(["render", *map(str, args), "-o", str(out)]) == 0
    return out.read_text(encoding="utf-8")


@pytest.mark.parametrize("path", SCENARIOS, ids=lambda p: p.stem)
def test_every_chart_of_every_scenario_renders_with_its_names(path, tmp_path, qapp):
    world = load(path).model.world
    for lang in ("en", "ja"):
        svg = _svg(tmp_path, path, "--diagram", "architecture", "--lang", lang)
        for account, acc in world.accounts.items():
            # A title may wrap, and Japanese and Latin letters are drawn in separate text runs: read the
            # SVG's text in order, without the breaks.
            drawn = re.sub(r"\s", "", "".join(re.findall(r">([^<]*)<", svg)))
            assert re.sub(r"\s", "", escape(display(acc.name, lang), quote=False)) in drawn and account in svg
        for key, role in world.roles.items():
            assert (role.name or key) in svg
    loaded = load(path)
    for flow_name, flow in loaded.model.flows.items():
        svg = _svg(tmp_path, path, "--diagram", f"flow:{flow_name}")
        for step in flow.steps:
            assert step.action in svg
        seq = flow_diagram(loaded, flow_name)
        for box in seq.chart.boxes:
            assert escape(box.label, quote=False) in svg


def test_highlight_and_badges_reach_the_scenario_ids(qapp):
    loaded = load(BASICS)
    measurer = QtTextMeasurer()
    arch = architecture_diagram(loaded)
    scene = DiagramScene(layout_diagram(arch.chart, measurer), "light", measurer)
    lit = arch.steps[("main", 1)]
    scene.highlight(lit.edges + lit.nodes)   # raises KeyError for an id the scene does not know
    assert scene.element("trust:root.111111111111->role.CrossAccountRole").opacity() == 1.0
    assert scene.element("access:role.CrossAccountRole->res.shared-bucket").opacity() < 1.0
    seq = flow_diagram(loaded, "mistakes", "ja")
    scene = DiagramScene(layout_diagram(seq.chart, measurer), "dark", measurer)
    for message in seq.messages.values():
        scene.set_badge(message, "implicit")
        assert scene.element(message).badge is not None


def test_japanese_labels_fit_their_boxes(qapp):
    measurer = QtTextMeasurer()
    layout = layout_diagram(architecture_diagram(load(SCENARIOS[9]), "ja").chart, measurer)
    for node in layout.nodes.values():
        width, height = measurer(node.label, "node")
        assert width < node.rect.width and height < node.rect.height
    for cluster in layout.clusters.values():
        assert measurer(cluster.title, "cluster")[0] < cluster.title_rect.width <= cluster.rect.width


def test_bad_scenario_exits_2_with_its_position(tmp_path, capsys):
    bad = tmp_path / "bad.yaml"
    bad.write_text("version: 1\nid: Not_Valid\n", encoding="utf-8")
    assert main(["render", str(bad), "-o", str(tmp_path / "x.svg")]) == 2
    assert f"{bad}:2:5:" in capsys.readouterr().err


def test_wrong_diagram_lists_the_choices(tmp_path, capsys):
    assert main(["render", str(BASICS), "-o", str(tmp_path / "x.svg"), "--diagram", "flow:nope"]) == 2
    assert "1 = architecture; 2 = flow:main; 3 = flow:mistakes" in capsys.readouterr().err


def test_scenario_with_its_own_mermaid_draws_it(tmp_path, qapp):
    path = next(p for p in SCENARIOS if p.name.startswith("04-"))
    svg = _svg(tmp_path, path, "--diagram", "seed-ram")
    assert "オーナーアカウント" in svg and "RAM share" not in svg
    own = tmp_path / "own.yaml"
    own.write_text(BASICS.read_text(encoding="utf-8") + "diagrams:\n  architecture:\n    title: {en: Mine, ja: 私の}\n"
                   "    mermaid: |\n      flowchart LR\n        A[Hand drawn] --> B\n", encoding="utf-8")
    svg = _svg(tmp_path, own)
    assert "Hand drawn" in svg and "CrossAccountRole" not in svg
