"""Diagrams generated from scenarios: architecture flowcharts, per-flow sequence diagrams, own mermaid."""
from pathlib import Path

import pytest

from xviz.diagram import DiagramError, layout_diagram
from xviz.diagram.from_scenario import (architecture_diagram, diagram_choices, flow_diagram, scenario_diagram)
from xviz.diagram.layout_model import FlowLayout, SequenceLayout
from xviz.diagram.measure import approximate_measure
from xviz.diagram.model import LineStyle
from xviz.scenario.loader import load, loads
from xviz.scenario.model import display

SCENARIOS = sorted(Path(__file__).resolve().parents[2].joinpath("scenarios").glob("*.yaml"))
BASICS = next(p for p in SCENARIOS if p.name.startswith("01-"))


@pytest.fixture(scope="module", params=SCENARIOS, ids=lambda p: p.stem)
def scenario(request):
    return load(request.param)


def _all_ids(chart):
    return set(chart.nodes) | set(chart.subgraphs) | {e.id for e in chart.edges}


def test_there_are_ten_bundled_scenarios():
    assert len(SCENARIOS) == 11 and SCENARIOS[0].name == "00-tour.yaml"


def test_architecture_builds_and_lays_out(scenario):
    world = scenario.model.world
    arch = architecture_diagram(scenario, "en")
    chart = arch.chart
    titles = "\n".join(sg.title for sg in chart.subgraphs.values())
    for account, acc in world.accounts.items():
        assert display(acc.name) in titles and account in titles
    for key, role in world.roles.items():
        assert (role.name or key) in chart.nodes[f"role.{key}"].label
    for key in world.users:
        assert f"user.{key}" in chart.nodes
    for key, resource in world.resources.items():
        assert f"res.{key}" in chart.nodes or f"vpc.{key}" in chart.subgraphs
    assert all(":" not in node_id for node_id in chart.nodes) and all(":" in e.id for e in chart.edges)
    assert len({e.id for e in chart.edges}) == len(chart.edges)

    layout = layout_diagram(chart, approximate_measure)
    assert isinstance(layout, FlowLayout) and layout.notice is None
    assert set(layout.nodes) == set(chart.nodes) and set(layout.edges) == {e.id for e in chart.edges}
    for node in chart.nodes.values():   # every node drawn inside its account's (and OU's) box
        if node.parent:
            assert layout.clusters[node.parent].rect.contains(layout.nodes[node.id].rect)


def test_architecture_maps_every_step_to_existing_ids(scenario):
    arch = architecture_diagram(scenario)
    ids = _all_ids(arch.chart)
    expected = {(flow, i) for flow, f in scenario.model.flows.items() for i in range(len(f.steps))}
    assert set(arch.steps) == expected
    for (flow, index), lit in arch.steps.items():
        assert lit.edges and lit.nodes and set(lit.edges) | set(lit.nodes) <= ids
        access = next(e for e in arch.chart.edges if e.id == lit.edges[0])
        assert scenario.model.flows[flow].steps[index].action in access.label.split("\n")


def test_every_flow_builds_a_numbered_sequence(scenario):
    world = scenario.model.world
    for flow_name, flow in scenario.model.flows.items():
        seq = flow_diagram(scenario, flow_name, "en")
        messages = [m for m in seq.chart.messages() if m.number is not None]   # one numbered message per step
        assert [m.id for m in messages] == [f"step:{s.id}" for s in flow.steps]
        assert seq.messages == {i: f"step:{s.id}" for i, s in enumerate(flow.steps)}
        assert [m.number for m in messages] == list(range(1, len(flow.steps) + 1))
        assert seq.outcomes == {f"step:{s.id}": s.expect for s in flow.steps}
        boxed = {pid for box in seq.chart.boxes for pid in box.members}
        for box in seq.chart.boxes:   # a box's members stand side by side
            columns = [list(seq.chart.participants).index(pid) for pid in box.members]
            assert columns == list(range(min(columns), max(columns) + 1))
            assert any(display(acc.name) in box.label for acc in world.accounts.values()) or box.label.isdigit()
        for participant in seq.chart.participants.values():
            assert (participant.id in boxed) == (participant.box is not None)
        if any(s.action == "sts:AssumeRole" for s in flow.steps):
            assert "sts" in seq.chart.participants and "sts" not in boxed
        layout = layout_diagram(seq.chart, approximate_measure)
        assert isinstance(layout, SequenceLayout) and set(seq.messages.values()) <= set(layout.messages)
        for group in layout.groups:   # the account's title fits in its box
            assert approximate_measure(group.label, "cluster")[0] < group.rect.width


