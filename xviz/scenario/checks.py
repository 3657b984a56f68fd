"""Cross-reference checks: everything a step or an attachment names must exist, and make sense.

Runs after the schema accepted the shape; reports every problem at the place that names the thing.
"""
from __future__ import annotations

import difflib
import re

from xviz.scenario import model as m
from xviz.scenario.errors import ProblemSink
from xviz.scenario.ram import INVITATION_ACTIONS, OPERATIONS, operation_kind
from xviz.scenario.yamlsource import SourceMap

ACCOUNT_ID = re.compile(r"^\d{12}$")
OU_ID = re.compile(r"^ou-([0-9a-z]{4,32})-[a-z0-9]{8,32}$")
RAM_TYPES = ("subnet", "transit-gateway")
PROVIDER_ARN = re.compile(r"^arn:aws[a-z-]*:iam::\d{12}:(saml|oidc)-provider/[\w.~/-]+$")
# The sign-in calls of a federated actor, and the kind of identity provider each one needs.
FEDERATED_ACTIONS = {"sts:assumerolewithsaml": "saml", "sts:assumerolewithwebidentity": "oidc"}
STS_ROLE_ACTIONS = ("sts:assumerole", "sts:tagsession", "sts:setsourceidentity", *FEDERATED_ACTIONS)
FLOW_DIAGRAM_PREFIX = "flow:"  # the name xviz.diagram.from_scenario gives each flow's generated chart


def is_assume_role(action: str) -> bool:
    """A call that makes a role session: sts:AssumeRole, or a federated sign-in (SAML, OIDC)."""
    action = action.lower()
    return action == "sts:assumerole" or action in FEDERATED_ACTIONS


def provider_type(world: m.World, key_or_arn: str) -> str | None:
    """"saml" or "oidc" for a provider key or ARN; None when it is neither."""
    if key_or_arn in world.identity_providers:
        return world.identity_providers[key_or_arn].type
    match = PROVIDER_ARN.match(key_or_arn)
    return match.group(1) if match else None


def _suggest(name: str, known) -> str:
    close = difflib.get_close_matches(str(name), [str(k) for k in known], n=1)
    if close:
        return f"did you mean `{close[0]}`?"
    known = sorted(str(k) for k in known)
    return ("known: " + ", ".join(known[:8]) + (" …" if len(known) > 8 else "")) if known else "define it first"


