"""`xviz report`: one self-contained HTML handout (inline SVG and CSS, no script, nothing fetched, under
5 MB) with every step's title, verdict, deciding statements, narration, notes and CLI line; or an A4 PDF
(issue 11 part 4)."""
import re
from html import escape, unescape

import pytest

from workshop_support import EXERCISES, REPO, SCENARIOS, run_cli

from xviz.diagram.from_scenario import diagram_choices
from xviz.handout.gather import gather_handout
from xviz.scenario import load

CONFUSED_DEPUTY = REPO / "scenarios" / "02-confused-deputy.yaml"


def report(capsys, tmp_path, path, *options, suffix=".html"):
    out = tmp_path / f"handout{suffix}"
    code, _, err = run_cli(capsys, "report", str(path), "-o", str(out), *options)
    assert code == 0, err
    return out


def step_html(html: str, number: int) -> str:
    """The markup of the page's nth step box (1-based, across flows)."""
    return html.split('<div class="step">')[number].split("<h2>")[0]


@pytest.mark.parametrize("path", SCENARIOS + EXERCISES, ids=lambda p: p.name)
@pytest.mark.parametrize("lang", ["en", "ja"])
def test_every_bundled_scenario_makes_a_self_contained_page(capsys, tmp_path, path, lang):
    out = report(capsys, tmp_path, path, "--lang", lang)
    html = out.read_text(encoding="utf-8")
    assert out.stat().st_size < 5 * 1024 * 1024
    assert "<script" not in html and "<link" not in html and "@import" not in html
    assert not re.search(r'\bsrc="', html)  # no image is fetched: diagrams are inline SVG
    assert html.count("<svg") == len(diagram_choices(load(path), lang))
    ids = re.findall(r'\bid="([^"]+)"', html)
    assert len(ids) == len(set(ids))  # several diagrams on one page never share an id
    handout = gather_handout(path.read_text(encoding="utf-8"), str(path), lang=lang)
    steps = [s for f in handout.flows for s in f.steps]
    assert html.count('<div class="step">') == len(steps)
    assert html.count("<h4>") >= len(steps)


def test_steps_show_verdict_deciding_statement_and_cli_line(capsys, tmp_path):
    html = report(capsys, tmp_path, CONFUSED_DEPUTY).read_text(encoding="utf-8")
    step = step_html(html, 4)  # attack.assume-victim-role
    assert "VendorServiceRole/report-job → sts:AssumeRole → VictimAccessRole" in step
    assert ">ImplicitDeny</span>" in step
    assert "VictimAccessRole trust policy · statement 0: did not match" in step
    assert "StringEquals on sts:ExternalId: the policy wants 7Gx2kQ9pLm; the request has Zp6wN3cY5h" in step
    marked = [unescape(m) for m in re.findall(r'<span style="background-color:#fff1a8">([^<]*)</span>', step)]
    assert any("sts:ExternalId" in line for line in marked) and any('"Effect": "Allow"' in line for line in marked)
    assert ("aws sts assume-role --role-arn arn:aws:iam::111111111111:role/ExampleCorpAccess "
            "--role-session-name customer-333333333333 --external-id Zp6wN3cY5h") in step
    assert "Working for the attacker" in step


def test_japanese_handout_uses_the_japanese_texts(capsys, tmp_path):
    html = report(capsys, tmp_path, CONFUSED_DEPUTY, "--lang", "ja").read_text(encoding="utf-8")
    assert '<html lang="ja">' in html
    assert "判定を決めたステートメント" in html and "AWS CLI で同じ呼び出しをするには" in html
    assert "攻撃者のために動く Example Corp は、攻撃者の外部 ID を付けて" in html  # lines joined without a space


def test_what_if_changes_the_verdicts_in_the_handout(capsys, tmp_path):
    before = report(capsys, tmp_path, CONFUSED_DEPUTY).read_text(encoding="utf-8")
    after = report(capsys, tmp_path, CONFUSED_DEPUTY, "--what-if", "victim-without-external-id").read_text(encoding="utf-8")
    assert ">ImplicitDeny</span></h3>" in step_html(before, 4) and ">Allow</span></h3>" in step_html(after, 4)
    assert "What-if: The victim&#x27;s trust policy does not require an ExternalId" in after


def test_pdf_is_written_on_a4_pages(capsys, tmp_path):
    data = report(capsys, tmp_path, CONFUSED_DEPUTY, suffix=".pdf").read_bytes()
    assert data.startswith(b"%PDF-")
    assert re.search(rb"/MediaBox \[0 0 595\.?\d* 841\.?\d*\]|/MediaBox \[0 0 595\.?\d* 842\.?\d*\]", data)
    assert len(re.findall(rb"/Type\s*/Page\b", data)) >= 2


@pytest.mark.parametrize("args, message", [
    (["report", "missing.yaml", "-o", "x.html"], "cannot read the file"),
    (["report", str(CONFUSED_DEPUTY), "-o", "x.txt"], "must end in .html or .pdf"),
    (["report", str(CONFUSED_DEPUTY), "-o", "x.html", "--what-if", "nope"], "no what-if switch named 'nope'"),
])
def test_bad_input_is_one_message_and_exit_2(capsys, tmp_path, monkeypatch, args, message):
    monkeypatch.chdir(tmp_path)
    code, out, err = run_cli(capsys, *args)
    assert code == 2 and out == "" and message in err
    assert not (tmp_path / "x.html").exists()


def test_an_exercise_handout_lists_goal_and_checks_but_not_hints(capsys, tmp_path):
    path = EXERCISES[0]
    html = report(capsys, tmp_path, path, "--lang", "ja").read_text(encoding="utf-8")
    exercise = load(path).model.exercise
    assert "演習の目標" in html and "チェック" in html
    assert all(escape(check.label.ja) in html for check in exercise.checks)
    assert not any(escape(hint.ja.split("\n")[0]) in html for hint in exercise.hints)
