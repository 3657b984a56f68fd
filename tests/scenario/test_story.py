"""The Story and Source charts data: summary and flow introductions in the learner's language, the
charts a scenario carries beside the generated ones (each drawable by name with `xviz render`)."""
from __future__ import annotations

from scenario_support import REPO

from xviz.diagram.from_scenario import scenario_diagram
from xviz.scenario import load
from xviz.scenario.story import source_charts, story

TOUR = REPO / "scenarios" / "00-tour.yaml"
RAM = REPO / "scenarios" / "04-ram-subnet-sharing.yaml"


def test_story_has_the_summary_and_every_flow_introduction():
    told = story(load(TOUR), "ja")
    assert told.summary.startswith("マルチアカウント環境では")
    assert [f.flow for f in told.flows] == ["iam-role", "resource-policy", "ram", "identity-center"]
    assert told.flows[0].introduction.startswith("任意のリソースへの一時的なアクセス")
    assert told.flows[0].see == ("assumerole-basics", "confused-deputy", "cicd-deploy-roles")
    assert story(load(TOUR), "en").flows[2].title.startswith("3. AWS RAM")


def test_source_charts_are_the_extra_diagrams_and_each_draws():
    loaded = load(RAM)
    charts = source_charts(loaded, "en")
    assert [name for name, _ in charts] == ["seed-subnet-sharing", "seed-ram"]
    assert charts[0][1] == "The source's chart: sharing VPC subnets"
    for name, _ in charts:
        assert scenario_diagram(loaded, name).choice.own


def test_a_scenario_without_charts_of_its_own_has_none():
    assert source_charts(load(REPO / "scenarios" / "09-principal-star.yaml")) == []
