"""The IAM evaluation engine: plain Python, no Qt, no I/O.

    simulate(data) -> dict            one simulate-request object to the public output object
    prepare(data) / evaluate(prepared) the same in two stages (the warm path of the live editor)
    validate_policy(doc_or_text, type) diagnostics for one policy (what `xviz lint` shows)
"""
from xviz.engine.errors import Diagnostic, InputError
from xviz.engine.evaluate import evaluate
from xviz.engine.jsonpos import Positions, load_json_text
from xviz.engine.lint import validate_policy
from xviz.engine.request import PreparedRequest, prepare
from xviz.engine.result import EvaluationResult
from xviz.engine.simulate import simulate, simulate_result

__all__ = ["Diagnostic", "EvaluationResult", "InputError", "Positions", "PreparedRequest", "evaluate",
           "load_json_text", "prepare", "simulate", "simulate_result", "validate_policy"]
