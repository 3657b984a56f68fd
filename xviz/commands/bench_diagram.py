"""`xviz bench diagram`: parse + layout + draw times for a seed-sized chart and a 300-node flowchart."""
from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time

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

TARGETS_MS = {"seed_chart": 50.0, "flowchart_300": 1000.0}


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


def _time(text: str, runs: int, measurer, scene_class) -> dict[str, float]:
    from xviz.diagram import layout_diagram, parse_diagram

    totals, parse_ms, layout_ms, draw_ms = [], [], [], []
    for _ in range(runs):
        t0 = time.perf_counter()
        diagram = parse_diagram(text)
        t1 = time.perf_counter()
        layout = layout_diagram(diagram, measurer)
        t2 = time.perf_counter()
        scene = scene_class(layout, "light", measurer)
        scene.clear()
        t3 = time.perf_counter()
        parse_ms.append((t1 - t0) * 1000)
        layout_ms.append((t2 - t1) * 1000)
        draw_ms.append((t3 - t2) * 1000)
        totals.append((t3 - t0) * 1000)
    return {"median_ms": round(statistics.median(totals), 2), "parse_ms": round(statistics.median(parse_ms), 2),
            "layout_ms": round(statistics.median(layout_ms), 2), "draw_ms": round(statistics.median(draw_ms), 2),
            "engine": layout.engine, "runs": runs}


def run(args: argparse.Namespace) -> int:
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(["xviz-bench"])  # noqa: F841
    from xviz.ui.diagram import DiagramScene, QtTextMeasurer

    measurer = QtTextMeasurer()
    _time(SEED_SIZED, 1, measurer, DiagramScene)  # warm up fonts and the engine's first start
    figures = {
        "seed_chart": _time(SEED_SIZED, max(args.runs, 1), measurer, DiagramScene),
        "flowchart_300": _time(generated_flowchart(), max(args.runs // 5, 3), measurer, DiagramScene),
    }
    for name, target in TARGETS_MS.items():
        figures[name]["target_ms"] = target
        figures[name]["meets_target"] = figures[name]["median_ms"] < target
    if args.json:
        print(json.dumps(figures, indent=2))
    else:
        for name, f in figures.items():
            print(f"{name:14} {f['median_ms']:8.1f} ms median of {f['runs']} (parse {f['parse_ms']:.1f}, "
                  f"layout {f['layout_ms']:.1f} [{f['engine']}], draw {f['draw_ms']:.1f}); "
                  f"target < {f['target_ms']:.0f} ms: {'met' if f['meets_target'] else 'MISSED'}")
    sys.stdout.flush()
    return 0
