"""The "Source charts" tab: the mermaid charts of a scenario's `diagrams:` section, drawn with the
diagrams' own layout and scene, a chooser when there are several, a bad chart's error with the
scenario file's line and column, hidden for a scenario without charts."""
from __future__ import annotations

import pytest

from xviz.ui.app import ui_context
from xviz.ui.diagram import DiagramScene
from xviz.ui.source_charts import SourceCharts

CHARTS = """\
diagrams:
  seed-chart:
    title: {en: The seed's chart, ja: 元資料の図}
    mermaid: |
      flowchart LR
        Alice[Alice] -->|borrows| Role[CrossAccountRole]
  broken-chart:
    title: {en: A chart with a mistake, ja: 誤りのある図}
    mermaid: |
      flowchart TB
        A[Start] --> B[End
"""


@pytest.fixture
def charts_file(scenario_file):
    scenario_file.write_text(scenario_file.read_text(encoding="utf-8") + CHARTS, encoding="utf-8")
    return scenario_file


def _tab_shown(workbench) -> bool:
    return workbench.diagrams.isTabVisible(workbench.diagrams.indexOf(workbench.source_charts))


def test_each_chart_is_drawn_with_the_diagram_scene_and_chosen_by_title(window, charts_file):
    window.open_path(str(charts_file))
    workbench = window.workbench
    charts = workbench.source_charts
    assert _tab_shown(workbench)
    assert [c.name for c in charts.choices()] == ["seed-chart", "broken-chart"]
    assert [charts.chooser.itemText(i) for i in range(charts.chooser.count())] == [
        "The seed's chart", "A chart with a mistake"]
    assert not charts.chooser.isHidden()  # two charts: the chooser is there
    scene = charts.chart_scene()
    assert isinstance(scene, DiagramScene)
    labels = {e.element_id for e in scene.elements()}
    assert {"Alice", "Role"} <= labels
    workbench.diagrams.setCurrentWidget(charts)
    assert workbench.diagrams.current_scene() is scene  # File > Export takes the chart on show
    assert window._current_diagram() is scene


def test_a_chart_that_does_not_parse_shows_where_in_the_file(window, charts_file):
    window.open_path(str(charts_file))
    charts = window.workbench.source_charts
    assert charts.choose("broken-chart")
    lines = charts_file.read_text(encoding="utf-8").splitlines()
    line = next(i for i, text in enumerate(lines, 1) if "B[End" in text)
    column = lines[line - 1].index("B[End") + 2  # the bracket left open, 1-based
    assert charts.error == (f"{charts_file.name}:{line}:{column}: diagrams.broken-chart: "
                            "node shape '[' is not closed (expected ']')")
    assert not charts.where.isHidden() and charts.where.text() == charts.error
    assert charts.chart_scene() is None
    assert charts.choose("seed-chart") and charts.error is None and charts.where.isHidden()


def test_the_chosen_chart_stays_put_while_the_learner_types_and_follows_the_language(window, charts_file,
                                                                                     language):
    window.open_path(str(charts_file))
    workbench = window.workbench
    charts = workbench.source_charts
    scene = charts.chart_scene()
    policy = workbench.view().policies[0]
    workbench.open_policy(policy.id).setPlainText(policy.text.replace("sts:AssumeRole", "sts:AssumeRole*"))
    assert workbench.snapshot().state.edits  # a new snapshot, the same chart: not laid out again
    assert charts.chart_scene() is scene
    language("ja")
    assert charts.chooser.itemText(0) == "元資料の図" and charts.current_name() == "seed-chart"
    assert workbench.diagrams.tabText(workbench.diagrams.indexOf(charts)) == "元資料の図"


def test_no_charts_no_tab(window, scenario_file, charts_file, tmp_path):
    window.open_path(str(charts_file))
    assert _tab_shown(window.workbench)
    plain = tmp_path / "plain.yaml"
    plain.write_text(charts_file.read_text(encoding="utf-8").split("diagrams:")[0], encoding="utf-8")
    window.open_path(str(plain))
    assert not _tab_shown(window.workbench) and window.workbench.source_charts.choices() == []


def test_the_chooser_hides_for_a_single_chart(qtbot, charts_file):
    from xviz.document import Document

    text = charts_file.read_text(encoding="utf-8").split("  broken-chart:")[0]
    charts = SourceCharts()
    qtbot.addWidget(charts)
    with qtbot.waitSignal(charts.charts_changed) as counted:
        charts.show_charts(Document(str(charts_file), text).snapshot)
    assert counted.args == [1] and charts.chooser.isHidden() and charts.current_name() == "seed-chart"


def test_fit_and_presenter_type_reach_the_source_chart(window, charts_file):
    window.open_path(str(charts_file))
    view = window.workbench.source_charts.view
    view.scale(3, 3)
    view.auto_fit = False
    window.act_fit.trigger()  # View > Fit (Ctrl+0) fits the chart as it fits the other diagrams
    assert view.auto_fit and view.transform().m11() <= 1.0
    context = ui_context()
    try:
        context.set_appearance(context.theme, context.font_size, True)
        assert view.min_label_px > 0  # presenter mode: no label smaller than the body text
    finally:
        context.set_appearance(context.theme, context.font_size, False)


def test_a_charts_acc_title_and_description_name_its_view(window, scenario_file):
    """mermaid's accTitle / accDescr become what a screen reader announces for the chart's view."""
    scenario_file.write_text(scenario_file.read_text(encoding="utf-8") + (
        "diagrams:\n  described:\n    title: {en: Described, ja: 説明付き}\n    mermaid: |\n"
        "      flowchart LR\n        accTitle: Alice borrows a role\n"
        "        accDescr: Alice in account A assumes CrossAccountRole in account B\n"
        "        Alice --> Role\n"), encoding="utf-8")
    window.open_path(str(scenario_file))
    view = window.workbench.source_charts.view
    assert view.accessibleName() == "Alice borrows a role"
    assert view.accessibleDescription() == "Alice in account A assumes CrossAccountRole in account B"
