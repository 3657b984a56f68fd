"""Metamorphic checks over every row of the rule tables: rewrites that AWS's documentation says cannot
matter must leave the decision unchanged.

- Statement order inside a policy is irrelevant: a policy's statements are each evaluated and the
  results combined ("evaluates all policies ... looks for a Deny statement", denyallow page).
- Condition key names are case-insensitive ("Key names are case-insensitive", variables page).
- A statement that cannot match the request (another service's action) adds nothing.
"""
import copy
import importlib

import pytest

try:
    from .rules_support import Case
    PACKAGE = __package__
except ImportError:
    from rules_support import Case
    PACKAGE = None

from xviz.engine import simulate

MODULES = ["test_rules_evaluation", "test_rules_principals", "test_rules_guardrails", "test_rules_conditions",
           "test_rules_matching", "test_rules_variables", "test_rules_services", "test_rules_edges"]


def _all_cases() -> list[Case]:
    out = []
    for name in MODULES:
        module = importlib.import_module(f"{PACKAGE}.{name}" if PACKAGE else name)
        for value in vars(module).values():
            if isinstance(value, list) and value and all(isinstance(c, Case) for c in value):
                out += [c for c in value if not c.bug]
            elif isinstance(value, list) and value and all(isinstance(r, tuple) and len(r) == 4 for r in value) \
                    and hasattr(module, "holds"):
                out += module.holds(value)  # condition rows: (id, Condition, context, holds)
    unique = {id(c): c for c in out}
    return list(unique.values())


CASES = _all_cases()


def _documents(data):
    docs = [p["document"] for p in data["identity_policies"] + data["session_policies"]]
    docs += [p["document"] for level in data["scps"] + data["rcps"] for p in level["policies"]]
    for single in (data["permission_boundary"], data["resource_policy"]):
        if single:
            docs.append(single["document"])
    return docs


def reversed_statements(data):
    out = copy.deepcopy(data)
    for d in _documents(out):
        if isinstance(d.get("Statement"), list):
            d["Statement"].reverse()
    return out


def upper_case_context_keys(data):
    out = copy.deepcopy(data)
    out["request"]["context"] = {k.upper(): v for k, v in out["request"]["context"].items()}
    return out


def with_unrelated_statements(data):
    """Add to every identity policy an Allow and a Deny for another service's action."""
    out = copy.deepcopy(data)
    if out["request"]["action"].lower().startswith("cloudshell:"):
        return out
    for p in out["identity_policies"]:
        statements = p["document"]["Statement"]
        if not isinstance(statements, list):
            p["document"]["Statement"] = statements = [statements]
        statements += [{"Effect": "Allow", "Action": "cloudshell:CreateEnvironment", "Resource": "*"},
                       {"Effect": "Deny", "Action": "cloudshell:DeleteEnvironment", "Resource": "*"}]
    return out


@pytest.mark.parametrize("rewrite", [reversed_statements, upper_case_context_keys, with_unrelated_statements],
                         ids=lambda f: f.__name__)
def test_rewrites_keep_every_decision(rewrite):
    changed = []
    for case in CASES:
        got = simulate(rewrite(case.data))["decision"]
        if got != case.decision:
            changed.append(f"{case.id}: {case.decision} -> {got}")
    assert not changed, "\n".join(changed)


def test_tables_are_collected():
    assert len(CASES) > 350
