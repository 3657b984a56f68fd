"""Policy validation and teaching findings, for `xviz lint` and the live editor.

The findings are data (FINDINGS): a stable code, a severity and the documentation page that
explains it; the checks below only decide where they apply.
"""
from __future__ import annotations

from typing import Any

from xviz.engine.arn import parse_arn
from xviz.engine.errors import Diagnostic, InputError, Problems
from xviz.engine.jsonpos import Positions, load_json_text
from xviz.engine.policy import Policy, Statement, compile_policy, resource_grammar

IAM_UG = "https://docs.aws.amazon.com/IAM/latest/UserGuide/"
FINDINGS: dict[str, tuple[str, str, str]] = {
    # code: (severity, English message, documentation page)
    "principal-star-unconditioned": (
        "warning", "Principal \"*\" with no condition allows anyone, anonymous callers included: narrow it "
        "with a condition such as aws:PrincipalOrgID or aws:PrincipalArn",
        IAM_UG + "reference_policies_elements_principal.html"),
    "trust-without-externalid": (
        "warning", "this trust policy lets another account assume the role with no sts:ExternalId or "
        "organization condition: a third party acting for several customers could be used as a confused deputy",
        IAM_UG + "confused-deputy.html"),
    "service-principal-without-source": (
        "warning", "a service principal is allowed with no aws:SourceAccount, aws:SourceArn or aws:SourceOrgID "
        "condition: the service could be made to act on behalf of another account (confused deputy)",
        IAM_UG + "confused-deputy.html"),
    "notprincipal": (
        "warning", "NotPrincipal is hard to get right (every identity in the caller's chain must be listed, and "
        "it always denies callers with a permissions boundary); prefer a condition on aws:PrincipalArn",
        IAM_UG + "reference_policies_elements_notprincipal.html"),
    "action-star": (
        "warning", "Action \"*\" allows every action of every service",
        IAM_UG + "reference_policies_elements_action.html"),
    "notaction-allow": (
        "warning", "Allow with NotAction allows every action not listed, including future ones",
        IAM_UG + "reference_policies_elements_notaction.html"),
    "notresource-allow": (
        "warning", "Allow with NotResource allows every resource not listed, including future ones",
        IAM_UG + "reference_policies_elements_notresource.html"),
}
_ORG_OR_PRINCIPAL_KEYS = ("aws:principalorgid", "aws:principalorgpaths", "aws:principalarn",
                          "aws:principalaccount", "aws:sourceaccount", "aws:sourcearn", "aws:sourceorgid",
                          "aws:sourceorgpaths", "aws:sourceip", "aws:sourcevpc", "aws:sourcevpce",
                          "sts:externalid")
_SOURCE_KEYS = ("aws:sourceaccount", "aws:sourcearn", "aws:sourceorgid", "aws:sourceorgpaths")


def _finding(problems: Problems, code: str, path: tuple, **params: Any) -> None:
    severity, message, doc = FINDINGS[code]
    problems.items.append(Diagnostic(code, message, tuple(path), severity, {"doc": doc, **params}))


def _condition_keys(st: Statement) -> set[str]:
    return {t.key_lower for t in st.conditions}


def _teach(policy: Policy, policy_type: str, account: str | None, problems: Problems) -> None:
    for st in policy.statements:
        keys = _condition_keys(st)
        spec = st.principal
        if st.allow and st.not_action:
            _finding(problems, "notaction-allow", st.path + ("NotAction",))
        if st.allow and st.not_resource:
            _finding(problems, "notresource-allow", st.path + ("NotResource",))
        if st.allow and "*" in st.actions and not st.not_action:
            _finding(problems, "action-star", st.path + ("Action",))
        if spec is None:
            continue
        if st.not_principal:
            _finding(problems, "notprincipal", st.path + ("NotPrincipal",))
            continue
        if not st.allow:
            continue
        if spec.wildcard and not keys & set(_ORG_OR_PRINCIPAL_KEYS):
            _finding(problems, "principal-star-unconditioned", st.path + ("Principal",))
        if spec.services and not keys & set(_SOURCE_KEYS) and policy_type != "trust":
            _finding(problems, "service-principal-without-source", st.path + ("Principal",))
        if policy_type == "trust":
            accounts = set(spec.accounts) | {parse_arn(a).account for a in spec.users | spec.roles | spec.sessions}
            external = {a for a in accounts if a != account}
            if external and not keys & {"sts:externalid", "aws:principalorgid", "aws:principalorgpaths"}:
                _finding(problems, "trust-without-externalid", st.path + ("Principal",),
                         accounts=sorted(external))


def validate_policy(document_or_text: Any, policy_type: str, *, account: str | None = None,
                    file: str | None = None, line_offset: int = 0, service: str | None = None) -> list[Diagnostic]:
    """Every error and finding for one policy, located at line and column when text is given.
    `service`: for a resource-based policy, the service it belongs to (ECR's may leave Resource out)."""
    positions: Positions | None = None
    document = document_or_text
    if isinstance(document_or_text, str):
        try:
            document, positions = load_json_text(document_or_text, file, line_offset)
        except InputError as err:
            return [Diagnostic(err.code, err.message, err.path_tuple, "error", err.params, err.line, err.column,
                               file)]
    problems = Problems()
    grammar = resource_grammar(service) if policy_type == "resource" else policy_type
    policy = compile_policy(document, grammar, (), problems)
    if not problems.errors:
        _teach(policy, policy_type, account, problems)
    for d in problems.items:
        d.file = file
        d.locate(positions)
    order = {"error": 0, "warning": 1, "info": 2}
    return sorted(problems.items, key=lambda d: (d.line or 0, d.column or 0, order[d.severity]))
