"""The input limits every command and the window share, and the checks that enforce them cheaply,
before any expensive work (composing YAML, validating, laying out, drawing).

Each limit is far above anything a teaching scenario needs and far below what makes the app hang or
run out of memory. A refused input raises `LimitError`, which names the file, line and column.

Where each is enforced (commands exit 2 with one message; the window shows the problem instead):
- MAX_SCENARIO_BYTES: scenario.loader.read_scenario_file (check, run, render, open, the window through
  ui.loading.screened) reads at most limit+1 bytes; scenario.loader.loads for text not read from a file.
- MAX_JSON_BYTES: commands.simulate.read_json_input (simulate, lint, also stdin); engine.jsonpos.decode_text.
- MAX_CHART_BYTES, and MAX_LINE_CHARS for charts: commands.render.load_chart (.mmd and Markdown).
- MAX_LINE_CHARS: scenario.loader.loads (every scenario path: commands, window, recovery copies, what-ifs).
- MAX_YAML_DEPTH, aliases, lone surrogates in YAML: scenario.yamlsource (both composers, before any
  alias is followed or Python's recursion limit is near); scenario.loader.screen runs these for the
  window and `open` before any other YAML reader sees the text.
- Lone surrogates in JSON: scenario.jsontext (policies in scenarios), commands.simulate (simulate, lint);
  cli prints any that slip through as escapes; files.safe_save refuses to write one (UnencodableText).
- MAX_ACCOUNTS, MAX_POLICIES, MAX_STEPS, MAX_WHAT_IFS: scenario.loader._check_counts, after the schema
  and before references are checked, policies parsed or steps run.
- MAX_EXPORT_PIXELS, MAX_EXPORT_SIDE: ui.diagram.export.render_image (render and the window's export),
  before the image memory is taken.
- MAX_CHART_NESTING: diagram.flow_parser (subgraphs) and diagram.sequence_parser (blocks), as a
  DiagramError at the opening line, before layout (which recurses once per level).
JSON nesting keeps the engine's own limit (engine.jsonpos.MAX_DEPTH, 200).
"""
from __future__ import annotations

import re

MiB = 1024 * 1024

MAX_SCENARIO_BYTES = 5_000_000   # a scenario file (the biggest shipped one is ~60 KB)
MAX_JSON_BYTES = 16 * MiB        # a simulate request or a policy file (`simulate`, `lint`)
MAX_CHART_BYTES = 5_000_000      # a mermaid chart or a Markdown file holding charts (`render`)
MAX_LINE_CHARS = 20_000          # one line: Qt lays out an unbroken 300 KB line for seconds
MAX_YAML_DEPTH = 64              # nesting of mappings and lists in a scenario (they need about 10)
MAX_CHART_NESTING = 32           # subgraphs in subgraphs, loop/alt/... blocks in blocks (layout recurses)
MAX_ACCOUNTS = 1_000
MAX_POLICIES = 2_000
MAX_STEPS = 1_000                # over all flows of a scenario
MAX_WHAT_IFS = 100               # `check` loads the scenario once per what-if
MAX_EXPORT_PIXELS = 100_000_000  # a PNG export: 100 megapixels is 400 MB of image memory
MAX_EXPORT_SIDE = 32_767         # QImage and most viewers cannot go past this many pixels a side


class LimitError(Exception):
    """An input refused before it is read in full or processed. `line`/`column` are 1-based."""

    def __init__(self, code: str, message: str, file: str | None = None, line: int | None = 1,
                 column: int | None = 1, hint: str = "", **params):
        super().__init__(message)
        self.code, self.message, self.hint, self.params = code, message, hint, params
        self.file, self.line, self.column = file, line, column

    def where(self) -> str:
        parts = [self.file or "<input>"] + ([str(self.line)] if self.line is not None else [])
        return ":".join(parts + ([str(self.column)] if self.line is not None and self.column is not None else []))

    def __str__(self) -> str:
        return f"{self.where()}: {self.message}" + (f" ({self.hint})" if self.hint else "")


def too_large(file: str | None, limit: int) -> LimitError:
    return LimitError("file-too-large", f"the file is larger than {_size(limit)}", file, 1, 1,
                      "split it, or remove what the lesson does not need", limit_bytes=limit, limit=_size(limit),
                      limit_mib=limit // MiB if limit % MiB == 0 else round(limit / MiB, 1))


def _size(count: int) -> str:
    return f"{count // MiB} MiB" if count % MiB == 0 else f"{count / 1_000_000:g} MB"


def check_lines(text: str, file: str | None = None, limit: int = MAX_LINE_CHARS) -> None:
    """Refuse a line longer than `limit` characters, at its line and the first column past the limit."""
    if len(text) <= limit:
        return
    lines = text.split("\n")
    if max(map(len, lines)) <= limit:  # one pass in C; only a refusal pays for finding the line
        return
    line = next(number for number, row in enumerate(lines, 1) if len(row) > limit)
    raise LimitError("line-too-long", f"line {line} is longer than {limit:,} characters", file, line, limit + 1,
                     "break it into several lines", limit=limit)


def check_count(what: str, count: int, limit: int, file: str | None, at: tuple[int, int] | None) -> None:
    """Refuse more than `limit` items of `what` (accounts, policies, steps, what-ifs)."""
    if count > limit:
        line, column = at or (1, 1)
        raise LimitError("too-many", f"the scenario has {count:,} {what}; the limit is {limit:,}", file, line,
                         column, "split it into several scenarios", what=what, count=count, limit=limit)


def first_lone_surrogate(text: str) -> int | None:
    """Index of the first lone surrogate (U+D800..U+DFFF), which no UTF-8 file or terminal can hold."""
    if text.isascii():
        return None
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        return exc.start
    return None


_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")


def lone_surrogate_path(json_text: str, data) -> tuple | None:
    """The path (keys and indices) of the first key or string in parsed JSON that holds a lone
    surrogate; json.loads accepts the escape "\\ud800" alone, but no printer or file can take it.
    Only texts with such an escape are walked, so ordinary input pays one regex search."""
    if not _SURROGATE_ESCAPE.search(json_text):
        return None
    stack = [((), data)]
    while stack:
        path, value = stack.pop()
        if isinstance(value, str):
            if first_lone_surrogate(value) is not None:
                return path
        elif isinstance(value, dict):
            for key, item in value.items():
                if first_lone_surrogate(key) is not None:
                    return path + (key,)
                stack.append((path + (key,), item))
        elif isinstance(value, list):
            stack.extend((path + (i,), item) for i, item in enumerate(value))
    return None


def lone_surrogate(file: str | None, at: tuple[int, int] | None, path_text: str = "") -> LimitError:
    line, column = at or (None, None)
    return LimitError("lone-surrogate", "this text holds a lone surrogate (an escape from \\ud800 to \\udfff "
                      "without its pair), which no file or screen can show", file, line, column,
                      "remove the escape or write the character itself", path=path_text)
