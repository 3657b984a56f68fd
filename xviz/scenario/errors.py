"""The one error type a scenario file can raise: a list of problems, each with its place and a hint."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a scenario file. `line`/`column` are 1-based (None when unknown)."""

    code: str
    message: str
    hint: str = ""
    file: str | None = None
    line: int | None = None
    column: int | None = None
    severity: str = "error"
    params: dict = field(default_factory=dict, compare=False)

    def format(self) -> str:
        where = self.file or "<scenario>"
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        label = "" if self.severity == "error" else f"{self.severity}: "
        text = f"{where}: {label}{self.message}"
        if self.hint:
            text += f" ({self.hint})"
        return text


class ScenarioError(Exception):
    """A scenario file could not be read, validated or written. Carries at least one Problem."""

    def __init__(self, problems: list[Problem]):
        if not problems:
            raise ValueError("ScenarioError needs at least one problem")
        self.problems = list(problems)
        super().__init__("\n".join(p.format() for p in self.problems))

    @property
    def first(self) -> Problem:
        return self.problems[0]


class ProblemSink:
    """Collects problems during one validation pass, so a file reports all its errors at once."""

    def __init__(self, file: str | None):
        self.file = file
        self.problems: list[Problem] = []

    def add(self, code: str, message: str, hint: str = "", at: tuple[int, int] | None = None,
            severity: str = "error", **params) -> None:
        line, column = at if at else (None, None)
        self.problems.append(Problem(code, message, hint, self.file, line, column, severity, params))

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    def raise_if_errors(self) -> None:
        if self.errors:
            raise ScenarioError(self.errors)
