"""`simulate`: one simulate-request object in, the public output object out; `evaluate_request`:
the same as a frozen `EvaluationResult`."""
from __future__ import annotations

from typing import Any

from xviz.engine.errors import InputError
from xviz.engine.evaluate import evaluate
from xviz.engine.frozen_result import EvaluationResult, freeze
from xviz.engine.jsonpos import Positions
from xviz.engine.request import prepare
from xviz.engine.result import Evaluation


def _evaluation(data: Any, positions: Positions | None, file: str | None) -> Evaluation:
    """Check, compile and evaluate; errors carry line and column when `positions` is given."""
    try:
        prepared = prepare(data)
    except InputError as err:
        raise err.locate(positions, file) from None
    result = evaluate(prepared)
    if positions is not None:
        for w in result.warnings:
            w.locate(positions)
    return result


def evaluate_request(data: Any, *, positions: Positions | None = None, file: str | None = None) -> EvaluationResult:
    """The frozen result for one simulate-request object. Raises InputError for bad input."""
    return freeze(_evaluation(data, positions, file))


def simulate_result(data: Any, *, positions: Positions | None = None, file: str | None = None) -> EvaluationResult:
    """Kept for existing callers: the same as `evaluate_request`."""
    return evaluate_request(data, positions=positions, file=file)


def simulate(data: Any, *, positions: Positions | None = None, file: str | None = None) -> dict[str, Any]:
    """The `--json` output of `xviz simulate` for one request object."""
    return _evaluation(data, positions, file).to_json()
