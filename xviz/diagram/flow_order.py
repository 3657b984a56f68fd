"""Counting where a layout breaks the author's order of siblings that share a rank.

Graphviz orders each rank to reduce crossings. In a left-to-right chart graphviz-pure seeds that order from the
order of declaration read bottom to top, while `ordering=out` reads top to bottom, so neither declaration
order keeps the author's order everywhere. The layout tries both, restacks what is still out of order
(flow_restack) and keeps the candidate that scores best on breaks and crossings (flow_layout._untidiness).
Graph attributes that limit crossing minimisation (`mclimit`, `remincross`, `searchsize`, `clusterrank`)
were measured with graphviz-pure and do not keep the order: at best 2 breaks fewer out of 17, more crossings.
"""
from __future__ import annotations

from xviz.diagram.flow_measure import direct_nodes, effective_directions
from xviz.diagram.layout_model import FlowLayout
from xviz.diagram.model import Flowchart


def _leaves(chart: Flowchart, member: str) -> list[str]:
    """Every node inside a member (itself when it is a node), in the author's order."""
    if member in chart.nodes:
        return [member]
    return [n for inner in chart.subgraphs[member].members for n in _leaves(chart, inner)]


def order_breaks(chart: Flowchart, layout: FlowLayout) -> list[tuple[str, str]]:
    """Neighbouring siblings (by the author's order, within one rank) drawn the other way round, as node pairs
    standing for them."""
    horizontal = chart.direction.horizontal
    directions = effective_directions(chart)

    def rank_of(node: str) -> float:   # the position along the rank axis identifies a node's rank
        rect = layout.nodes[node].rect
        return round(rect.center[0] if horizontal else rect.center[1], 1)

    def across(node: str) -> float:
        rect = layout.nodes[node].rect
        return rect.center[1] if horizontal else rect.center[0]

    broken: list[tuple[str, str]] = []
    for container in [None, *chart.subgraphs]:
        members = chart.subgraphs[container].members if container else chart.top_level
        if container and directions[container].horizontal != horizontal and len(direct_nodes(chart, container)) > 1:
            continue   # drawn across the chart in one rank, in an order the DOT already fixes
        last: dict[float, str] = {}   # rank -> the node standing for the member seen last in that rank
        for member in members:
            firsts: dict[float, str] = {}
            for node in _leaves(chart, member):
                firsts.setdefault(rank_of(node), node)
            for rank, node in firsts.items():
                if rank in last and across(last[rank]) > across(node):
                    broken.append((last[rank], node))
                last[rank] = node
    return broken


__all__ = ["order_breaks"]
