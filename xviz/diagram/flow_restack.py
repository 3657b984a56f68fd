"""Putting siblings back in the author's order after Graphviz has placed them.

Graphviz orders each rank to reduce crossings and, around clusters, often gives up the order the author wrote
(an organization's OUs, the people in an account). After layout we look at each container's members (nodes and
whole clusters) rank band by rank band: members whose extents along the ranks overlap form a band, and when a
band's members sit side by side without overlapping but in the wrong order, we lay them out again in the
author's order over the same stretch, keeping their sizes and the gaps between them. The chart keeps its size
and nothing comes to overlap. Edge labels standing in one column are then reordered the same way, to follow
their edges' ends. An edge whose ends (and label) moved together is shifted with them; one whose parts moved
apart gets, stretch by stretch, a fresh curve where that runs clear of other boxes, else the engine's route
bent to meet its ends where they now stand. Whether the result is worth it is for the caller to judge
(flow_layout weighs order breaks against crossings).
"""
from __future__ import annotations

from dataclasses import replace

from xviz.diagram.flow_crossings import polyline
from xviz.diagram.flow_measure import direct_nodes, effective_directions
from xviz.diagram.layout_model import ClusterBox, FlowLayout, Point, Rect
from xviz.diagram.model import Flowchart, Shape
from xviz.diagram.spatial import GridIndex, box_of

SLACK = 0.5   # points: extents closer than this count as touching, not overlapping
FAN_SHARE = 0.5   # of a box's side: where the fresh curves leaving that side spread out
Span = tuple[float, float]


def _overlaps(a: Rect, b: Rect) -> bool:
    return a.x < b.right and b.x < a.right and a.y < b.bottom and b.y < a.bottom


def _groups(items: list[str], span) -> list[list[str]]:
    """Items whose spans (along the ranks) overlap, chained together; each group in the order given."""
    groups: list[list[str]] = []
    reach = None
    for item in sorted(items, key=span):
        start, end = span(item)
        if reach is not None and start < reach - SLACK:
            groups[-1].append(item)
            reach = max(reach, end)
        else:
            groups.append([item])
            reach = end
    return [sorted(group, key=items.index) for group in groups]


def _repack(wanted: list[str], span) -> dict[str, float] | None:
    """Shifts (across the ranks) that line `wanted` up in that order over the stretch they now cover, each
    keeping its size and the gaps between neighbours keeping theirs; None when already in order or when they
    overlap across the ranks (no side-by-side order to fix)."""
    seen = sorted(wanted, key=span)
    if seen == wanted:
        return None
    spans = [span(item) for item in seen]
    if any(after[0] < before[1] - SLACK for before, after in zip(spans, spans[1:])):
        return None
    gaps = [after[0] - before[1] for before, after in zip(spans, spans[1:])] + [0.0]
    cursor, shifts = spans[0][0], {}
    for item, gap in zip(wanted, gaps):
        start, end = span(item)
        shifts[item] = cursor - start
        cursor += end - start + gap
    return shifts


class Axes:
    """Reads and writes rectangles as (along the ranks, across the ranks) so one routine serves TB and LR."""

    def __init__(self, horizontal: bool) -> None:
        self.horizontal = horizontal   # LR/RL: ranks run along x, siblings stack along y

    def along(self, rect: Rect) -> Span:
        return (rect.x, rect.right) if self.horizontal else (rect.y, rect.bottom)

    def across(self, rect: Rect) -> Span:
        return (rect.y, rect.bottom) if self.horizontal else (rect.x, rect.right)

    def shift(self, rect: Rect, delta: float) -> Rect:
        if self.horizontal:
            return replace(rect, y=round(rect.y + delta, 2))
        return replace(rect, x=round(rect.x + delta, 2))

    def shift_point(self, point: Point, delta: float) -> Point:
        return (point[0], round(point[1] + delta, 2)) if self.horizontal else (round(point[0] + delta, 2), point[1])

    def point(self, along: float, across: float) -> Point:
        return (round(along, 2), round(across, 2)) if self.horizontal else (round(across, 2), round(along, 2))


