"""The handout as one self-contained HTML page: inline CSS, diagrams given as markup, no script, nothing fetched.

The same page serves the browser (diagrams as inline SVG) and Qt's PDF writer (diagrams as images the
document holds), so it keeps to HTML that Qt's rich text understands: headings, paragraphs, tables,
`pre`, and inline styles for the colours that matter.
"""
from __future__ import annotations

from dataclasses import dataclass
from html import escape

from xviz.handout.gather import DecidingStatement, Handout, HandoutStep
from xviz.handout.prose import prose_html

LABELS = {
    "en": {"handout": "Walkthrough", "file": "Scenario file", "what_if": "What-if", "goal": "Exercise goal",
           "diagrams": "Diagrams", "flow": "Flow", "caller": "Caller", "action": "Action", "resource": "Resource",
           "verdict": "Verdict", "expected": "expected", "differs": "differs from what the scenario expects",
           "why": "Why", "deciding": "Deciding statements", "notes": "Notes", "cli": "The same call with the AWS CLI",
           "docs": "AWS documentation", "decided": "decided the outcome", "closest": "did not match",
           "aws_added": "added by AWS; no text in the scenario", "statement": "statement",
           "made_by": "Made with xviz", "attached": "attached to", "checks": "Checks"},
    "ja": {"handout": "ウォークスルー", "file": "シナリオファイル", "what_if": "もしも", "goal": "演習の目標",
           "diagrams": "図", "flow": "フロー", "caller": "呼び出し元", "action": "アクション", "resource": "リソース",
           "verdict": "判定", "expected": "期待値", "differs": "シナリオの期待と異なります",
           "why": "理由", "deciding": "判定を決めたステートメント", "notes": "補足",
           "cli": "AWS CLI で同じ呼び出しをするには", "docs": "AWS ドキュメント", "decided": "この判定を決めました",
           "closest": "一致しませんでした", "aws_added": "AWS が追加するポリシーで、シナリオに本文はありません",
           "statement": "ステートメント", "made_by": "xviz で作成", "attached": "アタッチ先",
           "checks": "チェック"},
}
# What did not match, by element of the engine's "failed" record.
_FAILED = {
    "en": {"condition": "{operator} on {key}: the policy wants {values}; the request has {request}",
           "action": "the action {action} is not among {values}",
           "resource": "the resource {resource} is not among {values}",
           "principal": "the statement's principal is not the caller {principal}",
           "negated": "{value} is excluded by Not{Element}", "other": "the {element} element does not match",
           "nothing": "nothing"},
    "ja": {"condition": "{key} の {operator}: ポリシーは {values} を求めていますが、リクエストの値は {request} です",
           "action": "アクション {action} は {values} に含まれません",
           "resource": "リソース {resource} は {values} に含まれません",
           "principal": "ステートメントのプリンシパルは呼び出し元 {principal} ではありません",
           "negated": "{value} は Not{Element} で除外されています", "other": "{element} 要素が一致しません",
           "nothing": "なし"},
}
VERDICT_COLOURS = {"Allow": ("#e3f4e6", "#1c6b2f"), "ExplicitDeny": ("#fbe2e1", "#9b1c1c"),
                   "ImplicitDeny": ("#fdf0d8", "#8a5300"), "ValidationError": ("#ece5f7", "#5b2a91")}
MARK_COLOUR = "#fff1a8"

