"""Label text as authors write it in mermaid: `<br/>` line breaks and character entities."""
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
