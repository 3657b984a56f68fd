"""Literal block scalars (`key: |`) as text regions of the file: positions inside them, and splicing.

In a literal block scalar every line of the value sits on its own line of the file, shifted right by
the block's indentation. So a position (line, column) inside a policy's JSON maps to the file by
adding the line of the block's first content line and the indentation; and an edited policy is
written back by replacing exactly those lines, leaving the rest of the file untouched.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from yaml.nodes import Node, ScalarNode


@dataclass(frozen=True)
class TextBlock:
    """Where a block scalar's value lives in the file. `header` is the 0-based line of the `|`."""

    header: int
    bar_column: int  # 0-based column of the `|` on the header line
    indent: int
    line_count: int  # file lines holding the value, trailing empty lines excluded

    @property
    def first_line(self) -> int:
        """1-based file line of the value's first line."""
        return self.header + 2

    def file_position(self, line: int | None, column: int | None) -> tuple[int, int]:
        """A 1-based (line, column) inside the value -> the 1-based position in the file."""
        if line is None:
            return self.first_line, self.indent + 1
        return self.first_line + line - 1, self.indent + (column or 1)


def is_literal_block(node: Node | None) -> bool:
    return isinstance(node, ScalarNode) and node.style == "|"


def locate(text: str, node: Node, key_column: int | None = None) -> TextBlock | None:
    """The region of a literal block scalar node, or None when `node` is not one."""
    if not is_literal_block(node):
        return None
    lines = _lines(text)
    header = node.start_mark.line
    body = node.value.rstrip("\n")
    value_lines = body.split("\n") if body else []
    indent = None
    for i, value_line in enumerate(value_lines):
        if value_line.strip():
            file_line = lines[header + 1 + i] if header + 1 + i < len(lines) else ""
            if not file_line.endswith(value_line):
                return None  # not the one-to-one layout this module relies on
            indent = len(file_line) - len(value_line)
            break
    if indent is None:
        indent = (key_column if key_column is not None else 0) + 2
    return TextBlock(header, node.start_mark.column, indent, len(value_lines))


@lru_cache(maxsize=4)
def _lines(text: str) -> list[str]:
    """The file's lines, split once per text: a file with thousands of policies locates each (read only)."""
    return text.splitlines()


def splice(text: str, block: TextBlock, new_value: str, key_column: int | None) -> str:
    """`text` with the block's value replaced by `new_value`, indented like the old value."""
    lines = text.splitlines(keepends=True)
    newline = "\r\n" if lines[block.header].endswith("\r\n") else "\n"
    body = new_value.rstrip("\n").replace("\r\n", "\n")
    new_lines = [((" " * block.indent + ln) if ln else "") + newline for ln in body.split("\n")] if body else []
    header = lines[block.header]
    # YAML guesses a block's indentation from its first line that has any character; when that line
    # starts with a space the guess would be wrong, so the header must state the indentation. The
    # header carries an indicator exactly when the text needs one: an edit that no longer starts
    # with a space drops it again, so editing back to the original text gives the original bytes.
    first = next((ln for ln in body.split("\n") if ln), "")
    needed = first[:1] == " "
    header = _with_indent_indicator(header, block.bar_column,
                                    block.indent - (key_column or 0) if needed else None)
    if new_lines and not header.endswith(("\n", "\r")):
        header += newline  # the block was empty at the very end of the file
    start = block.header + 1
    end = min(start + block.line_count, len(lines))
    return "".join(lines[: block.header] + [header] + new_lines + lines[end:])


def _with_indent_indicator(header: str, bar: int, relative: int | None) -> str:
    """The `|` header with indentation indicator `relative` (None: without one), chomping kept."""
    rest = header[bar + 1:]
    i = 0
    while i < len(rest) and rest[i] in "+-123456789":
        i += 1
    chomp = "".join(ch for ch in rest[:i] if ch in "+-")
    digit = "" if relative is None else str(max(1, min(9, relative)))
    return header[:bar + 1] + digit + chomp + rest[i:]
