"""`xviz bench engine FILE... --json`: evaluations per second, cold and warm, one line per file.

cold: from the parsed JSON object to the full result (checking the request, evaluating, the trace
spelled out), as `xviz simulate` does; policies whose text was compiled before at the same place
come from the compile cache (keyed by the policy's JSON text), as they do for the live editor and
for a scenario run. first_sight: the same with the compile cache emptied before every call, so
every policy is compiled too. warm: the request already prepared (checked and compiled), as the
live editor re-evaluates it, with the trace spelled out too.
"""
from __future__ import annotations

import argparse
import gc
import json
import sys
import time
from pathlib import Path

from xviz.commands.simulate import read_json_input
from xviz.engine import InputError, compile_cache, evaluate, prepare, simulate


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--json", action="store_true", help="one JSON object per line")
    parser.add_argument("--seconds", type=float, default=1.0, help="time spent measuring each figure")
    parser.add_argument("--cpu", action="store_true", help="count this process's CPU time instead of wall time "
                        "(steadier on a machine other work shares)")


def _rate(fn, seconds: float, clock=time.perf_counter) -> float:
    """Calls per second: best of three timed rounds after a warm-up round. As `timeit` does, the
    cyclic garbage collector is paused while a round is timed (results hold no cycles; reference
    counting frees them), so its passes do not add noise."""
    n = 1
    while True:  # find a batch size that takes about a tenth of the budget
        start = clock()
        for _ in range(n):
            fn()
        elapsed = clock() - start
        if elapsed > seconds / 10 or n > 1_000_000:
            break
        n *= 2
    best = 0.0
    for _ in range(3):
        gc.collect()
        gc.disable()
        try:
            start = clock()
            for _ in range(n):
                fn()
            best = max(best, n / max(clock() - start, 1e-9))
        finally:
            gc.enable()
    return best


def run(args: argparse.Namespace) -> int:
    status = 0
    for path in args.files:
        try:
            _text, data, _positions = read_json_input(str(path))  # the limits and errors of `simulate`
            prepared = prepare(data)
        except (OSError, InputError) as err:
            print(f"{path}: {err}", file=sys.stderr)
            status = 2
            continue
        clock = time.process_time if args.cpu else time.perf_counter
        first = _rate(lambda: (compile_cache.clear(), simulate(data)), args.seconds, clock)
        cold = _rate(lambda: simulate(data), args.seconds, clock)
        warm = _rate(lambda: evaluate(prepared).to_json(), args.seconds, clock)
        row = {"file": str(path), "evals_per_sec_cold": round(cold), "evals_per_sec_warm": round(warm),
               "evals_per_sec_first_sight": round(first)}
        if args.json:
            print(json.dumps(row), flush=True)
        else:
            print(f"{path}: cold {cold:,.0f}/s, warm {warm:,.0f}/s, first sight {first:,.0f}/s", flush=True)
    return status
