"""Glob patterns as IAM uses them: `*` any run of characters (slashes included), `?` exactly one.

Compiled into the cheapest test that is exact: equality, a prefix test, or a regular expression.
"""
from __future__ import annotations

import re
from typing import Callable

Matcher = Callable[[str], bool]


def _always(_: str) -> bool:
    return True


def glob_to_regex(pattern: str, ignore_case: bool = False) -> re.Pattern[str]:
    parts = []
    for ch in pattern:
        if ch == "*":
            parts.append(".*")
        elif ch == "?":
            parts.append(".")
        else:
            parts.append(re.escape(ch))
    return re.compile("".join(parts) + r"\Z", re.S | (re.I if ignore_case else 0))


def compile_glob(pattern: str, ignore_case: bool = False) -> Matcher:
    """A matcher for one pattern. With `ignore_case`, callers pass lower-cased text."""
    if ignore_case:
        pattern = pattern.lower()
    if pattern == "*":
        return _always
    star, qmark = pattern.find("*"), pattern.find("?")
    if star < 0 and qmark < 0:
        return pattern.__eq__
    if qmark < 0 and star == len(pattern) - 1:
        prefix = pattern[:-1]
        return lambda s: s.startswith(prefix)
    return glob_to_regex(pattern).match  # type: ignore[return-value]


def has_wildcard(text: str) -> bool:
    return "*" in text or "?" in text


def match_parts(parts: list[tuple[str, bool]], text: str, ignore_case: bool = False) -> bool:
    """Match `text` against pattern pieces: (piece, is_glob). Substituted pieces are literal."""
    regex = "".join(glob_to_regex(p).pattern[:-2] if is_glob else re.escape(p) for p, is_glob in parts)
    return re.match(regex + r"\Z", text, re.S | (re.I if ignore_case else 0)) is not None
