"""The tour opens the curriculum: first on the home screen, every method side by side, each linking
(flow `see`) to bundled scenarios that exist, the source's overview and summary charts carried."""
from __future__ import annotations

from texts import BUNDLED, ROOT

from xviz.scenario import load
from xviz.scenario.runner import run_steps

TOUR = ROOT / "scenarios" / "00-tour.yaml"


def test_the_tour_comes_first():
    from xviz.ui.catalog import bundled_cards

    assert BUNDLED[0] == TOUR
    assert bundled_cards("en", ROOT / "scenarios")[0].path == TOUR


def test_each_method_has_a_flow_linking_to_scenarios_that_exist():
    loaded = load(TOUR)
    ids = {load(p).model.id for p in BUNDLED if p != TOUR}
    flows = loaded.model.flows
    assert list(flows) == ["iam-role", "resource-policy", "ram", "identity-center"]
    for name, flow in flows.items():
        assert flow.see and set(flow.see) <= ids, name
    linked = {i for f in flows.values() for i in f.see}
    assert linked == ids - {"organizations-conditions"}  # conditions are taught from the summary (05)
    assert "05" in loaded.model.summary.en and "05" in loaded.model.summary.ja


def test_the_tour_runs_as_it_says():
    runs = run_steps(load(TOUR))
    assert all(r.ok for r in runs) and {r.plan.kind for r in runs} == {"iam", "ram"}


def test_the_tour_carries_the_sources_overview_summary_and_assume_role_charts():
    diagrams = load(TOUR).model.diagrams
    charts = {name: d.mermaid for name, d in diagrams.items()}
    assert "中央集権的なログ管理" in charts["source-use-cases"]
    assert "クロスアカウントアクセス方法" in charts["source-summary"]
    assert "STS->>Role: 2. 信頼ポリシー確認" in charts["source-assumerole"]
