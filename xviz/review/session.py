"""Open a scenario for review questions: load it (errors with file, line, column) and index it once."""
from __future__ import annotations

from xviz.review.index import ReviewIndex
from xviz.scenario import load


def open_review(path: str) -> ReviewIndex:
    return ReviewIndex(load(path))
