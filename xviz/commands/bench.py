"""`xviz bench TARGET ...`: speed figures, printed (never asserted by tests)."""
from __future__ import annotations

import argparse
import importlib
import sys

TARGETS = ("engine", "diagram", "interactive", "startup", "review")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("target", choices=TARGETS, help="what to measure")
    parser.add_argument("rest", nargs=argparse.REMAINDER, help="the target's own arguments")


def run(args: argparse.Namespace) -> int:
    try:
        module = importlib.import_module(f"xviz.commands.bench_{args.target}")
    except ModuleNotFoundError:
        print(f"xviz bench: the {args.target} benchmark is not available yet", file=sys.stderr)
        return 2
    sub = argparse.ArgumentParser(prog=f"xviz bench {args.target}")
    module.add_arguments(sub)
    return int(module.run(sub.parse_args(args.rest)) or 0)
