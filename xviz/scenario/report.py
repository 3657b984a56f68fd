"""Scenario runs as text for a person (en/ja) or as JSON for tools; shared by `xviz run` and tests."""
from __future__ import annotations

from typing import Any

from xviz.scenario.cli_equivalents import CliWriter
from xviz.scenario.loader import LoadedScenario
from xviz.scenario.ram import reason_text
from xviz.scenario.runner import StepRun
from xviz.scenario.whoami import who_am_i

_LABELS = {
    "en": {"flow": "Flow", "caller": "caller", "context": "request context", "request": "request", "decision": "decision",
           "expected": "expected", "why": "why", "notes": "notes", "mismatch": "MISMATCH", "on": "on",
           "why_unreached": "policy evaluation (never reached: STS refused the call first)",
           "what_if": "what-if", "docs": "docs", "all_ok": "all {n} checked steps behave as expected",
           "failed": "{n} step(s) differ from what the scenario expects",
           "whoami": "who am I", "cli": "AWS CLI", "setup": "AWS CLI (set-up)"},
    "ja": {"flow": "フロー", "caller": "呼び出し元", "context": "リクエストコンテキスト", "request": "リクエスト", "decision": "判定",
           "expected": "期待値", "why": "理由", "notes": "補足", "mismatch": "不一致", "on": "対象",
           "why_unreached": "ポリシー評価（STS が先に呼び出しを拒否するため、実際には行われません）",
           "what_if": "もしも", "docs": "ドキュメント", "all_ok": "確認した {n} ステップはすべて期待どおりです",
           "failed": "{n} 個のステップが期待と異なります",
           "whoami": "今の自分", "cli": "AWS CLI", "setup": "AWS CLI（準備）"},
}


def explain(run: StepRun, lang: str) -> list[str]:
    """The decision in sentences: the RAM model's own, or the engine's through xviz.explain."""
    if run.result.get("kind") == "ram":  # the share first, then the caller's own IAM side (rule 26)
        lines = [reason_text(s["reason"], s["params"], lang) for s in run.result["trace"]]
        return lines + (_explain_iam(run.result["iam"], lang) if "iam" in run.result else [])
    return _explain_iam(run.result, lang)


def _explain_iam(result: dict, lang: str) -> list[str]:
    try:
        from xviz.explain import explain_result
    except ImportError:
        return [_raw_trace_line(s) for s in result.get("trace", [])]
    return list(explain_result(result, lang))


def _raw_trace_line(step: dict) -> str:
    """Fallback while xviz.explain is not there: the trace as codes."""
    matched = [s.get("policy") for s in step.get("statements", []) if s.get("matched")]
    extra = f" ({', '.join(map(str, matched))})" if matched else ""
    return f"{step.get('step')}: {step.get('result')} [{step.get('reason', '')}]{extra}"


def _text(value, lang: str) -> str:
    return getattr(value, lang).rstrip("\n") if value is not None else ""


def render_text(loaded: LoadedScenario, runs: list[StepRun], lang: str = "en") -> str:
    L = _LABELS[lang]
    sc = loaded.model
    out = [f"{_text(sc.title, lang)}  ({loaded.file or sc.id})"]
    for name in loaded.what_ifs:
        out.append(f"  {L['what_if']}: {_text(sc.what_ifs[name].label, lang)}")
    out.append("")
    out.extend(_indent(_text(sc.summary, lang), 2))
    cli = CliWriter(loaded)
    setup = cli.setup_lines(lang)
    if setup:
        out += ["", f"  {L['setup']}:"] + [f"    {line}" for line in setup]
    current_flow = None
    for number, run in enumerate(runs, 1):
        plan, step = run.plan, run.plan.step
        if plan.flow != current_flow:
            current_flow = plan.flow
            flow = sc.flows[plan.flow]
            out += ["", f"== {L['flow']} {plan.flow}: {_text(flow.title, lang)} =="]
            if flow.narration:
                out.extend(_indent(_text(flow.narration, lang), 2))
        out.append("")
        out.append(f"[{plan.index + 1}] {step.id}: {step.action} {L['on']} {plan.resource_arn}")
        out.append(f"    {L['caller']}: {plan.caller.arn}")
        if plan.request and plan.request["request"].get("context"):
            out.append(f"    {L['context']}: " + ", ".join(
                f"{k}={_show(v)}" for k, v in plan.request["request"]["context"].items()))
        verdict = f"    {L['decision']}: {run.outcome}"
        if run.expected is not None:
            verdict += f"   ({L['expected']}: {run.expected} {'✓' if run.ok else '✗ ' + L['mismatch']})"
        out.append(verdict)
        out.extend(_indent(_text(step.narration, lang), 4))
        sections = [(L["why_unreached"] if plan.rejected else L["why"], [f"      {line}" if line else "" for line in explain(run, lang)]),
                    (L["notes"], [f"      - {note.text(lang)}" for note in run.notes]),
                    (L["whoami"], [f"      {line}" for line in who_am_i(sc.world, run).lines(lang)]),
                    (L["cli"], [f"      {line}" for line in cli.step_lines(plan, lang)])]
        if plan.rejected:  # STS refused the call first: say so before the evaluation it never reached
            sections[:2] = sections[1::-1]
        for title, lines in sections:
            if lines:
                out.append(f"    {title}:")
                out.extend(lines)
        if step.docs:
            out.append(f"    {L['docs']}: " + " ".join(step.docs))
    checked = [r for r in runs if r.expected is not None]
    failed = [r for r in checked if not r.ok]
    out.append("")
    out.append(L["failed"].format(n=len(failed)) if failed else L["all_ok"].format(n=len(checked)))
    return "\n".join(out) + "\n"


def _show(value) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(map(_show, value)) + "]"
    if isinstance(value, bool):
        return "true" if value else "false"
    return "null" if value is None else str(value)


def _indent(text: str, n: int) -> list[str]:
    return [(" " * n + line) if line else "" for line in text.split("\n")] if text else []


def render_json(loaded: LoadedScenario, runs: list[StepRun], lang: str = "en") -> dict[str, Any]:
    cli = CliWriter(loaded)
    return {
        "scenario": loaded.model.id,
        "file": loaded.file,
        "what_ifs": list(loaded.what_ifs),
        "cli_setup": cli.setup_lines(lang),
        "steps": [{
            "flow": r.plan.flow,
            "step": r.plan.step.id,
            "kind": r.plan.kind,
            "outcome": r.outcome,
            "expected": r.expected,
            "ok": r.ok,
            "caller": r.plan.caller.arn,
            "request": r.plan.request,
            "result": r.result,
            "narration": _text(r.plan.step.narration, lang),
            "explanation": explain(r, lang),
            "notes": [{**n.as_dict(), "text": n.text(lang)} for n in r.notes],
            "who_am_i": {**who_am_i(loaded.model.world, r).as_dict(), "text": who_am_i(loaded.model.world, r).lines(lang)},
            "cli": cli.step_lines(r.plan, lang),
        } for r in runs],
    }


def mismatches(runs: list[StepRun]) -> list[str]:
    return [f"{r.plan.ref}: expected {r.expected}, got {r.outcome}" for r in runs if not r.ok]
