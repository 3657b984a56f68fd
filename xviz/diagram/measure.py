"""Text measurement is injected: the UI passes a Qt measurer, tests and benchmarks this approximate one.

A measurer is `measure(text, font_role) -> (width, height)` in points; `text` may hold newlines.
"""
from __future__ import annotations

import unicodedata
from typing import Callable

Measurer = Callable[[str, str], tuple[float, float]]

# Font roles and their point sizes; the Qt measurer uses the same table.
FONT_SIZES: dict[str, float] = {
    "node": 14.0,
    "cluster": 14.0,
    "edge": 12.0,
    "participant": 14.0,
    "message": 13.0,
    "note": 13.0,
    "block": 12.0,
    "number": 10.0,
}
BOLD_ROLES = frozenset({"cluster", "block", "number"})


def _char_width(char: str) -> float:
    """Width of a character in ems: full width for CJK, roughly 0.6 for Latin."""
    if unicodedata.east_asian_width(char) in ("W", "F"):
        return 1.0
    if unicodedata.combining(char):
        return 0.0
    return 0.62 if char.isupper() else 0.55


def approximate_measure(text: str, role: str) -> tuple[float, float]:
    """A deterministic stand-in for a font: good enough for tests and benchmarks, never for drawing."""
    size = FONT_SIZES.get(role, 14.0)
    lines = text.split("\n") if text else [""]
    width = max(sum(_char_width(c) for c in line) for line in lines) * size
    return round(width, 2), round(len(lines) * size * 1.4, 2)
