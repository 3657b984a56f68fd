"""The overview of a big organization: what the architecture chart becomes past a few dozen accounts.

- Accounts no flow step touches are folded, per OU (or root), into one box that counts them: "412 more
  accounts · 412 roles · …". Every account a step touches stays drawn in full, with its edges: the current
  step's path is always there to light up (focus), the folded boxes around it give the context.
- Edges that now run between the same two boxes with the same meaning are bundled into one, labelled with
  their number ("3 trust relationships"); edges inside one folded box disappear with it.
- Accounts side by side in one OU are laid out in a grid (invisible links chain each row along the ranks),
  not in one long column.

The result is the same kind of chart as before (a Flowchart with the same ids for what stays drawn), so the
stepper's highlights work on it. Folded boxes are `fold.CLUSTER` nodes; `architecture_diagram(...,
expanded={CLUSTER})` draws that OU's accounts in full again (what a click on a folded box asks for).
"""
from __future__ import annotations

import math

from xviz.diagram.from_scenario_labels import style_for, word
from xviz.diagram.model import EdgeHead, FlowEdge, FlowNode, Flowchart, LineStyle, Shape

FOLD_ABOVE = 24   # accounts in the chart past which untouched accounts are folded
GRID_FROM = 4     # accounts side by side in one container from which they are laid out in a grid
# At most this many accounts in a row: each column is a few more ranks, and the links from one caller to
# accounts in far columns cross all of them; wider grids made Graphviz slower than linear (500 accounts
# unfolded: 50 s with square grids, under 10 s with rows of four).
GRID_COLUMNS = 4
FOLD_PREFIX = "fold."
_BUNDLE_WORDS = {"trust": "bundle_trust", "policy": "bundle_policy", "access": "bundle_access", "share": "bundle_share"}


def fold_id(container: str) -> str:
    return FOLD_PREFIX + container


def folded_container(node_id: str) -> str | None:
    """The cluster a folded box stands for (what to pass in `expanded` to unfold it); None for other ids."""
    return node_id[len(FOLD_PREFIX):] if node_id.startswith(FOLD_PREFIX) else None


def _accounts(chart: Flowchart) -> list[str]:
    return [sg_id for sg_id in chart.subgraphs if sg_id.startswith("acct.")]


def _inside(chart: Flowchart, cluster: str) -> tuple[list[str], list[str]]:
    """Every cluster (itself included) and node inside a cluster."""
    clusters, nodes = [cluster], []
    for sg_id in clusters:
        for member in chart.subgraphs[sg_id].members:
            (clusters if member in chart.subgraphs else nodes).append(member)
    return clusters, nodes


def _owner(chart: Flowchart, item: str) -> str | None:
    """The account cluster holding a node or cluster, if any."""
    found = chart.nodes[item].parent if item in chart.nodes else item
    while found is not None and not found.startswith("acct."):
        found = chart.subgraphs[found].parent
    return found


