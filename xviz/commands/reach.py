"""`xviz reach ORG.yaml --from ARN`: every role the principal can assume, with one shortest chain each."""
from __future__ import annotations

import argparse
import json
import sys


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("scenario", metavar="ORG.yaml", help="a scenario file (e.g. written by `xviz import`)")
    parser.add_argument("--from", dest="start", required=True, metavar="ARN",
                        help="a user, role or root ARN, or an identity provider's ARN (or key)")
    parser.add_argument("--context", action="append", default=[], metavar="K=V",
                        help="a condition key of every hop, e.g. an OIDC token's claim "
                             "token.actions.githubusercontent.com:sub=repo:org/app:ref:refs/heads/main (repeatable)")
    parser.add_argument("--json", action="store_true", help='print {"roles": [{"role", "chain"}]}')
    parser.add_argument("--lang", choices=("en", "ja"), default="en", help="language of the text output")


def run(args: argparse.Namespace) -> int:
    from xviz.review.ask import ReviewError, parse_pairs
    from xviz.review.reach import reach, to_json
    from xviz.review.session import open_review
    from xviz.review.texts import text
    from xviz.scenario import ScenarioError

    try:
        index = open_review(args.scenario)
        reached = reach(index, args.start, parse_pairs(args.context, "--context"))
    except ScenarioError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    except ReviewError as exc:
        print(f"{args.scenario}: {exc}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(to_json(reached), ensure_ascii=False, indent=2))
        return 0
    print(text(args.lang, "reach", start=args.start, count=len(reached)))
    if not reached:
        print(text(args.lang, "none"))
    for r in reached:
        print(f"  {r.role}")
        print("      " + " → ".join(r.chain))
    return 0
