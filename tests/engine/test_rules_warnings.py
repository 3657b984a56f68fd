"""Warnings (simulate-request.md): what AWS accepts but is probably a mistake. The request is still
evaluated; `warnings` lists each finding with a JSON path into the input."""
import pytest

try:
    from .rules_support import *  # noqa: F403
except ImportError:
    from rules_support import *  # noqa: F403

from xviz.engine import simulate

ID0 = "$.identity_policies[0].document.Statement[0]"
ID1 = "$.identity_policies[0].document.Statement[1]"
RBP0 = "$.resource_policy.document.Statement[0]"

# (id, request, statement path the warning must point into, decision still computed[, engine bug])
WARNED = [
    ("unknown-action", req(identity=[doc(allow(["s3:GetObject", "s3:GetObjekt"], OBJECTS))]), ID0, "Allow"),
    ("unknown-sts-action", req(identity=[doc(allow("s3:GetObject"), allow("sts:AssumeRol"))]), ID1, "Allow"),
    ("unknown-service", req(identity=[doc(allow("s3:GetObject", OBJECTS), allow("s4:GetObject"))]), ID1, "Allow"),
    ("unknown-action-in-deny", req(identity=[doc(allow("s3:GetObject"), deny("s3:DeleteObjekt"))]), ID1, "Allow"),
    ("unknown-action-in-not-action", req(identity=[doc(allow("s3:GetObject"), deny(not_action="sts:AssumeRol"))]), ID1, "ExplicitDeny"),
    ("action-pattern-matching-no-action", req(identity=[doc(allow("s3:GetObject"), allow("sts:Nope*"))]), ID1, "Allow"),
    ("unknown-global-condition-key",
     req(identity=[doc(allow("s3:GetObject", condition={"IpAddress": {"aws:SourceIpp": "203.0.113.0/24"}}))]), ID0, "ImplicitDeny"),
    ("unknown-service-condition-key",
     req(identity=[doc(allow("s3:GetObject", condition={"StringEquals": {"s3:NoSuchKey": "x"}}))]), ID0, "ImplicitDeny"),
    ("unknown-key-in-resource-policy",
     req(resource_policy=doc(allow("s3:GetObject", OBJECTS, principal={"AWS": USER},
                                   condition={"Bool": {"aws:SecureTransportt": "true"}}))), RBP0, "ImplicitDeny"),
    # The action's service has no resources of this ARN's service: the statement can never match.
    ("statement-can-never-match",
     req(identity=[doc(allow("s3:GetObject", OBJECTS), allow("ec2:RunInstances", "arn:aws:s3:::bucket-a/*"))]), ID1, "Allow"),
]


def _warned_params():
    out = []
    for rid, data, where, decision, *bug in WARNED:
        marks = [pytest.mark.xfail(strict=True, reason=f"engine bug: {bug[0]}")] if bug else []
        out.append(pytest.param(data, where, decision, id=rid, marks=marks))
    return out


@pytest.mark.parametrize("data, where, decision", _warned_params())
def test_warning_points_at_the_statement(data, where, decision):
    result = simulate(data)
    assert result["decision"] == decision
    hits = [w for w in result["warnings"] if w["path"] == where or w["path"].startswith((where + ".", where + "["))]
    assert hits, f"no warning under {where}: {result['warnings']}"
    for w in hits:
        assert isinstance(w["code"], str) and w["code"]
        assert isinstance(w["message"], str) and w["message"]


@pytest.mark.parametrize("data", [
    pytest.param(req(identity=[doc(allow("s3:GetObject", OBJECTS))]), id="plain-allow"),
    pytest.param(req(identity=[doc(allow("s3:*", condition={"StringEquals": {"aws:PrincipalTag/team": "red"},
                                                             "IpAddress": {"aws:SourceIp": "203.0.113.0/24"}}))]),
                 id="known-keys-and-tag-keys"),
    pytest.param(req(identity=[doc(allow("S3:getobject"))]), id="odd-case-but-known-action"),
])
def test_clean_policies_have_no_warnings(data):
    assert simulate(data)["warnings"] == []
