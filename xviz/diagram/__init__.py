"""Mermaid-style diagrams without Qt: parse a chart into a model, lay it out into boxes and paths.

`parse_diagram(text)` gives a `Flowchart` or a `SequenceDiagram` (or raises `DiagramError` with line and
column); `layout_diagram(diagram, measure)` gives a `FlowLayout` or `SequenceLayout` in points, y down,
ready for `xviz.ui.diagram.DiagramScene` to draw.
"""
from xviz.diagram.errors import DiagramError, DiagramWarning
from xviz.diagram.model import Diagram, Flowchart, SequenceDiagram
from xviz.diagram.parse import MermaidBlock, mermaid_blocks, parse_block, parse_diagram

__all__ = ["Diagram", "DiagramError", "DiagramWarning", "Flowchart", "MermaidBlock", "SequenceDiagram",
           "mermaid_blocks", "parse_block", "parse_diagram"]


def layout_diagram(diagram, measure, engine=None):
    """Lay out a parsed chart: a FlowLayout (Graphviz, else the built-in layout) or a SequenceLayout."""
    if diagram.kind == "sequence":
        from xviz.diagram.sequence_layout import layout_sequence

        return layout_sequence(diagram, measure)
    from xviz.diagram.flow_layout import layout_flowchart

    return layout_flowchart(diagram, measure, engine)


__all__.append("layout_diagram")