CSS = """
body { font-family: "Noto Sans", "Noto Sans CJK JP", "Hiragino Sans", "Segoe UI", sans-serif; color: #1d2430;
       line-height: 1.5; margin: 0 auto; max-width: 60rem; padding: 1.5rem; font-size: 11pt; }
h1 { font-size: 20pt; margin: 0 0 .25rem; }
h2 { font-size: 15pt; border-bottom: 2px solid #d5dbe5; padding-bottom: .2rem; margin-top: 2rem; }
h3 { font-size: 12pt; margin: 0 0 .4rem; }
h4 { font-size: 10pt; margin: .8rem 0 .2rem; color: #4a5568; text-transform: uppercase; letter-spacing: .03em; }
.meta { color: #5a6577; font-size: 9pt; }
.goal { border-left: 4px solid #3a6fd8; background: #eef3fc; padding: .5rem .8rem; }
.figure { margin: 1rem 0; page-break-inside: avoid; break-inside: avoid; text-align: center; }
.figure svg { max-width: 100%; height: auto; display: block; margin: 0 auto; }
.caption { text-align: center; color: #5a6577; font-size: 9pt; margin-top: .2rem; }
.step { border: 1px solid #d5dbe5; border-radius: 6px; padding: .7rem .9rem; margin: 1rem 0; }
.num { display: inline-block; min-width: 1.6em; text-align: center; background: #1d2430; color: #fff;
       border-radius: 1em; font-size: 9pt; margin-right: .4rem; }
.verdict { font-weight: bold; padding: .05rem .5rem; border-radius: .8rem; font-size: 9pt; }
table.facts { border-collapse: collapse; font-size: 9pt; }
table.facts td { padding: .05rem .6rem .05rem 0; vertical-align: top; }
table.facts td.k { color: #5a6577; white-space: nowrap; }
code, pre { font-family: "Noto Sans Mono", "DejaVu Sans Mono", Consolas, monospace; font-size: 8.5pt; }
pre { background: #f6f8fb; border: 1px solid #e2e7ef; padding: .4rem .6rem; white-space: pre-wrap;
      overflow-wrap: anywhere; margin: .2rem 0; }
pre .ln { color: #98a2b3; }
.policy-name { font-size: 9pt; font-weight: bold; }
.failed { color: #8a5300; font-size: 9pt; }
.why { font-size: 9.5pt; }
table.prose { border-collapse: collapse; font-size: 9pt; margin: .4rem 0; }
table.prose th, table.prose td { border: 1px solid #d5dbe5; padding: .2rem .4rem; text-align: left;
                                 vertical-align: top; }
table.prose th { background: #f0f3f8; }
ul { margin: .2rem 0; padding-left: 1.2rem; }
ul.checks { list-style: none; padding-left: .2rem; }
a { color: #2456b8; overflow-wrap: anywhere; }
@page { size: A4; margin: 14mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  .step { break-inside: avoid-page; }
  h2 { break-after: avoid-page; }
}
"""


@dataclass(frozen=True)
class Figure:
    title: str
    markup: str  # inline <svg>…</svg>, or an <img> the PDF writer resolves


def render_html(handout: Handout, figures: list[Figure]) -> str:
    L = LABELS[handout.lang]
    out = [f'<!DOCTYPE html>\n<html lang="{handout.lang}"><head><meta charset="utf-8">',
           '<meta name="viewport" content="width=device-width, initial-scale=1">',
           f"<title>{escape(handout.title)}: {L['handout']}</title><style>{CSS}</style></head><body>",
           f"<h1>{escape(handout.title)}</h1>",
           f'<p class="meta">{L["handout"]} · {L["file"]}: <code>{escape(handout.file or handout.scenario_id)}</code>'
           f" · {L['made_by']}</p>"]
    for label in handout.what_ifs:
        out.append(f'<p class="meta">{L["what_if"]}: {escape(label)}</p>')
    out += prose_html(handout.summary)
    if handout.goal:
        checks = "".join(f"<li>☐ {escape(label)}</li>" for label in handout.checks)
        out.append(f'<div class="goal"><h4>{L["goal"]}</h4>{"".join(prose_html(handout.goal))}'
                   f'<h4>{L["checks"]}</h4><ul class="checks">{checks}</ul></div>')
    if figures:
        out.append(f"<h2>{L['diagrams']}</h2>")
        out += [f'<div class="figure">{f.markup}<p class="caption" align="center">{escape(f.title)}</p></div>'
                for f in figures]
    for flow in handout.flows:
        out.append(f"<h2>{L['flow']}: {escape(flow.title)}</h2>")
        out += prose_html(flow.narration)
        out += [_step(step, handout.lang) for step in flow.steps]
    if handout.docs:
        out.append(f"<h2>{L['docs']}</h2><ul>")
        out += [f'<li><a href="{escape(url)}">{escape(url)}</a></li>' for url in handout.docs]
        out.append("</ul>")
    out.append("</body></html>\n")
    return "\n".join(out)


