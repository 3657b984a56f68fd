"""The trace follows AWS's documented order and says, for every statement, which element failed.

IAM UG reference_policies_evaluation-logic_policy-eval-denyallow.html lists the order: deny
evaluation, AWS Organizations RCPs, SCPs, resource-based policies, identity-based policies, IAM
permissions boundaries, session policies.
"""
try:
    from .rules_support import *  # noqa: F403
except ImportError:
    from rules_support import *  # noqa: F403

from xviz.engine import simulate

ORDER = ["explicit_deny", "rcp", "scp", "resource", "identity", "permission_boundary", "session"]


def statements(result):
    """Every statement entry in the trace, SCP/RCP levels included, keyed by (type, policy, index)."""
    out = {}
    for step in result["trace"]:
        entries = list(step.get("statements") or [])
        for level in step.get("levels") or []:
            entries += level.get("statements") or []
        for e in entries:
            out[(e["policy_type"], e["policy"], e["statement"])] = e
    return out


def test_steps_follow_documented_order():
    data = session_req(identity=[doc(allow("s3:*"))], boundary=doc(allow("s3:*")), session=[doc(allow("s3:*"))],
                       scps=[(ROOT_OU, [FULL_ACCESS])], rcps=[(ROOT_OU, [doc(deny("s3:PutObject", principal="*"))])],
                       resource_policy=doc(allow("s3:GetObject", OBJECTS, principal={"AWS": ROLE})))
    result = simulate(data)
    assert result["decision"] == "Allow"
    steps = [s["step"] for s in result["trace"]]
    assert steps == [s for s in ORDER if s in steps], steps
    assert set(ORDER) <= set(steps)
    assert all(s["result"] in ("allow", "deny", "no_allow", "not_applicable") for s in result["trace"])


def test_each_statement_says_which_element_failed():
    data = req(USER_B,
               identity=[doc(allow("s3:*", sid="Hit"), allow("ec2:*"), allow("s3:GetObject", "arn:aws:s3:::other/*"),
                             allow("s3:GetObject", condition={"StringEquals": {"aws:PrincipalTag/team": "red"}}))],
               resource_policy=doc(allow("s3:GetObject", OBJECTS, principal={"AWS": USER_BOB}),
                                   allow("s3:GetObject", OBJECTS, sid="ToB", principal={"AWS": B})),
               scps=[(ROOT_OU, [FULL_ACCESS])])
    result = simulate(data)
    assert result["decision"] == "Allow"
    seen = statements(result)
    expected = {("identity", "id1", 0): None, ("identity", "id1", 1): "action", ("identity", "id1", 2): "resource",
                ("identity", "id1", 3): "condition", ("resource", "rbp", 0): "principal", ("resource", "rbp", 1): None,
                ("scp", "scp1", 0): None}
    for where, element in expected.items():
        entry = seen[where]
        assert entry["matched"] is (element is None), entry
        assert (entry["failed"] or {}).get("element") == element, entry


def test_failed_condition_names_key_and_request_values():
    data = req(context={"aws:PrincipalTag/team": "blue"},
               identity=[doc(allow("s3:GetObject", condition={"StringEquals": {"aws:PrincipalTag/team": "red"}}))])
    result = simulate(data)
    assert result["decision"] == "ImplicitDeny"
    failed = statements(result)[("identity", "id1", 0)]["failed"]
    assert failed["element"] == "condition"
    assert failed["key"].lower() == "aws:principaltag/team"
    assert "blue" in repr(failed) and "red" in repr(failed)


def test_not_principal_exemption_is_a_principal_failure():
    data = req(USER_BOB, identity=[doc(allow("s3:*"))],
               resource_policy=doc(deny("s3:*", OBJECTS, not_principal={"AWS": [USER_BOB, ROOT_A]})))
    result = simulate(data)
    assert result["decision"] == "Allow"
    entry = statements(result)[("resource", "rbp", 0)]
    assert entry["matched"] is False and entry["failed"]["element"] == "principal"
