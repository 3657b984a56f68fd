"""YAML text -> plain data plus a source map (data path -> node), using PyYAML's composer.

Scalars stay text (`Scalar`, a str that remembers its YAML tag) so that an unquoted account id such
as 012345670123 is never read as an octal number; the schema converts to bool/int where it wants one.
Anchors and aliases are refused: an edit to shared text would silently change several places.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.events import AliasEvent, ScalarEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from xviz.files.limits import MAX_YAML_DEPTH, first_lone_surrogate, lone_surrogate
from xviz.scenario.errors import Problem, ProblemSink, ScenarioError

Path = tuple  # of str (mapping keys) and int (sequence indices)

_NULL_TAG = "tag:yaml.org,2002:null"
_BOOL_TAG = "tag:yaml.org,2002:bool"
_INT_TAG = "tag:yaml.org,2002:int"
_FLOAT_TAG = "tag:yaml.org,2002:float"


class Scalar(str):
    """The text of a YAML scalar, with the tag YAML resolved for it (bool, int, str, ...)."""

    tag: str = "tag:yaml.org,2002:str"

    def __new__(cls, value: str, tag: str = "tag:yaml.org,2002:str"):
        obj = super().__new__(cls, value)
        obj.tag = tag
        return obj

    def typed(self) -> Any:
        """The value as YAML would type it: for free-form values such as condition keys."""
        if self.tag == _BOOL_TAG:
            return self.lower() in ("true", "yes", "on", "y")
        if self.tag == _INT_TAG:
            try:
                return int(self.replace("_", ""), 0)
            except ValueError:
                return str(self)
        if self.tag == _FLOAT_TAG:
            try:
                return float(self.replace("_", ""))
            except ValueError:
                return str(self)
        return str(self)


# libyaml's composer (C) is about eight times faster than PyYAML's own and gives the same nodes and
# marks; it cannot refuse aliases while composing, so an alias (a node reached twice) and every
# error send the text through the pure-Python composer, whose messages and positions are the ones
# users see. Without libyaml the pure-Python composer does everything. A few rare constructs where
# the two differ also go the pure-Python way: tabs (libyaml accepts some that PyYAML reports), tags
# (`!`, a bare one resolves differently), explicit keys (`? key`), a byte order mark after the
# start (libyaml counts it in columns) and a comment glued to a block header (`|#`, refused by PyYAML).
_FastLoader = getattr(yaml, "CSafeLoader", None)
_PURE_ONLY = re.compile(r"\t|\ufeff|(?:^|[\s\[{,])[!?]|[|>][-+0-9]*#")  # searched past a leading BOM


class _NoAliasLoader(yaml.SafeLoader):
    """PyYAML's composer, refusing aliases before they are followed and nesting past MAX_YAML_DEPTH
    before Python's recursion limit is reached (about 300 levels; a 1.8 KB file gets there)."""

    depth = 0

    def compose_node(self, parent, index):  # noqa: D401 - PyYAML hook
        if self.check_event(AliasEvent):
            event = self.peek_event()
            raise _AliasUsed(event.start_mark)
        self.depth += 1
        try:
            # Collections only: a scalar nests nothing (and a mapping's key is one level deeper than
            # the mapping here, which would make the two composers disagree about where to stop).
            if self.depth > MAX_YAML_DEPTH and not self.check_event(ScalarEvent):
                raise _TooDeep(self.peek_event().start_mark)
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


class _AliasUsed(Exception):
    def __init__(self, mark):
        super().__init__("alias")
        self.mark = mark


class _TooDeep(_AliasUsed):
    """Nesting past MAX_YAML_DEPTH, at `mark`."""


@dataclass
class SourceMap:
    """Where each piece of data came from. Paths are tuples of mapping keys and list indices."""

    nodes: dict = field(default_factory=dict)  # path -> value node
    keys: dict = field(default_factory=dict)  # path -> key node (mapping entries only)

    def node(self, path: Path) -> Node | None:
        return self.nodes.get(tuple(path))

    def position(self, path: Path, *, key: bool = False) -> tuple[int, int] | None:
        """1-based (line, column) of the value at `path` (or of its key), else of its nearest ancestor."""
        path = tuple(path)
        while True:
            node = (self.keys.get(path) if key else None) or self.nodes.get(path)
            if node is not None:
                return node.start_mark.line + 1, node.start_mark.column + 1
            if not path:
                return None
            path = path[:-1]

    def graft(self, path: Path, other: "SourceMap") -> None:
        """Make `other` (a map rooted at ()) describe the subtree at `path`; used by what-if patches."""
        path = tuple(path)
        for table in (self.nodes, self.keys):
            for p in [p for p in table if p[: len(path)] == path and len(p) > len(path)]:
                del table[p]
        for p, node in other.nodes.items():
            self.nodes[path + p] = node
        for p, node in other.keys.items():
            if p:
                self.keys[path + p] = node


