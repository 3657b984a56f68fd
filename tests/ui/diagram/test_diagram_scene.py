"""DiagramScene with the real font: items per element, highlight and badges, SVG text, PNG export."""
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from xviz.diagram import layout_diagram, parse_diagram

SEED = Path("/work/shared/seed/charts")
CHARTS = sorted(SEED.glob("*.mmd"))


@pytest.fixture
def measurer(qapp):
    from xviz.ui.diagram import QtTextMeasurer

    return QtTextMeasurer()


def scene_for(text: str, measurer, theme="light"):
    from xviz.ui.diagram import DiagramScene

    return DiagramScene(layout_diagram(parse_diagram(text), measurer), theme, measurer)


def svg_text(path: Path) -> str:
    """All text of an SVG in document order (Qt may split a line per script run)."""
    root = ET.parse(path).getroot()
    return "".join(el.text or "" for el in root.iter() if el.tag.endswith("text"))


def chart_labels(diagram) -> list[str]:
    if diagram.kind == "flowchart":
        texts = [n.label for n in diagram.nodes.values()] + [e.label for e in diagram.edges]
        texts += [s.title for s in diagram.subgraphs.values()]
    else:
        texts = [p.label for p in diagram.participants.values()] + [m.text for m in diagram.messages()]
    return [line for text in texts for line in text.split("\n") if line]


def test_japanese_is_measured_with_a_cjk_font(measurer):
    assert "CJK" in measurer.family or "JP" in measurer.family or "Gothic" in measurer.family
    wide, _ = measurer("共有リソース", "node")
    narrow, _ = measurer("abcdef", "node")
    assert wide > narrow * 1.3   # six full-width characters take about twice six Latin ones
    _, two_lines = measurer("a\nb", "node")
    _, one_line = measurer("a", "node")
    assert two_lines == pytest.approx(2 * one_line, abs=0.5)


@pytest.mark.parametrize("path", CHARTS, ids=lambda p: p.stem)
def test_seed_chart_svg_has_every_label_as_text(path, measurer, tmp_path):
    from xviz.ui.diagram import export_svg

    diagram = parse_diagram(path.read_text(encoding="utf-8"))
    scene = scene_for(path.read_text(encoding="utf-8"), measurer)
    out = tmp_path / "chart.svg"
    export_svg(scene, out)
    text = svg_text(out)
    compact = re.sub(r"\s+", "", text)
    for label in chart_labels(diagram):
        assert re.sub(r"\s+", "", label) in compact, label


def test_elements_know_what_they_stand_for(measurer):
    scene = scene_for("flowchart LR\nA([start]) -->|go| B{ok?}\nB -.-> C[(db)]\nsubgraph S\nC\nend", measurer)
    kinds = {(e.kind, e.element_id) for e in scene.elements()}
    assert kinds == {("node", "A"), ("node", "B"), ("node", "C"), ("edge", "e:0"), ("edge", "e:1"),
                     ("cluster", "S")}
    seq = scene_for("sequenceDiagram\nactor U\nU->>+S: hi\nalt ok\nS-->>-U: yes\nend\nNote over U: n", measurer)
    assert {(e.kind, e.element_id) for e in seq.elements()} == {
        ("participant", "U"), ("participant", "S"), ("message", "m:1"), ("message", "m:2"), ("block", "block:1"),
        ("note", "note:1")}


def test_highlight_dims_the_rest_and_clear_restores(measurer):
    scene = scene_for("sequenceDiagram\nA->>B: one\nB-->>A: two", measurer)
    scene.highlight(["m:1", "A"])
    opacity = {e.element_id: e.opacity() for e in scene.elements()}
    assert opacity["m:1"] == opacity["A"] == 1.0
    assert opacity["m:2"] < 0.5 and opacity["B"] < 0.5
    assert scene.element("m:1").zValue() > scene.element("m:2").zValue()
    scene.clear_highlight()
    assert all(e.opacity() == 1.0 for e in scene.elements())
    with pytest.raises(KeyError):
        scene.highlight(["nope"])


