"""Reading a chart: pick the parser from the header line, and find charts inside Markdown."""
from __future__ import annotations

import re
from dataclasses import dataclass

from xviz.diagram import flow_parser, sequence_parser
from xviz.diagram.chart_meta import ChartMeta, read_meta
from xviz.diagram.cursor import strip_comment
from xviz.diagram.errors import DiagramError, DiagramWarning
from xviz.diagram.model import Diagram
from xviz.diagram.style import Style
from xviz.diagram.text import label_text

_FENCE_OPEN = re.compile(r"^(?P<indent> {0,3})(?P<fence>`{3,}|~{3,})\s*mermaid\b.*$")


def _with_meta(chart: Diagram, meta: ChartMeta) -> Diagram:
    """The chart with what its front matter and directives say: a title (unless the chart sets its own),
    theme variables as the base of every node, cluster and link style, and the warnings, in line order."""
    if meta.title and not chart.title:
        chart.title = label_text(meta.title)
    chart.warnings[:0] = meta.warnings
    chart.warnings.sort(key=lambda w: (w.line, w.column))
    if not meta.theme:
        return chart
    if chart.kind == "sequence":
        chart.warnings.append(DiagramWarning("theme variables are drawn in flowcharts only", meta.header_index + 1, 1))
        return chart
    bases = {part: Style(**values) for part, values in meta.theme.items()}
    for part, holders in (("node", chart.nodes.values()), ("cluster", chart.subgraphs.values()),
                          ("edge", chart.edges)):
        if part in bases:
            for holder in holders:
                holder.style = bases[part].merged(holder.style)
    return chart


def parse_diagram(text: str, source: str | None = None) -> Diagram:
    """Parse one mermaid chart. Raises DiagramError (with `source` as the file name) when it cannot."""
    lines = text.splitlines()
    try:
        meta = read_meta(lines, strip_comment)
        index = meta.header_index
        if index >= len(lines):
            raise DiagramError("the chart is empty", max(len(lines), 1), 1, "'flowchart TB' or 'sequenceDiagram'")
        header = strip_comment(lines[index])
        if flow_parser.HEADER.match(header):
            return _with_meta(flow_parser.FlowchartParser().parse(lines, index), meta)
        if sequence_parser.HEADER.match(header):
            return _with_meta(sequence_parser.SequenceParser().parse(lines, index), meta)
        column = len(header) - len(header.lstrip()) + 1
        word = header.split()[0]
        if word in ("flowchart", "graph"):
            raise DiagramError(f"bad direction in {header.strip()!r}", index + 1, column + len(word) + 1,
                               "TB, TD, BT, LR or RL")
        raise DiagramError(f"{word!r} charts are not supported", index + 1, column,
                           "'flowchart' (or 'graph') or 'sequenceDiagram'")
    except DiagramError as error:
        error.source = source
        raise


@dataclass(frozen=True)
class MermaidBlock:
    text: str
    first_line: int   # 1-based line of the chart's first line in the Markdown file


def mermaid_blocks(markdown: str) -> list[MermaidBlock]:
    """The ```mermaid fenced blocks of a Markdown text, in order."""
    blocks: list[MermaidBlock] = []
    lines = markdown.splitlines()
    index = 0
    while index < len(lines):
        opened = _FENCE_OPEN.match(lines[index])
        if not opened:
            index += 1
            continue
        fence = opened["fence"]
        close = index + 1
        while close < len(lines) and not (lines[close].strip().startswith(fence[0] * len(fence))
                                          and not lines[close].strip().strip(fence[0])):
            close += 1
        blocks.append(MermaidBlock("\n".join(lines[index + 1:close]), index + 2))
        index = close + 1
    return blocks


def parse_block(block: MermaidBlock, source: str | None = None) -> Diagram:
    """Parse a Markdown block, reporting errors at their line in the Markdown file."""
    try:
        return parse_diagram(block.text)
    except DiagramError as error:
        raise error.relocated(block.first_line - 1, source) from None
