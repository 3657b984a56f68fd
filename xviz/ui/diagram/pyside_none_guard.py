"""Work around PySide6 6.12 on CPython 3.11: every call of a Qt method returning void drops one reference
to None that it never took. CPython 3.12+ makes None immortal, so there it is harmless; on 3.11 None's count
(a few thousand at start) reaches zero after a few thousand calls and the process aborts with
"Fatal Python error: none_dealloc".

The guard detects the leak with a harmless probe and, only then, raises None's reference count to a value no
session can exhaust, which is what CPython 3.12 does for every immortal object. Apply it once, before Qt
drawing starts (the whole app is affected: it belongs at UI start-up).
"""
from __future__ import annotations

import ctypes
import sys

_IMMORTAL = 1 << 60
_applied = False


def none_leaks() -> bool:
    from PySide6.QtGui import QPen

    pen = QPen()
    before = sys.getrefcount(None)
    for _ in range(16):
        pen.setWidthF(1.0)
    return sys.getrefcount(None) < before - 8


def guard_none_refcount() -> bool:
    """Apply the guard if this PySide6 leaks None references; True when it was needed."""
    global _applied
    if _applied or sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return _applied
    if not none_leaks():
        return False
    # ob_refcnt is the first field of every CPython object, at the address id() returns.
    ctypes.c_ssize_t.from_address(id(None)).value += _IMMORTAL
    _applied = True
    return True
