"""A step run's decision in sentences (en/ja): the RAM model's own, or the engine's through xviz.explain.
The whole run report (`xviz run`) is drawn from a document snapshot: xviz/document/run_report.py."""
from __future__ import annotations

from xviz.explain import explain_result
from xviz.scenario.ram import reason_text
from xviz.scenario.runner import StepRun


def explain(run: StepRun, lang: str) -> list[str]:
    """The decision in sentences: the RAM model's own, or the engine's through xviz.explain."""
    if run.result.get("kind") == "ram":  # the share first, then the caller's own IAM side (rule 26)
        lines = [reason_text(s["reason"], s["params"], lang) for s in run.result["trace"]]
        return lines + (list(explain_result(run.result["iam"], lang)) if "iam" in run.result else [])
    return list(explain_result(run.result, lang))
