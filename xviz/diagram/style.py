"""Node, cluster and link styles from `style`, `classDef` and `linkStyle` (a CSS-like subset)."""
from __future__ import annotations

import re
from dataclasses import dataclass, fields, replace

from xviz.diagram.errors import DiagramError, DiagramWarning

_LENGTH = re.compile(r"^\s*([0-9]*\.?[0-9]+)\s*(px)?\s*$")


@dataclass(frozen=True)
class Style:
    """Drawing overrides; None means "use the theme"."""

    fill: str | None = None
    stroke: str | None = None
    color: str | None = None
    stroke_width: float | None = None
    dash: tuple[float, ...] | None = None
    bold: bool | None = None
    italic: bool | None = None

    def merged(self, over: "Style") -> "Style":
        """This style with every field `over` sets taken from `over`."""
        changes = {f.name: getattr(over, f.name) for f in fields(over) if getattr(over, f.name) is not None}
        return replace(self, **changes)

    def is_empty(self) -> bool:
        return all(getattr(self, f.name) is None for f in fields(self))


def _length(value: str, line: int, column: int) -> float:
    match = _LENGTH.match(value)
    if not match:
        raise DiagramError(f"bad length {value!r}", line, column, "a number such as 2px")
    return float(match.group(1))


def _dash(value: str, line: int, column: int) -> tuple[float, ...]:
    parts = value.replace(",", " ").split()
    if not parts:
        raise DiagramError("empty stroke-dasharray", line, column, "numbers such as 5 5")
    return tuple(_length(p, line, column) for p in parts)


# Properties that are read but not drawn: accepted quietly because mermaid charts use them widely
# and they do not change what the chart says.
_IGNORED = {"font-size", "font-family", "rx", "ry", "padding", "opacity", "text-align"}


def parse_style(text: str, line: int, column: int, warnings: list[DiagramWarning]) -> Style:
    """`fill:#f9f,stroke:#333,stroke-width:4px` → Style. `column` is where `text` starts."""
    values: dict[str, object] = {}
    offset = 0
    for part in text.split(","):
        part_column = column + offset
        offset += len(part) + 1
        if not part.strip():
            continue
        name, sep, value = part.partition(":")
        name, value = name.strip().lower(), value.strip().rstrip(";").strip()
        if not sep or not name or not value:
            raise DiagramError(f"bad style property {part.strip()!r}", line, part_column, "name:value")
        if name == "fill":
            values["fill"] = value
        elif name == "stroke":
            values["stroke"] = value
        elif name == "color":
            values["color"] = value
        elif name == "stroke-width":
            values["stroke_width"] = _length(value, line, part_column)
        elif name == "stroke-dasharray":
            values["dash"] = _dash(value, line, part_column)
        elif name == "font-weight":
            values["bold"] = value in ("bold", "bolder") or (value.isdigit() and int(value) >= 600)
        elif name == "font-style":
            values["italic"] = value in ("italic", "oblique")
        elif name in _IGNORED:
            warnings.append(DiagramWarning(f"style property {name!r} is not drawn", line, part_column))
        else:
            warnings.append(DiagramWarning(f"unknown style property {name!r} ignored", line, part_column))
    return Style(**values)  # type: ignore[arg-type]
