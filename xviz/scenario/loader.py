"""Load, edit and save scenario files. The file's text is the truth: the model is derived from it,
an edit splices new text into it, and saving an unedited scenario writes back the same bytes."""
from __future__ import annotations

import copy
import os
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from xviz.files import Fingerprint, LimitError, read_text_file, save_atomically
from xviz.files.limits import (MAX_ACCOUNTS, MAX_POLICIES, MAX_SCENARIO_BYTES, MAX_STEPS, MAX_WHAT_IFS, check_count,
                               check_lines)
from xviz.scenario import model as m
from xviz.scenario.checks import check_references
from xviz.scenario.exercise_checks import check_exercise
from xviz.scenario.errors import Problem, ProblemSink, ScenarioError
from xviz.scenario.policies import PolicySource, parse_policies, policy_locations
from xviz.scenario.schema_errors import report
from xviz.scenario.textblock import is_literal_block, locate, splice
from xviz.scenario.whatif import apply_patches, apply_what_ifs
from xviz.scenario.yamlsource import SourceMap, parse_yaml


@dataclass
class LoadedScenario:
    model: m.Scenario
    text: str  # the file exactly as read (or as last edited)
    file: str | None
    data: Any  # plain data the model was validated from (after what-if patches)
    source_map: SourceMap
    policies: dict[tuple, PolicySource]
    warnings: list[Problem] = field(default_factory=list)
    what_ifs: tuple[str, ...] = ()
    solution: bool = False  # the exercise's solution is applied

    def replace_policy_text(self, path: tuple, new_text: str) -> str:
        """The file text with the policy at `path` replaced by `new_text`, everything else unchanged.

        Works for any literal block scalar (also one inside a what-if). The JSON is not required to
        be valid: a learner may save work in progress. Raises ScenarioError when the text cannot be
        written back faithfully."""
        return _splice_checked(self.text, self.file, self.source_map, tuple(path), new_text)

    def save(self, path: str | os.PathLike | None = None, text: str | None = None) -> None:
        """Write the scenario (or `text`, e.g. from replace_policy_text) atomically."""
        target = path or self.file
        if target is None:
            raise ValueError("no file name to save to")
        save_text(target, self.text if text is None else text)


def replace_block_text(text: str, path: tuple, new_text: str, file: str | None = None) -> str:
    """`text` (a scenario file's text, valid YAML but not necessarily a valid scenario) with the literal
    block at data `path` replaced by `new_text`; as LoadedScenario.replace_policy_text otherwise."""
    return _splice_checked(text, file, parse_yaml(text, file).source_map, tuple(path), new_text)


def splice_edits(text: str, edits, file: str | None = None) -> tuple[str, list[tuple[tuple, Problem]]]:
    """`text` with every (path, new text) of `edits` written into its literal block: the file is parsed
    once and the blocks are replaced from the last to the first. Edits that cannot be written back are
    left out and returned with the reason."""
    edits = [(tuple(path), new) for path, new in edits]
    if not edits:
        return text, []
    smap = parse_yaml(text, file).source_map
    placed, failed = [], []
    for path, new in edits:
        node, key = smap.node(path), smap.keys.get(path)
        block = locate(text, node, key.start_mark.column if key else None) if is_literal_block(node) else None
        if block is None:
            failed.append((path, Problem("not_a_block", f"{'.'.join(map(str, path))} is not a literal block scalar",
                                         "only policies written with `|` can be edited in place", file)))
        elif node.value.rstrip("\n") != new.rstrip("\n").replace("\r\n", "\n"):
            placed.append((block, key.start_mark.column if key else None, new))
    out = text
    for block, key_column, new in sorted(placed, key=lambda item: item[0].header, reverse=True):
        out = splice(out, block, new, key_column)
    if placed and not _written_back(out, file, placed):  # unusual layout: one at a time, each checked
        out = text
        for path, new in edits:
            try:
                out = replace_block_text(out, path, new, file)
            except ScenarioError as error:
                failed.append((path, error.first))
    return out, failed


