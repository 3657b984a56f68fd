"""`xviz who-can ORG.yaml --action A --resource ARN`: every principal allowed, with the deciding statements."""
from __future__ import annotations

import argparse

from xviz.commands.review_question import add_common, answer


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_common(parser, "a condition key every IAM principal's request carries (repeatable)",
               'print {"principals": [...], "details": [...]}')
    parser.add_argument("--action", required=True, help="the action, e.g. s3:GetObject")
    parser.add_argument("--resource", required=True, metavar="ARN", help="the resource's ARN")
    parser.add_argument("--service-context", action="append", default=[], metavar="K=V",
                        help="a condition key a service principal's request carries, e.g. aws:SourceAccount=… "
                             "(repeatable)")


def run(args: argparse.Namespace) -> int:
    from xviz.review.ask import parse_pairs
    from xviz.review.texts import actor_kind, statement_line, text
    from xviz.review.who_can import to_json, who_can

    def question(index, context):
        return who_can(index, args.action, args.resource, context,
                       parse_pairs(args.service_context, "--service-context"))

    def print_text(answers) -> None:
        lang = args.lang
        print(text(lang, "who_can", action=args.action, resource=args.resource, count=len(answers)))
        if not answers:
            print(text(lang, "none"))
        for a in answers:
            print(f"  {a.principal}  [{text(lang, actor_kind(a.actor))}]")
            for d in a.result.get("decisive", []) or [None]:
                print("      " + (statement_line(lang, d) if d else text(lang, "no_statement")))

    return answer(args, question, to_json, print_text)
