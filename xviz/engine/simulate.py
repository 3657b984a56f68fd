"""`simulate`: one simulate-request object in, the public output object out."""
from __future__ import annotations

from typing import Any

from xviz.engine.errors import InputError
from xviz.engine.evaluate import evaluate
from xviz.engine.jsonpos import Positions
from xviz.engine.request import prepare
from xviz.engine.result import EvaluationResult


def simulate_result(data: Any, *, positions: Positions | None = None, file: str | None = None) -> EvaluationResult:
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


def simulate(data: Any, *, positions: Positions | None = None, file: str | None = None) -> dict[str, Any]:
    """The `--json` output of `xviz simulate` for one request object."""
    return simulate_result(data, positions=positions, file=file).to_json()
