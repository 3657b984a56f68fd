"""`xviz exercise SCENARIO`: run an exercise's checks on the file as it is (or with its solution applied).

Exit 0 when every check is met, 1 when one is not, 2 on bad input.
"""
from __future__ import annotations

import json
import sys

from xviz.scenario import ScenarioError, load

_LABELS = {
    "en": {"goal": "Goal", "met": "met", "not_met": "NOT MET", "expected": "must be", "got": "now",
           "score": "Score (actions + wildcards + statements)", "reference": "reference solution",
           "all": "all {n} checks met", "some": "{m} of {n} checks met", "hint": "Hint {i} of {n}",
           "hints": "{n} hints: --hint 1 shows the first", "solution": "with the reference solution applied",
           "docs": "Teaches"},
    "ja": {"goal": "目標", "met": "達成", "not_met": "未達成", "expected": "期待", "got": "現在",
           "score": "スコア（アクション + ワイルドカード + ステートメント）", "reference": "模範解答",
           "all": "{n} 個のチェックをすべて達成しました", "some": "{n} 個中 {m} 個のチェックを達成",
           "hint": "ヒント {i}/{n}", "hints": "ヒントは {n} 個あります（--hint 1 で最初のヒントを表示）",
           "solution": "模範解答を適用した状態", "docs": "関連ドキュメント"},
}


def add_arguments(parser) -> None:
    parser.add_argument("scenario", help="a scenario YAML file with an `exercise:` block")
    parser.add_argument("--solution", action="store_true", help="apply the exercise's reference solution first")
    parser.add_argument("--json", action="store_true", help='print {"checks": [...], "score": ...} as JSON')
    parser.add_argument("--lang", choices=("en", "ja"), default="en", help="language of the goal and the checks")
    parser.add_argument("--hint", type=int, metavar="N", help="also print hint N (1 = the first)")


def run(args) -> int:
    from xviz.scenario.exercise import evaluate_exercise

    try:
        loaded = load(args.scenario, solution=args.solution)
        if loaded.model.exercise is None:
            print(f"{args.scenario}: this scenario has no `exercise:` block (see scenarios/README.md)", file=sys.stderr)
            return 2
        result = evaluate_exercise(loaded)
    except ScenarioError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    hints = loaded.model.exercise.hints
    if args.hint is not None and not 1 <= args.hint <= len(hints):
        print(f"--hint {args.hint}: this exercise has hints 1 to {len(hints)}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(as_json(loaded, result, args.lang, args.hint), ensure_ascii=False, indent=2))
    else:
        sys.stdout.write(as_text(loaded, result, args.lang, args.hint))
    return 0 if result.all_met else 1


def _check_dict(c, lang: str) -> dict:
    request = c.check.request.model_dump(mode="json", exclude_defaults=True) if c.check.request else None
    return {"number": c.number, "label": getattr(c.check.label, lang), "step": c.check.step, "request": request,
            "expect": c.check.expect, "outcome": c.outcome, "met": c.met}


def as_json(loaded, result, lang: str, hint: int | None = None) -> dict:
    ex = loaded.model.exercise
    return {"exercise": loaded.model.id, "file": loaded.file, "solution": loaded.solution,
            "goal": getattr(ex.goal, lang), "docs": list(loaded.model.docs),
            "checks": [_check_dict(c, lang) for c in result.checks], "all_met": result.all_met,
            "score": result.score_dict(), "hints": len(ex.hints),
            "hint": getattr(ex.hints[hint - 1], lang) if hint else None}


def as_text(loaded, result, lang: str, hint: int | None = None) -> str:
    L, sc = _LABELS[lang], loaded.model
    ex = sc.exercise
    out = [f"{getattr(sc.title, lang)}  ({loaded.file})"]
    if loaded.solution:
        out.append(f"  ({L['solution']})")
    out += ["", f"{L['goal']}:"] + [f"  {line}" for line in getattr(ex.goal, lang).rstrip().split("\n")] + [""]
    for c in result.checks:
        mark = "✓" if c.met else "✗"
        out.append(f"  {mark} {getattr(c.check.label, lang)}")
        state = L["met"] if c.met else L["not_met"]
        out.append(f"      {state}: {L['expected']} {c.check.expect}, {L['got']} {c.outcome}")
    out.append("")
    if result.score is not None:
        s, r = result.score, result.reference
        out.append(f"{L['score']}: {s.total} ({s.actions} + {s.wildcards} + {s.statements})"
                   + (f"; {L['reference']}: {r.total}" if r else ""))
    met = sum(c.met for c in result.checks)
    out.append(L["all"].format(n=met) if result.all_met else L["some"].format(m=met, n=len(result.checks)))
    if hint:
        out += ["", f"{L['hint'].format(i=hint, n=len(ex.hints))}:"]
        out += [f"  {line}" for line in getattr(ex.hints[hint - 1], lang).rstrip().split("\n")]
    elif not result.all_met:
        out.append(L["hints"].format(n=len(ex.hints)))
    if sc.docs:
        out.append(f"{L['docs']}: " + " ".join(sc.docs))
    return "\n".join(out) + "\n"
