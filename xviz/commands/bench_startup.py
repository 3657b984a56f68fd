"""`xviz bench startup [--json]`: from process start to the first window painted, and peak memory.

Three kinds of fresh process, each started a few times (the median is printed): a bare PySide6
window (the yardstick), the xviz home screen, and xviz with the largest bundled scenario open.
Each child reports when its window first receives a paint event and its peak resident memory.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

KINDS = ("bare", "home", "scenario")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--runs", type=int, default=3, help="processes started per kind")
    parser.add_argument("--scenario", type=Path, help="scenario to open (default: the largest bundled one)")


def largest_bundled_scenario() -> Path:
    folder = Path(__file__).resolve().parents[2] / "scenarios"
    return max(folder.glob("*.yaml"), key=lambda p: p.stat().st_size)


def _child(kind: str, scenario: str | None) -> None:
    """Runs in the measured process: show a window, report at its first paint, quit."""
    import resource

    from PySide6.QtCore import QEvent, QObject, QTimer

    if kind == "bare":
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from PySide6.QtWidgets import QApplication, QMainWindow

        app = QApplication([])
        window = QMainWindow()
    else:
        from xviz.ui.app import start
        from xviz.ui.main_window import MainWindow

        app, _ = start(headless=True)
        window = MainWindow()
        if scenario:
            window.open_path(scenario)
    window.resize(1600, 1000)

    class FirstPaint(QObject):
        done = False

        def eventFilter(self, obj, event):  # noqa: N802 - Qt API
            if event.type() == QEvent.Type.Paint and not self.done:
                self.done = True
                elapsed = time.time() - float(os.environ["XVIZ_BENCH_T0"])
                peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
                print(json.dumps({"seconds": elapsed, "peak_mb": peak_mb}), flush=True)
                QTimer.singleShot(0, app.quit)
            return False

    watcher = FirstPaint()
    window.installEventFilter(watcher)
    window.show()
    app.exec()
    if not watcher.done:
        print(json.dumps({"error": "the window was never painted"}), flush=True)
    window.setWindowModified(False)
    window.deleteLater()


def _measure(kind: str, scenario: Path | None) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XVIZ_BENCH_T0=repr(time.time()))
    args = [sys.executable, "-m", "xviz.commands.bench_startup", kind] + ([str(scenario)] if scenario else [])
    done = subprocess.run(args, capture_output=True, text=True, timeout=120, env=env)
    for line in done.stdout.splitlines():
        if line.startswith("{"):
            return json.loads(line)
    return {"error": (done.stderr.strip().splitlines() or ["no output"])[-1]}


def run(args: argparse.Namespace) -> int:
    scenario = args.scenario or largest_bundled_scenario()
    rows = []
    for kind in KINDS:
        samples = [_measure(kind, scenario if kind == "scenario" else None) for _ in range(max(1, args.runs))]
        good = [s for s in samples if "error" not in s]
        if not good:
            print(f"xviz bench startup: {kind}: {samples[0]['error']}", file=sys.stderr)
            return 2
        rows.append({"kind": kind, "first_paint_s": round(statistics.median(s["seconds"] for s in good), 3),
                     "peak_mb": round(max(s["peak_mb"] for s in good), 1),
                     **({"scenario": str(scenario)} if kind == "scenario" else {})})
    bare = rows[0]["first_paint_s"]
    for row in rows:
        row["times_bare"] = round(row["first_paint_s"] / bare, 1) if bare else None
        if args.json:
            print(json.dumps(row))
        else:
            print(f"{row['kind']:>8}: first paint {row['first_paint_s']:.3f} s ({row['times_bare']}x bare), "
                  f"peak {row['peak_mb']:.0f} MB")
    return 0


if __name__ == "__main__":
    _child(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else None)
