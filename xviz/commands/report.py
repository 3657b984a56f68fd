"""`xviz report SCENARIO -o OUT.html|OUT.pdf`: the scenario's walkthrough as a handout.

One self-contained HTML page (inline SVG and CSS, no script, nothing fetched), or the same page as an
A4 PDF through Qt's PDF writer.
"""
from __future__ import annotations

import sys
from pathlib import Path

MAX_BYTES = 5 * 1024 * 1024


def add_arguments(parser) -> None:
    parser.add_argument("scenario", help="a scenario YAML file")
    parser.add_argument("-o", "--output", required=True, help="OUT.html (a self-contained page) or OUT.pdf (A4)")
    parser.add_argument("--lang", choices=("en", "ja"), default="en", help="language of the handout")
    parser.add_argument("--what-if", action="append", default=[], dest="what_if", metavar="NAME",
                        help="flip a what-if switch of the scenario first (repeatable, applied in order)")


def run(args) -> int:
    from xviz.handout.gather import gather_handout
    from xviz.scenario.errors import ScenarioError
    from xviz.scenario.loader import read_text

    output = Path(args.output)
    if output.suffix.lower() not in (".html", ".htm", ".pdf"):
        print(f"xviz report: {output}: the output must end in .html or .pdf", file=sys.stderr)
        return 2
    try:
        handout = gather_handout(read_text(args.scenario), args.scenario, args.what_if, args.lang)
    except ScenarioError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    try:
        write_handout(handout, output)
    except OSError as exc:
        print(f"xviz report: {output}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    size = output.stat().st_size
    if size > MAX_BYTES:
        print(f"xviz report: note: {output} is {size / 1e6:.1f} MB, above the 5 MB a handout should stay under",
              file=sys.stderr)
    return 0


def write_handout(handout, output: Path) -> None:
    """Draw the diagrams, then write the page (inline SVG) or the PDF (the page with images)."""
    from xviz.commands.render import ensure_application
    from xviz.handout.html import Figure, render_html

    app = ensure_application()  # noqa: F841 (kept alive while drawing)
    from xviz.ui import handout_pdf

    scenes = diagram_scenes(handout, handout_pdf.draw_scene)
    if output.suffix.lower() != ".pdf":
        figures = [Figure(title, handout_pdf.scene_svg(scene, title, f"d{i}-"))
                   for i, (title, scene) in enumerate(scenes)]
        output.write_text(render_html(handout, figures), encoding="utf-8")
        return
    images = {f"diagram-{i}": handout_pdf.scene_image(scene) for i, (_, scene) in enumerate(scenes)}
    figures = [Figure(title, _image_tag(f"diagram-{i}", scene.sceneRect())) for i, (title, scene) in enumerate(scenes)]
    handout_pdf.write_pdf(render_html(handout, figures), images, output)


PDF_FIGURE_WIDTH = 500  # document pixels: within A4's text width as Qt's rich text prints it


def _image_tag(name: str, rect) -> str:
    """Both sizes given: Qt's rich text would otherwise keep the image's pixel height."""
    width = min(PDF_FIGURE_WIDTH, rect.width())
    return f'<img src="{name}" width="{int(width)}" height="{int(width * rect.height() / max(1.0, rect.width()))}">'


def diagram_scenes(handout, draw) -> list[tuple[str, object]]:
    """Every diagram of the scenario, drawn by `draw(chart, badges)`; a flow's arrows carry the verdicts."""
    from xviz.commands.render import OUTCOME_BADGES
    from xviz.diagram.from_scenario import FLOW_PREFIX, diagram_choices, scenario_diagram

    loaded, lang = handout.source, handout.lang
    verdicts = {(flow.name, step.number - 1): step.verdict for flow in handout.flows for step in flow.steps}
    scenes = []
    for choice in diagram_choices(loaded, lang):
        found = scenario_diagram(loaded, choice.name, lang)
        badges = {}
        if choice.name.startswith(FLOW_PREFIX) and not choice.own:
            flow = choice.name[len(FLOW_PREFIX):]
            badges = {message: OUTCOME_BADGES[verdicts[(flow, index)]] for index, message in found.steps.items()
                      if verdicts.get((flow, index)) in OUTCOME_BADGES}  # NotReached: no badge
        scenes.append((choice.title, draw(found.chart, badges)))
    return scenes
