"""`xviz reach ORG.yaml --from ARN`: every role the principal can assume, with one shortest chain each."""
from __future__ import annotations

import argparse

from xviz.commands.review_question import add_common, answer


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_common(parser, "a condition key of every hop, e.g. an OIDC token's claim "
                       "token.actions.githubusercontent.com:sub=repo:org/app:ref:refs/heads/main (repeatable)",
               'print {"roles": [{"role", "chain"}]}')
    parser.add_argument("--from", dest="start", required=True, metavar="ARN",
                        help="a user, role or root ARN, or an identity provider's ARN (or key)")


def run(args: argparse.Namespace) -> int:
    from xviz.review.reach import reach, to_json
    from xviz.review.texts import text

    def print_text(reached) -> None:
        print(text(args.lang, "reach", start=args.start, count=len(reached)))
        if not reached:
            print(text(args.lang, "none"))
        for r in reached:
            print(f"  {r.role}")
            print("      " + " → ".join(r.chain))

    return answer(args, lambda index, context: reach(index, args.start, context), to_json, print_text)
