"""What `xviz who-can` and `xviz reach` share: the scenario, --context, --json, --lang, and one
message (exit 2) for a file or a question that cannot be answered."""
from __future__ import annotations

import argparse
import json
import sys
from typing import Any, Callable


def add_common(parser: argparse.ArgumentParser, context_help: str, json_help: str) -> None:
    parser.add_argument("scenario", metavar="ORG.yaml", help="a scenario file (e.g. written by `xviz import`)")
    parser.add_argument("--context", action="append", default=[], metavar="K=V", help=context_help)
    parser.add_argument("--json", action="store_true", help=json_help)
    parser.add_argument("--lang", choices=("en", "ja"), default="en", help="language of the text output")


def answer(args: argparse.Namespace, question: Callable[[Any, dict], Any], to_json: Callable[[Any], dict],
           print_text: Callable[[Any], None]) -> int:
    """Open the scenario, ask `question(index, context)`, print the answer as JSON or text."""
    from xviz.review.ask import ReviewError, parse_pairs
    from xviz.review.session import open_review
    from xviz.scenario import ScenarioError

    try:
        index = open_review(args.scenario)
        result = question(index, parse_pairs(args.context, "--context"))
    except ScenarioError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    except ReviewError as exc:
        print(f"{args.scenario}: {exc}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(to_json(result), ensure_ascii=False, indent=2))
    else:
        print_text(result)
    return 0
