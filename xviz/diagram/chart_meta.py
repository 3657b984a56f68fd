"""What a chart says about itself rather than draws: a UTF-8 byte-order mark, `---` front matter (`title`,
`config`), `%%{init: …}%%` directives, and the accessibility statements `accTitle:` and `accDescr:` (one line,
or `accDescr { … }` over several). Both parsers share these; what xviz cannot use becomes a warning naming
its line, never a failure.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml

from xviz.diagram.errors import DiagramError, DiagramWarning

BOM = "\ufeff"
_DIRECTIVE = re.compile(r"^\s*%%\{\s*(?P<body>.*?)\s*\}%%\s*$")
_ACC_LINE = re.compile(r"^\s*(?P<kind>accTitle|accDescr)\s*:\s*(?P<text>.*?)\s*;?\s*$")
_ACC_BLOCK = re.compile(r"^\s*accDescr\s*\{(?P<text>.*)$")

# Mermaid theme variables xviz draws, and the style field each one sets (see apply_theme in parse.py).
THEME_VARIABLES = {
    "primaryColor": ("node", "fill"), "primaryBorderColor": ("node", "stroke"),
    "primaryTextColor": ("node", "color"), "nodeTextColor": ("node", "color"),
    "mainBkg": ("node", "fill"), "nodeBorder": ("node", "stroke"),
    "clusterBkg": ("cluster", "fill"), "clusterBorder": ("cluster", "stroke"), "titleColor": ("cluster", "color"),
    "lineColor": ("edge", "stroke"), "defaultLinkColor": ("edge", "stroke"),
}


@dataclass
class ChartMeta:
    header_index: int = 0                     # the line of `flowchart …` / `sequenceDiagram`
    title: str | None = None                  # front matter `title`
    theme: dict[str, dict[str, str]] = field(default_factory=dict)   # "node"/"cluster"/"edge" -> style field -> value
    warnings: list[DiagramWarning] = field(default_factory=list)


def _key_line(lines: list[str], first: int, last: int, key: str) -> int:
    """1-based line of `key:` inside lines[first:last], or of the first of them."""
    pattern = re.compile(rf"^\s*['\"]?{re.escape(key)}['\"]?\s*:")
    return next((i + 1 for i in range(first, last) if pattern.match(lines[i])), first + 1)


def _read_config(config, meta: ChartMeta, lines: list[str], first: int, last: int, where: str) -> None:
    """A mermaid `config` mapping (front matter) or `init` directive: theme variables xviz draws are kept."""
    if not isinstance(config, dict):
        meta.warnings.append(DiagramWarning(f"{where} is not a mapping; ignored", first + 1, 1))
        return
    for key, value in config.items():
        line = _key_line(lines, first, last, str(key))
        if key == "themeVariables" and isinstance(value, dict):
            for name, setting in value.items():
                if name in THEME_VARIABLES and isinstance(setting, (str, int, float)):
                    part, prop = THEME_VARIABLES[name]
                    meta.theme.setdefault(part, {})[prop] = str(setting)
                else:
                    meta.warnings.append(DiagramWarning(
                        f"theme variable {name!r} is not drawn by xviz (it draws {', '.join(sorted(THEME_VARIABLES))})",
                        _key_line(lines, first, last, str(name)), 1))
        elif key == "theme":
            meta.warnings.append(DiagramWarning(
                f"theme {value!r} is not used: xviz draws with its own light and dark themes (render --theme)",
                line, 1))
        else:
            meta.warnings.append(DiagramWarning(f"{where} setting {key!r} is not used by xviz", line, 1))


def _front_matter(lines: list[str], meta: ChartMeta) -> int:
    """Read `---` front matter at the top; the index of the line after it (0 when there is none)."""
    if not lines or lines[0].strip() != "---":
        return 0
    close = next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), None)
    if close is None:
        raise DiagramError("front matter opened with '---' is never closed", 1, 1, "a closing '---'")
    try:
        data = yaml.safe_load("\n".join(lines[1:close])) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line, column = (mark.line + 2, mark.column + 1) if mark is not None else (2, 1)
        raise DiagramError(f"front matter is not valid YAML: {getattr(error, 'problem', None) or error}",
                           line, column, "key: value lines") from None
    if not isinstance(data, dict):
        raise DiagramError("front matter must be key: value lines", 2, 1, "title: … or config: …")
    for key, value in data.items():
        line = _key_line(lines, 1, close, str(key))
        if key == "title":
            meta.title = str(value)
        elif key == "config":
            _read_config(value, meta, lines, 1, close, "config")
        else:
            meta.warnings.append(DiagramWarning(f"front matter {key!r} is not used by xviz", line, 1))
    return close + 1


def _directive(line_text: str, index: int, lines: list[str], meta: ChartMeta) -> bool:
    """A `%%{init: …}%%` line: its theme variables are kept; True when the line was a directive."""
    found = _DIRECTIVE.match(line_text)
    if not found:
        return False
    try:
        data = yaml.safe_load("{" + found["body"] + "}")
    except yaml.YAMLError:
        meta.warnings.append(DiagramWarning("cannot read this %%{…}%% directive; ignored", index + 1, 1))
        return True
    for key, value in (data or {}).items():
        if key in ("init", "initialize"):
            _read_config(value, meta, lines, index, index + 1, "init")
        else:
            meta.warnings.append(DiagramWarning(f"directive {key!r} is not used by xviz", index + 1, 1))
    return True


def read_meta(lines: list[str], strip_comment) -> ChartMeta:
    """Front matter and directives before the header; `lines` loses a byte-order mark in place."""
    meta = ChartMeta()
    if lines and lines[0].startswith(BOM):
        lines[0] = lines[0][len(BOM):]
    index = _front_matter(lines, meta)
    while index < len(lines) and (_directive(lines[index], index, lines, meta)
                                  or not strip_comment(lines[index]).strip()):
        index += 1
    meta.header_index = index
    return meta


@dataclass
class Accessibility:
    title: str | None = None
    description: str | None = None


def accessibility_statement(lines: list[str], index: int, found: Accessibility) -> int | None:
    """When lines[index] is `accTitle:`, `accDescr:` or opens `accDescr {`, record it and return the index of
    the line after it; None otherwise. An unclosed block is an error at its opening line."""
    text = lines[index]
    single = _ACC_LINE.match(text)
    if single:
        if single["kind"] == "accTitle":
            found.title = single["text"]
        else:
            found.description = single["text"]
        return index + 1
    block = _ACC_BLOCK.match(text)
    if not block:
        return None
    parts, rest, end = [], block["text"], index
    while "}" not in rest:
        parts.append(rest)
        end += 1
        if end >= len(lines):
            column = text.index("{") + 1
            raise DiagramError("accDescr { is never closed", index + 1, column, "a closing '}'")
        rest = lines[end]
    parts.append(rest[:rest.index("}")])
    found.description = "\n".join(part.strip() for part in parts if part.strip())
    return end + 1


def statement_lines(lines: list[str], start: int, found: Accessibility):
    """(index, line) of each line from `start` on that is not an accessibility statement (those go to `found`)."""
    index = start
    while index < len(lines):
        after = accessibility_statement(lines, index, found)
        if after is None:
            yield index, lines[index]
            index += 1
        else:
            index = after


__all__ = ["Accessibility", "BOM", "ChartMeta", "THEME_VARIABLES", "accessibility_statement", "read_meta",
           "statement_lines"]
