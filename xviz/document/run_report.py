"""`xviz run`: a snapshot as text for a person (en/ja) or as JSON for tools. The narration is the one
the window leads with (written for the verdict shown, or the engine's explanation and what changed)."""
from __future__ import annotations

from typing import Any

from xviz.document.snapshot import Snapshot
from xviz.document.views import PolicyView, StepView
from xviz.scenario.cli_equivalents import CliWriter

_LABELS = {
    "en": {"flow": "Flow", "caller": "caller", "context": "request context", "decision": "decision",
           "expected": "expected", "why": "why", "notes": "notes", "mismatch": "MISMATCH", "on": "on",
           "why_unreached": "policy evaluation (never reached: STS refused the call first)",
           "what_if": "what-if", "docs": "docs", "changed": "what changed",
           "not_reached": "not reached", "all_ok": "all {n} checked steps behave as expected",
           "failed": "{n} step(s) differ from what the scenario expects",
           "whoami": "who am I", "cli": "AWS CLI", "setup": "AWS CLI (set-up)"},
    "ja": {"flow": "フロー", "caller": "呼び出し元", "context": "リクエストコンテキスト", "decision": "判定",
           "expected": "期待値", "why": "理由", "notes": "補足", "mismatch": "不一致", "on": "対象",
           "why_unreached": "ポリシー評価（STS が先に呼び出しを拒否するため、実際には行われません）",
           "what_if": "もしも", "docs": "ドキュメント", "changed": "変わったこと",
           "not_reached": "到達しない", "all_ok": "確認した {n} ステップはすべて期待どおりです",
           "failed": "{n} 個のステップが期待と異なります",
           "whoami": "今の自分", "cli": "AWS CLI", "setup": "AWS CLI（準備）"},
}


def _pick(value, lang: str) -> str:
    if isinstance(value, dict):
        return str(value.get(lang) or value.get("en") or "").rstrip("\n")
    return str(value or "").rstrip("\n")


def selected_steps(snapshot: Snapshot, flows: list[str] | None = None) -> list[StepView]:
    return [s for f in snapshot.view.flows if not flows or f.id in flows for s in f.steps]


def render_text(snapshot: Snapshot, lang: str = "en", flows: list[str] | None = None) -> str:
    L = _LABELS[lang]
    view, model = snapshot.view, snapshot.loaded.model
    out = [f"{_pick(view.title, lang)}  ({snapshot.state.file or model.id})"]
    for w in view.what_ifs:
        if w.active:
            out.append(f"  {L['what_if']}: {_pick(w.label, lang)}")
            out.extend(_indent(_pick(w.narration, lang), 4))
    out.append("")
    out.extend(_indent(_pick(view.summary, lang), 2))
    cli = CliWriter(snapshot.loaded)
    setup = cli.setup_lines(lang)
    if setup:
        out += ["", f"  {L['setup']}:"] + [f"    {line}" for line in setup]
    for flow in view.flows:
        if flows and flow.id not in flows:
            continue
        out += ["", f"== {L['flow']} {flow.id}: {_pick(flow.title, lang)} =="]
        out.extend(_indent(_pick(flow.narration, lang), 2))
        for step in flow.steps:
            out.append("")
            out.extend(_step_lines(step, L, lang))
    steps = selected_steps(snapshot, flows)
    checked = [s for s in steps if s.expected is not None]
    failed = mismatches(snapshot, flows)
    out.append("")
    out.append(L["failed"].format(n=len(failed)) if failed else L["all_ok"].format(n=len(checked)))
    return "\n".join(out) + "\n"


