"""File > Export walkthrough…: the handout of the scenario as it is on screen, with the learner's
edits written into the text and the what-ifs switched on; HTML or PDF; bad input says why."""
from __future__ import annotations

from xviz.ui.walkthrough_export import walkthrough_path


def test_the_walkthrough_has_the_edits_and_what_ifs_on_screen(scenario_window, tmp_path):
    bench = scenario_window.workbench
    bench.flow_panel.what_if_checks[0].setChecked(True)  # the role trusts nobody: the assume is denied
    written = scenario_window.export_walkthrough_to(tmp_path / "walk")
    assert written == tmp_path / "walk.html"
    page = written.read_text(encoding="utf-8")
    assert "The role trusts nobody" in page
    assert "ImplicitDeny" in page or "Implicit deny" in page

    policy = next(p for p in bench.view().policies if not p.read_only and "Deny" in p.text)
    bench.open_policy(policy.id).setPlainText(policy.text.replace("s3:PutObject", "s3:DeleteObject"))
    page = scenario_window.export_walkthrough_to(tmp_path / "edited.html").read_text(encoding="utf-8")
    assert "s3:DeleteObject" in page


def test_pdf_is_written_too(scenario_window, tmp_path):
    written = scenario_window.export_walkthrough_to(tmp_path / "walk.pdf")
    assert written.read_bytes().startswith(b"%PDF")


def test_a_file_that_cannot_be_written_gives_a_message_not_a_crash(scenario_window, tmp_path, capsys):
    assert scenario_window.export_walkthrough_to(tmp_path / "missing" / "dir" / "walk.html") is None
    assert "walkthrough could not be written" in capsys.readouterr().err


def test_the_name_gets_html_unless_it_says_pdf(tmp_path):
    assert walkthrough_path(tmp_path / "a").suffix == ".html"
    assert walkthrough_path(tmp_path / "a.PDF").suffix == ".PDF"
