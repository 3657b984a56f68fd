"""`xviz render INPUT -o OUT.svg|OUT.png`: draw a mermaid chart (a .mmd file or a Markdown block)."""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from xviz.diagram import DiagramError, mermaid_blocks, parse_block, parse_diagram

MARKDOWN_SUFFIXES = {".md", ".markdown"}
SCENARIO_SUFFIXES = {".yaml", ".yml", ".json", ".xviz"}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("input", help="a .mmd chart or a Markdown file with ```mermaid blocks")
    parser.add_argument("-o", "--output", required=True, help="OUT.svg (labels stay text) or OUT.png")
    parser.add_argument("--diagram", default="1",
                        help="which ```mermaid block of a Markdown file to draw (1 = the first)")
    parser.add_argument("--theme", choices=("light", "dark"), default="light")
    parser.add_argument("--scale", type=float, default=2.0, help="PNG pixels per point (default 2)")


def _fail(message: str) -> int:
    print(f"xviz render: {message}", file=sys.stderr)
    return 2


def load_chart(path: Path, which: str):
    """The parsed chart and its warnings' line offset; raises DiagramError or ValueError."""
    text = path.read_text(encoding="utf-8")
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


def scenario_diagrams(path: Path, which: str):
    """Hook for scenario files (issue 4 part 5): their architecture and flow diagrams are not wired yet."""
    raise ValueError(f"{path}: drawing a scenario's diagrams is not available yet; "
                     "render a .mmd file or a Markdown file's ```mermaid block")


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
    try:
        if source.suffix.lower() in SCENARIO_SUFFIXES:
            chart, offset = scenario_diagrams(source, args.diagram)
        else:
            chart, offset = load_chart(source, args.diagram)
    except DiagramError as error:
        return _fail(str(error))
    except (OSError, UnicodeDecodeError, ValueError) as error:
        return _fail(str(error))
    for warning in chart.warnings:
        print(warning.format(str(source), offset), file=sys.stderr)

    app = ensure_application()  # noqa: F841 (kept alive while drawing)
    from xviz.diagram import layout_diagram
    from xviz.ui.diagram import DiagramScene, QtTextMeasurer, export_png, export_svg

    measurer = QtTextMeasurer()
    layout = layout_diagram(chart, measurer)
    if layout.notice:
        print(f"xviz render: note: {layout.notice}", file=sys.stderr)
    scene = DiagramScene(layout, args.theme, measurer)
    try:
        if suffix == ".svg":
            export_svg(scene, output, title=source.name)
        else:
            export_png(scene, output, args.scale)
    except OSError as error:
        return _fail(str(error))
    return 0
