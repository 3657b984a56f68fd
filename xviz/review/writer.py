"""Print scenario data as a scenario file: block YAML, strings quoted as JSON (valid YAML), and every
`Policy` as pretty JSON in a literal block, as `scenarios/README.md` asks."""
from __future__ import annotations

import json
import re
from typing import Any

from xviz.review.importer import Policy

_INDENT = "  "
_PLAIN_KEY = re.compile(r"^[A-Za-z_][\w.@/-]*$")
_YAML_WORDS = {"true", "false", "yes", "no", "on", "off", "null", "y", "n"}


def _key(key: Any) -> str:
    text = str(key)
    return text if _PLAIN_KEY.match(text) and text.lower() not in _YAML_WORDS else _scalar(text)


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return json.dumps(value)
    return json.dumps(str(value), ensure_ascii=False)


def _lines(value: Any, depth: int) -> list[str]:
    pad = _INDENT * depth
    out: list[str] = []
    if isinstance(value, dict):
        for key, item in value.items():
            if isinstance(item, (dict, list)) and not item:
                continue  # an empty section says nothing; the format's default is empty
            head = f"{pad}{_key(key)}:"
            if isinstance(item, Policy):
                out.append(head + " |")
                out += [pad + _INDENT + line for line in json.dumps(item.document, indent=2, ensure_ascii=False).splitlines()]
            elif isinstance(item, list) and all(not isinstance(v, (dict, list, Policy)) for v in item):
                out.append(f"{head} [{', '.join(_scalar(v) for v in item)}]")
            elif isinstance(item, (dict, list)):
                out.append(head)
                out += _lines(item, depth + 1)
            else:
                out.append(f"{head} {_scalar(item)}")
    else:
        for item in value:
            if isinstance(item, (dict, list)) and item:
                inner = _lines(item, depth + 1)
                out.append(f"{pad}- {inner[0].lstrip()}")
                out += inner[1:]
            else:
                out.append(f"{pad}- {_scalar(item)}")
    return out


def dump_scenario(data: dict, header: str = "") -> str:
    """The scenario file's text."""
    lines = [f"# {line}" for line in header.splitlines()]
    return "\n".join(lines + _lines(data, 0)) + "\n"
