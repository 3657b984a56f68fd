"""A best-effort ScenarioView read straight from a scenario's YAML (format version 1).

Stands in until `xviz.scenario` can load and the engine can evaluate: it shows the world, the policy
texts and the flows, without verdicts. It never raises for a bad file: problems come back in
`ScenarioView.problems` with line and column. Safe loader only: nothing in a file runs code.
No Qt here.
"""
from __future__ import annotations

from pathlib import Path

import yaml

from xviz.names import name_label
from xviz.ui.catalog import SAFE_LOADER, pick
from xviz.ui.view_model import (
    FlowView, LoadProblem, PolicyView, ScenarioView, StepView, TreeNode, WhatIfView, verdict_from_expect,
)

MAX_FILE_BYTES = 5_000_000


def _mapping(value: object) -> dict:
    return value if isinstance(value, dict) else {}


def _block_lines(node: yaml.Node, path: tuple = ()) -> dict[tuple, int]:
    """Path of every scalar -> the 1-based line where its text starts (after a `|` indicator)."""
    lines: dict[tuple, int] = {}
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            lines.update(_block_lines(value, (*path, str(key.value))))
    elif isinstance(node, yaml.SequenceNode):
        for i, value in enumerate(node.value):
            lines.update(_block_lines(value, (*path, i)))
    elif isinstance(node, yaml.ScalarNode):
        block = node.style in ("|", ">")
        lines[path] = node.start_mark.line + (2 if block else 1)
    return lines


class _Builder:
    def __init__(self, data: dict, lines: dict[tuple, int]):
        self.data, self.lines = data, lines
        self.policies: list[PolicyView] = []

    def policy_node(self, path: tuple, name: str, policy_type: str, text: object, owner: str) -> TreeNode | None:
        if not isinstance(text, str):
            return None
        policy_id = ".".join(str(p) for p in path)
        self.policies.append(PolicyView(policy_id, name, policy_type, text, owner, self.lines.get(path)))
        return TreeNode(name, "policy", policy_id=policy_id, detail=policy_type)

    def principal_nodes(self, section: str, kind: str, account: str) -> list[TreeNode]:
        nodes = []
        for key, spec in _mapping(_mapping(self.data.get("world")).get(section)).items():
            spec = _mapping(spec)
            if str(spec.get("account", "")) != account:
                continue
            node = TreeNode(str(spec.get("name") or key), kind, detail=str(spec.get("type", "")))
            base = ("world", section, str(key))
            if "trust_policy" in spec:
                child = self.policy_node((*base, "trust_policy"), "trust_policy", "trust", spec["trust_policy"], key)
                node.children.append(child) if child else None
            for name, text in _mapping(spec.get("policies")).items():
                child = self.policy_node((*base, "policies", str(name)), str(name), "identity", text, key)
                node.children.append(child) if child else None
            boundary = _mapping(spec.get("boundary"))
            if boundary:
                child = self.policy_node((*base, "boundary", "document"), str(boundary.get("name", "boundary")),
                                         "boundary", boundary.get("document"), key)
                node.children.append(child) if child else None
            if "policy" in spec:
                child = self.policy_node((*base, "policy"), "policy", "resource", spec["policy"], key)
                node.children.append(child) if child else None
            nodes.append(node)
        return nodes

    def account_node(self, account_id: str, spec: dict) -> TreeNode:
        node = TreeNode(f"{name_label(spec.get('name'), account_id)} ({account_id})", "account", detail=account_id)
        for section, kind in (("users", "user"), ("roles", "role"), ("resources", "resource")):
            node.children.extend(self.principal_nodes(section, kind, account_id))
        return node

    def org_policies(self, org: dict, kind: str) -> list[TreeNode]:
        nodes = []
        for name, spec in _mapping(org.get(f"{kind}s")).items():
            child = self.policy_node(("world", "organization", f"{kind}s", str(name), "document"),
                                     str(name), kind, _mapping(spec).get("document"), "organization")
            if child:
                child.detail = ", ".join(str(a) for a in _mapping(spec).get("attach", []) or [])
                nodes.append(child)
        return nodes

    def tree(self) -> list[TreeNode]:
        world = _mapping(self.data.get("world"))
        org = _mapping(world.get("organization"))
        accounts = {str(k): _mapping(v) for k, v in _mapping(world.get("accounts")).items()}
        account_nodes = {a: self.account_node(a, spec) for a, spec in accounts.items()}
        roots: list[TreeNode] = []
        if org:
            root_id = str(org.get("root", "root"))
            containers = {root_id: TreeNode(f"{org.get('id', '')} / {root_id}", "organization")}
            ous = {str(k): _mapping(v) for k, v in _mapping(org.get("ous")).items()}
            for ou_id, spec in ous.items():
                containers[ou_id] = TreeNode(f"{name_label(spec.get('name'), ou_id)} ({ou_id})", "ou", detail=ou_id)
            for ou_id, spec in ous.items():
                containers.get(str(spec.get("parent")), containers[root_id]).children.append(containers[ou_id])
            for account_id, spec in accounts.items():
                parent = containers.get(str(spec.get("parent")))
                if parent is not None:
                    parent.children.append(account_nodes.pop(account_id))
            for kind in ("scp", "rcp"):
                policies = self.org_policies(org, kind)
                if policies:
                    containers[root_id].children.append(TreeNode(f"{kind}s", "group", policies))
            roots.append(containers[root_id])
        roots.extend(account_nodes.values())
        services = [TreeNode(str(k), "service", detail=str(_mapping(v).get("principal", "")))
                    for k, v in _mapping(world.get("services")).items()]
        if services:
            roots.append(TreeNode("services", "group", services))
        return roots


