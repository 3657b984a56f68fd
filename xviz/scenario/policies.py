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
    findings: tuple = ()  # what the engine (or the JSON reader) says of the text: see check_policy
    service: str | None = None  # a resource policy's service (ECR's may leave Resource out)

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
    for key, g in w.groups.items():
        for name in g.policies:
            found.append((("world", "groups", key, "policies", name), "identity", f"{key}/{name}", g.account))
    for key, mp in w.managed_policies.items():
        found.append((("world", "managed_policies", key, "document"), "identity", key, mp.account))
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


def resource_service(sc: m.Scenario, path: tuple) -> str | None:
    """The AWS service of the resource whose policy sits at `path` (`ecr` for an ecr-repository)."""
    if tuple(path[:2]) != ("world", "resources") or len(path) < 3:
        return None
    from xviz.scenario.world import arn_service  # noqa: PLC0415 - world reads this module's types

    resource = sc.world.resources.get(path[2])
    return arn_service(resource.type) if resource is not None else None


def _get(data: Any, path: tuple) -> Any:
    for p in path:
        data = data[p]
    return data


@dataclass(frozen=True)
class PolicyCheck:
    """One policy text read as the engine reads it: the document (None when it is not valid JSON),
    its positions, and every finding with its line and column inside the text."""

    document: Any
    positions: Any
    findings: tuple  # engine Diagnostics and JsonTextErrors: .line, .column, .message, .severity, .code

    @property
    def ok(self) -> bool:
        return self.document is not None and not any(f.severity == "error" for f in self.findings)


def check_policy(text: str, policy_type: str, account: str | None, file: str | None,
                 service: str | None = None) -> PolicyCheck:
    """The one validation of a policy text, used when a file loads and on every keystroke."""
    try:
        document, positions = load_policy_json(text, file)
    except JsonTextError as exc:
        # The engine's own finding carries a code and values, so the window can say it in Japanese.
        errors = [d for d in validate_policy(text, policy_type, account=account, service=service) if d.severity == "error"]
        return PolicyCheck(None, None, tuple(errors[:1]) or (exc,))
    return PolicyCheck(document, positions, tuple(validate_policy(text, policy_type, account=account, service=service)))


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
        service = resource_service(sc, path)
        checked = check_policy(policy_text, ptype, account, file, service)
        report_findings(name, checked, block, sink)
        if checked.document is not None:
            result[path] = PolicySource(path, ptype, name, policy_text, checked.document, block,
                                        checked.positions, file, account, checked.findings, service)
    return result


def report_findings(name: str, checked: PolicyCheck, block: TextBlock | None, sink: ProblemSink) -> None:
    """Put a policy's findings into the scenario's problems, at their place in the file."""
    for finding in checked.findings:
        if finding.severity == "info":
            continue
        at = block.file_position(finding.line, finding.column) if block and finding.line else None
        if isinstance(finding, JsonTextError) or finding.code == "invalid-json":
            sink.add("policy_json", f"policy {name!r}: {finding.message}",
                     "fix the JSON: quotes around keys and strings, commas between items, no trailing comma", at)
        else:
            sink.add(f"policy_{finding.code}", f"policy {name!r}: {finding.message}",
                     "see `xviz lint` for details" if finding.severity == "error" else "", at,
                     severity=finding.severity)
