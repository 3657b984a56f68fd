"""Policy JSON text -> (data, positions) through the engine's strict parser, with one error type here."""
from __future__ import annotations

from typing import Any

from xviz.engine import InputError, load_json_text
from xviz.files.limits import lone_surrogate, lone_surrogate_path


class JsonTextError(Exception):
    """Bad policy JSON; `line`/`column` are 1-based inside the policy text."""

    severity = "error"
    code = "policy_json"

    def __init__(self, message: str, line: int | None, column: int | None):
        super().__init__(message)
        self.message, self.line, self.column = message, line, column


def load_policy_json(text: str, file: str | None = None) -> tuple[Any, Any]:
    """Parse policy JSON text; `positions.lookup(path) -> (line, column)` inside `text`."""
    try:
        data, positions = load_json_text(text, file)
    except InputError as exc:
        raise JsonTextError(exc.message, exc.line, exc.column) from None
    bad = lone_surrogate_path(text, data)
    if bad is not None:
        line, column = positions.lookup(bad)
        raise JsonTextError(lone_surrogate(file, None).message, line, column)
    return data, positions
