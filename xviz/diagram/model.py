"""The diagram model: plain dataclasses a parser fills and a layout reads. No Qt, no I/O."""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from xviz.diagram.errors import DiagramWarning
from xviz.diagram.style import Style


class Direction(str, Enum):
    TB = "TB"
    BT = "BT"
    LR = "LR"
    RL = "RL"

    @property
    def horizontal(self) -> bool:
        return self in (Direction.LR, Direction.RL)

    @property
    def reversed(self) -> bool:
        return self in (Direction.BT, Direction.RL)


class Shape(str, Enum):
    RECT = "rect"                 # [text]
    ROUND = "round"               # (text)
    STADIUM = "stadium"           # ([text])
    SUBROUTINE = "subroutine"     # [[text]]
    CYLINDER = "cylinder"         # [(text)]
    CIRCLE = "circle"             # ((text))
    DOUBLE_CIRCLE = "double_circle"  # (((text)))
    DIAMOND = "diamond"           # {text}
    HEXAGON = "hexagon"           # {{text}}
    PARALLELOGRAM = "parallelogram"          # [/text/]
    PARALLELOGRAM_ALT = "parallelogram_alt"  # [\text\]
    TRAPEZOID = "trapezoid"       # [/text\]
    TRAPEZOID_ALT = "trapezoid_alt"  # [\text/]
    ASYMMETRIC = "asymmetric"     # >text]


class LineStyle(str, Enum):
    SOLID = "solid"
    DOTTED = "dotted"
    THICK = "thick"
    INVISIBLE = "invisible"


class EdgeHead(str, Enum):
    NONE = "none"
    ARROW = "arrow"
    CIRCLE = "circle"
    CROSS = "cross"


@dataclass
class FlowNode:
    id: str
    label: str
    shape: Shape = Shape.RECT
    parent: str | None = None      # id of the innermost subgraph holding it
    classes: list[str] = field(default_factory=list)
    style: Style = field(default_factory=Style)   # resolved: classDef default < classes < style
    line: int = 0
    column: int = 0


@dataclass
class FlowEdge:
    id: str                        # "e:0", "e:1", … in the author's order (linkStyle numbers); ":" never appears in a node id
    source: str                    # a node id or a subgraph id
    target: str
    line_style: LineStyle = LineStyle.SOLID
    head: EdgeHead = EdgeHead.ARROW
    tail: EdgeHead = EdgeHead.NONE  # a head at the source end (`<-->`, `o--o`)
    label: str = ""
    length: int = 1                # extra dashes ask for a longer link (more ranks)
    style: Style = field(default_factory=Style)
    line: int = 0
    column: int = 0


@dataclass
class Subgraph:
    id: str
    title: str
    direction: Direction | None = None
    parent: str | None = None
    members: list[str] = field(default_factory=list)  # node and subgraph ids, in the author's order
    classes: list[str] = field(default_factory=list)
    style: Style = field(default_factory=Style)
    line: int = 0
    column: int = 0


@dataclass
class Flowchart:
    direction: Direction = Direction.TB
    nodes: dict[str, FlowNode] = field(default_factory=dict)        # in order of first mention
    edges: list[FlowEdge] = field(default_factory=list)
    subgraphs: dict[str, Subgraph] = field(default_factory=dict)    # in order of opening
    top_level: list[str] = field(default_factory=list)              # ids outside every subgraph, in order
    class_defs: dict[str, Style] = field(default_factory=dict)
    warnings: list[DiagramWarning] = field(default_factory=list)
    title: str | None = None
    acc_title: str | None = None          # accTitle: the accessible name (else the title)
    acc_description: str | None = None    # accDescr: the accessible description

    kind = "flowchart"


# ---- sequence diagrams ---------------------------------------------------------------------------


class MessageLine(str, Enum):
    SOLID = "solid"
    DOTTED = "dotted"


class MessageHead(str, Enum):
    NONE = "none"          # ->   -->
    FILLED = "filled"      # ->>  -->>
    CROSS = "cross"        # -x   --x
    OPEN = "open"          # -)   --)  (asynchronous)


@dataclass
class Participant:
    id: str
    label: str
    actor: bool = False
    box: int | None = None         # index into SequenceDiagram.boxes
    line: int = 0
    column: int = 0


@dataclass
class Box:
    label: str
    color: str | None
    members: list[str] = field(default_factory=list)
    line: int = 0


@dataclass
class Message:
    id: str                        # "m:1", "m:2", … in the author's order; ":" never appears in a participant id
    source: str
    target: str
    text: str
    line_style: MessageLine = MessageLine.SOLID
    head: MessageHead = MessageHead.FILLED
    both_ends: bool = False        # <<->>
    number: int | None = None      # from autonumber
    activate_target: bool = False  # `+`
    deactivate_source: bool = False  # `-`
    line: int = 0
    column: int = 0


@dataclass
class Note:
    id: str
    placement: str                 # "left", "right" or "over"
    participants: list[str]
    text: str
    line: int = 0
    column: int = 0


@dataclass
class Activation:
    participant: str
    active: bool                   # True: activate, False: deactivate
    line: int = 0
    column: int = 0


@dataclass
class BlockSection:
    label: str
    items: list["SequenceItem"] = field(default_factory=list)


@dataclass
class Block:
    id: str
    kind: str                      # alt, opt, loop, par, critical, break, rect
    sections: list[BlockSection] = field(default_factory=list)
    color: str | None = None       # rect only
    line: int = 0
    column: int = 0

    @property
    def label(self) -> str:
        return self.sections[0].label if self.sections else ""


SequenceItem = Message | Note | Activation | Block


@dataclass
class SequenceDiagram:
    participants: dict[str, Participant] = field(default_factory=dict)  # in column order
    boxes: list[Box] = field(default_factory=list)
    items: list[SequenceItem] = field(default_factory=list)
    title: str | None = None
    warnings: list[DiagramWarning] = field(default_factory=list)
    acc_title: str | None = None
    acc_description: str | None = None

    kind = "sequence"

    def messages(self) -> list[Message]:
        """Every message, in the author's order, blocks included."""
        found: list[Message] = []

        def walk(items: list[SequenceItem]) -> None:
            for item in items:
                if isinstance(item, Message):
                    found.append(item)
                elif isinstance(item, Block):
                    for section in item.sections:
                        walk(section.items)

        walk(self.items)
        return found


Diagram = Flowchart | SequenceDiagram
