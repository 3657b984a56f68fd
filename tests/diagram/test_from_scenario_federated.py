"""A `{federated: PROVIDER}` actor is drawn as the identity provider its role trusts: one party, the
same in the architecture (call and trust edges meet at it) and in the flow's sequence."""
from __future__ import annotations

from pathlib import Path

from xviz.diagram.from_scenario import FLOW_PREFIX, architecture_diagram, flow_diagram
from xviz.scenario.checks import FLOW_DIAGRAM_PREFIX
from xviz.scenario.loader import load

IDENTITY_CENTER = Path(__file__).resolve().parents[2] / "scenarios" / "10-identity-center.yaml"
DEV_PROVIDER = "fed.arn_aws_iam__666666666666_saml-provider/AWSSSO_3c1d9e0f5a7b2c4d_DO_NOT_DELETE"


def test_the_sign_in_call_and_the_trust_meet_at_the_provider():
    arch = architecture_diagram(load(IDENTITY_CENTER))
    sign_in = arch.steps[("portal", 0)]
    assert sign_in.edges == (f"access:{DEV_PROVIDER}->role.DevReadOnly", f"trust:{DEV_PROVIDER}->role.DevReadOnly")
    assert arch.chart.nodes[DEV_PROVIDER].parent == "acct.666666666666"


def test_the_sequence_starts_at_the_provider_and_goes_through_sts():
    chart = flow_diagram(load(IDENTITY_CENTER), "portal", "en").chart
    first = chart.messages()[0]
    assert (first.source, first.target) == (DEV_PROVIDER, "sts")
    assert "sts:AssumeRoleWithSAML" in first.text
    steps = [m for m in chart.messages() if m.number is not None]
    assert steps[1].source == "session.DevReadOnly.alice@example.com"
    reply = next(m for m in chart.messages() if m.id == first.id + ":reply")
    assert reply.target == DEV_PROVIDER and "temporary credentials" in reply.text


def test_the_loader_and_the_diagrams_agree_on_the_flow_chart_prefix():
    assert FLOW_DIAGRAM_PREFIX == FLOW_PREFIX
