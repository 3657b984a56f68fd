"""Policy variables: `${aws:username}`, `${aws:PrincipalTag/team}`, `${key, 'default'}`, `${*}`.

Only policies with `"Version": "2012-10-17"` substitute them; in older ones the text is literal.
A variable with no value (and no default) makes the value it stands in match nothing.
"""
from __future__ import annotations

import re
from typing import Callable, NamedTuple

# ${name} or ${name, 'default'}; the name is a condition key or one of * ? $
VARIABLE = re.compile(r"\$\{\s*([^}',\s]+)\s*(?:,\s*'([^']*)'\s*)?\}")
SPECIAL = {"*": "*", "?": "?", "$": "$"}


class Template(NamedTuple):
    """A policy string with variables: literal pieces and (key_lower, default) slots."""

    pieces: tuple  # str | tuple[str, str | None]

    def resolve(self, lookup: Callable[[str], str | None]) -> tuple[list | None, str | None]:
        """The pieces with values filled in: a list of (text, is_policy_text), or (None, key)
        when a variable has no value. Substituted values are never wildcards: a `*` in a user
        name, or from `${*}`, is a literal star."""
        out: list[tuple[str, bool]] = []
        for piece in self.pieces:
            if isinstance(piece, str):
                out.append((piece, True))
                continue
            key, default, special = piece
            if special is not None:
                out.append((special, False))
                continue
            value = lookup(key)
            if value is None:
                value = default
            if value is None:
                return None, key
            out.append((value, False))
        return out, None


def parse_template(text: str) -> Template | None:
    """The template for `text`, or None when it holds no variable (the common, fast case)."""
    if "${" not in text:
        return None
    pieces: list = []
    last = 0
    for m in VARIABLE.finditer(text):
        if m.start() > last:
            pieces.append(text[last:m.start()])
        name, default = m.group(1), m.group(2)
        if name in SPECIAL:
            pieces.append((name, None, SPECIAL[name]))
        else:
            pieces.append((name.lower(), default, None))
        last = m.end()
    if not pieces:
        return None
    if last < len(text):
        pieces.append(text[last:])
    return Template(tuple(pieces))
