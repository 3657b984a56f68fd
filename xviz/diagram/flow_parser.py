"""Parser for mermaid `flowchart`/`graph` charts (the subset listed in issue 4)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from xviz.diagram.chart_meta import Accessibility, statement_lines
from xviz.diagram.cursor import LineCursor, strip_comment
from xviz.diagram.errors import DiagramError, DiagramWarning
from xviz.diagram.flow_links import Link, read_link
from xviz.diagram.flow_shapes import SHAPE_NAMES, closing_brace, read_shape_data
from xviz.diagram.flow_styling import Pending, apply_styles
from xviz.diagram.model import Direction, FlowEdge, Flowchart, FlowNode, LineStyle, Shape, Subgraph
from xviz.diagram.style import Style, parse_style
from xviz.diagram.text import author_text
from xviz.files.limits import MAX_CHART_NESTING

HEADER = re.compile(r"^\s*(flowchart|graph)\b(?:\s+(TB|TD|BT|LR|RL))?\s*;?\s*$")
_KEYWORD = re.compile(r"(subgraph|end|direction|style|classDef|class|linkStyle|click|title)(?=\s|;|$)")
_CLASS_NAME = re.compile(r"[\w-]+")
_DIRECTION = re.compile(r"(TB|TD|BT|LR|RL)\b")
_EDGE_NAME = re.compile(r"([A-Za-z_]\w*)@(?=[-=.~<])")   # `A e1@--> B`: a name for the link
MAX_NESTING = MAX_CHART_NESTING  # subgraphs in subgraphs; deeper is an error at the subgraph that goes past it
MAX_NODES = 5000   # a chart past this is an error at the node that goes past it: split it into several

# Shape openers, longest first, each with its possible closers.
_SHAPES: list[tuple[str, list[tuple[str, Shape]]]] = [
    ("(((", [(")))", Shape.DOUBLE_CIRCLE)]),
    ("((", [("))", Shape.CIRCLE)]),
    ("([", [("])", Shape.STADIUM)]),
    ("[[", [("]]", Shape.SUBROUTINE)]),
    ("[(", [(")]", Shape.CYLINDER)]),
    ("{{", [("}}", Shape.HEXAGON)]),
    ("[/", [("/]", Shape.PARALLELOGRAM), ("\\]", Shape.TRAPEZOID)]),
    ("[\\", [("\\]", Shape.PARALLELOGRAM_ALT), ("/]", Shape.TRAPEZOID_ALT)]),
    (">", [("]", Shape.ASYMMETRIC)]),
    ("[", [("]", Shape.RECT)]),
    ("(", [(")", Shape.ROUND)]),
    ("{", [("}", Shape.DIAMOND)]),
]


def _direction(token: str) -> Direction:
    return Direction.TB if token == "TD" else Direction(token)


def _is_id_char(char: str) -> bool:
    return char.isalnum() or char == "_"


@dataclass
class _OpenSubgraph:
    subgraph: Subgraph
    mentions: list[str] = field(default_factory=list)


class FlowchartParser:
    def __init__(self) -> None:
        self.chart = Flowchart()
        self.stack: list[_OpenSubgraph] = []
        self.order: list[str] = []             # first mentions of nodes and openings of subgraphs
        self.claimed: dict[str, str] = {}      # node id -> subgraph that holds it
        self.explicit: set[str] = set()        # nodes given a shape or label somewhere
        self.pending: list[Pending] = []
        self.link_styles: list[tuple[list[int] | None, Style, int, int]] = []
        self.edge_names: set[str] = set()      # names given to links (`e1@-->`), for `e1@{ … }` statements

    # ---- entry -------------------------------------------------------------------------------

    def parse(self, lines: list[str], header_index: int) -> Flowchart:
        header = HEADER.match(strip_comment(lines[header_index]))
        assert header, "caller checked the header"
        if header.group(2):
            self.chart.direction = _direction(header.group(2))
        accessibility = Accessibility()
        for index, line in statement_lines(lines, header_index + 1, accessibility):
            cursor = LineCursor(strip_comment(line), index + 1)
            while True:
                cursor.skip_spaces()
                while cursor.take(";"):
                    cursor.skip_spaces()
                if cursor.at_end():
                    break
                self._statement(cursor)
        self.chart.acc_title, self.chart.acc_description = accessibility.title, accessibility.description
        if self.stack:
            open_sg = self.stack[-1].subgraph
            raise DiagramError(f"subgraph {open_sg.id!r} is never closed", open_sg.line, open_sg.column,
                               "'end'")
        self._finish()
        return self.chart

    # ---- statements --------------------------------------------------------------------------

    def _statement(self, cursor: LineCursor) -> None:
        keyword = cursor.match(_KEYWORD)
        if keyword is None:
            if not self._edge_data(cursor):
                self._chain(cursor)
            return
        word, column = keyword.group(1), keyword.start() + 1
        cursor.skip_spaces()
        if word == "subgraph":
            self._open_subgraph(cursor, column)
        elif word == "end":
            self._close_subgraph(cursor, column)
        elif word == "direction":
            self._set_direction(cursor)
        elif word == "style":
            ids = self._id_list(cursor, "a node or subgraph id after 'style'")
            self.pending.append(Pending("style", ids, cursor.line, column, style=self._style_rest(cursor)))
        elif word == "classDef":
            names = self._id_list(cursor, "a class name after 'classDef'")
            style = self._style_rest(cursor)
            for name in names:
                base = self.chart.class_defs.get(name, Style())
                self.chart.class_defs[name] = base.merged(style)
        elif word == "class":
            ids = self._id_list(cursor, "node ids after 'class'")
            cursor.skip_spaces()
            name_column = cursor.column
            name = cursor.match(_CLASS_NAME)
            if not name:
                raise cursor.error(f"found {cursor.found()} after 'class {','.join(ids)}'", "a class name")
            self.pending.append(Pending("class", ids, cursor.line, name_column, class_name=name.group(0)))
            self._end_of_statement(cursor)
        elif word == "linkStyle":
            self._link_style(cursor)
        elif word == "title":
            self.chart.title = self._rest(cursor).strip()
        else:  # click
            self._rest(cursor)
            self.chart.warnings.append(DiagramWarning(
                "'click' is ignored: xviz charts run no callbacks and open no links", cursor.line, column))

    def _edge_data(self, cursor: LineCursor) -> bool:
        """`e1@{ animate: true }` for a named link: read and ignored with a warning (xviz does not animate)."""
        found = re.compile(r"([A-Za-z_]\w*)@\{").match(cursor.text, cursor.pos)
        if not found or found.group(1) not in self.edge_names:
            return False
        column = cursor.column
        end = closing_brace(cursor.text, found.end() - 1)
        if end < 0:
            raise cursor.error("the link's data is not closed", "'}'", column=found.end())
        read_shape_data(cursor.text[found.end():end], cursor.line, found.end())
        cursor.pos = end + 1
        self.chart.warnings.append(DiagramWarning(
            f"link data for {found.group(1)!r} (animation) is not drawn", cursor.line, column))
        return True

    def _rest(self, cursor: LineCursor) -> str:
        end = cursor.text.find(";", cursor.pos)
        end = len(cursor.text) if end < 0 else end
        text = cursor.text[cursor.pos:end]
        cursor.pos = end
        return text

    def _style_rest(self, cursor: LineCursor) -> Style:
        cursor.skip_spaces()
        column = cursor.column
        text = self._rest(cursor)
        if not text.strip():
            raise cursor.error("missing style properties", "name:value pairs such as fill:#f9f", column=column)
        return parse_style(text, cursor.line, column, self.chart.warnings)

    def _id_list(self, cursor: LineCursor, expected: str) -> list[str]:
        ids: list[str] = []
        while True:
            cursor.skip_spaces()
            found = self._read_id(cursor)
            if not found:
                raise cursor.error(f"found {cursor.found()}", expected)
            ids.append(found)
            cursor.skip_spaces()
            if not cursor.take(","):
                return ids

    def _end_of_statement(self, cursor: LineCursor) -> None:
        cursor.skip_spaces()
        if not cursor.at_end() and cursor.peek() != ";":
            raise cursor.error(f"unexpected {cursor.found()}", "end of statement")

    def _set_direction(self, cursor: LineCursor) -> None:
        found = cursor.match(_DIRECTION)
        if not found:
            raise cursor.error(f"found {cursor.found()} after 'direction'", "TB, TD, BT, LR or RL")
        direction = _direction(found.group(1))
        if self.stack:
            self.stack[-1].subgraph.direction = direction
        else:
            self.chart.direction = direction
        self._end_of_statement(cursor)

    def _link_style(self, cursor: LineCursor) -> None:
        column = cursor.column
        indexes: list[int] | None
        if cursor.match(re.compile(r"default\b")):
            indexes = None
        else:
            found = cursor.match(re.compile(r"\d+(?:\s*,\s*\d+)*"))
            if not found:
                raise cursor.error(f"found {cursor.found()} after 'linkStyle'", "'default' or link numbers such as 0,2")
            indexes = [int(part) for part in found.group(0).split(",")]
        cursor.skip_spaces()
        if cursor.match(re.compile(r"interpolate\s+\w+\s*")):
            self.chart.warnings.append(
                DiagramWarning("linkStyle interpolate is not drawn (xviz uses the engine's curves)",
                               cursor.line, cursor.column))
            if cursor.at_end() or cursor.peek() == ";":
                return
        self.link_styles.append((indexes, self._style_rest(cursor), cursor.line, column))

    # ---- subgraphs ---------------------------------------------------------------------------

    def _open_subgraph(self, cursor: LineCursor, column: int) -> None:
        if cursor.at_end() or cursor.peek() == ";":
            raise cursor.error("a subgraph needs a name", "an id, optionally with [title]")
        if cursor.peek() == '"':
            title = self._quoted(cursor)
            sg_id = title
        else:
            sg_id = self._read_id(cursor)
            if not sg_id:
                raise cursor.error(f"found {cursor.found()} after 'subgraph'", "a subgraph id")
            title = sg_id
            after_id = cursor.pos
            cursor.skip_spaces()
            if cursor.take("["):
                title = self._bracket_title(cursor)
            elif not cursor.at_end() and cursor.peek() != ";":
                cursor.pos = after_id  # `subgraph Two words`: mermaid uses the whole text as id and title
                sg_id = title = (sg_id + self._rest(cursor)).strip()
        self._end_of_statement(cursor)
        if sg_id in self.chart.subgraphs:
            raise DiagramError(f"subgraph {sg_id!r} is defined twice", cursor.line, column, "a new id")
        if len(self.stack) >= MAX_NESTING:
            raise DiagramError(f"subgraph {sg_id!r} is nested more than {MAX_NESTING} deep ({len(self.stack) + 1} "
                               "levels); xviz draws at most that many", cursor.line, column, "a flatter chart")
        parent = self.stack[-1].subgraph.id if self.stack else None
        subgraph = Subgraph(id=sg_id, title=self._text(title, cursor.line, column), parent=parent,
                            line=cursor.line, column=column)
        self.chart.subgraphs[sg_id] = subgraph
        if self.stack:
            self.stack[-1].mentions.append(sg_id)
        self.order.append(sg_id)
        self.stack.append(_OpenSubgraph(subgraph))

    def _bracket_title(self, cursor: LineCursor) -> str:
        cursor.skip_spaces()
        if cursor.peek() == '"':
            title = self._quoted(cursor)
            cursor.skip_spaces()
            if not cursor.take("]"):
                raise cursor.error(f"found {cursor.found()} after the subgraph title", "']'")
            return title
        end = cursor.text.find("]", cursor.pos)
        if end < 0:
            raise cursor.error("subgraph title is not closed", "']'")
        title = cursor.text[cursor.pos:end].strip()
        cursor.pos = end + 1
        return title

    def _close_subgraph(self, cursor: LineCursor, column: int) -> None:
        if not self.stack:
            raise DiagramError("'end' without an open subgraph", cursor.line, column, "a statement")
        self._end_of_statement(cursor)
        closing = self.stack.pop()
        # Innermost first: a node belongs to the first subgraph to close that mentions it (as mermaid).
        members = closing.subgraph.members
        for item in closing.mentions:
            child = self.chart.subgraphs.get(item)
            if child is not None:
                if child.parent == closing.subgraph.id and item not in members:
                    members.append(item)
            elif item not in self.claimed:
                self.claimed[item] = closing.subgraph.id
                members.append(item)

    # ---- nodes and links ---------------------------------------------------------------------

    def _chain(self, cursor: LineCursor) -> None:
        group = self._node_group(cursor)
        while True:
            cursor.skip_spaces()
            if cursor.at_end() or cursor.peek() == ";":
                return
            link_column = cursor.column
            name = cursor.match(_EDGE_NAME)
            link = read_link(cursor)
            if link is None:
                raise cursor.error(f"unexpected {cursor.found()}",
                                   "a link such as -->, '&', ':::class' or the end of the statement")
            cursor.skip_spaces()
            if cursor.at_end() or cursor.peek() == ";":
                raise cursor.error("a link needs a node after it", "a node id")
            targets = self._node_group(cursor)
            if name:
                self.edge_names.add(name.group(1))
            for source in group:
                for target in targets:
                    self._add_edge(source, target, link, cursor.line, link_column)
            group = targets

    def _add_edge(self, source: str, target: str, link: Link, line: int, column: int) -> None:
        label = link.label
        if label:
            label = self._text(label, line, column)
        self.chart.edges.append(FlowEdge(
            id=f"e:{len(self.chart.edges)}", source=source, target=target, line_style=link.line_style,
            head=link.head, tail=link.tail, label=label, length=link.length, line=line, column=column))

    def _text(self, raw: str, line: int, column: int) -> str:
        """Label text (see text.author_text), with a warning for each icon left out."""
        text, icons = author_text(raw)
        for icon in icons:
            self.chart.warnings.append(DiagramWarning(f"icon {icon!r} is not drawn", line, column))
        return text

    def _node_group(self, cursor: LineCursor) -> list[str]:
        ids = [self._node_ref(cursor)]
        while True:
            saved = cursor.pos
            cursor.skip_spaces()
            if not cursor.take("&"):
                cursor.pos = saved
                return ids
            cursor.skip_spaces()
            ids.append(self._node_ref(cursor))

    def _read_id(self, cursor: LineCursor) -> str | None:
        start = cursor.pos
        text = cursor.text
        end = start
        while end < len(text):
            char = text[end]
            if _is_id_char(char):
                end += 1
            elif char in "-." and end > start and end + 1 < len(text) and _is_id_char(text[end + 1]):
                end += 1  # `my-node`, `a.b`; `A-->B` and `A-.->B` stop before the link
            else:
                break
        if end == start:
            return None
        cursor.pos = end
        return text[start:end]

    def _node_ref(self, cursor: LineCursor) -> str:
        column = cursor.column
        node_id = self._read_id(cursor)
        if node_id is None:
            raise cursor.error(f"found {cursor.found()}", "a node id")
        if node_id == "end":
            raise cursor.error("'end' cannot be a node id", "another id", column=column)
        shape_label = self._shape(cursor)
        classes: list[str] = []
        while cursor.take(":::"):
            name = cursor.match(_CLASS_NAME)
            if not name:
                raise cursor.error(f"found {cursor.found()} after ':::'", "a class name")
            classes.append(name.group(0))
        if cursor.startswith("@{"):
            shape_label = self._shape_data(cursor, node_id, shape_label)
        self._mention(node_id, cursor.line, column, shape_label, classes)
        return node_id

    def _shape_data(self, cursor: LineCursor, node_id: str,
                    shape_label: tuple[Shape, str] | None) -> tuple[Shape, str]:
        """`@{ shape: …, label: … }` after a node id (mermaid 11): the shapes xviz draws, others as rectangles."""
        column = cursor.column
        end = closing_brace(cursor.text, cursor.pos + 1)
        if end < 0:
            raise cursor.error("the shape data is not closed", "'}'", column=column)
        data = read_shape_data(cursor.text[cursor.pos + 2:end], cursor.line, column + 2)
        cursor.pos = end + 1
        shape, label = shape_label or (Shape.RECT, self.chart.nodes[node_id].label if node_id in self.chart.nodes
                                       else node_id)
        for key, value in data.items():
            if key == "shape":
                name = str(value).strip().lower()
                shape = SHAPE_NAMES.get(name, Shape.RECT)
                if name not in SHAPE_NAMES:
                    self.chart.warnings.append(DiagramWarning(
                        f"shape {name!r} is drawn as a rectangle (xviz draws {', '.join(sorted(SHAPE_NAMES))})",
                        cursor.line, column))
            elif key == "label":
                label = self._text(str(value), cursor.line, column)
            else:
                self.chart.warnings.append(DiagramWarning(f"shape data {key!r} is not drawn", cursor.line, column))
        return shape, label

    def _shape(self, cursor: LineCursor) -> tuple[Shape, str] | None:
        for opener, closers in _SHAPES:
            if not cursor.startswith(opener):
                continue
            open_column = cursor.column
            cursor.pos += len(opener)
            if cursor.peek() == '"':
                raw = self._quoted(cursor)
                cursor.skip_spaces()
                for closer, shape in closers:
                    if cursor.take(closer):
                        return shape, self._text(raw, cursor.line, open_column)
                raise cursor.error(f"found {cursor.found()} after the quoted label",
                                   " or ".join(repr(c) for c, _ in closers))
            best: tuple[int, str, Shape] | None = None
            for closer, shape in closers:
                at = cursor.text.find(closer, cursor.pos)
                if at >= 0 and (best is None or at < best[0]):
                    best = (at, closer, shape)
            if best is None:
                raise cursor.error(f"node shape {opener!r} is not closed",
                                   " or ".join(repr(c) for c, _ in closers), column=open_column)
            at, closer, shape = best
            raw = cursor.text[cursor.pos:at]
            cursor.pos = at + len(closer)
            return shape, self._text(raw.strip(), cursor.line, open_column)
        return None

    def _quoted(self, cursor: LineCursor) -> str:
        end = cursor.text.find('"', cursor.pos + 1)
        if end < 0:
            raise cursor.error("unterminated quoted text", 'a closing "')
        text = cursor.text[cursor.pos + 1:end]
        cursor.pos = end + 1
        return text

    def _mention(self, node_id: str, line: int, column: int, shape_label: tuple[Shape, str] | None,
                 classes: list[str]) -> None:
        node = self.chart.nodes.get(node_id)
        if node is None:
            if len(self.chart.nodes) >= MAX_NODES:
                raise DiagramError(f"node {node_id!r} is node {MAX_NODES + 1}: xviz draws at most {MAX_NODES} nodes "
                                   "in one chart", line, column, "a smaller chart (split it into several)")
            node = FlowNode(id=node_id, label=node_id, line=line, column=column)
            self.chart.nodes[node_id] = node
            self.order.append(node_id)
        if shape_label is not None:
            node.shape, node.label = shape_label
            self.explicit.add(node_id)
        node.classes.extend(c for c in classes if c not in node.classes)
        if self.stack and node_id not in self.stack[-1].mentions:
            self.stack[-1].mentions.append(node_id)

    # ---- resolution --------------------------------------------------------------------------

    def _finish(self) -> None:
        chart = self.chart
        for sg_id, subgraph in chart.subgraphs.items():
            if sg_id in chart.nodes:
                if sg_id in self.explicit:
                    node = chart.nodes[sg_id]
                    raise DiagramError(f"{sg_id!r} names both a node and a subgraph", node.line, node.column,
                                       "distinct ids")
                del chart.nodes[sg_id]  # a bare mention of a subgraph id is a link to the subgraph
            for other in chart.subgraphs.values():
                if sg_id in other.members and other.id != subgraph.parent:
                    other.members.remove(sg_id)
        for node_id, node in chart.nodes.items():
            node.parent = self.claimed.get(node_id)
        chart.top_level = [i for i in self.order
                           if (i in chart.nodes and i not in self.claimed)
                           or (i in chart.subgraphs and chart.subgraphs[i].parent is None)]
        self._check_edges()
        apply_styles(self.chart, self.pending, self.link_styles)

    def _check_edges(self) -> None:
        chart = self.chart
        for edge in [e for e in chart.edges if e.source == e.target and e.source in chart.subgraphs]:
            # Mermaid draws nothing visible for it either; the numbering (linkStyle) keeps counting it.
            chart.warnings.append(DiagramWarning(f"a link from subgraph {edge.source!r} to itself is not drawn",
                                                 edge.line, edge.column))
            edge.line_style = LineStyle.INVISIBLE
        for edge in chart.edges:
            if edge.source == edge.target and edge.source in chart.subgraphs:
                continue
            for a, b in ((edge.source, edge.target), (edge.target, edge.source)):
                if b in chart.subgraphs and self._inside(a, b):
                    raise DiagramError(f"a link between {a!r} and the subgraph {b!r} that holds it",
                                       edge.line, edge.column, "a link between things side by side")

    def _inside(self, item: str, subgraph_id: str) -> bool:
        chart = self.chart
        parent = chart.nodes[item].parent if item in chart.nodes else chart.subgraphs[item].parent
        while parent is not None:
            if parent == subgraph_id:
                return True
            parent = chart.subgraphs[parent].parent
        return False
