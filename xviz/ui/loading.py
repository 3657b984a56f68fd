"""Turn a file into a ScenarioView, with the best loader available.

Seam for the lead: once `xviz.scenario` and `xviz.engine` exist, add
`xviz/ui/scenario_adapter.py` with `scenario_view_from_file(path) -> ScenarioView` (loaded, derived,
evaluated; problems in `view.problems`, never raised) and this module uses it instead of the raw
YAML reader.
"""
from __future__ import annotations

from pathlib import Path

from xviz.ui.raw_scenario import read_scenario_view
from xviz.ui.view_model import LoadProblem, ScenarioView


def load_scenario_view(path: str | Path, text: str | None = None) -> ScenarioView:
    """The view of `path` (or of `text` standing for its content, e.g. a recovery copy)."""
    path = Path(path)
    try:
        from xviz.ui.scenario_adapter import scenario_view_from_file  # noqa: PLC0415 - optional seam
    except ImportError:
        return read_scenario_view(path, text)
    try:
        return scenario_view_from_file(path, text)
    except Exception as exc:  # noqa: BLE001 - a loader bug must not close the app; show it, use raw view
        view = read_scenario_view(path, text)
        view.problems.append(LoadProblem(f"{type(exc).__name__}: {exc}", str(path)))
        return view
