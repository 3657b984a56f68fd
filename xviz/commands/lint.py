"""`xviz lint POLICY.json --type TYPE [--json]`: validation errors (exit 2) and teaching findings."""
from __future__ import annotations

import argparse
import json
import sys

from xviz.commands.simulate import read_json_input
from xviz.engine import InputError
from xviz.engine.lint import validate_policy
from xviz.engine.policy import POLICY_TYPES
from xviz.explain import explain_error


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="POLICY.json")
    parser.add_argument("--type", required=True, choices=POLICY_TYPES, help="the kind of policy")
    parser.add_argument("--account", help="the account that owns the policy (tells other accounts apart)")
    parser.add_argument("--service", help="for --type resource: the service prefix of the resource (ecr, s3, …); "
                        "ECR repository policies may leave Resource out")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--lang", choices=("en", "ja"), default="en")


def run(args: argparse.Namespace) -> int:
    try:
        text, _data, _positions = read_json_input(args.file)  # the same reading and errors as simulate
    except InputError as err:
        diagnostics = [err]
        text = None
    if text is not None:
        diagnostics = validate_policy(text, args.type, account=args.account, file=args.file, service=args.service)
    has_error = any(getattr(d, "severity", "error") == "error" for d in diagnostics)
    if args.json:
        items = []
        for d in diagnostics:
            item = d.to_json()
            item.setdefault("severity", "error")
            item["message"] = explain_error(d, args.lang)
            items.append(item)
        print(json.dumps({"file": args.file, "type": args.type, "valid": not has_error, "diagnostics": items},
                         ensure_ascii=False, indent=2))
    else:
        for d in diagnostics:
            severity = getattr(d, "severity", "error")
            print(f"{d.where()}: {severity} {d.code}: {explain_error(d, args.lang)} (at {d.path if isinstance(d, InputError) else d.json_path})",
                  file=sys.stderr if severity == "error" else sys.stdout)
        if not diagnostics:
            print(f"{args.file}: no problems found")
    return 2 if has_error else 0
