"""`xviz check SCENARIO...`: validate scenario files (and each of their what-if switches) without running them."""
from __future__ import annotations

import sys

from xviz.scenario import ScenarioError, loads
from xviz.scenario.exercise import validate_inline
from xviz.scenario.loader import read_text
from xviz.scenario.runner import validate_requests


def add_arguments(parser) -> None:
    parser.add_argument("scenarios", nargs="+", metavar="SCENARIO", help="scenario YAML files")
    parser.add_argument("--quiet", action="store_true", help="print errors only, no warnings or OK lines")


def check_file(path: str) -> tuple[list[str], list[str]]:
    """(errors, warnings) as printable lines. Each what-if switch (and an exercise's solution) is applied
    once and checked too, and every step's derived request is checked by the engine (without evaluating it)."""
    try:
        text = read_text(path)  # once: "-" (standard input) cannot be read again for each what-if
        loaded = loads(text, path)
    except ScenarioError as exc:
        return [p.format() for p in exc.problems], []
    warnings = [p.format() for p in loaded.warnings]
    errors = [p.format() for p in validate_requests(loaded) + validate_inline(loaded)]
    variants = [(f"what-if {name}", {"what_ifs": [name]}) for name in loaded.model.what_ifs]
    if loaded.model.exercise is not None:
        variants.append(("exercise solution", {"solution": True}))
    for label, options in variants:
        try:
            errors += [f"{p.format()} [{label}]" for p in validate_requests(loads(text, path, **options))]
        except ScenarioError as exc:
            errors += [f"{p.format()} [{label}]" for p in exc.problems]
    return errors, warnings


def run(args) -> int:
    status = 0
    for path in args.scenarios:
        errors, warnings = check_file(path)
        for line in errors:
            print(line, file=sys.stderr)
        if not args.quiet:
            for line in warnings:
                print(line, file=sys.stderr)
            if not errors:
                print(f"{path}: OK")
        status = 2 if errors else status
    return status
