"""The world as a tree (organization, OUs, accounts, their principals, resources and policies), built
from a scenario's plain data: the evaluated one (what-ifs applied) or, for a file that does not load,
whatever YAML could be read. No Qt here."""
from __future__ import annotations

from dataclasses import dataclass, field

from xviz.document.views import TreeNode
from xviz.names import localized_label


def mapping(value: object) -> dict:
    return value if isinstance(value, dict) else {}



@dataclass
class _Node:  # built mutable, handed out frozen
    label: str
    kind: str
    children: list["_Node"] = field(default_factory=list)
    policy_id: str | None = None
    detail: str = ""

    def frozen(self) -> TreeNode:
        return TreeNode(self.label, self.kind, tuple(c.frozen() for c in self.children), self.policy_id, self.detail)


@dataclass(frozen=True)
class PolicySpot:
    """A policy text found in the data: where it is and what kind it is."""

    path: tuple
    name: str
    policy_type: str
    text: str
    owner: str
    account: str | None = None


class _Builder:
    def __init__(self, data: dict):
        self.data = data
        self.policies: list[PolicySpot] = []

    def policy_node(self, path: tuple, name: str, policy_type: str, text: object, owner: str,
                    account: str | None = None) -> _Node | None:
        if not isinstance(text, str):
            return None
        self.policies.append(PolicySpot(path, name, policy_type, text, owner, account))
        return _Node(name, "policy", policy_id=policy_id(path), detail=policy_type)

    def principal_nodes(self, section: str, kind: str, account: str) -> list[_Node]:
        nodes = []
        for key, spec in mapping(mapping(self.data.get("world")).get(section)).items():
            spec = mapping(spec)
            if str(spec.get("account", "")) != account:
                continue
            node = _Node(str(spec.get("name") or key), kind, detail=str(spec.get("type", "")))
            base = ("world", section, str(key))
            children = []
            if "trust_policy" in spec:
                children.append(self.policy_node((*base, "trust_policy"), "trust_policy", "trust",
                                                 spec["trust_policy"], key, account))
            for name, text in mapping(spec.get("policies")).items():
                children.append(self.policy_node((*base, "policies", str(name)), str(name), "identity", text, key,
                                                 account))
            boundary = mapping(spec.get("boundary"))
            if boundary:
                children.append(self.policy_node((*base, "boundary", "document"), str(boundary.get("name", "boundary")),
                                                 "boundary", boundary.get("document"), key, account))
            if "policy" in spec:
                children.append(self.policy_node((*base, "policy"), "policy", "resource", spec["policy"], key,
                                                 account))
            node.children.extend(c for c in children if c is not None)
            nodes.append(node)
        return nodes

    def account_node(self, account_id: str, spec: dict) -> _Node:
        node = _Node(localized_label(spec.get("name"), account_id, f" ({account_id})"), "account", detail=account_id)
        for section, kind in (("users", "user"), ("roles", "role"), ("resources", "resource")):
            node.children.extend(self.principal_nodes(section, kind, account_id))
        return node

    def org_policies(self, org: dict, kind: str) -> list[_Node]:
        nodes = []
        for name, spec in mapping(org.get(f"{kind}s")).items():
            child = self.policy_node(("world", "organization", f"{kind}s", str(name), "document"),
                                     str(name), kind, mapping(spec).get("document"), "organization")
            if child:
                child.detail = ", ".join(str(a) for a in mapping(spec).get("attach", []) or [])
                nodes.append(child)
        return nodes

    def session_policies(self) -> None:
        """Session policies passed by steps: editable too, but not part of the world tree."""
        for flow_id, spec in mapping(self.data.get("flows")).items():
            for i, step in enumerate(mapping(spec).get("steps") or []):
                params = mapping(mapping(step).get("params"))
                if isinstance(params.get("session_policy"), str):
                    self.policy_node(("flows", str(flow_id), "steps", i, "params", "session_policy"),
                                     f"session policy ({mapping(step).get('id', i + 1)})", "session",
                                     params["session_policy"], str(flow_id))

    def tree(self) -> list[_Node]:
        world = mapping(self.data.get("world"))
        org = mapping(world.get("organization"))
        accounts = {str(k): mapping(v) for k, v in mapping(world.get("accounts")).items()}
        account_nodes = {a: self.account_node(a, spec) for a, spec in accounts.items()}
        roots: list[_Node] = []
        if org:
            root_id = str(org.get("root", "root"))
            containers = {root_id: _Node(f"{org.get('id', '')} / {root_id}", "organization")}
            ous = {str(k): mapping(v) for k, v in mapping(org.get("ous")).items()}
            for ou_id, spec in ous.items():
                containers[ou_id] = _Node(localized_label(spec.get("name"), ou_id, f" ({ou_id})"), "ou", detail=ou_id)
            for ou_id, spec in ous.items():
                containers.get(str(spec.get("parent")), containers[root_id]).children.append(containers[ou_id])
            for account_id, spec in accounts.items():
                parent = containers.get(str(spec.get("parent")))
                if parent is not None:
                    parent.children.append(account_nodes.pop(account_id))
            for kind in ("scp", "rcp"):
                policies = self.org_policies(org, kind)
                if policies:
                    containers[root_id].children.append(_Node(f"{kind}s", "group", policies))
            roots.append(containers[root_id])
        roots.extend(account_nodes.values())
        services = [_Node(str(k), "service", detail=str(mapping(v).get("principal", "")))
                    for k, v in mapping(world.get("services")).items()]
        if services:
            roots.append(_Node("services", "group", services))
        self.session_policies()
        return roots


def policy_id(path: tuple) -> str:
    return ".".join(str(part) for part in path)


def world_tree(data: dict) -> tuple[tuple[TreeNode, ...], list[PolicySpot]]:
    """The tree of `data` (a scenario's plain data) and every policy text in it, in tree order."""
    builder = _Builder(mapping(data))
    roots = builder.tree()
    return tuple(node.frozen() for node in roots), builder.policies
