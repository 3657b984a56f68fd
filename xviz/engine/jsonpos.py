"""Strict JSON loading that can tell where every value stands in the text.

`json.loads` does the parsing (fast, exact). Positions are found only when someone asks
(an error or a warning to underline), by one extra scan of the text: the fast path pays nothing.
"""
from __future__ import annotations

import bisect
import json
import re
from typing import Any

from xviz.engine.errors import InputError
from xviz.engine.paths import PathTuple
from xviz.files.limits import MAX_JSON_BYTES

MAX_BYTES = MAX_JSON_BYTES  # one limit for every command: xviz.files.limits
MAX_DEPTH = 200

_WS = re.compile(r"[ \t\n\r]*")
_STRING = re.compile(r'"(?:[^"\\\x00-\x1f]|\\.)*"', re.S)
_SCALAR = re.compile(r"[^,\]\}\s]+")
_BRACKET_OR_STRING = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]', re.S)


class Positions:
    """Maps JSON paths to (line, column), 1-based, built lazily from the source text."""

    def __init__(self, text: str, line_offset: int = 0, column_offset: int = 0):
        self.text = text
        self.line_offset = line_offset      # for JSON embedded in another file (a YAML block)
        self.column_offset = column_offset
        self._values: dict[PathTuple, int] | None = None
        self._keys: dict[PathTuple, int] = {}
        self._line_starts: list[int] | None = None
        self.duplicate: tuple[PathTuple, int] | None = None

    # -- public ------------------------------------------------------------------------------
    def lookup(self, path: PathTuple) -> tuple[int, int]:
        """Position of the value at `path`, or of its nearest ancestor that exists."""
        values = self._scan()
        path = tuple(path)
        while path not in values and path:
            path = path[:-1]
        return self.line_col(values.get(path, 0))

    def lookup_key(self, path: PathTuple) -> tuple[int, int]:
        """Position of the key naming `path` (its last part), else of the value."""
        self._scan()
        offset = self._keys.get(tuple(path))
        return self.line_col(offset) if offset is not None else self.lookup(path)

    def line_col(self, offset: int) -> tuple[int, int]:
        if self._line_starts is None:
            self._line_starts = [0] + [m.end() for m in re.finditer(r"\n", self.text)]
        i = bisect.bisect_right(self._line_starts, offset) - 1
        col = offset - self._line_starts[i] + 1
        if i == 0:
            col += self.column_offset
        return i + 1 + self.line_offset, col

    # -- the scan ----------------------------------------------------------------------------
    def _scan(self) -> dict[PathTuple, int]:
        if self._values is None:
            self._values = {}
            try:
                self._walk()
            except (IndexError, ValueError):
                pass  # invalid text: keep what was found; json.loads reports the real error
        return self._values

    def _walk(self) -> None:
        text, values, keys = self.text, self._values, self._keys
        i = _WS.match(text, 0).end()
        # Stack frames: [kind, path, index, seen_keys]
        stack: list[list[Any]] = []
        path: PathTuple = ()
        while True:
            # --- read one value at i, with `path` ---
            values[path] = i
            ch = text[i]
            if ch == "{":
                i = _WS.match(text, i + 1).end()
                if text[i] == "}":
                    i += 1
                else:
                    stack.append(["o", path, None, set()])
                    path, i = self._read_key(stack[-1], i)
                    continue
            elif ch == "[":
                i = _WS.match(text, i + 1).end()
                if text[i] == "]":
                    i += 1
                else:
                    stack.append(["a", path, 0, None])
                    path = path + (0,)
                    continue
            elif ch == '"':
                m = _STRING.match(text, i)
                i = m.end() if m else len(text)
            else:
                m = _SCALAR.match(text, i)
                i = m.end() if m else i + 1
            # --- after a value: close containers or move to the next member ---
            while True:
                if not stack:
                    return
                i = _WS.match(text, i).end()
                frame = stack[-1]
                ch = text[i]
                if ch == ",":
                    i = _WS.match(text, i + 1).end()
                    if frame[0] == "a":
                        frame[2] += 1
                        path = frame[1] + (frame[2],)
                    else:
                        path, i = self._read_key(frame, i)
                    break
                stack.pop()  # '}' or ']'
                i += 1

    def _read_key(self, frame: list, i: int) -> tuple[PathTuple, int]:
        m = _STRING.match(self.text, i)
        key = json.loads(m.group(0))
        path = frame[1] + (key,)
        if key in frame[3] and self.duplicate is None:
            self.duplicate = (path, i)
        frame[3].add(key)
        self._keys.setdefault(path, i)
        i = _WS.match(self.text, m.end()).end()  # at ':'
        return path, _WS.match(self.text, i + 1).end()


class _DuplicateKey(Exception):
    pass


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out = dict(pairs)
    if len(out) != len(pairs):
        raise _DuplicateKey()
    return out


def decode_text(data: bytes, file: str | None = None) -> str:
    """Bytes of a file to text: UTF-8 (a BOM is allowed); anything else is a clear error."""
    if len(data) > MAX_BYTES:
        raise InputError("file-too-large", f"the file is larger than {MAX_BYTES // (1024 * 1024)} MiB",
                         (), {"limit_mib": MAX_BYTES // (1024 * 1024)}, 1, 1, file)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        head = data[: e.start].decode("utf-8", errors="replace")
        line = head.count("\n") + 1
        col = len(head) - (head.rfind("\n") + 1) + 1
        raise InputError("not-utf8", "the file is not UTF-8 text (binary data?)", (),
                         {"offset": e.start}, line, col, file) from None


def _too_deep(text: str) -> int | None:
    depth = 0
    for m in _BRACKET_OR_STRING.finditer(text):
        c = m.group(0)
        if c in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return m.start()
        elif c in "]}":
            depth -= 1
    return None


def load_json_text(text: str, file: str | None = None,
                   line_offset: int = 0, column_offset: int = 0) -> tuple[Any, Positions]:
    """Parse JSON text strictly. Raises `InputError` with line and column on any problem."""
    positions = Positions(text, line_offset, column_offset)
    if not text.strip():
        raise InputError("empty", "the input is empty: expected a JSON object", (), {},
                         1 + line_offset, 1 + column_offset, file)
    deep_at = _too_deep(text) if text.count("[") + text.count("{") > MAX_DEPTH else None
    if deep_at is not None:
        line, col = positions.line_col(deep_at)
        raise InputError("too-deep", f"the JSON is nested more than {MAX_DEPTH} levels deep", (),
                         {"limit": MAX_DEPTH}, line, col, file)
    try:
        value = json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_reject_constant)
    except _DuplicateKey:
        positions.lookup(())
        dup_path, offset = positions.duplicate or ((), 0)
        line, col = positions.line_col(offset)
        raise InputError("duplicate-key", f"the key {dup_path[-1]!r} appears twice in the same object",
                         dup_path, {"key": dup_path[-1] if dup_path else ""}, line, col, file) from None
    except json.JSONDecodeError as e:
        line, col = positions.line_col(e.pos)
        raise InputError("invalid-json", f"invalid JSON: {e.msg}", (), {"detail": e.msg},
                         line, col, file) from None
    except (RecursionError, ValueError) as e:
        raise InputError("invalid-json", f"invalid JSON: {e}", (), {"detail": str(e)},
                         1 + line_offset, 1 + column_offset, file) from None
    return value, positions


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not valid JSON")
