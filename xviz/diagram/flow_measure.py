"""Sizes of everything in a flowchart, from the injected text measurer: the engines only place boxes."""
from __future__ import annotations

from dataclasses import dataclass, field

from xviz.diagram.measure import Measurer
from xviz.diagram.model import Direction, Flowchart
from xviz.diagram.node_size import node_size

EDGE_LABEL_PAD = (8.0, 4.0)
TITLE_PAD = (16.0, 8.0)
Size = tuple[float, float]


@dataclass
class FlowSizes:
    nodes: dict[str, Size] = field(default_factory=dict)          # outline of each node
    edge_labels: dict[str, Size] = field(default_factory=dict)    # background box of each edge label
    titles: dict[str, Size] = field(default_factory=dict)         # title box of each subgraph


def measure_flowchart(chart: Flowchart, measure: Measurer) -> FlowSizes:
    sizes = FlowSizes()
    for node in chart.nodes.values():
        sizes.nodes[node.id] = node_size(node.shape, *measure(node.label, "node"))
    for edge in chart.edges:
        if edge.label:
            w, h = measure(edge.label, "edge")
            sizes.edge_labels[edge.id] = (round(w + 2 * EDGE_LABEL_PAD[0], 2), round(h + 2 * EDGE_LABEL_PAD[1], 2))
    for subgraph in chart.subgraphs.values():
        w, h = measure(subgraph.title, "cluster") if subgraph.title else (0.0, 0.0)
        sizes.titles[subgraph.id] = (round(w + 2 * TITLE_PAD[0], 2), round(h + 2 * TITLE_PAD[1], 2))
    return sizes


def effective_directions(chart: Flowchart) -> dict[str, Direction]:
    """Each subgraph's direction: its own `direction`, else its parent's, else the chart's."""
    found: dict[str, Direction] = {}
    for sg_id, subgraph in chart.subgraphs.items():  # parents open before their children
        inherited = found[subgraph.parent] if subgraph.parent else chart.direction
        found[sg_id] = subgraph.direction or inherited
    return found


def direct_nodes(chart: Flowchart, container: str | None) -> list[str]:
    members = chart.subgraphs[container].members if container else chart.top_level
    return [m for m in members if m in chart.nodes]