def fold_untouched_accounts(chart: Flowchart, touched: set[str], expanded: frozenset[str], lang: str) -> None:
    """Fold (in place) the accounts holding none of the `touched` node ids, except those inside an `expanded`
    cluster, into one counting box per container. Nothing happens in a chart of FOLD_ABOVE accounts or fewer."""
    accounts = _accounts(chart)
    if len(accounts) <= FOLD_ABOVE:
        return
    keep = {_owner(chart, item) for item in touched if item in chart.nodes or item in chart.subgraphs}
    folded: dict[str, str] = {}   # node or cluster id inside a folded account -> the box standing for it
    counts: dict[str, dict[str, int]] = {}
    for account in accounts:
        container = chart.subgraphs[account].parent
        if account in keep or container is None or container in expanded:
            continue
        box = fold_id(container)
        tally = counts.setdefault(box, {"count": 0, "roles": 0, "users": 0, "resources": 0})
        tally["count"] += 1
        clusters, nodes = _inside(chart, account)
        for node in nodes:
            kind = {"role": "roles", "user": "users", "res": "resources"}.get(node.split(".", 1)[0])
            if kind:
                tally[kind] += 1
        for item in (*clusters, *nodes):
            folded[item] = box
    if not folded:
        return
    for box, tally in counts.items():
        container = box[len(FOLD_PREFIX):]
        members = chart.subgraphs[container].members
        at = next(i for i, m in enumerate(members) if folded.get(m) == box)   # where its first account stood
        members.insert(at, box)
        label = word("accounts_folded", lang, count=str(tally["count"]))
        inside = [word(f"count_{kind}", lang, count=str(tally[kind])) for kind in ("roles", "users", "resources")
                  if tally[kind]]
        label += "\n" + " · ".join(inside) if inside else ""
        chart.nodes[box] = FlowNode(box, label, Shape.SUBROUTINE, parent=container, style=style_for("account"))
    for item, box in folded.items():
        if item in chart.nodes:
            del chart.nodes[item]
        else:
            sub = chart.subgraphs.pop(item)
            if sub.parent in chart.subgraphs and item in chart.subgraphs[sub.parent].members:
                chart.subgraphs[sub.parent].members.remove(item)
    chart.top_level = [m for m in chart.top_level if m not in folded]
    _bundle_edges(chart, folded, lang)


def _bundle_edges(chart: Flowchart, folded: dict[str, str], lang: str) -> None:
    """Edges with a folded end run to its box; those between the same ends with the same meaning become one."""
    kept: list[FlowEdge] = []
    bundles: dict[tuple[str, str, str], list[FlowEdge]] = {}
    for edge in chart.edges:
        source, target = folded.get(edge.source, edge.source), folded.get(edge.target, edge.target)
        if (source, target) == (edge.source, edge.target):
            kept.append(edge)
        elif source != target and edge.line_style is not LineStyle.INVISIBLE:
            kind = edge.id.split(":", 1)[0]
            bundles.setdefault((kind, source, target), []).append(edge)
    for (kind, source, target), edges in bundles.items():
        first = edges[0]
        label = first.label if len(edges) == 1 else word(_BUNDLE_WORDS.get(kind, "bundle_access"), lang,
                                                          count=str(len(edges)))
        kept.append(FlowEdge(f"bundle:{kind}:{source}->{target}", source, target, line_style=first.line_style,
                             head=first.head, tail=first.tail, label=label, style=first.style))
    chart.edges = kept


def _first_node(chart: Flowchart, member: str) -> str | None:
    if member in chart.nodes:
        return member
    return next((found for inner in chart.subgraphs[member].members
                 if (found := _first_node(chart, inner)) is not None), None)


def _all_nodes(chart: Flowchart, member: str) -> list[str]:
    return [member] if member in chart.nodes else _inside(chart, member)[1]


def arrange_accounts_in_grid(chart: Flowchart) -> None:
    """Lay the accounts (and folded boxes) standing side by side in one container out in rows of about the
    square root of their number (at most GRID_COLUMNS): invisible links from each one's nodes to the next one's first node put the
    next one a rank further along, and rows stack across the ranks as siblings do."""
    for container in [*chart.subgraphs]:
        members = [m for m in chart.subgraphs[container].members
                   if (m.startswith("acct.") or m.startswith(FOLD_PREFIX)) and _first_node(chart, m) is not None]
        if len(members) < GRID_FROM:
            continue
        columns = min(math.ceil(math.sqrt(len(members))), GRID_COLUMNS)
        for start in range(0, len(members), columns):
            row = members[start:start + columns]
            for before, after in zip(row, row[1:]):
                head = _first_node(chart, after)
                for node in _all_nodes(chart, before):
                    chart.edges.append(FlowEdge(f"layout:grid:{node}->{head}", node, head,
                                                line_style=LineStyle.INVISIBLE, head=EdgeHead.NONE))


__all__ = ["FOLD_ABOVE", "arrange_accounts_in_grid", "fold_id", "fold_untouched_accounts", "folded_container"]
