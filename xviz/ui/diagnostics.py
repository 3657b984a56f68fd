"""Diagnostics for the policy editor: the validators it can call and the problems list model.

A validator is any callable `validate(text) -> list[Diagnostic-like]`, where a Diagnostic-like object
has `line`, `column` (1-based, code points), `message`, and optionally `severity` and `code`, as the
engine's `validate_policy` returns. `json_syntax_validator` reports what
Python's json module finds.
"""
from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QLocale, QModelIndex, QPersistentModelIndex, Qt

from xviz.ui.plain import plain_tooltip

SEVERITIES = ("error", "warning", "info")


@dataclass(frozen=True)
class EditorDiagnostic:
    line: int  # 1-based
    column: int  # 1-based, in code points
    message: str
    severity: str = "error"
    code: str = ""


Validator = Callable[[str], Sequence[object]]


def to_editor_diagnostic(item: object) -> EditorDiagnostic:
    """Accept the engine's Diagnostic, its InputError, or anything with the same attributes."""
    line = getattr(item, "line", None) or 1
    column = getattr(item, "column", None) or 1
    severity = str(getattr(item, "severity", "error") or "error")
    return EditorDiagnostic(
        line=max(int(line), 1), column=max(int(column), 1),
        message=str(getattr(item, "message", "") or item),
        severity=severity if severity in SEVERITIES else "error",
        code=str(getattr(item, "code", "") or ""),
    )


def current_language() -> str:
    """The UI language, as set by UiContext through QLocale's default."""
    return "ja" if QLocale().language() == QLocale.Language.Japanese else "en"


def json_error_message(message: str) -> str:
    """Python's json messages, in the UI language (the position is shown separately)."""
    known = {
        "Expecting value": QCoreApplication.translate("JsonErrors", "A value is expected here."),
        "Expecting ',' delimiter": QCoreApplication.translate("JsonErrors", "A comma (,) is missing before this."),
        "Expecting ':' delimiter": QCoreApplication.translate("JsonErrors", "A colon (:) is expected after the key."),
        "Expecting property name enclosed in double quotes": QCoreApplication.translate(
            "JsonErrors", "A key in double quotes is expected here (is there a comma too many?)."),
        "Unterminated string starting at": QCoreApplication.translate(
            "JsonErrors", "This string has no closing double quote."),
        "Invalid control character at": QCoreApplication.translate(
            "JsonErrors", "A string cannot contain a line break or tab; write \\n or \\t."),
        "Extra data": QCoreApplication.translate(
            "JsonErrors", "There is text after the end of the JSON document."),
        "Invalid \\escape": QCoreApplication.translate("JsonErrors", "This backslash escape is not valid JSON."),
        "Illegal trailing comma before end of object": QCoreApplication.translate(
            "JsonErrors", "Remove the comma before the closing brace."),
        "Illegal trailing comma before end of array": QCoreApplication.translate(
            "JsonErrors", "Remove the comma before the closing bracket."),
    }
    return known.get(message, message)


def json_syntax_validator(text: str) -> list[EditorDiagnostic]:
    try:
        json.loads(text)
    except json.JSONDecodeError as exc:
        return [EditorDiagnostic(exc.lineno, exc.colno, json_error_message(exc.msg), "error", "json.syntax")]
    return []


def engine_validator(policy_type: str) -> Validator:
    """The engine's `validate_policy` for this policy type, its messages in the UI language (for an
    editor used on its own; in the workbench the scenario document validates)."""
    from xviz.engine import validate_policy  # noqa: PLC0415 - the engine loads with the first editor

    def validate(text: str) -> list[EditorDiagnostic]:
        return [localized(d, current_language()) for d in validate_policy(text, policy_type)]

    return validate


def localized(finding, lang: str) -> EditorDiagnostic:
    """A document's finding (line, column, message, code, params) in the UI language."""
    from xviz.explain import explain_error  # noqa: PLC0415 - with the workbench only

    diag = to_editor_diagnostic(finding)
    message = explain_error({"code": diag.code, "params": getattr(finding, "params", None) or {},
                             "message": diag.message}, lang)
    return replace(diag, message=str(message or diag.message))


def run_validator(validator: Validator, text: str) -> list[EditorDiagnostic]:
    """Never lets a validator take the editor down: its exception becomes one diagnostic."""
    try:
        return [to_editor_diagnostic(d) for d in validator(text)]
    except Exception as exc:  # noqa: BLE001 - an InputError carries line/column; anything else is line 1
        return [to_editor_diagnostic(exc)]


def severity_label(severity: str) -> str:
    labels = {
        "error": QCoreApplication.translate("Diagnostics", "Error"),
        "warning": QCoreApplication.translate("Diagnostics", "Warning"),
        "info": QCoreApplication.translate("Diagnostics", "Info"),
    }
    return labels.get(severity, severity)


class ProblemsModel(QAbstractTableModel):
    """Every diagnostic of every open policy, one row each: severity, policy, line, column, message."""

    COLUMNS = ("severity", "line", "column", "message", "source")

    def __init__(self, parent=None):
        super().__init__(parent)
        self._by_source: dict[str, list[EditorDiagnostic]] = {}
        self._labels: dict[str, str] = {}
        self._rows: list[tuple[str, EditorDiagnostic]] = []

    def set_diagnostics(self, source: str, diagnostics: Sequence[EditorDiagnostic], label: str | None = None) -> None:
        """Replace the diagnostics of one source (a policy id); `label` is what the Policy column shows."""
        self.beginResetModel()
        self._labels[source] = label or self._labels.get(source, source)
        if diagnostics:
            self._by_source[source] = list(diagnostics)
        else:
            self._by_source.pop(source, None)
        self._rows = [(s, d) for s, ds in self._by_source.items() for d in ds]
        self.endResetModel()

    def row_at(self, row: int) -> tuple[str, EditorDiagnostic]:
        return self._rows[row]

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self.COLUMNS)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        source, diag = self._rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return {
                "severity": severity_label(diag.severity), "source": self._labels.get(source, source),
                "line": diag.line, "column": diag.column, "message": diag.message,
            }[column]
        if role == Qt.ItemDataRole.ToolTipRole and column == "message":
            return plain_tooltip(diag.message)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return {
            "severity": QCoreApplication.translate("ProblemsModel", "Severity"),
            "line": QCoreApplication.translate("ProblemsModel", "Line"),
            "column": QCoreApplication.translate("ProblemsModel", "Column"),
            "message": QCoreApplication.translate("ProblemsModel", "Message"),
            "source": QCoreApplication.translate("ProblemsModel", "Policy"),
        }[self.COLUMNS[section]]

    def relabel(self, source: str, label: str) -> None:
        self._labels[source] = label
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(self.COLUMNS) - 1))

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.COLUMNS) - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, 0))