def actor_label(actor: dict) -> str:
    """Who calls, as a learner would say it: `alice`, `AppRole/app`, `root (111…)`, `cloudtrail (222…)`."""
    if "role" in actor and "session" in actor:
        return f"{actor['role']}/{actor['session']}"
    for key in ("user", "session", "account"):
        if key in actor:
            return str(actor[key])
    if "root" in actor:
        return f"root ({actor['root']})"
    if "service" in actor:
        return f"{actor['service']} ({actor['on_behalf_of']})" if actor.get("on_behalf_of") else str(actor["service"])
    if actor.get("anonymous"):
        return "anonymous"
    return ", ".join(f"{k}: {v}" for k, v in actor.items()) or "?"


def _step_title(step: dict) -> str:
    who = actor_label(_mapping(step.get("actor")))
    parts = [who, str(step.get("action", "?"))]
    if step.get("target"):
        parts.append(str(step["target"]) + (f"/{step['object']}" if step.get("object") else ""))
    return " → ".join(parts)


def _flows(data: dict) -> list[FlowView]:
    flows = []
    for flow_id, spec in _mapping(data.get("flows")).items():
        spec = _mapping(spec)
        steps = []
        for i, step in enumerate(spec.get("steps") or []):
            step = _mapping(step)
            steps.append(StepView(str(step.get("id", i + 1)), _step_title(step), step.get("narration") or "",
                                  expected=verdict_from_expect(step.get("expect"))))
        flows.append(FlowView(str(flow_id), spec.get("title") or str(flow_id), spec.get("narration") or "", steps))
    return flows


def read_scenario_view(path: Path, text: str | None = None) -> ScenarioView:
    """The view of the file at `path`, or of `text` standing for it (a recovery copy)."""
    path = Path(path)
    view = ScenarioView(path=path, title=path.stem, not_ready={"engine"})
    try:
        if text is None and path.stat().st_size > MAX_FILE_BYTES:
            view.problems.append(LoadProblem("The file is larger than 5 MB.", str(path)))
            return view
        if text is None:
            text = path.read_text(encoding="utf-8")
        node = yaml.compose(text, Loader=SAFE_LOADER)
        data = yaml.load(text, Loader=SAFE_LOADER)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        view.problems.append(LoadProblem(str(exc.problem or exc), str(path),
                                         mark.line + 1 if mark else None, mark.column + 1 if mark else None))
        return view
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        view.problems.append(LoadProblem(str(exc), str(path)))
        return view
    if not isinstance(data, dict):
        view.problems.append(LoadProblem("The top level of a scenario must be a mapping (key: value).",
                                         str(path), 1, 1))
        return view
    builder = _Builder(data, _block_lines(node) if node is not None else {})
    view.title = data.get("title") or path.stem
    view.summary = data.get("summary") or ""
    view.tree = builder.tree()
    view.policies = builder.policies
    view.flows = _flows(data)
    view.what_ifs = [WhatIfView(str(key), _mapping(spec).get("label") or str(key), _mapping(spec).get("narration") or "")
                     for key, spec in _mapping(data.get("what_ifs")).items()]
    return view


def blank_scenario_view() -> ScenarioView:
    """An untitled world with one identity policy to start from."""
    text = ('{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n'
            '      "Action": "s3:GetObject",\n      "Resource": "arn:aws:s3:::example-bucket/*"\n'
            '    }\n  ]\n}\n')
    policy = PolicyView("policy", "policy.json", "identity", text)
    tree = [TreeNode("policy.json", "policy", policy_id="policy", detail="identity")]
    return ScenarioView(None, {"en": "Untitled", "ja": "無題"}, tree=tree, policies=[policy], not_ready={"engine"})


__all__ = ["read_scenario_view", "blank_scenario_view", "pick"]
