"""Turns the engine's codes and values into sentences, in English or Japanese.

The engine never builds prose; the CLI and the app call these functions.
"""
from __future__ import annotations

from typing import Any

from xviz.explain import catalog_en, catalog_ja
from xviz.explain.policy_names import display_name

LANGS = {"en": catalog_en, "ja": catalog_ja}


def catalog(lang: str):
    return LANGS.get(lang, catalog_en)


class _Lenient(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _fill(template: str, params: dict[str, Any]) -> str:
    try:
        return template.format_map(_Lenient(params))
    except (ValueError, IndexError, KeyError):
        return template


def _list(values) -> str:
    if values is None:
        return "—"
    if isinstance(values, (list, tuple)):
        return "[" + ", ".join(str(v) for v in values) + "]"
    return str(values)


def describe_statement(entry: dict[str, Any], lang: str = "en") -> str:
    """`identity-based policy "s3-read" statement 0 (AllowRead)`."""
    c = catalog(lang)
    target = _fill(c.WORDS["target"], {"target": entry["target"]}) if entry.get("target") else ""
    sid = _fill(c.WORDS["sid"], {"sid": entry["sid"]}) if entry.get("sid") else ""
    return _fill(c.WORDS["statement"], {"policy_type": c.POLICY_TYPE.get(entry["policy_type"], entry["policy_type"]),
                                        "policy": display_name(entry["policy"], lang), "target": target,
                                        "statement": entry["statement"], "sid": sid})


def describe_failure(failed: dict[str, Any], lang: str = "en") -> str:
    """Why a statement did not match, in one sentence."""
    c = catalog(lang)
    element = failed["element"]
    params = {k: (_list(v) if isinstance(v, (list, tuple)) or v is None else v) for k, v in failed.items()}
    if element == "action":
        key = "action-negated" if failed.get("negated") else "action"
    elif element == "resource":
        key = ("resource-variable" if failed.get("missing_variable") else
               "resource-negated" if failed.get("negated") else "resource")
        params["variable"] = failed.get("missing_variable")
    elif element == "principal":
        key = "principal-negated" if failed.get("exempt") else "principal"
    else:
        if failed.get("missing_variable"):
            key = "condition-variable"
            params["variable"] = failed["missing_variable"]
        elif failed.get("request_values") is None:
            key = "condition-missing"
        elif failed.get("negated") and not failed.get("qualifier"):
            key = "condition-negated"
        else:
            key = "condition"
    return _fill(c.FAILURE[key], params)


def explain_reason(reason: str, lang: str = "en", **params: Any) -> str:
    """A trace step's reason code as a sentence."""
    return _fill(catalog(lang).REASON.get(reason, reason), params)


def describe_step(step: dict[str, Any], lang: str = "en") -> str:
    c = catalog(lang)
    params = {"targets": ", ".join(lv["target"] for lv in step.get("levels", []) if lv["result"] == "no_allow")}
    reason = _fill(c.REASON.get(step.get("reason", ""), step.get("reason", "")), params)
    result = c.WORDS.get("result_" + step["result"], step["result"])
    return f"{c.STEP.get(step['step'], step['step'])}: {result} — {reason}"


def explain_result(result: dict[str, Any], lang: str = "en") -> list[str]:
    """The whole result for a person: the decision, then each step and statement, then warnings."""
    c = catalog(lang)
    lines = [c.DECISION.get(result["decision"], result["decision"])]
    if result.get("decisive"):
        lines.append(c.WORDS["decided_by"])
        lines += ["  • " + describe_statement(d, lang) for d in result["decisive"]]
    if result.get("missing_allow"):
        items = ", ".join(c.POLICY_TYPE.get(m["policy_type"], m["policy_type"]) +
                          (f" ({m['target']})" if m.get("target") else "") for m in result["missing_allow"])
        lines.append(_fill(c.WORDS["missing_allow"], {"items": items}))
    lines.append("")
    for step in result.get("trace", []):
        marker = "▶" if step.get("decisive") else " "
        lines.append(f"{marker} {describe_step(step, lang)}")
        statements = list(step.get("statements", []))
        for level in step.get("levels", []):
            result_word = c.WORDS.get("result_" + level["result"], level["result"])
            lines.append("    " + _fill(c.WORDS["level"], {"target": level["target"], "result": result_word}))
            statements += level.get("statements", [])
        for entry in statements:
            verdict = c.WORDS["matched"] if entry["matched"] else describe_failure(entry["failed"], lang)
            lines.append(f"    - {describe_statement(entry, lang)}: {verdict}")
    for w in result.get("warnings", []):
        lines.append(f"{c.WORDS['warning']}: {explain_error(w, lang)} ({w.get('path', '$')})")
    return lines


def explain_error(err: Any, lang: str = "en") -> str:
    """An InputError or a Diagnostic (object or JSON dict) as one sentence."""
    get = err.get if isinstance(err, dict) else (lambda k, d=None: getattr(err, k, d))
    message = get("message") or ""
    if lang == "en" and message:
        return message  # the engine's own English names every detail
    template = catalog(lang).ERRORS.get(get("code") or "")
    if template is None:
        return message
    params = get("params") or {}
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return message