def fresh_curve(axes: "Axes", source: Rect, target: Rect) -> list[Point]:
    """A cubic from the side of `source` facing `target` to the side of `target` facing back."""
    (s0, s1), (t0, t1) = axes.along(source), axes.along(target)
    (a0, a1), (b0, b1) = axes.across(source), axes.across(target)
    if t0 >= s1 - SLACK or t1 <= s0 + SLACK:   # in different ranks: leave and enter along the ranks
        forward = t0 >= s1 - SLACK
        start, end = (s1, t0) if forward else (s0, t1)
        p0, p3 = (start, (a0 + a1) / 2), (end, (b0 + b1) / 2)
        bend = (end - start) / 2
        c1, c2 = (start + bend, p0[1]), (end - bend, p3[1])
    else:                                       # side by side in one rank: leave and enter across
        down = b0 >= a1 - SLACK
        start, end = (a1, b0) if down else (a0, b1)
        p0, p3 = ((s0 + s1) / 2, start), ((t0 + t1) / 2, end)
        bend = (end - start) / 2
        c1, c2 = (p0[0], start + bend), (p3[0], end - bend)
    return [axes.point(*p) for p in (p0, c1, c2, p3)]


def side_entry_curve(axes: "Axes", source: Rect, target: Rect) -> list[Point]:
    """An elbow from `source` along the ranks to the middle of `target`'s rank, then across into the side of
    `target` facing `source`: a way in that leaves the end of `target` facing the ranks (where its cluster's
    title may stand) alone."""
    (s0, s1), (t0, t1) = axes.along(source), axes.along(target)
    (a0, a1), (b0, b1) = axes.across(source), axes.across(target)
    middle, rank = (a0 + a1) / 2, (t0 + t1) / 2
    start = s1 if rank >= (s0 + s1) / 2 else s0
    side = b0 if middle < (b0 + b1) / 2 else b1
    corner = (rank, middle)
    return [axes.point(*p) for p in ((start, middle), corner, corner, (rank, side))]


def onto_outline(point: Point, rect: Rect, shape: Shape, axis: int) -> Point:
    """A point on a box's side moved along `axis` (0: x, 1: y) onto the outline of the shape drawn in the box:
    the same point for rectangles; for diamonds and circles, as far in as the outline is at that offset."""
    if shape not in (Shape.DIAMOND, Shape.CIRCLE, Shape.DOUBLE_CIRCLE):
        return point
    cx, cy = rect.center
    half = (rect.width / 2, rect.height / 2)
    other = 1 - axis
    offset = abs(point[other] - (cx, cy)[other]) / half[other]   # 0 at the middle of the side, 1 at a corner
    if offset >= 1:
        return point
    reach = 1 - offset if shape is Shape.DIAMOND else (1 - offset * offset) ** 0.5
    centre = (cx, cy)[axis]
    sign = 1 if point[axis] >= centre else -1
    moved = list(point)
    moved[axis] = round(centre + sign * half[axis] * reach, 2)
    return (moved[0], moved[1])


def bridge(a: Point, b: Point) -> list[Point]:
    """A straight cubic from a to b (without a): across a label."""
    (x1, y1), (x2, y2) = a, b
    return [(round(x1 + (x2 - x1) / 3, 2), round(y1 + (y2 - y1) / 3, 2)),
            (round(x1 + 2 * (x2 - x1) / 3, 2), round(y1 + 2 * (y2 - y1) / 3, 2)), (x2, y2)]


def through(axes: "Axes", boxes: list[Rect], exit_across: bool = False, enter_across: bool = False) -> list[Point]:
    """Fresh curves from box to box (an edge's source, its label, its target), bridged across the middle ones;
    with `exit_across` / `enter_across` the first / last one meets its end from the side (side_entry_curve)."""
    hops = []
    for index, (before, after) in enumerate(zip(boxes, boxes[1:])):
        if enter_across and index == len(boxes) - 2:
            hops.append(side_entry_curve(axes, before, after))
        elif exit_across and index == 0:
            hops.append(side_entry_curve(axes, after, before)[::-1])
        else:
            hops.append(fresh_curve(axes, before, after))
    path = hops[0]
    for curve in hops[1:]:
        path = path + bridge(path[-1], curve[0]) + curve[1:]
    return path


