"""Builders and a runner for the table-driven engine rule tests.

Every table row is a `Case`: one simulate-request object (format v1, `shared/spec/simulate-request.md`)
plus what AWS's documentation says the answer is. Tests use only the public API
(`xviz.engine.simulate`), so they pin behaviour, not implementation.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pytest

__all__ = [
    "UG", "ORGS", "A", "B", "USER", "USER_BOB", "USER_B", "ROOT_A", "ROOT_B", "ROLE", "SESSION", "SESSION_2",
    "ROLE_B", "SESSION_B", "FED", "SERVICE", "BUCKET", "OBJ", "OBJECTS", "KEY", "QUEUE", "ORG", "ROOT_OU", "OU",
    "stmt", "allow", "deny", "doc", "FULL_ACCESS", "trust", "req", "session_req", "dec", "miss", "Case",
    "page_slug", "params", "check",
]

UG = "https://docs.aws.amazon.com/IAM/latest/UserGuide/"
ORGS = "https://docs.aws.amazon.com/organizations/latest/userguide/"

# Two accounts: A owns the resources in most tables, B is "the other account".
A = "111122223333"
B = "444455556666"

USER = f"arn:aws:iam::{A}:user/alice"
USER_BOB = f"arn:aws:iam::{A}:user/bob"
USER_B = f"arn:aws:iam::{B}:user/carol"
ROOT_A = f"arn:aws:iam::{A}:root"
ROOT_B = f"arn:aws:iam::{B}:root"
# A role with a path: its sessions' ARNs drop the path, aws:PrincipalArn keeps it.
ROLE = f"arn:aws:iam::{A}:role/app/AppRole"
SESSION = f"arn:aws:sts::{A}:assumed-role/AppRole/s1"
SESSION_2 = f"arn:aws:sts::{A}:assumed-role/AppRole/s2"
ROLE_B = f"arn:aws:iam::{B}:role/Reader"
SESSION_B = f"arn:aws:sts::{B}:assumed-role/Reader/job"
FED = f"arn:aws:sts::{A}:federated-user/dave"
SERVICE = "cloudtrail.amazonaws.com"

BUCKET = "arn:aws:s3:::bucket-a"
OBJ = "arn:aws:s3:::bucket-a/reports/q1.csv"
OBJECTS = "arn:aws:s3:::bucket-a/*"
KEY = f"arn:aws:kms:us-east-1:{A}:key/1234abcd-12ab-34cd-56ef-1234567890ab"
QUEUE = f"arn:aws:sqs:us-east-1:{A}:orders"

ORG = "o-a1b2c3d4e5"
ROOT_OU = "r-ab12"
OU = "ou-ab12-11111111"


# --- policy documents -----------------------------------------------------------------------

def stmt(effect: str, action: Any = "s3:GetObject", resource: Any = "*", *, sid: str | None = None,
         principal: Any = None, not_principal: Any = None, not_action: Any = None,
         not_resource: Any = None, condition: dict | None = None) -> dict:
    """One statement. `resource=None` omits Resource (trust policies have none)."""
    s: dict[str, Any] = {}
    if sid is not None:
        s["Sid"] = sid
    s["Effect"] = effect
    if principal is not None:
        s["Principal"] = principal
    if not_principal is not None:
        s["NotPrincipal"] = not_principal
    if not_action is not None:
        s["NotAction"] = not_action
    else:
        s["Action"] = action
    if not_resource is not None:
        s["NotResource"] = not_resource
    elif resource is not None:
        s["Resource"] = resource
    if condition is not None:
        s["Condition"] = condition
    return s


def allow(action: Any = "s3:GetObject", resource: Any = "*", **kw: Any) -> dict:
    return stmt("Allow", action, resource, **kw)


def deny(action: Any = "s3:GetObject", resource: Any = "*", **kw: Any) -> dict:
    return stmt("Deny", action, resource, **kw)


def doc(*statements: dict, version: str | None = "2012-10-17") -> dict:
    d: dict[str, Any] = {}
    if version is not None:
        d["Version"] = version
    d["Statement"] = list(statements)
    return d


FULL_ACCESS = doc(allow("*", "*", sid="FullAWSAccess"))


def trust(*statements: dict) -> dict:
    """A role trust policy document (statements should use resource=None)."""
    return doc(*statements)


# --- requests --------------------------------------------------------------------------------

def _account_of(arn: str) -> str:
    parts = arn.split(":")
    return parts[4] if len(parts) > 5 else ""


def _named(prefix: str, docs) -> list[dict]:
    return [{"name": f"{prefix}{i + 1}", "document": d} for i, d in enumerate(docs)]


def _levels(prefix: str, levels) -> list[dict]:
    return [{"target": target, "policies": _named(prefix, docs)} for target, docs in levels]


def req(principal: str = USER, action: str = "s3:GetObject", resource: str = OBJ, *,
        resource_account: str | None = None, context: dict | None = None, role_arn: str | None = None,
        identity=(), boundary: dict | None = None, session=(), scps=(), rcps=(),
        resource_policy: dict | None = None, principal_is_management: bool = False,
        resource_is_management: bool = False) -> dict:
    """A simulate request with every key spelled out.

    Policy names are generated: identity policies `id1, id2, …`, the boundary `boundary`, session
    policies `sess1, …`, SCPs `scp1, …` and RCPs `rcp1, …` within each level, the resource policy
    `rbp`. `scps`/`rcps` are lists of `(target, [documents])` from the root down.
    """
    request: dict[str, Any] = {
        "principal": principal,
        "action": action,
        "resource": resource,
        "resource_account": resource_account or _account_of(resource) or A,
        "context": dict(context or {}),
    }
    if role_arn is not None:
        request["role_arn"] = role_arn
    return {
        "request": request,
        "identity_policies": _named("id", identity),
        "permission_boundary": None if boundary is None else {"name": "boundary", "document": boundary},
        "session_policies": _named("sess", session),
        "scps": _levels("scp", scps),
        "rcps": _levels("rcp", rcps),
        "resource_policy": None if resource_policy is None else {"name": "rbp", "document": resource_policy},
        "principal_account_is_management": principal_is_management,
        "resource_account_is_management": resource_is_management,
    }


def session_req(**kw: Any) -> dict:
    """A request from the assumed-role session SESSION of ROLE (path kept in role_arn)."""
    kw.setdefault("principal", SESSION)
    kw.setdefault("role_arn", ROLE)
    return req(**kw)


# --- expectations ----------------------------------------------------------------------------

def dec(policy_type: str, policy: str, statement: int = 0, sid: str | None = None,
        target: str | None = None) -> dict:
    """One expected `decisive` entry."""
    return {"policy_type": policy_type, "policy": policy, "target": target,
            "statement": statement, "sid": sid}


def miss(policy_type: str, target: str | None = None) -> dict:
    """One expected `missing_allow` entry."""
    return {"policy_type": policy_type, "target": target}


@dataclass
class Case:
    """One row: a request and the documented answer.

    `decisive`/`missing` are compared as exact sets when given; `missing_has` only checks that
    these entries are present (for requests where AWS documents one missing kind but an engine may
    reasonably list more). `bug` marks a known engine bug (strict xfail, flips when fixed).
    """

    id: str
    data: dict
    decision: str
    decisive: list[dict] | None = None
    missing: list[dict] | None = None
    missing_has: list[dict] = field(default_factory=list)
    bug: str | None = None


def _key(entry: dict) -> tuple:
    return tuple(sorted((k, repr(v)) for k, v in entry.items()))


def _as_set(entries) -> list:
    return sorted(_key(e) for e in entries)


def page_slug(doc_url: str) -> str:
    """Short id for a documentation page: its file name without `.html` and anchor."""
    return doc_url.rstrip("/").rsplit("/", 1)[-1].split("#")[0].removesuffix(".html")


def params(doc_url: str, cases: list[Case]) -> list:
    """pytest parameters whose ids name the documentation page the row pins."""
    slug = page_slug(doc_url)
    out = []
    for c in cases:
        marks = [pytest.mark.xfail(strict=True, reason=f"engine bug: {c.bug}")] if c.bug else []
        out.append(pytest.param(c, id=f"{slug}:{c.id}", marks=marks))
    return out


def check(case: Case) -> dict:
    """Run one case through the public API and compare with the documented answer."""
    from xviz.engine import simulate

    result = simulate(case.data)
    assert result["decision"] == case.decision, _explain(result)
    if case.decisive is not None:
        assert _as_set(result["decisive"]) == _as_set(case.decisive), _explain(result)
    if case.missing is not None:
        assert _as_set(result["missing_allow"]) == _as_set(case.missing), _explain(result)
    for entry in case.missing_has:
        assert _key(entry) in _as_set(result["missing_allow"]), _explain(result)
    if case.decision != "ImplicitDeny":
        assert result["missing_allow"] == [], "missing_allow is for ImplicitDeny only"
    else:
        assert result["decisive"] == [], "ImplicitDeny has no decisive statements"
    return result


def _explain(result: dict) -> str:
    keys = ("decision", "decisive", "missing_allow", "warnings")
    return "engine said: " + repr({k: result.get(k) for k in keys})