@dataclass
class YamlDocument:
    text: str
    file: str | None
    data: Any
    source_map: SourceMap


def _mark_position(mark) -> tuple[int, int]:
    return mark.line + 1, mark.column + 1


def parse_yaml(text: str, file: str | None = None) -> YamlDocument:
    """Compose `text` and convert it to plain data with a source map. Raises ScenarioError."""
    if _FastLoader is not None and not _PURE_ONLY.search(text.removeprefix("\ufeff")):
        try:
            root = yaml.compose(text, Loader=_FastLoader)
            sink = ProblemSink(file)
            source_map = SourceMap()
            data = None if root is None else _convert(root, (), source_map, sink, set())
        except _TooDeep as exc:
            raise _too_deep(exc.mark, file) from None
        except (yaml.YAMLError, _AliasUsed):
            pass  # the pure-Python composer below says where and why
        else:
            sink.raise_if_errors()
            return YamlDocument(text, file, data, source_map)
    return _parse_pure(text, file)


def _parse_pure(text: str, file: str | None) -> YamlDocument:
    try:
        root = yaml.compose(text, Loader=_NoAliasLoader)
    except _TooDeep as exc:
        raise _too_deep(exc.mark, file) from None
    except _AliasUsed as exc:
        line, column = _mark_position(exc.mark)
        raise ScenarioError([Problem(
            "yaml_alias", "anchors and aliases (*name) are not supported in scenario files",
            "write the value out in full where it is used", file, line, column)]) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = _mark_position(mark) if mark else (None, None)
        what = exc.problem or exc.context or "not valid YAML"
        raise ScenarioError([Problem(
            "yaml_syntax", f"YAML syntax error: {what}",
            "check the indentation, the colons and the quoting on this line and the one before",
            file, line, column)]) from None
    except yaml.YAMLError as exc:  # reader errors: bad characters, bad encoding
        mark = getattr(exc, "problem_mark", None)
        line, column = _mark_position(mark) if mark else (None, None)
        raise ScenarioError([Problem(
            "yaml_syntax", f"YAML error: {exc}".splitlines()[0],
            "save the file as UTF-8 text without control characters", file, line, column)]) from None
    sink = ProblemSink(file)
    source_map = SourceMap()
    data = None if root is None else _convert(root, (), source_map, sink)
    sink.raise_if_errors()
    return YamlDocument(text, file, data, source_map)


def _too_deep(mark, file: str | None) -> ScenarioError:
    line, column = _mark_position(mark)
    return ScenarioError([Problem(
        "yaml_too_deep", f"the YAML is nested more than {MAX_YAML_DEPTH} levels deep",
        "a scenario needs about ten levels: look for brackets or indentation that never close", file, line,
        column, params={"limit": MAX_YAML_DEPTH})])


def convert_node(node: Node, sink: ProblemSink) -> tuple[Any, SourceMap]:
    """Convert one composed node (e.g. a what-if's `set:` value) to data and its own source map."""
    source_map = SourceMap()
    return _convert(node, (), source_map, sink), source_map


def _convert(node: Node, path: Path, source_map: SourceMap, sink: ProblemSink, seen: set | None = None) -> Any:
    """Node -> data. With `seen` (ids of nodes converted so far), a node met twice is an alias."""
    if len(path) >= MAX_YAML_DEPTH and not isinstance(node, ScalarNode):  # libyaml allows 1,000 levels
        raise _TooDeep(node.start_mark)
    if seen is not None:
        if id(node) in seen:
            raise _AliasUsed(node.start_mark)
        seen.add(id(node))
    source_map.nodes[path] = node
    if isinstance(node, ScalarNode):
        if node.style == "":  # libyaml's "plain"; PyYAML's is None
            node.style = None
        if node.tag == _NULL_TAG and node.style is None:
            return None
        if first_lone_surrogate(node.value) is not None:  # from an escape such as "\ud800"
            problem = lone_surrogate(sink.file, _mark_position(node.start_mark))
            sink.add("lone_surrogate", problem.message, problem.hint, (problem.line, problem.column))
            return Scalar(node.value.encode("utf-8", "replace").decode("utf-8"), node.tag)
        return Scalar(node.value, node.tag)
    if isinstance(node, SequenceNode):
        return [_convert(item, path + (i,), source_map, sink, seen) for i, item in enumerate(node.value)]
    if isinstance(node, MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                sink.add("yaml_complex_key", "a key must be plain text, not a list or a mapping",
                         "write the key as a simple word or quoted text", _mark_position(key_node.start_mark))
                continue
            key = str(key_node.value)
            if key in result:
                sink.add("yaml_duplicate_key", f"the key {key!r} appears twice in this mapping",
                         "remove or rename one of them", _mark_position(key_node.start_mark), key=key)
            source_map.keys[path + (key,)] = key_node
            result[key] = _convert(value_node, path + (key,), source_map, sink, seen)
        return result
    raise AssertionError(f"unknown YAML node {node!r}")  # PyYAML has only these three kinds
