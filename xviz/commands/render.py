"""`xviz render INPUT -o OUT.svg|OUT.png`: draw a mermaid chart (a .mmd file or a Markdown block) or a
scenario's diagrams (its architecture by default, a flow's sequence diagram with `--diagram flow:NAME`)."""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from xviz.diagram import DiagramError, mermaid_blocks, parse_block, parse_diagram
from xviz.files import LimitError, SaveRefused, read_limited
from xviz.files.limits import MAX_CHART_BYTES, check_lines
from xviz.files.reading import decode_utf8

MARKDOWN_SUFFIXES = {".md", ".markdown"}
SCENARIO_SUFFIXES = {".yaml", ".yml", ".json", ".xviz"}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("input", help="a .mmd chart, a Markdown file with ```mermaid blocks, or a scenario (.yaml)")
    parser.add_argument("-o", "--output", required=True, help="OUT.svg (labels stay text) or OUT.png")
    parser.add_argument("--diagram", default=None,
                        help="Markdown: which ```mermaid block (1 = the first, the default). Scenario: "
                             "'architecture' (the default), 'flow:NAME', the name of one of its own diagrams, "
                             "or an index (1 = the architecture)")
    parser.add_argument("--lang", choices=("en", "ja"), default="en",
                        help="language of a scenario diagram's labels (default en)")
    parser.add_argument("--theme", choices=("light", "dark"), default="light")
    parser.add_argument("--scale", type=float, default=2.0, help="PNG pixels per point (default 2)")


def _fail(message: str) -> int:
    print(f"xviz render: {message}", file=sys.stderr)
    return 2


def load_chart(path: Path, which: str):
    """The parsed chart and its warnings' line offset; raises DiagramError, LimitError or ValueError."""
    raw, _stat = read_limited(path, MAX_CHART_BYTES)
    text = decode_utf8(raw, str(path)).removeprefix("\ufeff")
    check_lines(text, str(path))
    if path.suffix.lower() in MARKDOWN_SUFFIXES:
        blocks = mermaid_blocks(text)
        if not blocks:
            raise ValueError(f"{path}: no ```mermaid block")
        if not which.isdigit() or not 1 <= int(which) <= len(blocks):
            raise ValueError(f"{path}: --diagram {which}: the file has {len(blocks)} mermaid block(s), "
                             f"numbered 1 to {len(blocks)}")
        block = blocks[int(which) - 1]
        return parse_block(block, str(path)), block.first_line - 1
    return parse_diagram(text, str(path)), 0


# A flow's steps carry the outcome the author expects; the export shows it as the stepper's badge would.
OUTCOME_BADGES = {"Allow": "allow", "ExplicitDeny": "deny", "ImplicitDeny": "implicit", "ValidationError": "deny"}


def scenario_diagrams(path: Path, which: str | None, lang: str = "en"):
    """The chosen diagram of a scenario file (see xviz.diagram.from_scenario); raises ScenarioError,
    DiagramError (a bad own chart, at its line in the file) or ValueError (listing the choices)."""
    from xviz.diagram.from_scenario import scenario_diagram
    from xviz.scenario.loader import load

    return scenario_diagram(load(path), which, lang)


def ensure_application():
    """A QApplication for drawing; offscreen when there is no display (CI, SSH)."""
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")) and sys.platform.startswith("linux"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication(["xviz"])


def run(args: argparse.Namespace) -> int:
    source, output = Path(args.input), Path(args.output)
    suffix = output.suffix.lower()
    if suffix not in (".svg", ".png"):
        return _fail(f"{output}: the output must end in .svg or .png")
    if args.scale <= 0 or args.scale > 16:
        return _fail(f"--scale {args.scale}: give a number above 0 and at most 16")
    from xviz.scenario.errors import ScenarioError

    badges: dict[str, str] = {}
    try:
        if source.suffix.lower() in SCENARIO_SUFFIXES:
            found = scenario_diagrams(source, args.diagram, args.lang)
            chart, offset = found.chart, found.line_offset
            badges = {item: OUTCOME_BADGES[outcome] for item, outcome in found.outcomes.items() if outcome}
        else:
            chart, offset = load_chart(source, args.diagram or "1")
    except ScenarioError as error:
        for problem in error.problems:
            print(problem.format(), file=sys.stderr)
        return 2
    except (DiagramError, LimitError) as error:
        return _fail(str(error))
    except (OSError, UnicodeDecodeError, ValueError) as error:
        return _fail(str(error))
    for warning in chart.warnings:
        print(warning.format(str(source), offset), file=sys.stderr)

    app = ensure_application()  # noqa: F841 (kept alive while drawing)
    from xviz.diagram import layout_diagram
    from xviz.ui.diagram import DiagramScene, QtTextMeasurer, export_png, export_svg
    from xviz.ui.diagram.export import MAX_PNG_PIXELS

    measurer = QtTextMeasurer()
    layout = layout_diagram(chart, measurer)
    if layout.notice:
        print(f"xviz render: note: {layout.notice}", file=sys.stderr)
    scene = DiagramScene(layout, args.theme, measurer)
    for item, status in badges.items():
        scene.set_badge(item, status)
    try:
        if suffix == ".svg":
            export_svg(scene, output, title=chart.acc_title or chart.title or source.name,
                       description=chart.acc_description or "")
        else:
            used = export_png(scene, output, args.scale)
            if used < args.scale:
                print(f"xviz render: note: the chart is {layout.width:.0f} × {layout.height:.0f} points; drawn at "
                      f"scale {used:.2f} instead of {args.scale:g} to keep the PNG under "
                      f"{MAX_PNG_PIXELS // 1_000_000} million pixels (use .svg for full detail)", file=sys.stderr)
    except (OSError, SaveRefused) as error:
        return _fail(str(error))
    return 0
