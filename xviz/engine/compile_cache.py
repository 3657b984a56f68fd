"""A bounded cache of compiled policies, keyed by the policy's text, its type and its place.

An unchanged policy is compiled once: re-evaluating a request whose policies did not change (the
live editor, a scenario run, `xviz simulate` on many files) skips the compile, which for a policy
of 200 statements is most of the time an evaluation takes. The key is the document serialised
with `marshal` (ten times faster than JSON text; it keeps types apart, true from 1, and decodes to
exactly one value, so equal keys mean equal documents; two equal documents may rarely get two
keys, which only costs a compile). A changed policy is therefore always recompiled. The place
(JSON path in the request) is part of the key because compiled statements and their diagnostics
carry it. Diagnostics are handed out as copies: the caller fills in line and column for its file.
"""
from __future__ import annotations

import copy
import marshal
import threading
from collections import OrderedDict
from typing import Any

from xviz.engine.errors import Problems
from xviz.engine.policy import Policy, compile_policy

LIMIT = 256
_cache: OrderedDict[tuple, tuple[Policy, tuple]] = OrderedDict()
_lock = threading.Lock()


def compile_cached(document: Any, policy_type: str, path: tuple, problems: Problems) -> Policy:
    """`compile_policy`, reusing the compiled policy when the same text was compiled at the same place."""
    try:
        key = (policy_type, path, marshal.dumps(document))
    except ValueError:  # holds something marshal cannot write: compile it (and report it) afresh
        return compile_policy(document, policy_type, path, problems)
    with _lock:
        hit = _cache.get(key)
        if hit is not None:
            _cache.move_to_end(key)
    if hit is None:
        own = Problems()
        policy = compile_policy(document, policy_type, path, own)
        hit = (policy, tuple(own.items))
        with _lock:
            _cache[key] = hit
            if len(_cache) > LIMIT:
                _cache.popitem(last=False)
    problems.items.extend(map(copy.copy, hit[1]))
    return hit[0]


def clear() -> None:
    """Forget every compiled policy (`xviz bench engine` measures first sight this way)."""
    with _lock:
        _cache.clear()
