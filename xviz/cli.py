"""The `xviz` command: a thin dispatcher.

Each subcommand lives in `xviz/commands/<name>.py` and exposes `add_arguments(parser)` and
`run(args) -> int`. Modules are imported only for the command being run, so `xviz simulate`
never pays for Qt.
"""
from __future__ import annotations

import argparse
import importlib
import sys

# name -> (module, one-line help)
COMMANDS: dict[str, tuple[str, str]] = {
    "simulate": ("xviz.commands.simulate", "evaluate simulate-request files as AWS would"),
    "lint": ("xviz.commands.lint", "validate a policy and list teaching findings"),
    "run": ("xviz.commands.run", "run a scenario's flows and explain each step"),
    "check": ("xviz.commands.check", "validate a scenario file without running it"),
    "render": ("xviz.commands.render", "draw a mermaid chart or a scenario's diagrams to SVG/PNG"),
    "exercise": ("xviz.commands.exercise", "run an exercise's checks (exit 0 when all are met, 1 when not)"),
    "report": ("xviz.commands.report", "write a scenario's walkthrough handout as HTML (or PDF)"),
    "open": ("xviz.commands.open", "open a scenario in the desktop app"),
    "bench": ("xviz.commands.bench", "print speed figures (engine, diagram, interactive)"),
    "collect": ("xviz.commands.collect", "save an organization's IAM and resource policies with the AWS CLI"),
    "import": ("xviz.commands.import_export", "turn an AWS CLI export into a scenario file"),
    "who-can": ("xviz.commands.who_can", "list every principal allowed an action on a resource"),
    "reach": ("xviz.commands.reach", "list every role a principal can assume, with a shortest chain"),
}


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="xviz", description="xviz: cross-account AWS access, made visible.")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (module_name, help_text) in COMMANDS.items():
        sp = sub.add_parser(name, help=help_text, description=help_text)
        if name == only:
            importlib.import_module(module_name).add_arguments(sp)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    _printable_streams()
    command = next((a for a in argv if not a.startswith("-")), None)
    if command not in COMMANDS:
        if command is None and not any(a in ("-h", "--help") for a in argv):
            # Plain `xviz` opens the home screen.
            from xviz.commands import open as open_command

            return open_command.run_home()
        build_parser().parse_args(argv)  # prints help or the error, exits
        return 2
    parser = build_parser(only=command)
    args = parser.parse_args(argv)
    module = importlib.import_module(COMMANDS[command][0])
    try:
        return int(module.run(args) or 0)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


def _printable_streams() -> None:
    """A character the terminal cannot take (a lone surrogate that slipped past the input checks) is
    printed as an escape instead of ending the command with a traceback."""
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            try:
                stream.reconfigure(errors="backslashreplace")
            except (ValueError, OSError):  # already written to in a way that forbids it
                pass


if __name__ == "__main__":
    sys.exit(main())
