"""A step answering a RAM invitation targets the resource share: drawn as the share, in its owner's account."""
from __future__ import annotations

from pathlib import Path

from xviz.diagram.from_scenario import architecture_diagram, flow_diagram
from xviz.scenario.loader import load

SHARED_NETWORK = Path(__file__).resolve().parents[2] / "scenarios" / "07-shared-vpc-transit-gateway.yaml"


def test_the_share_is_a_party_of_the_owner_account():
    loaded = load(SHARED_NETWORK)
    arch = architecture_diagram(loaded, "ja")
    assert arch.steps[("partner-joins", 0)].nodes == ("user.partner-netops", "share.partner-tgw")
    share = arch.chart.nodes["share.partner-tgw"]
    assert share.parent == "acct.222222222222" and "RAM リソース共有" in share.label
    chart = flow_diagram(loaded, "partner-joins", "en").chart
    accept = chart.messages()[0]
    assert (accept.source, accept.target) == ("user.partner-netops", "share.partner-tgw")
    assert chart.messages()[1].target == "res.core-tgw"
