"""What a layout produces: boxes and paths in points, origin top-left, y pointing down."""
from __future__ import annotations

from dataclasses import dataclass, field

from xviz.diagram.model import EdgeHead, LineStyle, MessageHead, MessageLine, Shape
from xviz.diagram.style import Style

Point = tuple[float, float]


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    width: float
    height: float

    @property
    def center(self) -> Point:
        return (self.x + self.width / 2, self.y + self.height / 2)

    @property
    def right(self) -> float:
        return self.x + self.width

    @property
    def bottom(self) -> float:
        return self.y + self.height

    def contains(self, other: "Rect", slack: float = 0.01) -> bool:
        return (other.x >= self.x - slack and other.y >= self.y - slack
                and other.right <= self.right + slack and other.bottom <= self.bottom + slack)


@dataclass
class NodeBox:
    id: str
    label: str
    shape: Shape
    rect: Rect
    style: Style


@dataclass
class ClusterBox:
    id: str
    title: str
    rect: Rect
    title_rect: Rect
    style: Style
    depth: int          # 0 for a top-level subgraph; drawn outermost first


@dataclass
class EdgeRoute:
    id: str
    source: str
    target: str
    # A cubic Bézier chain: the start point, then three points per segment (control, control, end).
    path: list[Point]
    line_style: LineStyle
    head: EdgeHead
    tail: EdgeHead
    label: str
    label_rect: Rect | None
    style: Style


@dataclass
class FlowLayout:
    width: float
    height: float
    nodes: dict[str, NodeBox] = field(default_factory=dict)
    clusters: dict[str, ClusterBox] = field(default_factory=dict)
    edges: dict[str, EdgeRoute] = field(default_factory=dict)
    engine: str = ""             # the engine that placed the boxes ("graphviz-pure", "dot", "built-in")
    notice: str | None = None    # shown to the user, e.g. why the built-in layout was used
    title: str | None = None     # the chart's title (`title` or front matter), drawn above everything
    title_rect: Rect | None = None

    kind = "flowchart"


# ---- sequence diagrams ---------------------------------------------------------------------------


@dataclass
class ParticipantBox:
    id: str
    label: str
    actor: bool
    x: float              # centre of the lifeline
    top: Rect             # the header box (or the actor figure with its label)
    bottom: Rect          # the footer box
    lifeline: tuple[float, float]   # y from, y to


@dataclass
class MessageRoute:
    id: str
    source: str
    target: str
    text: str
    x1: float
    x2: float
    y: float                        # the arrow's row; a self message loops down to y + loop_height
    line_style: MessageLine
    head: MessageHead
    both_ends: bool
    number: int | None
    label_rect: Rect
    loop_height: float = 0.0        # > 0 for a message a participant sends itself


@dataclass
class NoteBox:
    id: str
    text: str
    rect: Rect


@dataclass
class ActivationBar:
    participant: str
    rect: Rect


@dataclass
class BlockFrame:
    id: str
    kind: str
    rect: Rect
    sections: list[tuple[float, str]]   # (y of the section's top, its label); the first is the block's own
    color: str | None = None            # rect blocks


@dataclass
class GroupBox:
    label: str
    rect: Rect
    color: str | None


@dataclass
class SequenceLayout:
    width: float
    height: float
    participants: dict[str, ParticipantBox] = field(default_factory=dict)
    messages: dict[str, MessageRoute] = field(default_factory=dict)
    notes: dict[str, NoteBox] = field(default_factory=dict)
    activations: list[ActivationBar] = field(default_factory=list)
    blocks: list[BlockFrame] = field(default_factory=list)      # outermost first
    groups: list[GroupBox] = field(default_factory=list)
    title: str | None = None
    title_rect: Rect | None = None
    notice: str | None = None

    kind = "sequence"


Layout = FlowLayout | SequenceLayout
