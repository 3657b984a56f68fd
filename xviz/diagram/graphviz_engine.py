"""Finding and running a Graphviz engine: `graphviz-pure` next to Python by default, a system `dot` on request.

`XVIZ_GRAPHVIZ` chooses: unset or `graphviz-pure` (the PyPI port), `dot` (a system Graphviz), a path to an
executable, or `builtin` to skip Graphviz and use the built-in layered layout.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ENV_VAR = "XVIZ_GRAPHVIZ"
TIMEOUT_SECONDS = 30


class EngineUnavailable(RuntimeError):
    """No engine could lay the graph out; the message says why, for the user-visible notice."""


@dataclass(frozen=True)
class GraphvizEngine:
    name: str
    executable: str

    def run_json(self, dot_source: str) -> dict:
        try:
            done = subprocess.run([self.executable, "-Tjson0"], input=dot_source.encode("utf-8"),
                                  capture_output=True, timeout=TIMEOUT_SECONDS, check=False)
        except (OSError, subprocess.TimeoutExpired) as error:
            raise EngineUnavailable(f"{self.name} did not run: {error}") from error
        if done.returncode != 0:
            detail = done.stderr.decode("utf-8", "replace").strip().splitlines()
            raise EngineUnavailable(f"{self.name} failed: {detail[-1] if detail else f'exit {done.returncode}'}")
        try:
            return json.loads(done.stdout.decode("utf-8"))
        except ValueError as error:
            raise EngineUnavailable(f"{self.name} gave unreadable output: {error}") from error


def _beside_python(command: str) -> str | None:
    folder = Path(sys.executable).parent
    for name in (command, command + ".exe"):
        candidate = folder / name
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return str(candidate)
    return None


def find_engine(preference: str | None = None) -> GraphvizEngine:
    """The engine to use, or EngineUnavailable naming what was looked for."""
    choice = (preference if preference is not None else os.environ.get(ENV_VAR, "")).strip()
    if choice.lower() in ("builtin", "built-in", "none"):
        raise EngineUnavailable(f"{ENV_VAR}={choice} asks for the built-in layout")
    if choice == "dot":
        found = shutil.which("dot")
        if not found:
            raise EngineUnavailable("a system Graphviz was asked for, but `dot` is not on PATH")
        return GraphvizEngine("dot", found)
    if choice and choice != "graphviz-pure":
        if Path(choice).is_file():
            return GraphvizEngine(Path(choice).name, choice)
        raise EngineUnavailable(f"{ENV_VAR}={choice}: no such executable")
    found = _beside_python("graphviz-pure") or shutil.which("graphviz-pure")
    if found:
        return GraphvizEngine("graphviz-pure", found)
    dot = shutil.which("dot")
    if dot:
        return GraphvizEngine("dot", dot)
    raise EngineUnavailable("neither graphviz-pure nor dot was found (pip install graphviz-pure)")
