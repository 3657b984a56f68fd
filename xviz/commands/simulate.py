"""`xviz simulate FILE... [--json]`: the public contract of shared/spec/simulate-request.md."""
from __future__ import annotations

import argparse
import json
import sys

from xviz.engine import InputError, load_json_text, simulate_result
from xviz.engine.jsonpos import decode_text
from xviz.engine.paths import format_path
from xviz.files import LimitError, read_limited
from xviz.files.limits import MAX_JSON_BYTES, lone_surrogate, lone_surrogate_path
from xviz.explain import explain_error, explain_result


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", metavar="FILE", help="simulate-request JSON files")
    parser.add_argument("--json", action="store_true", help="machine-readable output (one object per file)")
    parser.add_argument("--lang", choices=("en", "ja"), default="en", help="language of the explanation")


def read_input(path: str) -> tuple[object, object]:
    """Parsed JSON and its positions; InputError (with file, line and column) on any problem."""
    _text, data, positions = read_json_input(path)
    return data, positions


def read_json_input(path: str) -> tuple[str, object, object]:
    """The text of `path` ("-" is standard input), parsed; never reads past MAX_JSON_BYTES, and refuses
    lone surrogates (which json.loads accepts but no printer can show). InputError on any problem."""
    try:
        raw, _stat = read_limited(path, MAX_JSON_BYTES)
    except LimitError as err:
        raise InputError(err.code, err.message, (), err.params, err.line, err.column, path) from None
    text = decode_text(raw, path)
    data, positions = load_json_text(text, path)
    bad = lone_surrogate_path(text, data)
    if bad is not None:
        err = lone_surrogate(path, positions.lookup(bad), format_path(bad))
        raise InputError(err.code, err.message, bad, err.params, err.line, err.column, path)
    return text, data, positions


def run(args: argparse.Namespace) -> int:
    status = 0
    many = len(args.files) > 1
    for index, path in enumerate(args.files):
        try:
            data, positions = read_input(path)
            result = simulate_result(data, positions=positions, file=path)
        except InputError as err:
            err.file = err.file or path
            status = 2
            print(f"{err.where()}: error: {explain_error(err, args.lang)} (at {err.path})", file=sys.stderr)
            if args.json and many:
                print(json.dumps({"file": path, "error": err.to_json()}, ensure_ascii=False))
            continue
        if args.json:
            out = result.to_json()
            if many:
                out = {"file": path, **out}
            print(json.dumps(out, ensure_ascii=False, indent=None if many else 2))
        else:
            if many:
                print(("\n" if index else "") + f"== {path}")
            shown = result.to_json()
            shown["warnings"] = [w.explainable() for w in result.warnings]  # with the values for --lang ja
            print("\n".join(explain_result(shown, args.lang)))
    return status
