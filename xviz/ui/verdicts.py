"""Verdict names and colours, shared by the flow panel, the explanation panel and (later) diagrams."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from xviz.ui.theme import Colors


def verdict_label(verdict: str | None) -> str:
    labels = {
        "allow": QCoreApplication.translate("Verdicts", "Allow"),
        "explicit_deny": QCoreApplication.translate("Verdicts", "Explicit deny"),
        "implicit_deny": QCoreApplication.translate("Verdicts", "Implicit deny"),
        "input_error": QCoreApplication.translate("Verdicts", "Invalid request"),
        "not_reached": QCoreApplication.translate("Verdicts", "Not reached"),
        "hidden": QCoreApplication.translate("Verdicts", "? Predict"),  # predict mode: not revealed yet
    }
    return labels.get(verdict or "", QCoreApplication.translate("Verdicts", "Not evaluated"))


def expected_label(verdict: str | None) -> str:
    return QCoreApplication.translate("Verdicts", "Expected: {0}").format(verdict_label(verdict))


def verdict_color(verdict: str | None, colors: Colors) -> str:
    return {
        "allow": colors.allow, "explicit_deny": colors.explicit_deny,
        "implicit_deny": colors.implicit_deny, "input_error": colors.error,
        "not_reached": colors.card_border, "hidden": colors.info,  # a question, not a verdict
    }.get(verdict or "", colors.card_border)