def _step_lines(step: StepView, L: dict, lang: str) -> list[str]:
    run = step.run
    plan = run.plan
    out = [f"[{step.index + 1}] {step.id}: {plan.step.action} {L['on']} {plan.resource_arn}",
           f"    {L['caller']}: {plan.caller.arn}"]
    if plan.request and plan.request["request"].get("context"):
        out.append(f"    {L['context']}: " + ", ".join(
            f"{k}={_show(v)}" for k, v in plan.request["request"]["context"].items()))
    verdict = f"    {L['decision']}: {run.outcome}"
    if step.verdict == "not_reached":
        verdict += f" — {L['not_reached']}"
    if plan.step.expect is not None:
        ok = plan.step.expect == run.outcome
        verdict += f"   ({L['expected']}: {plan.step.expect} {'✓' if ok else '✗ ' + L['mismatch']})"
    out.append(verdict)
    out.extend(_indent(_pick(step.narration, lang), 4))
    if step.changed and step.narration_written:  # a generated narration already leads with it
        out.append(f"    {L['changed']}: {_pick(step.changed, lang)}")
    sections = [(L["why_unreached"] if plan.rejected else L["why"],
                 [f"      {line}" if line else "" for line in step.explanation.get(lang, [])]),
                (L["notes"], [f"      - {text}" for text in step.note_texts(lang)]),
                (L["whoami"], [f"      {line}" for line in (step.who_am_i.lines(lang) if step.who_am_i else [])]),
                (L["cli"], [f"      {line}" for line in step.cli.get(lang, ())])]
    if plan.rejected:  # STS refused the call first: say so before the evaluation it never reached
        sections[:2] = sections[1::-1]
    for title, lines in sections:
        if lines:
            out.append(f"    {title}:")
            out.extend(lines)
    if step.docs:
        out.append(f"    {L['docs']}: " + " ".join(step.docs))
    return out


def _show(value) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(map(_show, value)) + "]"
    if isinstance(value, bool):
        return "true" if value else "false"
    return "null" if value is None else str(value)


def _indent(text: str, n: int) -> list[str]:
    return [(" " * n + line) if line else "" for line in text.split("\n")] if text else []


VERDICT_WORDS = {"allow": "Allow", "explicit_deny": "ExplicitDeny", "implicit_deny": "ImplicitDeny",
                 "not_reached": "NotReached", "input_error": "InputError"}


def step_json(step: StepView, lang: str) -> dict[str, Any]:
    """One step as `xviz run --json` and `xviz open --dump-state` both say it."""
    return {"flow": step.flow, "step": step.id, "title": step.title,
            "verdict": VERDICT_WORDS.get(step.verdict or "", None),
            "narration": _pick(step.narration, lang), "narration_written": step.narration_written,
            "changed": _pick(step.changed, lang) if step.changed else None,
            "notes": step.note_texts(lang)}


def policy_json(policy: PolicyView) -> dict[str, Any]:
    return {"id": policy.id, "label": policy.name, "text": policy.text, "read_only": policy.read_only}


def render_json(snapshot: Snapshot, lang: str = "en", flows: list[str] | None = None) -> dict[str, Any]:
    cli = CliWriter(snapshot.loaded)
    steps = []
    for step in selected_steps(snapshot, flows):
        run = step.run
        steps.append({**step_json(step, lang), "kind": run.plan.kind, "outcome": run.outcome,
                      "expected": run.plan.step.expect, "ok": run.plan.step.expect in (None, run.outcome),
                      "caller": run.plan.caller.arn, "request": run.plan.request, "result": run.result,
                      "explanation": step.explanation.get(lang, []),
                      "notes": [{**n.as_dict(), "text": n.text(lang)} for n in step.notes],
                      "who_am_i": {**step.who_am_i.as_dict(), "text": step.who_am_i.lines(lang)}
                      if step.who_am_i else None,
                      "cli": list(step.cli.get(lang, ()))})
    return {"scenario": snapshot.loaded.model.id, "file": snapshot.state.file,
            "what_ifs": list(snapshot.state.what_ifs), "cli_setup": cli.setup_lines(lang), "steps": steps,
            "policies": [policy_json(p) for p in snapshot.view.policies]}


def mismatches(snapshot: Snapshot, flows: list[str] | None = None) -> list[str]:
    """What `--check` fails on: an outcome other than the one expected, or an outcome that no
    narration was written for (the learner would read the engine's words where a story belongs)."""
    out = []
    for step in selected_steps(snapshot, flows):
        run = step.run
        ref, expected = f"{step.flow}.{step.id}", run.plan.step.expect
        if expected is not None and expected != run.outcome:
            out.append(f"{ref}: expected {expected}, got {run.outcome}")
        elif not step.narration_written and step.verdict not in ("not_reached", "input_error"):
            out.append(f"{ref}: no narration is written for the outcome {run.outcome} "
                       "(add it to the step's narration, or to the what-if's step_narration)")
    return out


def input_errors(snapshot: Snapshot) -> list[str]:
    """Steps the engine could not evaluate: the command line reports them as bad input (exit 2)."""
    return [run.problem.format() for run in snapshot.runs if run.problem is not None]
