"""A learner's text (a summary, a narration) as HTML blocks: paragraphs, `- ` lists, `|` tables and
indented code, the few shapes the scenario files use. Lines wrapped in the file are joined."""
from __future__ import annotations

import re
from html import escape

_CJK = r"\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef"
_WRAP = re.compile(rf"(?<=[{_CJK}])[ \t]*\n\s*(?=[{_CJK}])")
_TABLE_RULE = re.compile(r"^\|[\s:|-]+\|$")


def unwrap(text: str) -> str:
    """A paragraph wrapped in the file, as one line: a break between Japanese characters goes, others become a space."""
    return " ".join(_WRAP.sub("", text.strip()).split())


def prose_html(text: str) -> list[str]:
    blocks = []
    for block in re.split(r"\n[ \t]*\n", text.strip("\n")):
        lines = block.split("\n")
        if not block.strip():
            continue
        if all(line.startswith(("  ", "\t")) for line in lines if line.strip()):
            blocks.append(f"<pre>{escape(_dedent(lines))}</pre>")
        elif all(line.strip().startswith("|") for line in lines):
            blocks.append(_table(lines))
        elif any(line.startswith(("- ", "* ")) for line in lines):
            blocks += _list(lines)
        else:
            blocks.append(f"<p>{escape(unwrap(block))}</p>")
    return blocks


def _dedent(lines: list[str]) -> str:
    indent = min(len(line) - len(line.lstrip()) for line in lines if line.strip())
    return "\n".join(line[indent:] for line in lines)


def _table(lines: list[str]) -> str:
    rows = [[escape(cell.strip()) for cell in line.strip().strip("|").split("|")]
            for line in lines if not _TABLE_RULE.match(line.strip())]
    head, body = rows[0], rows[1:]
    out = ['<table class="prose">', "<tr>" + "".join(f"<th>{c}</th>" for c in head) + "</tr>"]
    out += ["<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in body]
    return "\n".join(out + ["</table>"])


def _list(lines: list[str]) -> list[str]:
    lead, items = [], []
    for line in lines:
        if line.startswith(("- ", "* ")):
            items.append(line[2:])
        elif items:
            items[-1] += "\n" + line
        else:
            lead.append(line)
    out = [f"<p>{escape(unwrap(chr(10).join(lead)))}</p>"] if lead else []
    return out + ["<ul>" + "".join(f"<li>{escape(unwrap(item))}</li>" for item in items) + "</ul>"]