class _Checker:
    def __init__(self, sc: m.Scenario, smap: SourceMap, sink: ProblemSink):
        self.sc, self.w, self.smap, self.sink = sc, sc.world, smap, sink

    def err(self, path, code, message, hint, key=False):
        self.sink.add(code, message, hint, self.smap.position(path, key=key))

    # --- world -------------------------------------------------------------------------------
    def org_targets(self) -> set[str]:
        org = self.w.organization
        if org is None:
            return set()
        return {org.root, *org.ous, *(a for a, acc in self.w.accounts.items() if acc.parent)}

    def account(self, path, acct) -> bool:
        if acct in self.w.accounts:
            return True
        self.err(path, "unknown_account", f"unknown account {acct!r}",
                 f"declare it under world.accounts, or {_suggest(acct, self.w.accounts)}")
        return False

    def check_world(self):
        w = self.w
        for acct in w.accounts:
            if not ACCOUNT_ID.match(acct):
                self.err(("world", "accounts", acct), "bad_account_id", f"account id {acct!r} is not 12 digits",
                         "write the 12-digit account id, e.g. \"111111111111\"", key=True)
        self.check_organization()
        names: dict[str, str] = {}
        for kind in ("users", "roles", "resources", "services", "identity_providers"):
            for key in getattr(w, kind):
                if key in names:
                    self.err(("world", kind, key), "duplicate_name",
                             f"the name {key!r} is used both in world.{names[key]} and world.{kind}",
                             "give one of them another key (and `name:` for the AWS name)", key=True)
                names[key] = kind
        for kind in ("users", "roles", "identity_providers", "groups"):
            for key, p in getattr(w, kind).items():
                self.account(("world", kind, key, "account"), p.account)
        self.check_attachments()
        for key, r in w.resources.items():
            self.account(("world", "resources", key, "account"), r.account)
            if r.vpc is not None:
                vpc = w.resources.get(r.vpc)
                if vpc is None or vpc.type != "vpc":
                    self.err(("world", "resources", key, "vpc"), "unknown_vpc", f"{r.vpc!r} is not a vpc resource",
                             _suggest(r.vpc, [k for k, v in w.resources.items() if v.type == "vpc"]))
                elif vpc.account != r.account:
                    self.err(("world", "resources", key, "vpc"), "vpc_account",
                             "a subnet belongs to the account that owns its VPC",
                             f"set account: \"{vpc.account}\"")
            if r.arn is not None and not r.arn.startswith("arn:"):
                self.err(("world", "resources", key, "arn"), "bad_arn", f"{r.arn!r} is not an ARN",
                         "write arn:aws:SERVICE:REGION:ACCOUNT:..., or leave `arn` out to derive it")
        if w.ram is not None:
            self.check_ram(w.ram)

    def check_attachments(self):
        """Groups a user is in and managed policies a principal or group attaches must exist."""
        w = self.w
        for key, mp in w.managed_policies.items():
            if mp.account is not None:
                self.account(("world", "managed_policies", key, "account"), mp.account)
        for kind in ("users", "roles", "groups"):
            for key, p in getattr(w, kind).items():
                for i, ref in enumerate(p.managed_policies):
                    if ref not in w.managed_policies:
                        self.err(("world", kind, key, "managed_policies", i), "unknown_managed_policy",
                                 f"no managed policy {ref!r}",
                                 f"declare it under world.managed_policies, or {_suggest(ref, w.managed_policies)}")
        for key, u in w.users.items():
            for i, group in enumerate(u.groups):
                if group not in w.groups:
                    self.err(("world", "users", key, "groups", i), "unknown_group", f"no group {group!r}",
                             f"declare it under world.groups, or {_suggest(group, w.groups)}")
                elif w.groups[group].account != u.account:
                    self.err(("world", "users", key, "groups", i), "group_account",
                             "a user can only be in a group of its own account",
                             f"the group is in {w.groups[group].account}, the user in {u.account}")

    def check_organization(self):
        org, w = self.w.organization, self.w
        if org is None:
            for acct, a in w.accounts.items():
                if a.parent is not None:
                    self.err(("world", "accounts", acct, "parent"), "no_organization",
                             "this account has a parent but the world has no organization",
                             "add world.organization, or remove `parent`")
            return
        base = ("world", "organization")
        root_part = org.root[2:]
        for ou_id, ou in org.ous.items():
            match = OU_ID.match(ou_id)
            if not match:
                self.err(base + ("ous", ou_id), "bad_ou_id", f"{ou_id!r} is not an OU id",
                         f"write ou-{root_part}- then 8-32 lowercase letters or digits", key=True)
            elif match.group(1) != root_part:
                self.err(base + ("ous", ou_id), "ou_root_mismatch",
                         f"an OU id starts with its root's id: ou-{root_part}-…, not ou-{match.group(1)}-…",
                         f"rename it ou-{root_part}-{ou_id.rsplit('-', 1)[-1]}", key=True)
            if ou.parent != org.root and ou.parent not in org.ous:
                self.err(base + ("ous", ou_id, "parent"), "unknown_parent", f"unknown parent {ou.parent!r}",
                         f"use the root {org.root} or an OU id; {_suggest(ou.parent, [org.root, *org.ous])}")
        for ou_id in org.ous:  # cycles: follow parents; more steps than OUs means a loop
            seen, cur = 0, ou_id
            while cur in org.ous and seen <= len(org.ous):
                cur, seen = org.ous[cur].parent, seen + 1
            if seen > len(org.ous):
                self.err(base + ("ous", ou_id, "parent"), "ou_cycle", "OU parents form a loop",
                         "every chain of parents must end at the root")
                break
        for acct, a in w.accounts.items():
            if a.parent is not None and a.parent != org.root and a.parent not in org.ous:
                self.err(("world", "accounts", acct, "parent"), "unknown_parent", f"unknown parent {a.parent!r}",
                         f"use the root {org.root} or an OU id; {_suggest(a.parent, [org.root, *org.ous])}")
        if self.account(base + ("management_account",), org.management_account):
            if w.accounts[org.management_account].parent is None:
                self.err(base + ("management_account",), "management_outside",
                         "the management account must be in the organization",
                         f"give account {org.management_account} `parent: {org.root}`")
        targets = self.org_targets()
        for kind in ("scps", "rcps"):
            for name, pol in getattr(org, kind).items():
                for i, target in enumerate(pol.attach):
                    if target not in targets:
                        self.err(base + (kind, name, "attach", i), "unknown_target",
                                 f"cannot attach to {target!r}: not the root, an OU or an account of the organization",
                                 _suggest(target, targets))

    def check_ram(self, ram: m.Ram):
        w, org = self.w, self.w.organization
        for name, share in ram.shares.items():
            base = ("world", "ram", "shares", name)
            self.account(base + ("owner",), share.owner)
            for i, res in enumerate(share.resources):
                r = w.resources.get(res)
                if r is None:
                    self.err(base + ("resources", i), "unknown_resource", f"unknown resource {res!r}",
                             _suggest(res, w.resources))
                elif r.type not in RAM_TYPES:
                    self.err(base + ("resources", i), "not_shareable",
                             f"xviz models RAM sharing of {' and '.join(RAM_TYPES)} resources, not {r.type}",
                             "use a resource-based policy for this resource instead")
                elif r.account != share.owner:
                    self.err(base + ("resources", i), "not_owner",
                             f"{res!r} belongs to account {r.account}, not to the share's owner",
                             "only the owner of a resource can share it")
            valid = set(w.accounts) | (set(org.ous) | {org.id} if org else set())
            for i, principal in enumerate(share.principals):
                if principal not in valid:
                    self.err(base + ("principals", i), "unknown_principal", f"unknown share principal {principal!r}",
                             "use an account id, an OU id or the organization id; " + _suggest(principal, valid))
            for acct in share.invitations:
                self.account(base + ("invitations", acct), acct)

    # --- flows -------------------------------------------------------------------------------
    def world_keys(self) -> dict[str, str]:
        """What a step's target may name: key -> user | role | resource."""
        return {**{k: "user" for k in self.w.users}, **{k: "role" for k in self.w.roles},
                **{k: "resource" for k in self.w.resources}}

    def check_flows(self):
        world_keys = self.world_keys()
        for fname, flow in self.sc.flows.items():
            sessions: dict[str, str] = {}  # session name -> role key
            ids: set[str] = set()
            for i, step in enumerate(flow.steps):
                base = ("flows", fname, "steps", i)
                if step.id in ids:
                    self.err(base + ("id",), "duplicate_step", f"step id {step.id!r} is used twice in flow {fname}",
                             "give every step of a flow its own id")
                ids.add(step.id)
                self.check_actor(base + ("actor",), step.actor, sessions)
                if self.check_target(base, step, world_keys):
                    self.check_ram_action(base, step, sessions)
                if is_assume_role(step.action) and step.params.session_name and step.target in self.w.roles:
                    sessions[step.params.session_name] = step.target
        self.check_what_if_expectations()

    def check_actor(self, path, actor: m.Actor, sessions):
        w, kind = self.w, actor.kind
        if kind == "user" and actor.user not in w.users:
            self.err(path + ("user",), "unknown_user", f"unknown user {actor.user!r}",
                     f"declare it under world.users, or {_suggest(actor.user, w.users)}")
        elif kind == "role" and actor.role not in w.roles:
            self.err(path + ("role",), "unknown_role", f"unknown role {actor.role!r}",
                     f"declare it under world.roles, or {_suggest(actor.role, w.roles)}")
        elif kind == "session" and actor.session not in sessions:
            self.err(path + ("session",), "unknown_session",
                     f"no earlier sts:AssumeRole step of this flow made a session named {actor.session!r}",
                     "add an AssumeRole step with params.session_name before this one, "
                     "or write {role: KEY, session: NAME}")
        elif kind == "root":
            self.account(path + ("root",), actor.root)
        elif kind == "account":
            self.account(path + ("account",), actor.account)
        elif kind == "federated" and provider_type(w, actor.federated) is None:
            self.err(path + ("federated",), "unknown_provider", f"unknown identity provider {actor.federated!r}",
                     "declare it under world.identity_providers, or write its ARN "
                     "(arn:aws:iam::ACCOUNT:saml-provider/NAME or oidc-provider/HOST); "
                     + _suggest(actor.federated, w.identity_providers))
        elif kind == "service":
            if actor.service not in w.services:
                self.err(path + ("service",), "unknown_service", f"unknown service {actor.service!r}",
                         f"declare it under world.services, or {_suggest(actor.service, w.services)}")
            if actor.on_behalf_of is not None:
                self.account(path + ("on_behalf_of",), actor.on_behalf_of)

    def actor_account(self, actor: m.Actor, sessions: dict[str, str]) -> str | None:
        w, kind = self.w, actor.kind
        if kind == "user":
            return w.users[actor.user].account if actor.user in w.users else None
        role = actor.role if kind == "role" else sessions.get(actor.session) if kind == "session" else None
        if role is not None:
            return w.roles[role].account if role in w.roles else None
        return {"root": actor.root, "account": actor.account}.get(kind)

    def check_ram_action(self, base, step: m.Step, sessions: dict[str, str]) -> None:
        """A participant's action on a shared resource must be one the RAM model knows."""
        resource = self.w.resources.get(step.target)
        if resource is None or resource.type not in RAM_TYPES:
            return
        account = self.actor_account(step.actor, sessions)
        if account is None or account == resource.account or operation_kind(resource.type, step.action):
            return
        self.err(base + ("action",), "unknown_ram_action",
                 f"xviz does not know whether {step.action} uses or modifies a shared {resource.type}",
                 "use one of " + ", ".join(sorted(OPERATIONS[resource.type])))

    def check_invitation_target(self, base, step: m.Step) -> None:
        """ram:Accept/RejectResourceShareInvitation answers the invitation of a share: the target is the share."""
        shares = self.w.ram.shares if self.w.ram else {}
        if step.target not in shares:
            self.err(base + ("target",), "target_not_share", f"{step.action} answers the invitation of a resource "
                     f"share; {step.target!r} is not one", "name a key of world.ram.shares; " + _suggest(step.target, shares))
        if step.actor.kind in ("service", "anonymous", "federated"):
            self.err(base + ("actor",), "invitation_actor", "only the invited account answers an invitation",
                     "write actor: {account: ACCOUNT}, or a user or role session of that account")

    def check_target(self, base, step: m.Step, world_keys) -> bool:
        w = self.w
        if step.action.lower() in INVITATION_ACTIONS:
            self.check_invitation_target(base, step)
            return False
        kind = world_keys.get(step.target)
        if step.target != "*" and kind is None:
            self.err(base + ("target",), "unknown_target", f"unknown target {step.target!r}",
                     f"use a user, role or resource key, or \"*\"; {_suggest(step.target, world_keys)}")
            return False
        action = step.action.lower()
        if action in STS_ROLE_ACTIONS and kind != "role":
            self.err(base + ("target",), "target_not_role", f"{step.action} acts on a role, not on {step.target!r}",
                     _suggest(step.target, w.roles))
        if is_assume_role(action) and not step.params.session_name:
            self.err(base + ("params",), "missing_session_name", f"{step.action} needs a session name",
                     "add params.session_name (the CLI's --role-session-name; for SAML, the assertion's "
                     "RoleSessionName attribute)")
        self.check_federated(base, step, action)
        if not is_assume_role(action):
            for p in ("session_name", "duration_seconds", "session_policy"):
                if getattr(step.params, p) is not None:
                    self.err(base + ("params", p), "param_not_for_action", f"`{p}` only goes with sts:AssumeRole",
                             "remove it, or move it to the AssumeRole step")
            if step.params.session_tags:
                self.err(base + ("params", "session_tags"), "param_not_for_action",
                         "`session_tags` only goes with sts:AssumeRole", "move it to the AssumeRole step")
        if step.object is not None and (kind != "resource" or w.resources[step.target].type != "s3-bucket"):
            self.err(base + ("object",), "object_not_s3", "`object` names an S3 object key: the target must be a bucket",
                     "remove `object`, or target an s3-bucket resource")
        if step.actor.kind == "account" and not (kind == "resource" and w.resources[step.target].type in RAM_TYPES):
            self.err(base + ("actor",), "account_actor", "an {account: …} actor only takes part in RAM steps",
                     "target a shared subnet or transit gateway, or use a user or role session")
        return True

    def check_federated(self, base, step: m.Step, action: str) -> None:
        """A federated actor only signs in, with the call that fits its provider; nobody else makes that call."""
        wanted = FEDERATED_ACTIONS.get(action)
        if step.actor.kind != "federated":
            if wanted is not None:
                self.err(base + ("actor",), "needs_federated_actor",
                         f"{step.action} is made with a token from an identity provider, not by {step.actor.kind}",
                         "write actor: {federated: PROVIDER}")
            return
        have = provider_type(self.w, step.actor.federated)
        if wanted is None:
            self.err(base + ("action",), "federated_action",
                     "a {federated: …} actor can only sign in to a role; later steps act as the session",
                     "use sts:AssumeRoleWithSAML (SAML provider) or sts:AssumeRoleWithWebIdentity (OIDC provider)")
        elif have is not None and have != wanted:
            call = "sts:AssumeRoleWithSAML" if have == "saml" else "sts:AssumeRoleWithWebIdentity"
            self.err(base + ("action",), "federated_action",
                     f"{step.action} needs a{'n OIDC' if wanted == 'oidc' else ' SAML'} provider; "
                     f"{step.actor.federated!r} is {'a SAML' if have == 'saml' else 'an OIDC'} provider",
                     f"use {call}")

    def check_what_if_expectations(self):
        steps = {f"{f}.{s.id}" for f, flow in self.sc.flows.items() for s in flow.steps}
        for name, wi in self.sc.what_ifs.items():
            for ref in wi.expect:
                if ref not in steps:
                    self.err(("what_ifs", name, "expect", ref), "unknown_step", f"no step {ref!r}",
                             "write FLOW.STEP; " + _suggest(ref, steps), key=True)
            for ref in wi.step_narration:
                if ref not in wi.expect:  # the text is written for the outcome `expect` gives the step
                    self.err(("what_ifs", name, "step_narration", ref), "narration_without_expect",
                             f"step_narration for {ref!r} but this what-if does not `expect` an outcome for it",
                             f"add `{ref}: OUTCOME` under this what-if's expect (the outcome the text tells)",
                             key=True)

    def check_diagrams(self):
        """`flow:NAME` replaces the generated chart of flow NAME, so NAME must be a flow (else a typo
        would silently become an extra chart)."""
        for key in self.sc.diagrams:
            flow = key[len(FLOW_DIAGRAM_PREFIX):] if key.startswith(FLOW_DIAGRAM_PREFIX) else None
            if flow is not None and flow not in self.sc.flows:
                self.err(("diagrams", key), "unknown_flow_diagram", f"no flow named {flow!r} for the chart {key!r}",
                         f"write flow:FLOW for a flow of this scenario ({_suggest(flow, self.sc.flows)}), "
                         "or another name for an extra chart", key=True)


def check_references(sc: m.Scenario, smap: SourceMap, sink: ProblemSink) -> None:
    checker = _Checker(sc, smap, sink)
    checker.check_world()
    checker.check_flows()
    checker.check_diagrams()
