"""The IAM evaluation engine: plain Python, no Qt, no I/O.

    evaluate_request(data) -> EvaluationResult  one simulate-request object to a frozen result
    simulate(data) -> dict            the same as the public output object (result.to_json())
    prepare(data) / evaluate(prepared) the same in two stages (the warm path of the live editor)
    validate_policy(doc_or_text, type) diagnostics for one policy (what `xviz lint` shows)
"""
from xviz.engine.errors import Diagnostic, InputError
from xviz.engine.evaluate import evaluate
from xviz.engine.frozen_result import (Decision, EvaluationResult, MissingAllow, StatementRef, TraceLevel,
                                       TraceStatement, TraceStep, freeze)
from xviz.engine.jsonpos import Positions, load_json_text
from xviz.engine.lint import validate_policy
from xviz.engine.request import PreparedRequest, prepare
from xviz.engine.simulate import evaluate_request, simulate, simulate_result

__all__ = ["Decision", "Diagnostic", "EvaluationResult", "InputError", "MissingAllow", "Positions",
           "PreparedRequest", "StatementRef", "TraceLevel", "TraceStatement", "TraceStep", "evaluate",
           "evaluate_request", "freeze", "load_json_text", "prepare", "simulate", "simulate_result",
           "validate_policy"]
