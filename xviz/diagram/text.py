"""Label text as authors write it in mermaid: `<br/>` line breaks and character entities, markdown strings
("`**bold** text`", drawn without the markers) and Font Awesome icons (`fa:fa-car`, left out)."""
from __future__ import annotations

import html
import re

_BR = re.compile(r"<br\s*/?>", re.IGNORECASE)
# Mermaid's own entity form: `#quot;`, `#35;` (a `#` number or name closed by `;`).
_MERMAID_ENTITY = re.compile(r"#(\d+|[a-zA-Z]+);")


def _mermaid_entity(match: re.Match[str]) -> str:
    body = match.group(1)
    if body.isdigit():
        return chr(int(body))
    decoded = html.unescape(f"&{body};")
    return decoded if decoded != f"&{body};" else match.group(0)


def label_text(raw: str) -> str:
    """The text to draw for a raw label: `<br/>` becomes a newline, entities are decoded."""
    text = _BR.sub("\n", raw)
    text = _MERMAID_ENTITY.sub(_mermaid_entity, text)
    text = html.unescape(text)
    return "\n".join(line.strip() for line in text.split("\n"))


_ICON = re.compile(r"\bfa[bklrs]?:fa-[\w-]+\s*")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EMPHASIS = re.compile(r"(?<![\w*])([*_])(?=\S)(.+?)(?<=\S)\1(?![\w*])")


def author_text(raw: str, markdown: bool = True) -> tuple[str, list[str]]:
    """The text to draw and the icons left out of it. A markdown string (wrapped in backticks) loses its
    backticks and its emphasis markers; xviz draws a label in one weight."""
    icons = [found.strip() for found in _ICON.findall(raw)]
    text = _ICON.sub("", raw)
    if markdown and len(text) >= 2 and text[0] == text[-1] == "`":
        text = _EMPHASIS.sub(r"\2", _STRONG.sub(r"\2", text[1:-1]))
    return label_text(text.strip() if icons else text), icons
