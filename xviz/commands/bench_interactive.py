"""`xviz bench interactive [--json] [--runs N] [--scenario FILE]`: from a keystroke in a policy
editor to every verdict and badge updated, in milliseconds, on the largest bundled scenario.

The keystrokes alternate typing and deleting a space at the end of a line inside the policy, so the
text stays valid JSON and every keystroke pays for a full re-evaluation. Runs headless.
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--runs", type=int, default=60, help="keystrokes to time (default 60)")
    parser.add_argument("--scenario", metavar="FILE", help="scenario to edit (default: the largest bundled)")


def _largest_bundled() -> Path | None:
    from xviz.ui.catalog import bundled_scenarios_dir  # noqa: PLC0415

    directory = bundled_scenarios_dir()
    files = sorted(directory.glob("*.yaml"), key=lambda p: p.stat().st_size) if directory else []
    return files[-1] if files else None


def _busiest_policy(view) -> str | None:
    """The policy that decides the most steps: editing it re-evaluates what matters."""
    counts: dict[str, int] = {}
    for flow in view.flows:
        for step in flow.steps:
            for policy_id in step.policy_ids:
                counts[policy_id] = counts.get(policy_id, 0) + 1
    if counts:
        return max(counts, key=counts.get)
    return view.policies[0].id if view.policies else None


def run(args: argparse.Namespace) -> int:
    path = Path(args.scenario) if args.scenario else _largest_bundled()
    if path is None or not path.is_file():
        print(f"xviz bench interactive: {path or 'no bundled scenario'}: no such file", file=sys.stderr)
        return 2
    from xviz.ui.app import start  # noqa: PLC0415 - Qt only here

    app, _context = start(language="en", headless=True)
    from PySide6.QtCore import Qt  # noqa: PLC0415
    from PySide6.QtTest import QTest  # noqa: PLC0415

    from xviz.commands.open import _dispose  # noqa: PLC0415
    from xviz.ui.main_window import MainWindow  # noqa: PLC0415

    window = MainWindow()
    window.resize(1600, 1000)
    window.show()
    window.open_path(str(path))
    view = window.workbench.view()
    policy_id = _busiest_policy(view) if view else None
    if policy_id is None or not view.evaluated:
        _dispose(window)
        print(f"xviz bench interactive: {path}: the scenario does not load, nothing to measure", file=sys.stderr)
        return 2
    editor = window.workbench.open_policy(policy_id)
    cursor = editor.textCursor()
    cursor.setPosition(editor.document().findBlockByNumber(0).position())
    cursor.movePosition(cursor.MoveOperation.EndOfBlock)  # after the opening "{": a space is still JSON
    editor.setTextCursor(cursor)
    app.processEvents()

    times: list[float] = []
    for i in range(max(args.runs, 1) + 4):
        key = Qt.Key.Key_Space if i % 2 == 0 else Qt.Key.Key_Backspace
        start_ns = time.perf_counter_ns()
        QTest.keyClick(editor, key)  # synchronous: validate, re-evaluate, badges, explanation
        elapsed = (time.perf_counter_ns() - start_ns) / 1e6
        if i >= 4:  # the first keystrokes warm caches
            times.append(elapsed)
        app.processEvents()
    stale = window.workbench.view().stale
    _dispose(window)
    if stale:
        print("xviz bench interactive: the edit made the scenario fail to load; figures are not valid",
              file=sys.stderr)
        return 1
    times.sort()
    result = {"scenario": path.name, "policy": policy_id, "runs": len(times),
              "median_ms": round(statistics.median(times), 2),
              "p95_ms": round(times[min(len(times) - 1, int(len(times) * 0.95))], 2)}
    if args.json:
        print(json.dumps(result))
    else:
        print(f"{result['scenario']} ({policy_id}): keystroke to verdicts, median {result['median_ms']} ms, "
              f"p95 {result['p95_ms']} ms over {result['runs']} keystrokes")
    return 0
