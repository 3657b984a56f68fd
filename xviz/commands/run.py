"""`xviz run SCENARIO`: run a scenario's flows and explain every step (or `--check` its expectations)."""
from __future__ import annotations

import json
import sys

from xviz.scenario import ScenarioError


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
    from xviz.document import Document
    from xviz.document.run_report import input_errors, mismatches, render_json, render_text

    try:
        document = Document.open(args.scenario)
        snapshot = document.set_what_ifs(args.what_if) if args.what_if else document.snapshot
    except ScenarioError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    unknown = [f for f in args.flow or [] if snapshot.loaded is not None and f not in snapshot.loaded.model.flows]
    if snapshot.error is not None or unknown or input_errors(snapshot):
        if unknown:
            print(f"{args.scenario}: no flow named {unknown[0]!r} (known flows: "
                  + ", ".join(snapshot.loaded.model.flows) + ")", file=sys.stderr)
        else:
            print(str(snapshot.error) if snapshot.error is not None else "\n".join(input_errors(snapshot)),
                  file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(render_json(snapshot, args.lang, args.flow), ensure_ascii=False, indent=2))
    else:
        sys.stdout.write(render_text(snapshot, args.lang, args.flow))
    failed = mismatches(snapshot, args.flow)
    if args.check and failed:
        for line in failed:
            print(f"{args.scenario}: {line}", file=sys.stderr)
        return 1
    return 0
