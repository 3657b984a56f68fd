"""File > Export walkthrough…: the handout (HTML, or PDF) of the scenario as it is on screen: the text
with the learner's edits written in (`ScenarioDocument.text()`) and the what-ifs switched on."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication

from xviz.scenario import ScenarioError

SUFFIXES = (".html", ".htm", ".pdf")


def walkthrough_path(path: Path) -> Path:
    """`path` with .html added when it names neither an HTML page nor a PDF."""
    return path if path.suffix.lower() in SUFFIXES else path.with_name(path.name + ".html")


def write_walkthrough(document, path: Path, lang: str) -> Path:
    """Write the handout of `document` (a ScenarioDocument) as it is now. Raises ScenarioError when
    the scenario cannot be evaluated (its message says where), OSError when the file cannot be written."""
    from xviz.commands.report import write_handout  # noqa: PLC0415 - only when exporting
    from xviz.handout.gather import gather_handout  # noqa: PLC0415

    state = document.snapshot.state
    handout = gather_handout(document.text(), state.file, state.what_ifs, lang)
    path = walkthrough_path(Path(path))
    write_handout(handout, path)
    return path


def failure_text(error: Exception) -> str:
    """One message for the box: why the walkthrough was not written."""
    if isinstance(error, ScenarioError):  # each problem already says file, line and column
        return QCoreApplication.translate("Walkthrough", "The scenario cannot be evaluated:") + "\n" + str(error)
    return str(error)
