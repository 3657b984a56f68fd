"""Policy JSON text -> data plus positions, through the engine's `load_json_text` when it exists.

The local parser is a stand-in used only until `xviz.engine.load_json_text` is importable; both give
`(data, positions)` with `positions.lookup(path) -> (line, column)` (1-based) and raise an error
carrying `message`, `line` and `column`.
"""
from __future__ import annotations

import bisect
import json
import re
from typing import Any


class JsonTextError(Exception):
    def __init__(self, message: str, line: int | None, column: int | None):
        super().__init__(message)
        self.message, self.line, self.column = message, line, column


class _Positions:
    def __init__(self, table: dict):
        self._table = table

    def lookup(self, path) -> tuple[int, int] | None:
        path = tuple(path)
        while path not in self._table and path:
            path = path[:-1]
        return self._table.get(path)


_WS = re.compile(r"[ \t\n\r]*")
_NUMBER = re.compile(r"-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?")
_STRING = re.compile(r'"(?:[^"\\\x00-\x1f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"')


class _Parser:
    def __init__(self, text: str):
        self.text = text
        self.line_starts = [0] + [m.end() for m in re.finditer(r"\n", text)]
        self.table: dict = {}

    def where(self, index: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.line_starts, index)
        return line, index - self.line_starts[line - 1] + 1

    def fail(self, index: int, message: str):
        raise JsonTextError(message, *self.where(index))

    def skip(self, i: int) -> int:
        return _WS.match(self.text, i).end()

    def value(self, i: int, path: tuple) -> tuple[Any, int]:
        i = self.skip(i)
        self.table[path] = self.where(i)
        text = self.text
        if i >= len(text):
            self.fail(i, "the JSON text ends where a value was expected")
        ch = text[i]
        if ch == "{":
            return self.obj(i + 1, path)
        if ch == "[":
            return self.arr(i + 1, path)
        if ch == '"':
            m = _STRING.match(text, i)
            if not m:
                self.fail(i, "unterminated or invalid string")
            return json.loads(m.group()), m.end()
        m = _NUMBER.match(text, i)
        if m and m.group():
            return json.loads(m.group()), m.end()
        for word, val in (("true", True), ("false", False), ("null", None)):
            if text.startswith(word, i):
                return val, i + len(word)
        self.fail(i, f"unexpected character {ch!r} where a JSON value was expected")

    def obj(self, i: int, path: tuple):
        result: dict = {}
        i = self.skip(i)
        if self.text.startswith("}", i):
            return result, i + 1
        while True:
            i = self.skip(i)
            m = _STRING.match(self.text, i)
            if not m:
                self.fail(i, "expected a quoted key")
            key = json.loads(m.group())
            i = self.skip(m.end())
            if not self.text.startswith(":", i):
                self.fail(i, "expected ':' after the key")
            result[key], i = self.value(i + 1, path + (key,))
            i = self.skip(i)
            if self.text.startswith(",", i):
                i += 1
                continue
            if self.text.startswith("}", i):
                return result, i + 1
            self.fail(i, "expected ',' or '}'")

    def arr(self, i: int, path: tuple):
        result: list = []
        i = self.skip(i)
        if self.text.startswith("]", i):
            return result, i + 1
        while True:
            item, i = self.value(i, path + (len(result),))
            result.append(item)
            i = self.skip(i)
            if self.text.startswith(",", i):
                i += 1
                continue
            if self.text.startswith("]", i):
                return result, i + 1
            self.fail(i, "expected ',' or ']'")


def _local_load(text: str) -> tuple[Any, _Positions]:
    parser = _Parser(text)
    data, end = parser.value(0, ())
    end = parser.skip(end)
    if end != len(text):
        parser.fail(end, "extra text after the JSON value")
    return data, _Positions(parser.table)


def load_policy_json(text: str, file: str | None = None) -> tuple[Any, Any]:
    """Parse policy JSON text; raises JsonTextError with 1-based line/column inside `text`."""
    try:
        from xviz.engine import InputError, load_json_text
    except ImportError:
        return _local_load(text)
    try:
        return load_json_text(text, file)
    except InputError as exc:
        raise JsonTextError(exc.message, exc.line, exc.column) from None