def _written_back(text: str, file: str | None, placed) -> bool:
    values = {n.start_mark.line: n.value.rstrip("\n") for n in parse_yaml(text, file).source_map.nodes.values()
              if is_literal_block(n)}
    written = {}
    shift = 0
    for block, _key_column, new in sorted(placed, key=lambda item: item[0].header):
        wanted = new.rstrip("\n").replace("\r\n", "\n")
        written[block.header + shift] = wanted
        shift += (len(wanted.split("\n")) if wanted else 0) - block.line_count
    return all(values.get(line) == wanted for line, wanted in written.items())


def _splice_checked(text: str, file: str | None, smap: SourceMap, path: tuple, new_text: str) -> str:
    node = smap.node(path)
    key = smap.keys.get(path)
    key_column = key.start_mark.column if key else None
    block = locate(text, node, key_column) if is_literal_block(node) else None
    if block is None:
        raise ScenarioError([Problem("not_a_block", f"{'.'.join(map(str, path))} is not a literal block scalar",
                                     "only policies written with `|` can be edited in place", file)])
    wanted = new_text.rstrip("\n").replace("\r\n", "\n")
    if node.value.rstrip("\n") == wanted:
        return text  # unchanged text: keep the header exactly as the author wrote it
    new_file_text = splice(text, block, new_text, key_column)
    reparsed = parse_yaml(new_file_text, file).source_map.nodes.values()
    written = next((n for n in reparsed if is_literal_block(n) and n.start_mark.line == block.header
                    and n.start_mark.column == block.bar_column), None)
    if written is None or written.value.rstrip("\n") != wanted:
        raise ScenarioError([Problem("splice_mismatch", "this text cannot be written back into the block exactly",
                                     "remove tabs or unusual line breaks at the start of lines", file)])
    return new_file_text


def save_text(path: str | os.PathLike, text: str) -> None:
    """Atomic write that follows links and keeps the file's mode, owner and hard links (xviz.files)."""
    save_atomically(path, text)


def read_text(path: str | os.PathLike) -> str:
    """The file's text, byte for byte (no newline translation), or ScenarioError."""
    return read_scenario_file(path)[0]


def read_scenario_file(path: str | os.PathLike) -> tuple[str, Fingerprint | None]:
    """The file's text and its fingerprint (for `save_atomically(..., expected=)`), read without ever
    taking more than MAX_SCENARIO_BYTES; ScenarioError (file, line, column) when it cannot be used."""
    try:
        return read_text_file(path, MAX_SCENARIO_BYTES)
    except LimitError as exc:
        raise limit_problem(exc) from None


def limit_problem(exc: LimitError) -> ScenarioError:
    return ScenarioError([Problem(exc.code.replace("-", "_"), exc.message, exc.hint, exc.file, exc.line,
                                  exc.column, params=exc.params)])


def load(path: str | os.PathLike, what_ifs: list[str] | tuple[str, ...] = (), *,
         solution: bool = False) -> LoadedScenario:
    return loads(read_text(path), os.fspath(path), what_ifs, solution=solution)


def loads(text: str, file: str | None = None, what_ifs: list[str] | tuple[str, ...] = (), *,
          solution: bool = False) -> LoadedScenario:
    """Parse and validate scenario text; with `solution`, apply the exercise's solution first, then
    the `what_ifs` switches (in order)."""
    _check_limits(text, file)
    doc = parse_yaml(text, file)
    loaded = _validate(text, file, doc.data, doc.source_map)
    if not what_ifs and not solution:
        return loaded
    sink = ProblemSink(file)
    data, smap = doc.data, doc.source_map
    if solution:
        data, smap = _apply_solution(loaded, data, smap, sink)
    data, smap = apply_what_ifs(data, smap, list(what_ifs), sink)
    sink.raise_if_errors()
    patched = _validate(text, file, data, smap)
    patched.what_ifs, patched.solution = tuple(what_ifs), solution
    return patched


