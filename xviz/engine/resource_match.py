"""Matching a requested ARN against a policy's Resource patterns (IAM UG
reference_policies_elements_resource.html)."""
from __future__ import annotations

import re

from xviz.engine.wildcard import has_wildcard


def _always(_: str) -> bool:
    return True


def resource_matcher(pattern: str):
    """Resource patterns (reference_policies_elements_resource.html): `*` and `?` stay inside their
    ARN segment, except that a `*` ending a segment can expand beyond the colons, and in the
    resource segment (after the fifth colon) they match anything, `/` and `:` included."""
    if pattern == "*":
        return _always
    if not has_wildcard(pattern):
        return pattern.__eq__
    if pattern.endswith("*") and not has_wildcard(pattern[:-1]):
        prefix = pattern[:-1]
        return lambda s: s.startswith(prefix)
    return re.compile(resource_regex(pattern) + r"\Z", re.S).match


def resource_regex(pattern: str, literal: list[bool] | None = None) -> str:
    """The regex for a resource pattern; `literal[i]` marks characters filled in from policy
    variables, which are never wildcards."""
    out = []
    colons = 0
    for i, ch in enumerate(pattern):
        in_resource = colons >= 5
        if literal is not None and literal[i]:
            colons += ch == ":"
            out.append(re.escape(ch))
        elif ch == "*":
            ends_segment = i + 1 == len(pattern) or pattern[i + 1] == ":"
            out.append(".*" if in_resource or ends_segment else "[^:]*")
        elif ch == "?":
            out.append("." if in_resource else "[^:]")
        else:
            if ch == ":":
                colons += 1
            out.append(re.escape(ch))
    return "".join(out)
