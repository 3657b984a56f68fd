"""`xviz bench diagram`: parse + layout + draw times for a seed-sized chart, 300- and 2,000-node flowcharts and a
500-account organization's architecture, each measured in a process of its own so that its peak memory (the
process's maximum resident set, Qt and the interpreter included) is its own."""
from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# A chart the size of the source document's (clusters, labelled edges, Japanese).
SEED_SIZED = """flowchart TB
subgraph NetworkAccount["ネットワークアカウント"]
VPC["共有VPC"]
TGW["Transit Gateway"]
subgraph Subnets["サブネット"]
Public["パブリック"]
Private["プライベート"]
end
end
subgraph WorkloadAccounts["ワークロードアカウント"]
App1["アプリ1"]
App2["アプリ2"]
end
RAM["RAM"]
Subnets -->|"RAM共有"| RAM
TGW --> RAM
RAM --> App1
RAM --> App2
style NetworkAccount fill:#3b82f6,color:#fff
style WorkloadAccounts fill:#22c55e,color:#fff
"""

TARGETS_MS = {"seed_chart": 50.0, "flowchart_300": 1000.0, "flowchart_2000": 10000.0, "organization_500": 10000.0}
CASES = tuple(TARGETS_MS)


def generated_flowchart(nodes: int = 300, clusters: int = 10) -> str:
    """A layered chart: `clusters` accounts of nodes, each node linked to two in the next layer."""
    lines = ["flowchart TB"]
    per = nodes // clusters
    for c in range(clusters):
        lines.append(f'subgraph C{c}["アカウント{c}"]')
        lines += [f'N{c * per + i}["ノード {c * per + i}"]' for i in range(per)]
        lines.append("end")
    for n in range(nodes - 1):
        layer_next = (n // 20 + 1) * 20
        if layer_next < nodes:
            lines.append(f"N{n} --> N{layer_next + n % 20}")
            if n % 3 == 0:
                lines.append(f'N{n} -->|"経由"| N{min(layer_next + (n + 7) % 20, nodes - 1)}')
    return "\n".join(lines) + "\n"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--runs", type=int, default=15, help="runs of the seed-sized chart (median reported)")
    parser.add_argument("--case", choices=CASES, help=argparse.SUPPRESS)   # one case, in this process


def _organization_chart(accounts: int):
    """The architecture chart of a generated organization (tests/tooling/generate_org.py)."""
    from xviz.diagram.from_scenario import scenario_diagram
    from xviz.scenario.loader import load

    tooling = Path(__file__).resolve().parents[2] / "tests" / "tooling"
    sys.path.insert(0, str(tooling))
    try:
        from generate_org import scenario
    finally:
        sys.path.remove(str(tooling))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"org-{accounts}.yaml"
        path.write_text(scenario(accounts), encoding="utf-8")
        return scenario_diagram(load(path), None, "en").chart


def _time(text, runs: int, measurer, scene_class, png: bool = False) -> dict[str, float]:
    from xviz.diagram import layout_diagram, parse_diagram
    from xviz.ui.diagram import export_png

    totals, parse_ms, layout_ms, draw_ms, png_ms = [], [], [], [], []
    for _ in range(runs):
        t0 = time.perf_counter()
        diagram = parse_diagram(text) if isinstance(text, str) else text
        t1 = time.perf_counter()
        layout = layout_diagram(diagram, measurer)
        t2 = time.perf_counter()
        scene = scene_class(layout, "light", measurer)
        t3 = time.perf_counter()
        if png:
            with tempfile.TemporaryDirectory() as folder:
                export_png(scene, Path(folder) / "chart.png")
            png_ms.append((time.perf_counter() - t3) * 1000)
        scene.clear()
        parse_ms.append((t1 - t0) * 1000)
        layout_ms.append((t2 - t1) * 1000)
        draw_ms.append((t3 - t2) * 1000)
        totals.append((t3 - t0) * 1000)
    figures = {"median_ms": round(statistics.median(totals), 2), "parse_ms": round(statistics.median(parse_ms), 2),
               "layout_ms": round(statistics.median(layout_ms), 2), "draw_ms": round(statistics.median(draw_ms), 2),
               "engine": layout.engine, "runs": runs, "nodes": len(layout.nodes), "edges": len(layout.edges)}
    if png_ms:
        figures["png_ms"] = round(statistics.median(png_ms), 2)
    return figures


def _one_case(name: str, runs: int) -> dict:
    from xviz.ui.diagram import DiagramScene, QtTextMeasurer

    measurer = QtTextMeasurer()
    _time(SEED_SIZED, 1, measurer, DiagramScene)  # warm up fonts and the engine's first start
    if name == "seed_chart":
        figures = _time(SEED_SIZED, max(runs, 1), measurer, DiagramScene)
    elif name == "flowchart_300":
        figures = _time(generated_flowchart(), max(runs // 5, 3), measurer, DiagramScene)
    elif name == "flowchart_2000":
        figures = _time(generated_flowchart(2000, 40), 1, measurer, DiagramScene, png=True)
    else:
        t0 = time.perf_counter()
        chart = _organization_chart(500)
        built = (time.perf_counter() - t0) * 1000
        figures = _time(chart, 1, measurer, DiagramScene, png=True)
        figures["scenario_ms"] = round(built, 2)   # loading the scenario and building its chart
    # ru_maxrss is in kilobytes on Linux, bytes on macOS.
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024)
    figures["peak_rss_mb"] = round(peak, 1)
    return figures


def _in_child(name: str, runs: int) -> dict:
    done = subprocess.run([sys.executable, "-m", "xviz", "bench", "diagram", "--case", name, "--runs", str(runs),
                           "--json"], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        return {"error": (done.stderr.strip().splitlines() or [f"exit {done.returncode}"])[-1]}
    return json.loads(done.stdout)[name]


def run(args: argparse.Namespace) -> int:
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if args.case:
        from PySide6.QtWidgets import QApplication

        app = QApplication.instance() or QApplication(["xviz-bench"])  # noqa: F841
        figures = {args.case: _one_case(args.case, args.runs)}
    else:
        figures = {name: _in_child(name, args.runs) for name in CASES}
    for name, f in figures.items():
        if "median_ms" in f:
            f["target_ms"] = TARGETS_MS[name]
            f["meets_target"] = f["median_ms"] < TARGETS_MS[name]
    if args.json:
        print(json.dumps(figures, indent=2))
    else:
        for name, f in figures.items():
            if "error" in f:
                print(f"{name:16} failed: {f['error']}")
                continue
            extra = "".join(f", {key.removesuffix('_ms')} {f[key]:.1f}" for key in ("scenario_ms", "png_ms") if key in f)
            print(f"{name:16} {f['median_ms']:8.1f} ms median of {f['runs']} ({f['nodes']} nodes, {f['edges']} edges: "
                  f"parse {f['parse_ms']:.1f}, layout {f['layout_ms']:.1f} [{f['engine']}], draw {f['draw_ms']:.1f}"
                  f"{extra}); peak {f['peak_rss_mb']:.0f} MB; "
                  f"target < {f['target_ms']:.0f} ms: {'met' if f['meets_target'] else 'MISSED'}")
    sys.stdout.flush()
    return 0