def _apply_solution(loaded: LoadedScenario, data: Any, smap: SourceMap, sink: ProblemSink) -> tuple[Any, SourceMap]:
    if loaded.model.exercise is None:
        sink.add("no_exercise", "this scenario has no exercise, so no solution to apply",
                 "add an `exercise:` block (see scenarios/README.md)")
        return data, smap
    patched, new_map = copy.deepcopy(data), SourceMap(dict(smap.nodes), dict(smap.keys))
    apply_patches(patched, new_map, smap, ("exercise", "solution"), data["exercise"]["solution"], sink)
    return patched, new_map


def _check_limits(text: str, file: str | None) -> None:
    try:
        if len(text) > MAX_SCENARIO_BYTES:  # text that did not come through read_scenario_file
            raise LimitError("file-too-large", f"the scenario is larger than {MAX_SCENARIO_BYTES / 1e6:g} MB", file,
                             hint="split it, or remove what the lesson does not need", limit_bytes=MAX_SCENARIO_BYTES)
        check_lines(text, file)
    except LimitError as exc:
        raise limit_problem(exc) from None


# Problems that make a text unsafe for any reader (a hang, a memory blow-up, a crash while printing),
# as opposed to mistakes a learner fixes while looking at the scenario.
UNSAFE = frozenset({"file_too_large", "line_too_long", "yaml_too_deep", "yaml_alias", "lone_surrogate",
                    "not_utf8", "unreadable", "not_a_file"})


def screen(text: str, file: str | None = None) -> None:
    """Raise ScenarioError (only the unsafe problems) when `text` must not reach any other reader, such
    as a YAML library that expands aliases; ordinary mistakes pass, for the full load to report."""
    _check_limits(text, file)
    try:
        parse_yaml(text, file)
    except ScenarioError as error:
        unsafe = [p for p in error.problems if p.code in UNSAFE]
        if unsafe:
            raise ScenarioError(unsafe) from None


def _validate(text: str, file: str | None, data: Any, smap: SourceMap) -> LoadedScenario:
    sink = ProblemSink(file)
    if not isinstance(data, dict):
        sink.add("not_a_mapping", "a scenario file is a mapping of keys such as version, world and flows",
                 "start from scenarios/01-assumerole-basics.yaml", smap.position(()) or (1, 1))
        sink.raise_if_errors()
    try:
        scenario = m.Scenario.model_validate(data)
    except ValidationError as exc:
        report(exc, smap, sink)
        sink.raise_if_errors()
        raise AssertionError("pydantic rejected the scenario without a reportable error") from exc
    _check_counts(scenario, smap, file)
    check_references(scenario, smap, sink)
    sink.raise_if_errors()
    policies = parse_policies(scenario, text, data, smap, sink, file)
    check_exercise(scenario, data, smap, policies, sink)
    sink.raise_if_errors()
    return LoadedScenario(scenario, text, file, data, smap, policies,
                          [p for p in sink.problems if p.severity != "error"])


def _check_counts(scenario: m.Scenario, smap: SourceMap, file: str | None) -> None:
    """The shared count limits, before references are checked, policies parsed and steps run."""
    counts = (("accounts", len(scenario.world.accounts), MAX_ACCOUNTS, ("world", "accounts")),
              ("policies", len(policy_locations(scenario)), MAX_POLICIES, ("world",)),
              ("steps", sum(len(f.steps) for f in scenario.flows.values()), MAX_STEPS, ("flows",)),
              ("what-ifs", len(scenario.what_ifs), MAX_WHAT_IFS, ("what_ifs",)))
    try:
        for what, count, limit, path in counts:
            check_count(what, count, limit, file, smap.position(path, key=True))
    except LimitError as exc:
        raise limit_problem(exc) from None