def test_ids_are_stable_across_languages_and_builds():
    loaded = load(BASICS)
    en, ja, again = (architecture_diagram(loaded, lang) for lang in ("en", "ja", "en"))
    assert _all_ids(en.chart) == _all_ids(ja.chart) == _all_ids(again.chart)
    assert en.steps == ja.steps
    assert flow_diagram(loaded, "main", "ja").messages == flow_diagram(loaded, "main", "en").messages
    assert "IAM ロール" in ja.chart.nodes["role.CrossAccountRole"].label


def test_basics_architecture_says_who_trusts_and_who_calls():
    arch = architecture_diagram(load(BASICS))
    edges = {e.id: e for e in arch.chart.edges}
    trust = edges["trust:root.111111111111->role.CrossAccountRole"]
    assert trust.line_style is LineStyle.DOTTED and "sts:ExternalId" in trust.label
    assert arch.chart.nodes["root.111111111111"].parent == "acct.111111111111"
    read = edges["access:role.CrossAccountRole->res.shared-bucket"]
    assert read.line_style is LineStyle.SOLID
    assert read.label.split("\n") == ["s3:GetObject", "s3:ListBucket", "s3:PutObject"]
    assert arch.steps[("main", 0)].edges == ("access:user.alice->res.shared-bucket",)
    # The AssumeRole step lights its call and the trust that let the account in.
    assert arch.steps[("main", 1)].edges == ("access:user.alice->role.CrossAccountRole",
                                             "trust:root.111111111111->role.CrossAccountRole")
    assert arch.steps[("main", 2)].nodes == ("role.CrossAccountRole", "res.shared-bucket")


def test_basics_sequence_goes_through_sts_then_the_session():
    seq = flow_diagram(load(BASICS), "main", "en")
    chart = seq.chart
    assert list(chart.participants) == ["user.alice", "sts", "session.CrossAccountRole.my-session",
                                        "res.shared-bucket", "role.CrossAccountRole"]
    assert [b.label for b in chart.boxes] == ["Account A (111111111111)", "Account B (222222222222)"]
    steps = [m for m in chart.messages() if m.number is not None]
    assume = steps[1]
    assert (assume.source, assume.target) == ("user.alice", "sts")
    assert "CrossAccountRole" in assume.text and "unique-external-id" in assume.text
    assert steps[2].source == "session.CrossAccountRole.my-session"
    assert any(getattr(item, "text", "").endswith("my-session") for item in chart.items if item.id.startswith("note:"))


def test_organization_nesting_and_outsiders_drawn_apart():
    loaded = load(next(p for p in SCENARIOS if p.name.startswith("05-")))
    chart = architecture_diagram(loaded).chart
    assert chart.subgraphs["ou.ou-a1b2-prod0001"].parent == "ou.ou-a1b2-wkld0001"
    assert chart.subgraphs["ou.ou-a1b2-wkld0001"].parent == "org.r-a1b2"
    assert chart.subgraphs["acct.555555555555"].parent == "ou.ou-a1b2-prod0001"
    stranger = chart.subgraphs["acct.999999999999"]
    assert stranger.parent is None and "acct.999999999999" in chart.top_level
    assert stranger.style.dash is not None   # external: dashed outline
    # A service that only appears in trust policies (EC2 instance roles) is a line of the role's label.
    assert "ec2.amazonaws.com" in chart.nodes["role.ProdAppRole"].label
    assert not any(node_id.startswith("svc.") for node_id in chart.nodes)


def test_ram_shares_and_service_callers():
    ram = architecture_diagram(load(next(p for p in SCENARIOS if p.name.startswith("04-"))))
    share = next(e for e in ram.chart.edges if e.id == "share:app1-subnets:res.subnet-a->root.333333333333")
    assert share.line_style is LineStyle.DOTTED and "app1-subnets" in share.label
    logging = architecture_diagram(load(next(p for p in SCENARIOS if p.name.startswith("06-"))))
    writes = next(e for e in logging.chart.edges if e.id == "access:svc.cloudtrail->res.central-logs-bucket")
    assert "s3:PutObject" in writes.label and "App1" in writes.label and "Stranger" in writes.label
    assert "svc.cloudtrail" in logging.chart.top_level   # a service caller stands outside every account
    # The bucket policy names the service: a dotted edge, lit with the service's steps.
    assert "policy:svc.cloudtrail->res.central-logs-bucket" in logging.steps[("member-trails", 1)].edges


