"""Errors and diagnostics: stable codes, English messages, JSON paths and text positions.

The engine speaks in codes and values; `xviz.explain` turns them into English or Japanese.
The English `message` here is the fallback a plain `str()` shows.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Any

from xviz.engine.paths import PathTuple, format_path

SEVERITIES = ("error", "warning", "info")


def where(file: str | None, line: int | None, column: int | None) -> str:
    """`file:line:column`, or as much of it as is known."""
    return ":".join([file or "<input>"] + ([str(line), str(column)] if line is not None else []))


@dataclass
class Diagnostic:
    """One finding about an input: an error AWS would reject, or a warning/teaching note."""

    code: str
    message: str
    path: PathTuple = ()
    severity: str = "error"
    params: dict[str, Any] = field(default_factory=dict)
    line: int | None = None
    column: int | None = None
    file: str | None = None

    @functools.cached_property
    def json_path(self) -> str:  # kept with the diagnostic: cached diagnostics are copied with it
        return format_path(self.path)

    def locate(self, positions) -> "Diagnostic":
        """Fill line/column from a `Positions` map (no-op when there is none)."""
        if positions is not None and self.line is None:
            self.line, self.column = positions.lookup(self.path)
        return self

    def where(self) -> str:
        return where(self.file, self.line, self.column)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "code": self.code,
            "severity": self.severity,
            "message": self.message,
            "path": self.json_path,
        }
        if self.line is not None:
            out["line"], out["column"] = self.line, self.column
        if self.params:
            out["params"] = self.params
        return out


class InputError(Exception):
    """An input the engine refuses (bad JSON, a policy AWS would reject, a malformed request).

    Carries the same fields as a `Diagnostic` so an editor can underline the exact spot.
    """

    def __init__(self, code: str, message: str, path: PathTuple = (), params: dict | None = None,
                 line: int | None = None, column: int | None = None, file: str | None = None):
        super().__init__(message)
        self.code = code
        self.message = message
        self.path_tuple: PathTuple = tuple(path)
        self.params = params or {}
        self.line = line
        self.column = column
        self.file = file

    @classmethod
    def from_diagnostic(cls, d: Diagnostic) -> "InputError":
        return cls(d.code, d.message, d.path, d.params, d.line, d.column, d.file)

    @property
    def path(self) -> str:
        return format_path(self.path_tuple)

    def locate(self, positions, file: str | None = None) -> "InputError":
        if file is not None and self.file is None:
            self.file = file
        if positions is not None and self.line is None:
            self.line, self.column = positions.lookup(self.path_tuple)
        return self

    def where(self) -> str:
        return where(self.file, self.line, self.column)

    def __str__(self) -> str:
        return f"{self.where()}: {self.message} (at {self.path})"

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"code": self.code, "message": self.message, "path": self.path}
        if self.line is not None:
            out["line"], out["column"] = self.line, self.column
        if self.file is not None:
            out["file"] = self.file
        return out


class Problems:
    """Collects diagnostics while compiling; the first error can be raised as an InputError."""

    __slots__ = ("items", "memo")

    def __init__(self) -> None:
        self.items: list[Diagnostic] = []
        # Per-compilation memo (one request, one policy): the same action text in twenty statements
        # is checked once. It lives and dies with this object, so nothing is cached across calls.
        self.memo: dict = {}

    def error(self, code: str, message: str, path: PathTuple, **params: Any) -> None:
        self.items.append(Diagnostic(code, message, tuple(path), "error", params))

    def warn(self, code: str, message: str, path: PathTuple, **params: Any) -> None:
        self.items.append(Diagnostic(code, message, tuple(path), "warning", params))

    def info(self, code: str, message: str, path: PathTuple, **params: Any) -> None:
        self.items.append(Diagnostic(code, message, tuple(path), "info", params))

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.items if d.severity == "error"]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.items if d.severity != "error"]

    def raise_first_error(self) -> None:
        for d in self.items:
            if d.severity == "error":
                raise InputError.from_diagnostic(d)
