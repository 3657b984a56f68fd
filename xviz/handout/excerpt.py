"""A policy's text with one statement marked: the excerpt a handout shows for a deciding statement."""
from __future__ import annotations

import re
from dataclasses import dataclass

from xviz.scenario.policies import PolicySource

_STRING_OR_BRACKET = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]', re.S)
WHOLE_POLICY_LINES = 40  # longer policies show the statement with a few lines around it
CONTEXT_LINES = 3


@dataclass(frozen=True)
class ExcerptLine:
    number: int | None  # line in the scenario file (None when the policy has no place in a file)
    text: str
    marked: bool  # inside the statement


def statement_lines(text: str, statement: int) -> tuple[int, int] | None:
    """1-based first and last line of Statement[statement] in the policy JSON `text`, or None."""
    match = re.search(r'"Statement"\s*:\s*', text)
    if match is None:
        return None
    pos = match.end()
    if text[pos:pos + 1] == "{":  # a single statement written as an object
        return _span(text, pos) if statement == 0 else None
    if text[pos:pos + 1] != "[":
        return None
    index, depth = -1, 0
    for token in _STRING_OR_BRACKET.finditer(text, pos + 1):
        value = token.group()
        if value in "[{" and depth == 0:
            index += 1
            if index == statement:
                return _span(text, token.start())
        depth += 1 if value in "[{" else -1 if value in "]}" else 0
        if depth < 0:
            return None
    return None


def _span(text: str, start: int) -> tuple[int, int] | None:
    depth = 0
    for token in _STRING_OR_BRACKET.finditer(text, start):
        value = token.group()
        depth += 1 if value in "[{" else -1 if value in "]}" else 0
        if depth == 0:
            return text.count("\n", 0, start) + 1, text.count("\n", 0, token.start()) + 1
    return None


def excerpt(source: PolicySource, statement: int) -> list[ExcerptLine]:
    """The policy's lines (all of a short policy, else the statement with some context), the statement marked."""
    lines = source.text.rstrip("\n").split("\n")
    span = statement_lines(source.text, statement) or (0, -1)
    first, last = 1, len(lines)
    if len(lines) > WHOLE_POLICY_LINES and span[0]:
        first, last = max(1, span[0] - CONTEXT_LINES), min(len(lines), span[1] + CONTEXT_LINES)
    offset = source.block.file_position(1, 1)[0] - 1 if source.block else None
    return [ExcerptLine(None if offset is None else offset + n, lines[n - 1], span[0] <= n <= span[1])
            for n in range(first, last + 1)]
