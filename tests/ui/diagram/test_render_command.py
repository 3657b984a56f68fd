"""`xviz render`: .mmd and Markdown in, SVG/PNG out, exit 2 with file:line:column for a bad chart."""
import subprocess
import sys
from pathlib import Path

from xviz.cli import main

SEED = Path("/work/shared/seed/charts")


def test_render_mmd_to_svg(tmp_path, qapp):
    out = tmp_path / "seq.svg"
    assert main(["render", str(SEED / "02-sequence.mmd"), "-o", str(out)]) == 0
    assert "AWS STS" in out.read_text(encoding="utf-8")


def test_render_markdown_block_by_index(tmp_path, qapp):
    doc = tmp_path / "doc.md"
    doc.write_text("# x\n```mermaid\nflowchart TB\nA[first]\n```\n\n```mermaid\nflowchart LR\nB[second]\n```\n",
                   encoding="utf-8")
    out = tmp_path / "b.svg"
    assert main(["render", str(doc), "-o", str(out), "--diagram", "2"]) == 0
    assert "second" in out.read_text(encoding="utf-8")
    assert main(["render", str(doc), "-o", str(out), "--diagram", "3"]) == 2


def test_bad_chart_exits_2_with_location(tmp_path, capsys):
    bad = tmp_path / "bad.mmd"
    bad.write_text("flowchart TB\nA --> B\nC[oops\n", encoding="utf-8")
    assert main(["render", str(bad), "-o", str(tmp_path / "x.png")]) == 2
    err = capsys.readouterr().err
    assert f"{bad}:3:2:" in err and "expected ']'" in err


def test_scenario_input_is_read_as_a_scenario(tmp_path, capsys):
    # Scenario files are drawn by tests/ui/diagram/test_scenario_render.py; here only the routing by suffix.
    scenario = tmp_path / "s.yaml"
    scenario.write_text("name: x\n", encoding="utf-8")
    assert main(["render", str(scenario), "-o", str(tmp_path / "x.svg")]) == 2
    assert f"{scenario}:1:1:" in capsys.readouterr().err


def test_render_in_a_fresh_process_without_display(tmp_path):
    out = tmp_path / "c.png"
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    done = subprocess.run([sys.executable, "-m", "xviz", "render", str(SEED / "05-flowchart.mmd"), "-o", str(out),
                           "--scale", "1"], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert out.stat().st_size > 1000


def test_svg_carries_acc_title_and_description_and_warnings_name_their_lines(tmp_path, capsys, qapp):
    import xml.etree.ElementTree as ET

    chart = tmp_path / "acc.mmd"
    chart.write_bytes("\ufeffflowchart LR\naccTitle: Bucket access\naccDescr: Who may read it.\nA --> B\n"
                      "click A callback\n".encode("utf-8"))
    out = tmp_path / "acc.svg"
    assert main(["render", str(chart), "-o", str(out)]) == 0
    root = ET.parse(out).getroot()
    texts = {el.tag.rsplit("}", 1)[-1]: el.text for el in root.iter() if el.tag.endswith(("title", "desc"))}
    assert texts == {"title": "Bucket access", "desc": "Who may read it."}
    assert f"{chart}:5:1: warning: 'click' is ignored" in capsys.readouterr().err


def test_a_png_too_big_for_its_scale_is_drawn_smaller_and_says_so(tmp_path, capsys, qapp, monkeypatch):
    from xviz.ui.diagram import export

    monkeypatch.setattr(export, "MAX_PNG_PIXELS", 4_000_000)   # the real cap, 60 million, is slow to write
    chart = tmp_path / "wide.mmd"
    chart.write_text("flowchart LR\n" + "\n".join(f"N{i}[node {i}] --> N{i + 1}" for i in range(60)), encoding="utf-8")
    out = tmp_path / "wide.png"
    assert main(["render", str(chart), "-o", str(out), "--scale", "16"]) == 0
    assert "drawn at scale" in capsys.readouterr().err
    from PySide6.QtGui import QImage

    image = QImage(str(out))
    assert 0.9 * export.MAX_PNG_PIXELS < image.width() * image.height() <= export.MAX_PNG_PIXELS * 1.01
