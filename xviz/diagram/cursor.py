"""A cursor over one line of chart text that knows its 1-based line and column."""
from __future__ import annotations

import re

from xviz.diagram.errors import DiagramError


class LineCursor:
    def __init__(self, text: str, line: int, start: int = 0) -> None:
        self.text = text
        self.line = line
        self.pos = start

    @property
    def column(self) -> int:
        return self.pos + 1

    def at_end(self) -> bool:
        return self.pos >= len(self.text)

    def peek(self, offset: int = 0) -> str:
        index = self.pos + offset
        return self.text[index] if index < len(self.text) else ""

    def rest(self) -> str:
        return self.text[self.pos:]

    def skip_spaces(self) -> None:
        while self.pos < len(self.text) and self.text[self.pos] in " \t":
            self.pos += 1

    def startswith(self, token: str) -> bool:
        return self.text.startswith(token, self.pos)

    def take(self, token: str) -> bool:
        if self.text.startswith(token, self.pos):
            self.pos += len(token)
            return True
        return False

    def match(self, pattern: re.Pattern[str]) -> re.Match[str] | None:
        found = pattern.match(self.text, self.pos)
        if found:
            self.pos = found.end()
        return found

    def error(self, message: str, expected: str | None = None, column: int | None = None) -> DiagramError:
        return DiagramError(message, self.line, column if column is not None else self.column, expected)

    def found(self) -> str:
        """A short description of what is at the cursor, for error messages."""
        if self.at_end():
            return "end of line"
        return repr(self.text[self.pos:self.pos + 12])


def strip_comment(line: str) -> str:
    """The line without a `%%` comment (mermaid comments run to the end of the line)."""
    in_quote = False
    for index, char in enumerate(line):
        if char == '"':
            in_quote = not in_quote
        elif char == "%" and not in_quote and line.startswith("%%", index):
            return line[:index]
    return line
