"""`xviz open FILE`: open a scenario in the desktop app (and `xviz` alone: the home screen).

With `--screenshot OUT.png` the window is rendered headless at the chosen flow and step, saved, and
the command exits: for docs, reviews and CI. Qt is imported only when the command runs.
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

DEFAULT_SIZE = (1600, 1000)
_SIZE = re.compile(r"^\s*(\d{2,5})\s*[xX×]\s*(\d{2,5})\s*$")


def parse_size(text: str) -> tuple[int, int]:
    match = _SIZE.match(text)
    if not match:
        raise argparse.ArgumentTypeError(f"size must look like 1600x1000, not {text!r}")
    width, height = int(match.group(1)), int(match.group(2))
    if not (200 <= width <= 10000 and 150 <= height <= 10000):
        raise argparse.ArgumentTypeError(f"size {width}x{height} is outside 200x150 .. 10000x10000")
    return width, height


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help="scenario file (.yaml)")
    parser.add_argument("--flow", metavar="NAME", help="flow to show (default: the first)")
    parser.add_argument("--step", metavar="N", type=int, help="step to show, counting from 1")
    parser.add_argument("--substep", metavar="N", type=int,
                        help="stage inside the step's evaluation to show, counting from 1 (explicit deny, RCPs, SCPs, ...)")
    parser.add_argument("--lang", choices=("en", "ja"), help="interface language for this run")
    parser.add_argument("--presenter", action="store_true",
                        help="large type for workshops, for this run only (the stored setting is kept)")
    parser.add_argument("--what-if", action="append", default=[], dest="what_if", metavar="NAME",
                        help="switch a what-if of the scenario on, as its check box does (repeatable)")
    parser.add_argument("--predict", action="store_true",
                        help="predict the verdict: verdicts stay hidden until predicted (this run only)")
    parser.add_argument("--guess", choices=("A", "E", "I"),
                        help="with --predict: predict the shown step (Allow, ExplicitDeny, ImplicitDeny), revealing it")
    parser.add_argument("--show-solution", action="store_true", dest="show_solution",
                        help="an exercise: apply its solution, as the Show solution button does")
    parser.add_argument("--projector", action="store_true", help="open in the projector view (F11)")
    parser.add_argument("--screenshot", metavar="OUT.png", help="render the window to a PNG and exit")
    parser.add_argument("--dump-state", metavar="OUT.json", dest="dump_state",
                        help="write what the window shows (steps, narration, notes, policies, tree, diagram "
                             "states) as JSON and exit; with --screenshot, both")
    parser.add_argument("--size", metavar="WxH", type=parse_size, default=DEFAULT_SIZE,
                        help="window size (default 1600x1000)")


def _error(message: str) -> int:
    print(f"xviz open: {message}", file=sys.stderr)
    return 2


def _no_display() -> int:
    return _error("no display available (DISPLAY/WAYLAND_DISPLAY unset); "
                  "use --screenshot OUT.png to render without one")


def run(args: argparse.Namespace) -> int:
    path = Path(args.file)
    if not path.is_file():
        return _error(f"{path}: no such file")
    if args.step is not None and args.step < 1:
        return _error(f"--step counts from 1, got {args.step}")
    substep = getattr(args, "substep", None)
    if substep is not None and substep < 1:
        return _error(f"--substep counts from 1, got {substep}")

    refused = _unsafe_problems(path)
    if refused:
        for line in refused:
            print(line, file=sys.stderr)
        return 2

    from xviz.ui.app import has_display, start  # noqa: PLC0415 - Qt only when needed

    dump = getattr(args, "dump_state", None)
    headless = bool(args.screenshot or dump)
    if not headless and not has_display():
        return _no_display()
    app, context = start(language=args.lang, headless=headless)
    if getattr(args, "presenter", False):
        context.set_appearance(context.theme, context.font_size, True)
    from xviz.ui.main_window import MainWindow  # noqa: PLC0415

    window = MainWindow()
    window.resize(*args.size)
    window.open_path(str(path))
    panel = window.workbench.flow_panel
    for name in getattr(args, "what_if", None) or []:
        known = [w.id for w in panel._what_ifs]
        if name not in known:
            _dispose(window)
            return _error(f"{path}: no what-if named {name!r}" + (f" (what-ifs: {', '.join(known)})" if known else ""))
        panel.what_if_checks[known.index(name)].setChecked(True)  # as a click does
    view = window.workbench.view()
    flows = [f.id for f in view.flows] if view else []
    if args.flow is not None and args.flow not in flows:
        _dispose(window)
        return _error(f"{path}: no flow named {args.flow!r}" + (f" (flows: {', '.join(flows)})" if flows else ""))
    if not window.workbench.select(args.flow, None if args.step is None else args.step - 1):
        count = window.workbench.flow_panel.step_count()
        _dispose(window)
        return _error(f"{path}: --step {args.step} is out of range "
                      f"(the flow has {count} step{'' if count == 1 else 's'})")
    if substep is not None:
        stages = window.workbench.flow_panel.stage_count()
        if substep > stages:
            _dispose(window)
            return _error(f"{path}: --substep {substep} is out of range (the step has {stages} "
                          f"stage{'' if stages == 1 else 's'} of evaluation)")
        window.workbench.flow_panel.set_stage(substep - 1)
    _workshop_options(window, args)
    if headless:
        for problem in (view.problems if view else ()):  # headless: said here too, not only in the picture
            where = ":".join(str(x) for x in (problem.file or path, problem.line, problem.column) if x is not None)
            print(f"{where}: {problem.message}", file=sys.stderr)
        return _write_headless(window, args, dump)
    window.show()
    code = app.exec()
    _dispose(window)
    return code


def _workshop_options(window, args) -> None:
    """--predict, --guess, --show-solution, --projector: as the learner's clicks and keys do them
    (predicting is not remembered from here)."""
    bench = window.workbench
    if getattr(args, "show_solution", False):
        bench.exercise.show_solution()
    if getattr(args, "predict", False):
        bench.predict.settings = None
        bench.predict.set_on(True)
        if getattr(args, "guess", None):
            from xviz.ui.predict import KEYS  # noqa: PLC0415

            bench.predict.guess(KEYS[args.guess])
    if getattr(args, "projector", False):
        window.set_projector(True)


def _write_headless(window, args, dump: str | None) -> int:
    from PySide6.QtCore import QSize  # noqa: PLC0415

    from xviz.ui.app import ui_context  # noqa: PLC0415
    from xviz.ui.screenshot import render_png  # noqa: PLC0415

    try:
        if args.screenshot:
            render_png(window, args.screenshot, QSize(*args.size))
        if dump:
            import json  # noqa: PLC0415

            from xviz.scenario.loader import save_text  # noqa: PLC0415
            from xviz.ui.state_dump import dump_state  # noqa: PLC0415

            state = dump_state(window.workbench, ui_context().language)
            save_text(dump, json.dumps(state, ensure_ascii=False, indent=2) + "\n")
    except OSError as exc:
        _dispose(window)
        return _error(str(exc))
    _dispose(window)
    return 0


def _unsafe_problems(path: Path) -> list[str]:
    """Problems that keep the file from the window at all (over a limit, an alias bomb, ...): exit 2.
    Ordinary mistakes open, and the window shows them where they are."""
    from xviz.scenario import ScenarioError  # noqa: PLC0415
    from xviz.scenario.loader import read_scenario_file, screen  # noqa: PLC0415

    try:
        screen(read_scenario_file(path)[0], str(path))
    except ScenarioError as error:
        return [p.format() for p in error.problems]
    return []


def _dispose(window) -> None:
    """Destroy the window while the QApplication still exists: left to interpreter shutdown,
    Python may free the application first and Qt then crashes tearing the widgets down."""
    from PySide6.QtCore import QCoreApplication, QEvent  # noqa: PLC0415

    window.setWindowModified(False)
    window.close()
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def run_home() -> int:
    """Plain `xviz`: the home screen."""
    from xviz.ui.app import has_display, start  # noqa: PLC0415

    if not has_display():
        return _no_display()
    app, _context = start()
    from xviz.ui.main_window import MainWindow  # noqa: PLC0415

    window = MainWindow()
    window.show()
    code = app.exec()
    _dispose(window)
    return code
