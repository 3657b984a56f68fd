"""Render a review panel beside the architecture diagram it lights, offscreen, to a PNG:

    python tests/review/panel_screenshot.py ORG.yaml OUT.png --lang ja who-can --action s3:GetObject --resource ARN
    python tests/review/panel_screenshot.py ORG.yaml OUT.png reach --from ARN [--context K=V ...]

It also shows how the panels hook into a window: `lit_changed` to the scene's highlight.
"""
from __future__ import annotations

import argparse

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QSplitter

from xviz.diagram import layout_diagram
from xviz.diagram.from_scenario import architecture_diagram
from xviz.scenario import load
from xviz.ui.app import start
from xviz.ui.diagram import DiagramScene, QtTextMeasurer
from xviz.ui.diagram_area import DiagramView
from xviz.ui.review_panels import ReachPanel, WhoCanPanel
from xviz.ui.screenshot import render_png


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("scenario")
    parser.add_argument("out")
    parser.add_argument("--lang", choices=("en", "ja"), default="en")
    parser.add_argument("panel", choices=("who-can", "reach"))
    parser.add_argument("--action", default="s3:GetObject")
    parser.add_argument("--resource", default="")
    parser.add_argument("--from", dest="start", default="")
    parser.add_argument("--context", action="append", default=[])
    args = parser.parse_args()
    _app, context = start(language=args.lang, headless=True)
    loaded = load(args.scenario)
    measurer = QtTextMeasurer()
    scene = DiagramScene(layout_diagram(architecture_diagram(loaded, args.lang).chart, measurer), context.theme,
                         measurer)
    view = DiagramView()
    view.setScene(scene)
    panel = WhoCanPanel() if args.panel == "who-can" else ReachPanel()
    panel.retranslate(args.lang)
    panel.set_scenario(loaded)
    panel.set_known_ids(lambda element_id: scene.element(element_id) is not None)
    panel.lit_changed.connect(lambda ids: scene.highlight(ids) if ids else scene.clear_highlight())
    if args.panel == "who-can":
        panel.action.setText(args.action)
        panel.resource.setCurrentText(args.resource)
    else:
        panel.start.setCurrentText(args.start)
    panel.context.setText(" ".join(args.context))
    panel.ask()
    split = QSplitter(Qt.Orientation.Horizontal)
    split.addWidget(panel)
    split.addWidget(view)
    split.setSizes([560, 1040])
    render_png(split, args.out, QSize(1600, 900))
    print(args.out)


if __name__ == "__main__":
    main()
