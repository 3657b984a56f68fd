"""`xviz who-can ORG.yaml --action A --resource ARN`: every principal allowed, with the deciding statements."""
from __future__ import annotations

import argparse
import json
import sys


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("scenario", metavar="ORG.yaml", help="a scenario file (e.g. written by `xviz import`)")
    parser.add_argument("--action", required=True, help="the action, e.g. s3:GetObject")
    parser.add_argument("--resource", required=True, metavar="ARN", help="the resource's ARN")
    parser.add_argument("--context", action="append", default=[], metavar="K=V",
                        help="a condition key every IAM principal's request carries (repeatable)")
    parser.add_argument("--service-context", action="append", default=[], metavar="K=V",
                        help="a condition key a service principal's request carries, e.g. aws:SourceAccount=… "
                             "(repeatable)")
    parser.add_argument("--json", action="store_true", help='print {"principals": [...], "details": [...]}')
    parser.add_argument("--lang", choices=("en", "ja"), default="en", help="language of the text output")


def run(args: argparse.Namespace) -> int:
    from xviz.review.ask import ReviewError, parse_pairs
    from xviz.review.session import open_review
    from xviz.review.texts import actor_kind, statement_line, text
    from xviz.review.who_can import to_json, who_can
    from xviz.scenario import ScenarioError

    try:
        index = open_review(args.scenario)
        answers = who_can(index, args.action, args.resource, parse_pairs(args.context, "--context"),
                          parse_pairs(args.service_context, "--service-context"))
    except ScenarioError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    except ReviewError as exc:
        print(f"{args.scenario}: {exc}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(to_json(answers), ensure_ascii=False, indent=2))
        return 0
    lang = args.lang
    print(text(lang, "who_can", action=args.action, resource=args.resource, count=len(answers)))
    if not answers:
        print(text(lang, "none"))
    for a in answers:
        print(f"  {a.principal}  [{text(lang, actor_kind(a.actor))}]")
        for d in a.result.get("decisive", []) or [None]:
            print("      " + (statement_line(lang, d) if d else text(lang, "no_statement")))
    return 0
