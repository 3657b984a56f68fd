"""Shared set-up of the review tests: the hand-written sample export, imported once per module."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from review_sample import write_sample

from xviz.review.importer import import_export
from xviz.review.index import ReviewIndex
from xviz.review.writer import dump_scenario
from xviz.scenario import loads


def imported_text(root: Path, **sample_options) -> str:
    write_sample(root / "export", **sample_options)
    return dump_scenario(import_export(root / "export").data)


def imported_org(tmp_path_factory, name: str) -> tuple[Path, ReviewIndex]:
    """The sample imported and written to NAME/org.yaml, and its review index."""
    root = tmp_path_factory.mktemp(name)
    text = imported_text(root)
    (root / "org.yaml").write_text(text, encoding="utf-8")
    return root / "org.yaml", review_index(text)


def review_index(text: str) -> ReviewIndex:
    return ReviewIndex(loads(text, "org.yaml"))


def xviz(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "xviz", *map(str, args)], capture_output=True, text=True,
                          cwd=cwd, timeout=120)