def test_badges_replace_each_other_and_go_away(measurer):
    from xviz.ui.diagram.items import BadgeItem

    scene = scene_for("flowchart TB\nA -->|trust| B", measurer)
    badges = lambda: [i for i in scene.items() if isinstance(i, BadgeItem)]  # noqa: E731
    scene.set_badge("e:0", "allow")
    scene.set_badge("e:0", "deny")
    (badge,) = badges()
    assert badge.status == "deny"
    label = scene.layout.edges["e:0"].label_rect
    assert abs(badge.pos().x() - label.right) < 1
    scene.set_badge("B", "implicit")
    assert len(badges()) == 2
    scene.clear_badges()
    assert badges() == []
    with pytest.raises(ValueError):
        scene.set_badge("A", "maybe")


def test_styles_reach_the_items(measurer):
    from PySide6.QtWidgets import QGraphicsPathItem

    scene = scene_for("flowchart TB\nA\nstyle A fill:#ff0000,stroke:#00ff00,stroke-width:3px", measurer)
    (outline,) = [i for i in scene.element("A").childItems() if isinstance(i, QGraphicsPathItem)]
    assert outline.brush().color().name() == "#ff0000"
    assert outline.pen().color().name() == "#00ff00" and outline.pen().widthF() == 3.0


def test_dark_theme_and_png_scale(measurer, tmp_path):
    from PySide6.QtGui import QImage

    from xviz.ui.diagram import export_png

    scene = scene_for("flowchart TB\nA --> B", measurer, theme="dark")
    out = tmp_path / "chart.png"
    export_png(scene, out, scale=3)
    image = QImage(str(out))
    assert image.width() == int(scene.sceneRect().width() * 3 + 0.5)
    assert image.pixelColor(1, 1).lightness() < 60   # dark background


def test_fallback_notice_is_drawn(measurer, tmp_path, monkeypatch):
    from xviz.ui.diagram import export_svg

    monkeypatch.setenv("XVIZ_GRAPHVIZ", "builtin")
    scene = scene_for("flowchart TB\nA --> B", measurer)
    out = tmp_path / "chart.svg"
    export_svg(scene, out)
    assert "built-in layout" in svg_text(out)


def test_sequence_title_is_drawn_above_the_participants(measurer, tmp_path):
    from xviz.ui.diagram import export_svg

    scene = scene_for("sequenceDiagram\ntitle 役割を引き受ける\nA->>B: hi", measurer)
    out = tmp_path / "chart.svg"
    export_svg(scene, out)
    assert "役割を引き受ける" in svg_text(out)
    (title,) = [i for i in scene.items() if i.data(0) == "title"]
    assert title.sceneBoundingRect().bottom() <= scene.layout.participants["A"].top.y


def test_message_labels_sit_on_a_background_that_hides_the_lifelines(measurer):
    from PySide6.QtCore import QPointF

    from xviz.ui.diagram import render_image
    from xviz.ui.diagram.items import LabelItem

    # The long label spans B's lifeline: where it crosses the label's row, the pixel is the label's background.
    scene = scene_for("sequenceDiagram\nA->>B: x\nA->>C: a label long enough to cross the lifeline of B", measurer)
    (label,) = [i for i in scene.element("m:2").childItems() if isinstance(i, LabelItem)]
    assert label.background is not None
    assert label.rect.contains(QPointF(scene.layout.participants["B"].x, label.rect.center().y()))
    image = render_image(scene, 1.0)
    lifeline_x = round(scene.layout.participants["B"].x)
    row = round(label.rect.top() + 1.5)
    assert image.pixelColor(lifeline_x, row).name() == scene.theme.edge_label_background


def test_deeply_nested_clusters_stay_below_edges_and_titles(measurer):
    # Twenty levels: the innermost cluster's fill must not cover the edges into it nor its own title.
    depth = 20
    lines = ["flowchart TB"] + [f"subgraph S{d}[Level {d}]\nN{d}[node {d}]" for d in range(depth)] + ["end"] * depth
    lines += [f"N{d} --> N{d + 1}" for d in range(depth - 1)]
    scene = scene_for("\n".join(lines), measurer)
    clusters = scene.elements("cluster")
    lowest_edge = min(e.zValue() for e in scene.elements("edge"))
    assert max(c.zValue() for c in clusters) < lowest_edge
    assert all(title.zValue() > c.zValue() for c in clusters for title in c.companions)
    inner = [c.zValue() for c in sorted(clusters, key=lambda c: int(c.element_id[1:]))]
    assert inner == sorted(inner) and len(set(inner)) == depth   # deeper drawn above shallower
