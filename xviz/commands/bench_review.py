"""`xviz bench review EXPORT_DIR...`: seconds to import, open and answer, one line per export.

Run it on exports of growing size (tests/review/generate_export.py writes them) to see how the
time grows. Without --action/--resource/--from, the first resource policy's first action and
resource, and the first user (else role), are asked.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("exports", nargs="+", type=Path, metavar="EXPORT_DIR")
    parser.add_argument("--action")
    parser.add_argument("--resource", metavar="ARN")
    parser.add_argument("--from", dest="start", metavar="ARN")
    parser.add_argument("--context", action="append", default=[], metavar="K=V", help="for who-can and reach")
    parser.add_argument("--json", action="store_true", help="one JSON object per line")


def _default_question(index) -> tuple[str, str, str]:
    from xviz.review.index import as_list, statements

    w = index.world
    key = next((k for k, r in w.resources.items() if r.policy), None)
    action, resource = "s3:GetObject", "*"
    if key is not None:
        first = statements(index.loaded.policies[("world", "resources", key, "policy")].document)[0]
        action = as_list(first.get("Action"))[0]
        resource = as_list(first.get("Resource", index.ix.resource_arn(key)))[0].replace("*", "x")
    start = index.ix.user_arn(next(iter(w.users))) if w.users else index.ix.role_arn(next(iter(w.roles)))
    return action, resource, start


def run(args: argparse.Namespace) -> int:
    from xviz.review.ask import parse_pairs
    from xviz.review.importer import import_export
    from xviz.review.index import ReviewIndex
    from xviz.review.reach import reach
    from xviz.review.who_can import who_can
    from xviz.review.writer import dump_scenario
    from xviz.scenario import ScenarioError, loads

    context = parse_pairs(args.context, "--context")
    status = 0
    for export in args.exports:
        try:
            t0 = time.perf_counter()
            text = dump_scenario(import_export(export).data)
            t1 = time.perf_counter()
            index = ReviewIndex(loads(text, f"{export}.yaml"))
            t2 = time.perf_counter()
        except ScenarioError as exc:
            print(str(exc), file=sys.stderr)
            status = 2
            continue
        action, resource, start = _default_question(index)
        action, resource, start = args.action or action, args.resource or resource, args.start or start
        allowed = who_can(index, action, resource, context)
        t3 = time.perf_counter()
        reached = reach(index, start, context)
        t4 = time.perf_counter()
        w = index.world
        row = {"export": str(export), "accounts": len(w.accounts), "roles": len(w.roles), "users": len(w.users),
               "policies": len(index.loaded.policies), "import_s": round(t1 - t0, 3), "open_s": round(t2 - t1, 3),
               "who_can_s": round(t3 - t2, 3), "who_can_principals": len(allowed),
               "reach_s": round(t4 - t3, 3), "reach_roles": len(reached)}
        if args.json:
            print(json.dumps(row), flush=True)
        else:
            print(f"{export}: {row['accounts']} accounts, {row['roles']} roles, {row['policies']} policies: "
                  f"import {row['import_s']:.2f} s, open {row['open_s']:.2f} s, who-can {row['who_can_s']:.2f} s "
                  f"({len(allowed)} principals), reach {row['reach_s']:.2f} s ({len(reached)} roles)", flush=True)
    return status
