"""A scenario's world as an architecture flowchart: organization → OUs → accounts, principals and resources.

The chart is built as our diagram model directly, not as mermaid text: the ids must be the scenario's keys
(so the stepper can light up a step's edge), labels may hold any character a key or ARN holds, and
nothing needs escaping or parsing back.

Edge ids: `trust:PRINCIPAL->ROLE` (dotted: who the role's trust policy lets assume it),
`policy:PRINCIPAL->RESOURCE` (dotted: whom a resource policy names),
`access:CALLER->TARGET` (solid, labelled with the actions the flows use; a session is drawn as its
role), `share:SHARE:RESOURCE->RECEIVER` (dotted, RAM), `layout:A->B` (invisible, placement only).
Node ids: see `from_scenario_parties`. Cluster ids: `org.ROOT`, `ou.OU`, `acct.ACCOUNT`, `vpc.KEY`.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from xviz.diagram.from_scenario_labels import policy_words, style_for, word
from xviz.diagram.from_scenario_overview import arrange_accounts_in_grid, fold_untouched_accounts
from xviz.diagram.from_scenario_parties import (Party, caller_party, flow_steps, principal_arns, principal_parties,
                                                resource_party, role_party, root_party, target_party, user_party)
from xviz.diagram.model import Direction, EdgeHead, FlowEdge, FlowNode, Flowchart, LineStyle, Subgraph
from xviz.diagram.style import Style
from xviz.scenario.checks import is_assume_role
from xviz.scenario.loader import LoadedScenario
from xviz.scenario.model import display

StepKey = tuple[str, int]   # (flow name, step index)


@dataclass(frozen=True)
class StepIds:
    """What a step lights up in the architecture: its access edge first, then the trust or resource-policy
    edges that name its caller (the caller itself, its account, or anyone), and the caller and target nodes."""

    edges: tuple[str, ...]
    nodes: tuple[str, ...]


@dataclass
class ArchitectureDiagram:
    chart: Flowchart
    steps: dict[StepKey, StepIds] = field(default_factory=dict)


def account_cluster_id(account: str) -> str:
    return f"acct.{account}"


class ArchitectureBuilder:
    def __init__(self, loaded: LoadedScenario, lang: str, expanded: frozenset[str] = frozenset()) -> None:
        self.expanded = expanded   # clusters whose accounts are drawn in full even in a folded overview
        self.loaded = loaded
        self.world = loaded.model.world
        self.lang = lang
        self.chart = Flowchart(direction=Direction.LR, title=None)
        # Services that make a step's request; a trust in any other service (an EC2 instance role, a Lambda
        # execution role) is background: it goes into the role's label rather than onto an edge.
        self.acting_services = {f"svc.{s.step.actor.service}" for flow in loaded.model.flows.values()
                                for s in flow_steps(self.world, flow) if s.kind == "service"}

    # ---- building blocks ---------------------------------------------------------------------
    def _place(self, item_id: str, parent: str | None) -> None:
        (self.chart.subgraphs[parent].members if parent else self.chart.top_level).append(item_id)

    def _cluster(self, cluster_id: str, title: str, parent: str | None, style: Style) -> None:
        self.chart.subgraphs[cluster_id] = Subgraph(cluster_id, title, parent=parent, style=style)
        self._place(cluster_id, parent)

    def _node(self, party: Party, parent: str | None = None) -> str:
        if party.id in self.chart.nodes:
            return party.id
        if parent is None and party.account is not None:
            parent = self._account_cluster(party.account)
        kind = "resource" if party.kind == "resource" else party.kind
        self.chart.nodes[party.id] = FlowNode(party.id, party.label, party.shape, parent=parent,
                                              style=style_for(kind))
        self._place(party.id, parent)
        return party.id

    def _note_on(self, node_id: str, line: str) -> None:
        """A fact too minor for an edge of its own, as a last line of the node's label."""
        node = self.chart.nodes[node_id]
        if line not in node.label.split("\n"):
            node.label += "\n" + line

    def _edge(self, edge_id: str, source: str, target: str, label: str, line_style: LineStyle,
              head: EdgeHead = EdgeHead.ARROW, tail: EdgeHead = EdgeHead.NONE) -> FlowEdge:
        edge = FlowEdge(edge_id, source, target, line_style=line_style, head=head, tail=tail, label=label)
        self.chart.edges.append(edge)
        return edge

    def _account_cluster(self, account: str) -> str:
        """The account's cluster; an account the world does not define gets one of its own, drawn apart."""
        cluster_id = account_cluster_id(account)
        if cluster_id not in self.chart.subgraphs:
            self._cluster(cluster_id, word("unknown_account", self.lang, id=account), None,
                          style_for("external", dashed=True))
        return cluster_id

    # ---- the world ---------------------------------------------------------------------------
    def _organization(self) -> None:
        org = self.world.organization
        if org is None:
            return
        self._cluster(f"org.{org.root}", word("org_root", self.lang, org=org.id, root=org.root), None,
                      style_for("org"))
        pending = dict(org.ous)
        while pending:   # parents before children, keeping the author's order among siblings
            ready = [k for k, ou in pending.items() if ou.parent == org.root or f"ou.{ou.parent}" in self.chart.subgraphs]
            if not ready:
                break
            for key in ready:
                ou = pending.pop(key)
                parent = f"org.{org.root}" if ou.parent == org.root else f"ou.{ou.parent}"
                self._cluster(f"ou.{key}", word("ou", self.lang, name=display(ou.name, self.lang)), parent, style_for("ou"))

    def _accounts(self) -> None:
        org = self.world.organization
        in_org = [(a, acc) for a, acc in self.world.accounts.items() if acc.parent]
        outside = [(a, acc) for a, acc in self.world.accounts.items() if not acc.parent]
        for account, acc in in_org + outside:
            notes = []
            kind = "external" if acc.external else "account"
            if org and account == org.management_account:
                notes.append(word("management", self.lang))
                kind = "management"
            if acc.external:
                notes.append(word("external", self.lang))
            elif org and not acc.parent:
                notes.append(word("outside_org", self.lang))
            title = f"{display(acc.name, self.lang)}\n{account}" + (f" · {', '.join(notes)}" if notes else "")
            parent = None
            if acc.parent and org:
                parent = f"org.{org.root}" if acc.parent == org.root else f"ou.{acc.parent}"
            self._cluster(account_cluster_id(account), title, parent, style_for(kind, dashed=acc.external))

    def _members(self) -> None:
        w, lang = self.world, self.lang
        for key in w.users:
            self._node(user_party(w, key, lang))
        for key in w.roles:
            self._node(role_party(w, key, lang))
        vpcs_with_subnets = {r.vpc for r in w.resources.values() if r.type == "subnet" and r.vpc in w.resources}
        for key, resource in w.resources.items():
            if key in vpcs_with_subnets:
                party = resource_party(w, key, lang)
                self._cluster(f"vpc.{key}", party.label.replace("\n", " · "), account_cluster_id(resource.account),
                              style_for("vpc"))
        for key, resource in w.resources.items():
            if key in vpcs_with_subnets:
                continue
            parent = f"vpc.{resource.vpc}" if resource.vpc in vpcs_with_subnets else None
            self._node(resource_party(w, key, lang), parent)

    def _grants(self) -> dict[str, list[tuple[str, str]]]:
        """Dotted edges from each principal a policy's `Principal` names to what the policy guards: a role's
        trust policy (`trust:P->role.R`) and a resource policy (`policy:P->res.K`). target -> [(principal, edge)]."""
        grants: dict[str, list[tuple[str, str]]] = {}
        arns = principal_arns(self.world)
        drawn = {e.id for e in self.chart.edges}
        guarded = [(("world", "roles", k, "trust_policy"), f"role.{k}", "trust", "trusts", "trust_if")
                   for k in self.world.roles]
        guarded += [(("world", "resources", k, "policy"), f"res.{k}", "policy", *policy_words(r.type))
                    for k, r in self.world.resources.items() if r.policy is not None and f"res.{k}" in self.chart.nodes]
        for path, target, prefix, plain, conditional in guarded:
            source = self.loaded.policies.get(path)
            statements = source.document.get("Statement", []) if source and isinstance(source.document, dict) else []
            for statement in [statements] if isinstance(statements, dict) else statements:
                if not isinstance(statement, dict) or statement.get("Effect") != "Allow":
                    continue
                keys = sorted({k for block in (statement.get("Condition") or {}).values() if isinstance(block, dict)
                               for k in block})
                label = word(conditional, self.lang, keys="\n".join(keys)) if keys else word(plain, self.lang)
                for party in principal_parties(self.world, statement.get("Principal"), self.lang, arns):
                    if party.kind == "service" and party.id not in self.acting_services and prefix == "trust":
                        self._note_on(target, word("trusted_service", self.lang, service=party.label.split("\n")[0]))
                        continue
                    principal_id = self._node(party)
                    edge_id = f"{prefix}:{principal_id}->{target}"
                    if edge_id in drawn:
                        continue
                    drawn.add(edge_id)
                    self._edge(edge_id, principal_id, target, label, LineStyle.DOTTED)
                    grants.setdefault(target, []).append((principal_id, edge_id))
        return grants

    def _shares(self) -> None:
        """RAM shares as dotted lines from each shared resource to each principal it is shared with.

        The line is written from the consumer's side (principal -> resource) with the arrowhead at the tail:
        the engine ranks it like the access edges that run the same way, so a share never folds the chart
        back on itself, and it still points from the resource to whoever receives it."""
        ram = self.world.ram
        if ram is None:
            return
        org = self.world.organization
        for name, share in ram.shares.items():
            label = word("ram_share", self.lang, name=name)
            for principal in share.principals:
                if principal.isdigit():
                    receiver = self._node(root_party(principal, self.lang))
                elif org and principal == org.id:
                    receiver = f"org.{org.root}"
                else:
                    receiver = f"ou.{principal}" if f"ou.{principal}" in self.chart.subgraphs else None
                for resource in share.resources:
                    if receiver and f"res.{resource}" in self.chart.nodes:
                        self._edge(f"share:{name}:res.{resource}->{receiver}", receiver, f"res.{resource}", label,
                                   LineStyle.DOTTED, head=EdgeHead.NONE, tail=EdgeHead.ARROW)

    def _flows(self, grants: dict[str, list[tuple[str, str]]]) -> dict[StepKey, StepIds]:
        """One access edge per caller and target, labelled with every action the flows send along it."""
        steps: dict[StepKey, StepIds] = {}
        actions: dict[str, list[str]] = {}
        behalf: dict[str, list[str]] = {}   # a service's edge: the accounts it acts for
        for flow_name, flow in self.loaded.model.flows.items():
            for plan in flow_steps(self.world, flow):
                caller = self._node(caller_party(self.world, plan, self.lang, sessions_as_roles=True))
                target = self._node(target_party(self.world, plan, self.lang))
                edge_id = f"access:{caller}->{target}"
                if edge_id not in actions:
                    self._edge(edge_id, caller, target, "", LineStyle.SOLID)
                    actions[edge_id], behalf[edge_id] = [], []
                _add_once(actions[edge_id], plan.step.action)
                if plan.kind == "service" and plan.step.actor.on_behalf_of:
                    _add_once(behalf[edge_id], self._account_name(plan.step.actor.on_behalf_of))
                edges = [edge_id]
                # The trust or resource policy statements that name this caller (or its account, or anyone).
                edges += [e for p, e in grants.get(target, []) if p in (caller, f"root.{plan.account}", "anyone")
                          and (is_assume_role(plan.step.action) or e.startswith("policy:"))]
                steps[(flow_name, plan.index)] = StepIds(tuple(edges), (caller, target))
        for edge in self.chart.edges:
            if edge.id in actions:
                edge.label = "\n".join(actions[edge.id])
                if behalf[edge.id]:
                    edge.label += "\n" + word("on_behalf_of", self.lang, accounts=", ".join(behalf[edge.id]))
        return steps

    def _account_name(self, account: str) -> str:
        known = self.world.accounts.get(account)
        return display(known.name, self.lang) if known else account

    def _place_unused_resources(self) -> None:
        """A resource no step touches would sit in the first rank, stretching its account across the chart;
        an invisible link from a principal of the same account puts it beside the principals' targets."""
        linked = {end for e in self.chart.edges for end in (e.source, e.target)}
        for node in list(self.chart.nodes.values()):
            if not node.id.startswith("res.") or node.id in linked or node.parent is None:
                continue
            account = self.chart.subgraphs[node.parent]
            while not account.id.startswith("acct.") and account.parent:
                account = self.chart.subgraphs[account.parent]
            anchor = next((m for m in account.members if m.startswith(("role.", "user.")) and m in linked), None)
            if anchor:
                self.chart.edges.append(FlowEdge(f"layout:{anchor}->{node.id}", anchor, node.id,
                                                 line_style=LineStyle.INVISIBLE, head=EdgeHead.NONE))

    def build(self) -> ArchitectureDiagram:
        self._organization()
        self._accounts()
        self._members()
        grants = self._grants()
        self._shares()
        steps = self._flows(grants)
        self._place_unused_resources()
        touched = {item for ids in steps.values() for item in ids.nodes}
        fold_untouched_accounts(self.chart, touched, self.expanded, self.lang)
        arrange_accounts_in_grid(self.chart)
        return ArchitectureDiagram(self.chart, steps)


def _add_once(items: list[str], item: str) -> None:
    if item not in items:
        items.append(item)


def architecture_diagram(loaded: LoadedScenario, lang: str = "en",
                         expanded: frozenset[str] = frozenset()) -> ArchitectureDiagram:
    """The scenario's world as a flowchart, with the ids each step of each flow lights up. A big organization
    comes out as an overview (see from_scenario_overview); `expanded` names OUs to draw in full there."""
    return ArchitectureBuilder(loaded, lang, frozenset(expanded)).build()
