"""Styles of a parsed flowchart: `classDef`, `class`, `style` and `linkStyle`, resolved once the whole chart
is read (they may name ids defined later)."""
from __future__ import annotations

from dataclasses import dataclass

from xviz.diagram.errors import DiagramError, DiagramWarning
from xviz.diagram.model import Flowchart, FlowNode
from xviz.diagram.style import Style


@dataclass
class Pending:
    """A statement that names ids or classes checked once the whole chart is read."""

    kind: str
    targets: list[str]
    line: int
    column: int
    style: Style | None = None
    class_name: str | None = None


def apply_styles(chart: Flowchart, pending_statements: list[Pending],
                 link_styles: list[tuple[list[int] | None, Style, int, int]]) -> None:
    """Resolve `class` and `style` statements (their ids must exist), `classDef default`, and `linkStyle`
    (its numbers must exist), in mermaid's order: default < classes < style."""
    for pending in pending_statements:
        for target in pending.targets:
            holder = chart.nodes.get(target) or chart.subgraphs.get(target)
            if holder is None:
                raise DiagramError(f"{pending.kind} names {target!r}, which is not in the chart",
                                   pending.line, pending.column, "a node or subgraph id")
            if pending.kind == "class" and pending.class_name not in holder.classes:
                holder.classes.append(pending.class_name)  # type: ignore[arg-type]
    default = chart.class_defs.get("default", Style())
    for holder in [*chart.nodes.values(), *chart.subgraphs.values()]:
        style = default if isinstance(holder, FlowNode) else Style()
        for name in holder.classes:
            if name not in chart.class_defs:
                chart.warnings.append(DiagramWarning(f"class {name!r} has no classDef",
                                                     holder.line, holder.column))
                continue
            style = style.merged(chart.class_defs[name])
        holder.style = style
    for pending in pending_statements:
        if pending.kind == "style":
            for target in pending.targets:
                holder = chart.nodes.get(target) or chart.subgraphs.get(target)
                holder.style = holder.style.merged(pending.style)  # type: ignore[union-attr,arg-type]
    for indexes, style, line, column in link_styles:
        if indexes is None:
            for edge in chart.edges:
                edge.style = edge.style.merged(style)
            continue
        for index in indexes:
            if index >= len(chart.edges):
                raise DiagramError(f"linkStyle {index}: the chart has {len(chart.edges)} links "
                                   f"(numbered from 0)", line, column, f"a number below {len(chart.edges)}")
            chart.edges[index].style = chart.edges[index].style.merged(style)


__all__ = ["Pending", "apply_styles"]
