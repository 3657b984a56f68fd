"""`xviz run SCENARIO`: run a scenario's flows and explain every step (or `--check` its expectations)."""
from __future__ import annotations

import json
import sys

from xviz.scenario import ScenarioError, load


def add_arguments(parser) -> None:
    parser.add_argument("scenario", help="a scenario YAML file")
    parser.add_argument("--flow", action="append", metavar="NAME", help="run only this flow (repeatable)")
    parser.add_argument("--lang", choices=("en", "ja"), default="en", help="language of narration and explanations")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of text")
    parser.add_argument("--check", action="store_true",
                        help="exit 1 when a step's outcome differs from its `expect`, naming the step")
    parser.add_argument("--what-if", action="append", default=[], dest="what_if", metavar="NAME",
                        help="flip a what-if switch of the scenario first (repeatable, applied in order)")


def run(args) -> int:
    from xviz.scenario.report import mismatches, render_json, render_text
    from xviz.scenario.runner import run_steps

    try:
        loaded = load(args.scenario, what_ifs=args.what_if)
        runs = run_steps(loaded, args.flow)
    except ScenarioError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(render_json(loaded, runs, args.lang), ensure_ascii=False, indent=2))
    else:
        sys.stdout.write(render_text(loaded, runs, args.lang))
    failed = mismatches(runs)
    if args.check and failed:
        for line in failed:
            print(f"{args.scenario}: {line}", file=sys.stderr)
        return 1
    return 0
