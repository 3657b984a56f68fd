"""Export refuses pictures past the stated cap and never leaves a partial or empty file (issue 14)."""
from __future__ import annotations

from pathlib import Path

import pytest

from xviz.cli import main
from xviz.files.limits import MAX_CHART_BYTES, MAX_EXPORT_SIDE

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def long_chart(tmp_path) -> Path:
    chart = tmp_path / "long.mmd"
    chart.write_text("flowchart LR\n" + "".join(f"  n{i}[node {i}] --> n{i + 1}\n" for i in range(400)),
                     encoding="utf-8")
    return chart


def test_a_png_past_the_cap_is_refused_and_no_file_is_left(qapp, tmp_path, capsys, long_chart):
    out = tmp_path / "long.png"
    assert main(["render", str(long_chart), "-o", str(out), "--scale", "4"]) == 2
    err = capsys.readouterr().err
    assert f"{MAX_EXPORT_SIDE:,} pixels a side" in err and "Traceback" not in err
    assert not out.exists()


def test_a_refused_export_leaves_an_existing_file_as_it_was(qapp, tmp_path, capsys, long_chart):
    out = tmp_path / "long.png"
    out.write_bytes(b"an earlier export")
    assert main(["render", str(long_chart), "-o", str(out), "--scale", "4"]) == 2
    assert out.read_bytes() == b"an earlier export"


def test_an_svg_of_the_same_chart_is_written_whole(qapp, tmp_path, long_chart):
    out = tmp_path / "long.svg"
    assert main(["render", str(long_chart), "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8").rstrip().endswith("</svg>")
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_an_oversized_chart_is_refused_before_parsing(qapp, tmp_path, capsys):
    chart = tmp_path / "huge.mmd"
    with open(chart, "wb") as handle:
        handle.truncate(MAX_CHART_BYTES + 1)
    assert main(["render", str(chart), "-o", str(tmp_path / "x.svg")]) == 2
    assert "larger than 5 MB" in capsys.readouterr().err
    assert not (tmp_path / "x.svg").exists()


def test_a_scenario_png_still_renders(qapp, tmp_path):
    out = tmp_path / "basics.png"
    assert main(["render", str(REPO / "scenarios" / "01-assumerole-basics.yaml"), "-o", str(out)]) == 0
    assert out.read_bytes().startswith(b"\x89PNG")
