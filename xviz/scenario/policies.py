"""Every policy in a scenario: where its JSON text sits in the file, its parsed document, its positions."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from xviz.engine.lint import validate_policy
from xviz.explain.policy_names import derived_name
from xviz.scenario import model as m
from xviz.scenario.errors import ProblemSink
from xviz.scenario.jsontext import JsonTextError, load_policy_json
from xviz.scenario.textblock import TextBlock, is_literal_block, locate
from xviz.scenario.yamlsource import SourceMap


@dataclass(frozen=True)
class PolicySource:
    path: tuple  # data path of the JSON text, e.g. ("world", "roles", "R", "trust_policy")
    policy_type: str  # identity | boundary | trust | resource | scp | rcp | session
    name: str  # the name the engine request and its trace use
    text: str
    document: Any
    block: TextBlock | None
    json_positions: Any
    file: str | None
    account: str | None = None  # the account that owns the policy (its principal's or resource's)

    def file_position(self, json_path: tuple = ()) -> tuple[int, int] | None:
        """1-based file (line, column) of a value inside this policy (its start for ())."""
        if self.block is None:
            return None
        found = self.json_positions.lookup(tuple(json_path)) if self.json_positions else None
        return self.block.file_position(*(found or (None, None)))


def policy_locations(sc: m.Scenario) -> list[tuple[tuple, str, str, str | None]]:
    """(path, policy_type, request name, owning account) of every policy text in the scenario."""
    found: list[tuple[tuple, str, str, str | None]] = []
    w = sc.world
    for kind in ("users", "roles"):
        for key, p in getattr(w, kind).items():
            base = ("world", kind, key)
            if kind == "roles":
                found.append((base + ("trust_policy",), "trust", derived_name("trust", key), p.account))
            for name in p.policies:
                found.append((base + ("policies", name), "identity", name, p.account))
            if p.boundary is not None:
                found.append((base + ("boundary", "document"), "boundary", p.boundary.name, p.account))
    for key, r in w.resources.items():
        if r.policy is not None:
            found.append((("world", "resources", key, "policy"), "resource", derived_name("resource", key), r.account))
    if w.organization is not None:
        for kind, ptype in (("scps", "scp"), ("rcps", "rcp")):
            for name in getattr(w.organization, kind):
                found.append((("world", "organization", kind, name, "document"), ptype, name, None))
    for fname, flow in sc.flows.items():
        for i, step in enumerate(flow.steps):
            if step.params.session_policy is not None:
                found.append((("flows", fname, "steps", i, "params", "session_policy"), "session", derived_name("session"), None))
    return found


def _get(data: Any, path: tuple) -> Any:
    for p in path:
        data = data[p]
    return data


def parse_policies(sc: m.Scenario, text: str, data: Any, smap: SourceMap, sink: ProblemSink,
                   file: str | None) -> dict[tuple, PolicySource]:
    """Parse every policy's JSON; report errors at their file position; validate with the engine."""
    result: dict[tuple, PolicySource] = {}
    for path, ptype, name, account in policy_locations(sc):
        node = smap.node(path)
        key_node = smap.keys.get(path)
        if not is_literal_block(node):
            sink.add("policy_not_block", "a policy must be JSON text in a literal block scalar",
                     "write the key, then ` |`, then the JSON on the following lines, indented",
                     smap.position(path))
            continue
        block = locate(text, node, key_node.start_mark.column if key_node else None)
        policy_text = str(_get(data, path))
        try:
            document, positions = load_policy_json(policy_text, file)
        except JsonTextError as exc:
            at = block.file_position(exc.line, exc.column) if block else smap.position(path)
            sink.add("policy_json", f"policy {name!r}: {exc.message}",
                     "fix the JSON: quotes around keys and strings, commas between items, no trailing comma",
                     at)
            continue
        source = PolicySource(path, ptype, name, policy_text, document, block, positions, file, account)
        result[path] = source
        _engine_diagnostics(source, sink)
    return result


def _engine_diagnostics(source: PolicySource, sink: ProblemSink) -> None:
    """Ask the engine what AWS would reject (errors) or question (warnings) in this policy."""
    for diag in validate_policy(source.text, source.policy_type, account=source.account):
        if diag.severity == "info":
            continue
        at = source.block.file_position(diag.line, diag.column) if source.block else None
        sink.add(f"policy_{diag.code}", f"policy {source.name!r}: {diag.message}",
                 "see `xviz lint` for details" if diag.severity == "error" else "", at,
                 severity=diag.severity)
