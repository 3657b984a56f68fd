"""Turn a file into a ScenarioView, with the best loader available.

Seam for the lead: once `xviz.scenario` and `xviz.engine` exist, add
`xviz/ui/scenario_adapter.py` with `scenario_view_from_file(path) -> ScenarioView` (loaded, derived,
evaluated; problems in `view.problems`, never raised) and this module uses it instead of the raw
YAML reader.

Every file is screened first (`xviz.scenario.loader.screen`: size, line length, nesting, aliases,
lone surrogates): a text that would hang or crash a reader reaches none, and the view says why.
"""
from __future__ import annotations

from pathlib import Path

from xviz.ui.raw_scenario import read_scenario_view
from xviz.ui.view_model import LoadProblem, ScenarioView


def load_scenario_view(path: str | Path, text: str | None = None) -> ScenarioView:
    """The view of `path` (or of `text` standing for its content, e.g. a recovery copy)."""
    path = Path(path)
    refused = screened(path, text)
    if refused is not None:
        return refused
    try:
        from xviz.ui.scenario_adapter import scenario_view_from_file  # noqa: PLC0415 - optional seam
    except ImportError:
        return read_scenario_view(path, text)
    try:
        return scenario_view_from_file(path, text)
    except Exception as exc:  # noqa: BLE001 - a loader bug must not close the app; show it, use raw view
        try:
            view = read_scenario_view(path, text)
        except Exception:  # noqa: BLE001 - the raw reader trips on what the loader reports properly
            return _problem_view(path, _load_problems(path, text) or [LoadProblem(f"{type(exc).__name__}: {exc}",
                                                                                   str(path))])
        view.problems.append(LoadProblem(f"{type(exc).__name__}: {exc}", str(path)))
        return view


def screened(path: Path, text: str | None = None) -> ScenarioView | None:
    """A view holding only the problems when the file must not be read any further, else None."""
    from xviz.scenario import ScenarioError  # noqa: PLC0415 - the model loads with the workbench
    from xviz.scenario.loader import read_scenario_file, screen  # noqa: PLC0415

    try:
        screen(read_scenario_file(path)[0] if text is None else text, str(path))
    except ScenarioError as error:
        return _problem_view(path, _as_load_problems(error))
    return None


def _load_problems(path: Path, text: str | None) -> list[LoadProblem]:
    from xviz.scenario import ScenarioError, load, loads  # noqa: PLC0415

    try:
        load(path) if text is None else loads(text, str(path))
    except ScenarioError as error:
        return _as_load_problems(error)
    return []


def _as_load_problems(error) -> list[LoadProblem]:
    return [LoadProblem(p.message + (f" ({p.hint})" if p.hint else ""), p.file or "", p.line, p.column)
            for p in error.problems]


def _problem_view(path: Path, problems: list[LoadProblem]) -> ScenarioView:
    return ScenarioView(path=path, title=path.stem, not_ready={"engine"}, problems=problems)
