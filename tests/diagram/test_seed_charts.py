"""The eleven charts of the source document parse and lay out with every label placed."""
from pathlib import Path

import pytest

from xviz.diagram import layout_diagram, parse_diagram
from xviz.diagram.measure import approximate_measure

SEED = Path("/work/shared/seed/charts")
CHARTS = sorted(SEED.glob("*.mmd"))

pytestmark = pytest.mark.skipif(not CHARTS, reason="seed charts not present")


def test_there_are_eleven():
    assert len(CHARTS) == 11


@pytest.mark.parametrize("path", CHARTS, ids=lambda p: p.stem)
def test_seed_chart_parses_and_lays_out(path):
    diagram = parse_diagram(path.read_text(encoding="utf-8"), str(path))
    assert not diagram.warnings
    layout = layout_diagram(diagram, approximate_measure)
    if diagram.kind == "flowchart":
        assert set(layout.nodes) == set(diagram.nodes) and set(layout.clusters) == set(diagram.subgraphs)
        assert set(layout.edges) == {e.id for e in diagram.edges}
        for edge in diagram.edges:
            assert (edge.label != "") == (layout.edges[edge.id].label_rect is not None)
        boxes = [n.rect for n in layout.nodes.values()]
        for i, a in enumerate(boxes):   # no two nodes overlap
            for b in boxes[i + 1:]:
                assert a.right <= b.x or b.right <= a.x or a.bottom <= b.y or b.bottom <= a.y
    else:
        assert set(layout.messages) == {m.id for m in diagram.messages()}
        assert list(layout.participants) == list(diagram.participants)
