"""Errors and warnings raised while reading a chart, each pinned to a line and column."""
from __future__ import annotations

from dataclasses import dataclass


class DiagramError(ValueError):
    """A chart that cannot be read: where (1-based line and column), what went wrong, what was expected."""

    def __init__(self, message: str, line: int, column: int, expected: str | None = None,
                 source: str | None = None) -> None:
        self.message = message
        self.line = line
        self.column = column
        self.expected = expected
        self.source = source
        super().__init__(str(self))

    def __str__(self) -> str:
        text = f"{self.source or '<chart>'}:{self.line}:{self.column}: {self.message}"
        if self.expected:
            text += f" (expected {self.expected})"
        return text

    def relocated(self, line_offset: int, source: str | None) -> "DiagramError":
        """The same error seen from a larger file, e.g. a Markdown file holding the chart as a block."""
        return DiagramError(self.message, self.line + line_offset, self.column, self.expected, source)


@dataclass(frozen=True)
class DiagramWarning:
    """Something the chart asks for that is read but not drawn (an unknown CSS property, say)."""

    message: str
    line: int
    column: int

    def format(self, source: str | None = None, line_offset: int = 0) -> str:
        return f"{source or '<chart>'}:{self.line + line_offset}:{self.column}: warning: {self.message}"