def verdict_badge(verdict: str) -> str:
    background, colour = VERDICT_COLOURS.get(verdict, ("#eceff3", "#1d2430"))
    return f'<span class="verdict" style="background-color:{background};color:{colour}">{escape(verdict)}</span>'


def _step(step: HandoutStep, lang: str) -> str:
    L = LABELS[lang]
    expected = ""
    if step.expected is not None:
        ok = step.expected == step.verdict
        expected = f" ({L['expected']}: {escape(step.expected)} {'✓' if ok else '✗ ' + L['differs']})"
    out = [f'<div class="step"><h3><span class="num">{step.number}</span> {escape(step.title)} '
           f"{verdict_badge(step.verdict)}</h3>"]
    out += prose_html(step.narration)
    out.append('<table class="facts">')
    for key, value in (("caller", step.caller), ("action", step.action), ("resource", step.resource)):
        out.append(f'<tr><td class="k">{L[key]}</td><td><code>{escape(value)}</code></td></tr>')
    out.append(f'<tr><td class="k">{L["verdict"]}</td><td>{escape(step.verdict)}{expected}</td></tr></table>')
    if step.explanation:  # the explanation's own indentation shows what belongs to what
        out.append(f"<h4>{L['why']}</h4><div class=\"why\">")
        out += [f'<p style="margin:0 0 0 {(len(line) - len(line.lstrip())) / 2:g}em">{escape(line.strip())}</p>'
                for line in step.explanation if line.strip()]
        out.append("</div>")
    if step.deciding:
        out.append(f"<h4>{L['deciding']}</h4>")
        out += [_deciding(d, lang) for d in step.deciding]
    if step.notes:
        out.append(f"<h4>{L['notes']}</h4><ul>")
        out += [f"<li>{escape(note)}</li>" for note in step.notes]
        out.append("</ul>")
    out.append(f"<h4>{L['cli']}</h4><pre>{escape(step.cli)}</pre>")
    if step.docs:
        links = " ".join(f'<a href="{escape(u)}">{escape(u)}</a>' for u in step.docs)
        out.append(f'<p class="meta">{links}</p>')
    out.append("</div>")
    return "\n".join(out)


def _deciding(d: DecidingStatement, lang: str) -> str:
    L = LABELS[lang]
    where = f" ({L['attached']} {escape(d.target)})" if d.target else ""
    sid = f" “{escape(d.sid)}”" if d.sid else ""
    head = (f'<p class="policy-name">{escape(d.policy)}{where} · {L["statement"]} {d.statement}{sid}: '
            f"{L['decided'] if d.decided else L['closest']}</p>")
    failed = f'<p class="failed">{escape(failed_text(d.failed, lang))}</p>' if d.failed else ""
    if not d.lines:
        return head + f'<p class="meta">{L["aws_added"]}</p>' + failed
    width = len(str(max((ln.number or 0) for ln in d.lines)))
    rows = []
    for ln in d.lines:
        number = f'<span class="ln">{str(ln.number or "").rjust(width)}  </span>'
        text = escape(ln.text)
        rows.append(number + (f'<span style="background-color:{MARK_COLOUR}">{text}</span>' if ln.marked else text))
    return head + failed + "<pre>" + "\n".join(rows) + "</pre>"


def failed_text(failed: dict, lang: str) -> str:
    """Why a statement did not match, in a sentence."""
    T = _FAILED[lang]
    element = str(failed.get("element") or "")

    def listed(value) -> str:
        return ", ".join(map(str, value)) if isinstance(value, (list, tuple)) else str(value)

    if element == "condition":
        request = failed.get("request_values")
        return T["condition"].format(operator=failed.get("operator"), key=failed.get("key"),
                                     values=listed(failed.get("values") or []),
                                     request=listed(request) if request else T["nothing"])
    if element in ("action", "resource", "principal"):
        if failed.get("negated"):
            return T["negated"].format(value=failed.get(element), Element=element.capitalize())
        return T[element].format(values=listed(failed.get("values") or []),
                                 **{k: failed.get(k) for k in ("action", "resource", "principal")})
    return T["other"].format(element=element or "?")
