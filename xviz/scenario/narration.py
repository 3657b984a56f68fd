"""Which story a step tells: the narration written for the outcome it has now, or else the engine's
own words and a "what changed" line computed from two evaluations (the file as written, and now).

A narration is written for one outcome (a step's single text for its `expect`, or one text per outcome;
a what-if's `step_narration` for the outcome it expects). A narration written for another outcome is
never shown as the story of this one: that would teach a contradiction.
"""
from __future__ import annotations

from dataclasses import dataclass

from xviz.explain import catalog, describe_failure, describe_statement, describe_step
from xviz.scenario import model as m

LANGS = ("en", "ja")

_TEXT = {
    "en": {
        "generated": "{decision}. No narration was written for this outcome; this is the engine's explanation.",
        "changed": "Was {before}: {why_before}. Now {after}: {why_after}.",
        "matched": "{statement} matched",
        "failed": "{statement} did not match ({failure})",
        "gone": "that statement is gone",
        "new": "{statement} is new and matched",
        "not_reached": "Not reached: step {step} did not create the session {session} ({outcome}), so this call "
                       "never happens. What AWS would decide if the session existed is shown below.",
    },
    "ja": {
        "generated": "{decision}。この結果に向けたナレーションは書かれていないため、評価エンジンの説明を示します。",
        "changed": "変更前は {before}：{why_before}。現在は {after}：{why_after}。",
        "matched": "{statement} が一致しました",
        "failed": "{statement} は一致しませんでした（{failure}）",
        "gone": "そのステートメントはなくなりました",
        "new": "{statement} が新たに加わり一致しました",
        "not_reached": "到達しません：ステップ {step} がセッション {session} を作成しなかった（{outcome}）ため、"
                       "この呼び出しは行われません。セッションが存在した場合に AWS が下す判定を以下に示します。",
    },
}


def written_narration(step: m.Step, outcome: str) -> m.Text | None:
    """The narration written for `outcome`, or None. A single text is written for the step's `expect`
    (for any outcome when the step expects none)."""
    narration = step.narration
    if isinstance(narration, m.Text):
        return narration if step.expect in (None, outcome) else None
    return narration.get(outcome)


def outcomes_told(step: m.Step) -> set[str] | None:
    """The outcomes this step has a narration for; None means any."""
    narration = step.narration
    if isinstance(narration, m.Text):
        return None if step.expect is None else {step.expect}
    return set(narration)


@dataclass(frozen=True)
class Story:
    """What the explanation leads with, per language, and whether an author wrote it."""

    lead: dict[str, str]
    written: bool
    changed: dict[str, str] | None = None  # "was X: …; now Y: …" when the outcome differs from the file's


def tell(step: m.Step, outcome: str, result: dict, base: tuple[str, dict] | None,
         not_reached: dict | None = None) -> Story:
    """The story of a step with `outcome` and `result`; `base` is (outcome, result) of the same step
    in the file as written (no edits, no what-ifs); `not_reached` the params of a session never made."""
    changed = None
    if base is not None and base[0] != outcome:
        changed = {lang: what_changed(base, (outcome, result), lang) for lang in LANGS}
    if not_reached is not None:
        return Story({lang: _TEXT[lang]["not_reached"].format(**not_reached) for lang in LANGS}, False, changed)
    text = written_narration(step, outcome)
    if text is not None:
        return Story({"en": text.en.rstrip("\n"), "ja": text.ja.rstrip("\n")}, True, changed)
    lead = {}
    for lang in LANGS:
        decision = catalog(lang).DECISION.get(outcome, outcome).rstrip(".")
        parts = [_TEXT[lang]["generated"].format(decision=decision)]
        if changed is not None:
            parts.append(changed[lang])
        lead[lang] = "\n\n".join(parts)
    return Story(lead, False, changed)


# --- what changed --------------------------------------------------------------------------------

def _entries(result: dict) -> dict[tuple, tuple[dict, bool]]:
    """Every statement the evaluation looked at: key -> (entry, in the deciding stage)."""
    found: dict[tuple, tuple[dict, bool]] = {}
    for stage in result.get("trace") or []:
        statements = list(stage.get("statements") or [])
        for level in stage.get("levels") or []:
            statements += level.get("statements") or []
        for entry in statements:
            if "policy_type" not in entry:
                continue
            key = (stage.get("step"), entry["policy_type"], entry.get("policy"), entry.get("target"),
                   entry.get("statement"))
            found[key] = (entry, bool(stage.get("decisive")))
    return found


def _state(entry: dict | None, lang: str) -> str:
    t = _TEXT[lang]
    if entry is None:
        return t["gone"]
    statement = describe_statement(entry, lang)
    if entry.get("matched"):
        return t["matched"].format(statement=statement)
    return t["failed"].format(statement=statement, failure=describe_failure(entry["failed"], lang))


def _deciding_stage(result: dict, lang: str) -> str:
    """The stage that decided, in one sentence (the RAM model's own sentence for RAM steps)."""
    trace = result.get("trace") or []
    if result.get("kind") == "ram":
        from xviz.scenario.ram import reason_text  # noqa: PLC0415 - RAM imports this package's model

        last = trace[-1] if trace else None
        return reason_text(last["reason"], last["params"], lang) if last else ""
    stage = next((s for s in trace if s.get("decisive")), trace[-1] if trace else None)
    return describe_step(stage, lang) if stage else ""


def what_changed(before: tuple[str, dict], after: tuple[str, dict], lang: str) -> str:
    """One line from two evaluations of the same step: the statement whose match changed (preferring
    the stages that decided), else the two deciding stages."""
    (was, old), (now, new) = before, after
    old_entries, new_entries = _entries(old), _entries(new)
    changed = []
    for key in dict.fromkeys([*old_entries, *new_entries]):
        a, b = old_entries.get(key), new_entries.get(key)
        a_state = (a[0].get("matched"), a[0].get("failed")) if a else None
        b_state = (b[0].get("matched"), b[0].get("failed")) if b else None
        if a_state != b_state:
            decisive = (a is not None and a[1]) or (b is not None and b[1])
            changed.append((not decisive, key, a[0] if a else None, b[0] if b else None))
    if changed:
        _, _, a, b = min(changed, key=lambda c: c[0])
        why_before = _state(a, lang) if a is not None else _deciding_stage(old, lang)
        fresh = a is None and b is not None and b.get("matched")
        why_after = _TEXT[lang]["new"].format(statement=describe_statement(b, lang)) if fresh else _state(b, lang)
    else:
        why_before, why_after = _deciding_stage(old, lang), _deciding_stage(new, lang)
    return _TEXT[lang]["changed"].format(before=was, after=now, why_before=why_before, why_after=why_after)
