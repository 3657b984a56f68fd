"""Python strings count code points, Qt text positions count UTF-16 units; convert between them."""
from __future__ import annotations

import bisect


def utf16_len(text: str) -> int:
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


class Utf16Map:
    """Index conversion for one text; free when the text has no characters outside the BMP."""

    def __init__(self, text: str):
        self._astral = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]

    def to_qt(self, index: int) -> int:
        return index + bisect.bisect_left(self._astral, index)

    def from_qt(self, position: int) -> int:
        # An astral character at code-point index a (the n-th) starts at UTF-16 unit a + n and
        # takes two units; count those wholly before `position`.
        starts = [a + n for n, a in enumerate(self._astral)]
        return position - bisect.bisect_right(starts, position - 2)
