"""`xviz open`: the screenshot mode writes a PNG of the requested size; bad input exits 2, no traceback."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest
from PySide6.QtGui import QImage

from xviz.commands.open import parse_size


def run_xviz(*args: str, tmp_path) -> subprocess.CompletedProcess:
    env = dict(os.environ, XDG_CONFIG_HOME=str(tmp_path / "config"))
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    env.pop("QT_QPA_PLATFORM", None)  # the command must pick offscreen by itself
    return subprocess.run([sys.executable, "-m", "xviz", *args], capture_output=True, text=True, env=env,
                          timeout=120)


def test_screenshot_writes_a_png_of_the_requested_size(tmp_path, scenario_file):
    out = tmp_path / "shot.png"
    result = run_xviz("open", str(scenario_file), "--flow", "main", "--step", "2", "--lang", "ja",
                      "--screenshot", str(out), "--size", "900x600", tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (900, 600)
    colours = {image.pixel(x, y) for x in range(0, 900, 37) for y in range(0, 600, 29)}
    assert len(colours) > 5  # something was drawn, not one flat colour


def test_screenshot_inside_a_step_in_presenter_mode(tmp_path, scenario_file):
    out = tmp_path / "stage.png"
    result = run_xviz("open", str(scenario_file), "--step", "3", "--substep", "1", "--presenter",
                      "--screenshot", str(out), "--size", "1000x700", tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    assert QImage(str(out)).size().width() == 1000


def test_screenshot_of_a_broken_file_still_renders(tmp_path):
    broken = tmp_path / "broken.yaml"
    broken.write_text("title: [unclosed\n", encoding="utf-8")
    out = tmp_path / "broken.png"
    result = run_xviz("open", str(broken), "--screenshot", str(out), "--size", "640x400", tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    assert QImage(str(out)).width() == 640


@pytest.mark.parametrize("args, message", [
    (["missing.yaml"], "no such file"),
    (["{scenario}", "--flow", "nope"], "no flow named 'nope' (flows: main)"),
    (["{scenario}", "--step", "9"], "--step 9 is out of range (the flow has 3 steps)"),
    (["{scenario}", "--step", "0"], "--step counts from 1"),
    (["{scenario}", "--step", "3", "--substep", "8"], "--substep 8 is out of range (the step has 7 stages"),
    (["{scenario}", "--substep", "0"], "--substep counts from 1"),
    (["{scenario}"], "no display available"),
])
def test_bad_requests_exit_2_with_one_message(tmp_path, scenario_file, args, message):
    args = [a.replace("{scenario}", str(scenario_file)) for a in args]
    if "--flow" in args or "--step" in args or "--substep" in args:
        args += ["--screenshot", str(tmp_path / "x.png")]
    result = run_xviz("open", *args, tmp_path=tmp_path)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_size_parsing():
    assert parse_size("1600x1000") == (1600, 1000)
    assert parse_size(" 800 X 600 ") == (800, 600)
    for bad in ("1600", "axb", "10x10", "99999x100"):
        with pytest.raises(Exception):
            parse_size(bad)
