"""The scenario document: the one truth every view is drawn from. No Qt here.

The whole state is the file's text, the user's edits (policy path -> text) and the active what-ifs
(`DocumentState`). Every change yields one immutable, evaluated `Snapshot`; the window, `xviz run` and
`xviz open --dump-state` draw from snapshots and nothing else.
"""
from xviz.document.document import Document
from xviz.document.snapshot import Snapshot
from xviz.document.state import DocumentState

__all__ = ["Document", "DocumentState", "Snapshot"]
