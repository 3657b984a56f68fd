"""The architecture of a big organization as an overview (issue 15): untouched accounts folded per OU with
counts, edges bundled with their number, every step's path kept in full, accounts in a grid, an OU unfolded
on request. Organizations come from tests/tooling/generate_org.py."""
import math
import re
import sys
from pathlib import Path

import pytest

from engine_support import needs_engine
from xviz.diagram import layout_diagram
from xviz.diagram.from_scenario import architecture_diagram
from xviz.diagram.from_scenario_overview import FOLD_ABOVE, GRID_COLUMNS, folded_container
from xviz.diagram.measure import approximate_measure
from xviz.scenario.loader import load

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tooling"))
from generate_org import scenario  # noqa: E402


@pytest.fixture(scope="module")
def organizations(tmp_path_factory):
    folder = tmp_path_factory.mktemp("orgs")
    found = {}
    for accounts in (12, 80, 500):
        path = folder / f"org-{accounts}.yaml"
        path.write_text(scenario(accounts), encoding="utf-8")
        found[accounts] = load(path)
    return found


def accounts_drawn(chart) -> list[str]:
    return [sg for sg in chart.subgraphs if sg.startswith("acct.")]


def folds(chart) -> dict[str, int]:
    return {n: int(re.search(r"\d+", chart.nodes[n].label).group()) for n in chart.nodes if folded_container(n)}


@pytest.mark.parametrize("accounts", [80, 500])
def test_untouched_accounts_fold_into_one_counting_box_per_ou(organizations, accounts):
    found = architecture_diagram(organizations[accounts])
    chart = found.chart
    drawn, folded = accounts_drawn(chart), folds(chart)
    assert len(drawn) + sum(folded.values()) == accounts + 1   # + the management account
    assert len(drawn) <= 8 and 1 <= len(folded) <= 6
    for box in folded:   # each box sits in the OU it stands for
        assert chart.nodes[box].parent == folded_container(box)
    # Every step's path is drawn in full: its edges and nodes are in the chart.
    edge_ids = {e.id for e in chart.edges}
    for ids in found.steps.values():
        assert set(ids.edges) <= edge_ids and set(ids.nodes) <= set(chart.nodes)


def test_edges_into_folded_accounts_are_bundled_with_their_number(organizations):
    chart = architecture_diagram(organizations[80]).chart
    bundles = [e for e in chart.edges if e.id.startswith("bundle:trust:")]
    assert bundles
    folded = folds(chart)
    for edge in bundles:
        if edge.target in folded and "relationships" in edge.label:
            assert 2 <= int(re.match(r"(\d+) trust relationships", edge.label).group(1)) <= folded[edge.target]
    # One trust per folded account and per CI deploy role: the management account's bundles count them all.
    from_root = sum(int(e.label.split()[0]) for e in bundles if e.source.startswith("root.") and e.label[0].isdigit())
    assert from_root == sum(folded.values())
    assert len({(e.source, e.target) for e in bundles}) == len(bundles)   # one edge per pair


def test_the_overview_speaks_japanese(organizations):
    chart = architecture_diagram(organizations[80], "ja").chart
    labels = [chart.nodes[n].label for n in folds(chart)]
    assert all(label.startswith("ほか ") and "アカウント" in label for label in labels)
    assert any("信頼関係" in e.label for e in chart.edges if e.id.startswith("bundle:"))


def test_an_expanded_ou_draws_its_accounts_in_full(organizations):
    loaded = organizations[80]
    overview = architecture_diagram(loaded).chart
    box, count = next(iter(folds(overview).items()))
    ou = folded_container(box)
    kept = [sg for sg in accounts_drawn(overview) if overview.subgraphs[sg].parent == ou]
    chart = architecture_diagram(loaded, expanded={ou}).chart
    assert box not in chart.nodes
    assert len([sg for sg in accounts_drawn(chart) if chart.subgraphs[sg].parent == ou]) == count + len(kept)
    assert folds(chart).keys() == folds(overview).keys() - {box}   # the other OUs stay folded


def test_a_small_organization_is_not_folded(organizations):
    chart = architecture_diagram(organizations[12]).chart
    assert len(accounts_drawn(chart)) == 13 and not folds(chart) and 12 < FOLD_ABOVE


@needs_engine
def test_accounts_side_by_side_in_an_ou_are_laid_out_in_a_grid(organizations):
    chart = architecture_diagram(organizations[80], expanded={"ou.ou-gen0-prod0001"}).chart
    layout = layout_diagram(chart, approximate_measure)
    members = [sg for sg in accounts_drawn(chart) if chart.subgraphs[sg].parent == "ou.ou-gen0-prod0001"]
    assert len(members) >= 9
    columns = {round(layout.clusters[sg].rect.x) for sg in members}
    rows = {round(layout.clusters[sg].rect.y) for sg in members}
    assert len(columns) >= min(math.isqrt(len(members)), GRID_COLUMNS) - 1 and len(rows) >= 2   # not one column


@needs_engine
@pytest.mark.parametrize("accounts", [80, 500])
def test_the_overview_fits_a_full_hd_screen_at_a_readable_scale(organizations, accounts):
    layout = layout_diagram(architecture_diagram(organizations[accounts]).chart, approximate_measure)
    fit = min(1920 / layout.width, 1080 / layout.height)
    assert fit >= 0.35, (layout.width, layout.height)   # 14-point labels stay about 5 pixels or more