OWN = """
diagrams:
  architecture:
    title: {en: Hand-drawn overview, ja: 手描きの概要}
    mermaid: |
      flowchart LR
        A[Alice's desk] --> B[(The bucket)]
  flow:main:
    title: {en: Hand-drawn flow, ja: 手描きのフロー}
    mermaid: |
      sequenceDiagram
        Alice->>Bucket: read
  extra:
    title: {en: Extra chart, ja: 追加の図}
    mermaid: |
      flowchart TB
        X --> Y
"""


def _with_own(text: str) -> str:
    return BASICS.read_text(encoding="utf-8") + text


def test_own_mermaid_replaces_the_generated_chart():
    loaded = loads(_with_own(OWN), "own.yaml")
    names = [c.name for c in diagram_choices(loaded)]
    assert names == ["architecture", "flow:main", "flow:mistakes", "extra"]
    arch = scenario_diagram(loaded)
    assert arch.choice.own and arch.choice.title == "Hand-drawn overview" and arch.steps == {}
    assert {n.label for n in arch.chart.nodes.values()} == {"Alice's desk", "The bucket"}
    assert scenario_diagram(loaded, "flow:main").chart.kind == "sequence"
    assert scenario_diagram(loaded, "main").choice.own   # a flow's bare name
    generated = scenario_diagram(loaded, "mistakes")
    assert not generated.choice.own and len(generated.steps) == 3
    assert scenario_diagram(loaded, "4").chart.nodes.keys() == {"X", "Y"}


def test_choices_by_index_and_a_wrong_choice_lists_them():
    loaded = load(BASICS)
    assert scenario_diagram(loaded, "1").choice.name == "architecture"
    assert scenario_diagram(loaded, "3", "ja").choice.title == "断られる 3 つのパターン"
    with pytest.raises(ValueError) as raised:
        scenario_diagram(loaded, "flow:nope")
    assert "1 = architecture; 2 = flow:main; 3 = flow:mistakes" in str(raised.value)
    with pytest.raises(ValueError):
        scenario_diagram(loaded, "9")


def test_bad_own_mermaid_points_into_the_scenario_file():
    text = BASICS.read_text(encoding="utf-8") + (
        "diagrams:\n"
        "  extra:\n"
        "    title: {en: x, ja: x}\n"
        "    mermaid: |\n"
        "      flowchart TB\n"
        "        A[oops\n")
    loaded = loads(text, "bad.yaml")
    with pytest.raises(DiagramError) as raised:
        scenario_diagram(loaded, "extra")
    error = raised.value
    lines = text.splitlines()
    assert error.source == "bad.yaml" and lines[error.line - 1] == "        A[oops"
    assert error.column == lines[error.line - 1].index("[") + 1   # the unclosed shape, in file columns
    assert "diagrams.extra" in error.message


def test_principals_the_world_does_not_define_are_drawn_apart():
    text = BASICS.read_text(encoding="utf-8").replace(
        '"AWS": "arn:aws:iam::111111111111:root"\n              },\n              "Action": "sts:AssumeRole",\n'
        '              "Condition"',
        '"AWS": ["arn:aws:iam::111111111111:root", "arn:aws:iam::555555555555:role/team/Outside",'
        ' "777777777777"]\n              },\n              "Action": "sts:AssumeRole",\n              "Condition"', 1)
    assert "555555555555" in text
    chart = architecture_diagram(loads(text, "x.yaml")).chart
    outside = chart.nodes["arn.arn_aws_iam__555555555555_role/team/Outside"]
    assert outside.label == "role/Outside\n(555555555555)" and outside.parent == "acct.555555555555"
    assert chart.subgraphs["acct.777777777777"].parent is None and "777777777777" in chart.subgraphs[
        "acct.777777777777"].title
    assert "trust:root.777777777777->role.CrossAccountRole" in {e.id for e in chart.edges}


def test_own_chart_warnings_are_placed_in_the_file():
    text = BASICS.read_text(encoding="utf-8") + (
        "diagrams:\n  extra:\n    title: {en: x, ja: x}\n    mermaid: |\n      flowchart TB\n"
        "        A --> B\n        style A font-size:20px\n")
    found = scenario_diagram(loads(text, "w.yaml"), "extra")
    warning = found.chart.warnings[0]
    assert text.splitlines()[warning.line + found.line_offset - 1].strip() == "style A font-size:20px"


def test_flow_sequence_is_titled_with_the_flow_in_the_language():
    loaded = load(BASICS)
    flow = loaded.model.flows["main"]
    assert flow_diagram(loaded, "main", "en").chart.title == flow.title.en
    ja = flow_diagram(loaded, "main", "ja").chart
    assert ja.title == flow.title.ja
    layout = layout_diagram(ja, approximate_measure)
    assert layout.title == flow.title.ja and layout.title_rect.bottom < min(g.rect.y for g in layout.groups)