class Restacker:
    def __init__(self, chart: Flowchart, layout: FlowLayout, label_home: dict[str, str | None]) -> None:
        self.chart = chart
        self.layout = layout
        self.label_home = label_home               # labelled edge -> the container its label node sits in
        self.axes = Axes(chart.direction.horizontal)
        self.moved: dict[str, float] = {}          # node, cluster or labelled edge id -> total shift across
        self.fans: dict[tuple[str, Point], list[tuple[list[Point], int]]] = {}   # see _spread_fans
        self.labels_in: dict[str | None, list[str]] = {}   # container -> labelled edges whose label sits there
        for edge, home in label_home.items():
            self.labels_in.setdefault(home, []).append(edge)
        self.blocks: GridIndex[tuple[str, str]] = GridIndex()   # filled once boxes stop moving (see _reroute)

    # ---- geometry of members ----------------------------------------------------------------
    def _rect(self, member: str) -> Rect:
        return self.layout.nodes[member].rect if member in self.chart.nodes else self.layout.clusters[member].rect

    def _inside(self, cluster: str) -> tuple[list[str], list[str], list[str]]:
        """Clusters, nodes and labelled edges carried along when `cluster` moves (itself included)."""
        clusters, nodes = [cluster], []
        for sg_id in clusters:   # grows while walking: a breadth-first walk of the nesting
            for member in self.chart.subgraphs[sg_id].members:
                (clusters if member in self.chart.subgraphs else nodes).append(member)
        labels = [edge for sg_id in clusters for edge in self.labels_in.get(sg_id, [])]
        return clusters, nodes, labels

    def _move(self, member: str, delta: float) -> None:
        axes, layout = self.axes, self.layout
        if member in self.chart.nodes:
            clusters, nodes, labels = [], [member], []
        else:
            clusters, nodes, labels = self._inside(member)
        for node in nodes:
            layout.nodes[node].rect = axes.shift(layout.nodes[node].rect, delta)
        for sg_id in clusters:
            box: ClusterBox = layout.clusters[sg_id]
            box.rect, box.title_rect = axes.shift(box.rect, delta), axes.shift(box.title_rect, delta)
        for edge in labels:
            route = layout.edges[edge]
            route.label_rect = axes.shift(route.label_rect, delta)
        for item in (*clusters, *nodes, *labels):
            self.moved[item] = self.moved.get(item, 0.0) + delta

    # ---- restacking ---------------------------------------------------------------------------
    def _restack(self, container: str | None, band: list[str]) -> bool:
        """Lay one band out again in the author's order; False when it is already in order or cannot be."""
        shifts = _repack(band, lambda m: self.axes.across(self._rect(m)))
        if shifts is None or self._hits_a_label(container, shifts):
            return False
        for member, delta in shifts.items():
            if abs(delta) > 0.005:
                self._move(member, delta)
        return True

    def _hits_a_label(self, container: str | None, shifts: dict[str, float]) -> bool:
        """Would a member land on the label of an edge between this container's members (which stays put)?"""
        labels = [self.layout.edges[e].label_rect for e in self.labels_in.get(container, [])]
        return any(_overlaps(self.axes.shift(self._rect(member), delta), label)
                   for member, delta in shifts.items() for label in labels)

    def restack(self) -> int:
        """Restack every band found out of order; the number restacked."""
        chart = self.chart
        directions = effective_directions(chart)
        count = 0
        for container in [None, *chart.subgraphs]:   # parents before children
            if container and directions[container].horizontal != chart.direction.horizontal \
                    and len(direct_nodes(chart, container)) > 1:
                continue   # drawn across the chart in one rank, in an order the DOT already fixes
            members = chart.subgraphs[container].members if container else chart.top_level
            for band in _groups(list(members), lambda m: self.axes.along(self._rect(m))):
                if len(band) > 1 and self._restack(container, band):
                    count += 1
        if count:
            self._reorder_labels()
            self._reroute()
        return count

    # ---- edge labels ----------------------------------------------------------------------------
    def _ancestors(self, container: str | None) -> set[str]:
        found = set()
        while container is not None:
            found.add(container)
            container = self.chart.subgraphs[container].parent
        return found

    def _fits(self, rect: Rect, home: str | None, boxes: GridIndex[tuple[str, str]]) -> bool:
        """A label's new place touches no node and stays inside exactly the clusters around its home."""
        around = self._ancestors(home)
        if not all(self.layout.clusters[sg_id].rect.contains(rect) for sg_id in around):
            return False
        return not any(_overlaps(rect, self._block_rect(kind, key)) for kind, key in boxes.near(box_of(rect))
                       if not (kind == "cluster" and key in around))

    def _block_rect(self, kind: str, key: str) -> Rect:
        if kind == "label":
            return self.layout.edges[key].label_rect
        return self.layout.nodes[key].rect if kind == "node" else self.layout.clusters[key].rect

    def _index_boxes(self, labels: bool) -> GridIndex[tuple[str, str]]:
        """Nodes and clusters (and, with `labels`, edge labels) where they now stand."""
        index: GridIndex[tuple[str, str]] = GridIndex()
        for node, box in self.layout.nodes.items():
            index.add(("node", node), box_of(box.rect))
        for sg_id, box in self.layout.clusters.items():
            index.add(("cluster", sg_id), box_of(box.rect))
        if labels:
            for edge, route in self.layout.edges.items():
                if route.label_rect is not None:
                    index.add(("label", edge), box_of(route.label_rect))
        return index

    def _reorder_labels(self) -> None:
        """Labels standing in one column follow their edges' ends: sorted by where the ends now are."""
        axes, layout = self.axes, self.layout
        labelled = [e for e in self.label_home if e in layout.edges]
        by_id = {edge.id: edge for edge in self.chart.edges}

        def key(edge_id: str) -> float:
            edge = by_id[edge_id]
            ends = [axes.across(self._rect(edge.source)), axes.across(self._rect(edge.target))]
            return sum((a + b) / 2 for a, b in ends) / 2

        boxes = self._index_boxes(labels=False)   # nodes and clusters stay put while labels move
        for column in _groups(labelled, lambda e: axes.along(layout.edges[e].label_rect)):
            touched = any(self.moved.get(by_id[e].source) or self.moved.get(by_id[e].target) for e in column)
            if len(column) < 2 or not touched:
                continue
            seen = sorted(column, key=lambda e: axes.across(layout.edges[e].label_rect))
            wanted = sorted(column, key=lambda e: (key(e), seen.index(e)))
            shifts = _repack(wanted, lambda e: axes.across(layout.edges[e].label_rect))
            if shifts is None:
                continue
            placed = {e: axes.shift(layout.edges[e].label_rect, delta) for e, delta in shifts.items()}
            if not all(self._fits(rect, self.label_home[e], boxes) for e, rect in placed.items()):
                continue
            for edge_id, rect in placed.items():
                layout.edges[edge_id].label_rect = rect
                self.moved[edge_id] = self.moved.get(edge_id, 0.0) + shifts[edge_id]

    # ---- edges ----------------------------------------------------------------------------------
    def _curve(self, source: Rect, target: Rect) -> list[Point]:
        return fresh_curve(self.axes, source, target)

    def _bend(self, path: list[Point], shifts: list[tuple[int, float]]) -> list[Point]:
        """Shift a path across the ranks by amounts pinned at some of its points (index, shift), easing between
        them along the path's length: the route keeps its shape and meets its ends where they now stand."""
        lengths = [0.0]
        for (x0, y0), (x1, y1) in zip(path, path[1:]):
            lengths.append(lengths[-1] + ((x1 - x0) ** 2 + (y1 - y0) ** 2) ** 0.5)
        bent = []
        for i, point in enumerate(path):
            (i0, d0), (i1, d1) = next((a, b) for a, b in zip(shifts, shifts[1:]) if a[0] <= i <= b[0])
            span = lengths[i1] - lengths[i0]
            t = (lengths[i] - lengths[i0]) / span if span > 0 else 0.0
            t = t * t * (3 - 2 * t)   # eased: the route still leaves and meets its ends square, not aslant
            bent.append(self.axes.shift_point(point, d0 + (d1 - d0) * t))
        return bent

    def _label_span(self, path: list[Point], label: Rect) -> tuple[int, int] | None:
        """The first and last segment ends of a path that lie on its label (where the path crosses it)."""
        inside = [i for i in range(0, len(path), 3)
                  if label.x - 1 <= path[i][0] <= label.right + 1 and label.y - 1 <= path[i][1] <= label.bottom + 1]
        return (inside[0], inside[-1]) if inside else None

    def _allowed(self, item: str) -> set[str]:
        """Clusters an edge may pass through near `item`: the ones around it (and itself, if a cluster)."""
        found = {item} if item in self.chart.subgraphs else set()
        container = self.chart.nodes[item].parent if item in self.chart.nodes else self.chart.subgraphs[item].parent
        return found | self._ancestors(container)

    def _hits(self, path: list[Point], ends: tuple[str, str], label: str | None) -> int:
        """How many boxes a stretch of edge runs through that it has no business in: nodes other than its
        ends, other edges' labels, clusters holding neither end (nor its label)."""
        allowed = self._allowed(ends[0]) | self._allowed(ends[1])
        if label is not None:
            allowed |= self._ancestors(self.label_home[label])
        hit: set[tuple[str, str]] = set()
        for x, y in polyline(path)[1:-1]:
            for block in self.blocks.at(x, y):
                kind, key = block
                if block in hit or (kind == "node" and key in ends) or (kind == "label" and key == label) \
                        or (kind == "cluster" and key in allowed):
                    continue
                rect = self._block_rect(kind, key)
                if rect.x + 1 < x < rect.right - 1 and rect.y + 1 < y < rect.bottom - 1:
                    hit.add(block)
        return len(hit)

    def _half(self, path: list[Point], start: tuple[Rect, float], end: tuple[Rect, float],
              ends: tuple[str, str], label: str | None, attached: tuple[str | None, str | None]) -> list[Point]:
        """One stretch of an edge (end to end, or end to label): a fresh curve where it runs clear, else the
        engine's route bent to meet the ends where they now stand, unless that runs through more boxes.
        `attached` names the node or cluster at each end of the stretch (None for a label)."""
        curve = self._curve(start[0], end[0])
        curve_hits = self._hits(curve, ends, label)
        if curve_hits:
            bent = self._bend(path, [(0, start[1]), (len(path) - 1, end[1])])
            if self._hits(bent, ends, label) <= curve_hits:
                return bent
        for item, at in zip(attached, (0, 3)):
            if item is not None:
                self.fans.setdefault((item, curve[at]), []).append((curve, at))
        return curve

    def _spread_fans(self) -> None:
        """Fresh curves leaving one side of a box all start at its middle; spread them over the middle part of
        that side, in the order of where they go, so they fan out instead of leaving as one stroke."""
        for (item, point), curves in self.fans.items():
            if len(curves) < 2:
                continue
            first, at = curves[0]
            inner = first[1] if at == 0 else first[2]
            axis = 1 if abs(inner[0] - point[0]) > abs(inner[1] - point[1]) else 0   # leaves sideways: spread in y
            rect = self._rect(item)
            room = FAN_SHARE * (rect.height if axis else rect.width)
            curves.sort(key=lambda found: (found[0][3] if found[1] == 0 else found[0][0])[axis])
            shape = self.layout.nodes[item].shape if item in self.chart.nodes else Shape.RECT
            for k, (curve, at) in enumerate(curves):
                offset = -room / 2 + k * room / (len(curves) - 1)
                for index in (at, 1 if at == 0 else 2):   # the end and its control point move together
                    moved = list(curve[index])
                    moved[axis] = round(moved[axis] + offset, 2)
                    curve[index] = (moved[0], moved[1])
                # Off the middle of a side, a diamond's or circle's outline lies further in: follow it there,
                # so the edge does not start (or end) in mid-air.
                sunk = onto_outline(curve[at], rect, shape, 1 - axis)
                shift = (sunk[0] - curve[at][0], sunk[1] - curve[at][1])
                inner = 1 if at == 0 else 2
                curve[at] = sunk
                curve[inner] = (round(curve[inner][0] + shift[0], 2), round(curve[inner][1] + shift[1], 2))

    def _reroute(self) -> None:
        self.fans = {}
        self.blocks = self._index_boxes(labels=True)
        assemble: list[tuple[str, list[list[Point]]]] = []   # edge -> its stretches, joined once fans are spread
        for edge in self.chart.edges:
            route = self.layout.edges[edge.id]
            d_source, d_target = self.moved.get(edge.source, 0.0), self.moved.get(edge.target, 0.0)
            d_label = self.moved.get(edge.id, 0.0)
            ends = {d_source, d_target} | ({d_label} if route.label_rect is not None else set())
            if len(ends) == 1:
                delta = ends.pop()
                if delta:
                    route.path = [self.axes.shift_point(p, delta) for p in route.path]
                continue
            source = (self._rect(edge.source), d_source)
            target = (self._rect(edge.target), d_target)
            pair = (edge.source, edge.target)
            if route.label_rect is None:
                assemble.append((edge.id, [self._half(route.path, source, target, pair, None, pair)]))
                continue
            span = self._label_span(route.path, self.axes.shift(route.label_rect, -d_label))
            if span is None:   # cannot find where the path meets its label: redraw it through the label
                route.path = through(self.axes, [self._rect(edge.source), route.label_rect, self._rect(edge.target)])
                continue
            label = (route.label_rect, d_label)
            assemble.append((edge.id, [
                self._half(route.path[:span[0] + 1], source, label, pair, edge.id, (edge.source, None)),
                self._half(route.path[span[1]:], label, target, pair, edge.id, (None, edge.target))]))
        self._spread_fans()
        for edge_id, stretches in assemble:
            path = stretches[0]
            for stretch in stretches[1:]:
                path = path + bridge(path[-1], stretch[0]) + stretch[1:]
            self.layout.edges[edge_id].path = path



def restack_in_author_order(chart: Flowchart, layout: FlowLayout, label_home: dict[str, str | None]) -> int:
    """Put out-of-order sibling bands back in the author's order (in place); how many bands moved."""
    return Restacker(chart, layout, label_home).restack()


__all__ = ["Axes", "bridge", "fresh_curve", "restack_in_author_order", "side_entry_curve", "through"]
