"""Turn each step of a flow into what AWS would evaluate: one simulate-request dict (or a RAM case).

What is derived here, as AWS derives it:
- the caller: IAM user ARN, root ARN, an identity provider's ARN for a federated sign-in
  (sts:AssumeRoleWithSAML / WithWebIdentity, decided by the trust policy alone), or after any of
  the AssumeRole calls the session ARN
  arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION, whose later requests carry the role's identity
  policies and boundary (not the caller's), plus the session policy given to AssumeRole;
- organization keys (aws:PrincipalOrgID, aws:PrincipalOrgPaths, and for a service acting for an
  account aws:SourceAccount, aws:SourceArn, aws:SourceOrgID, aws:SourceOrgPaths), principal tags;
- the policy sets: SCP levels from the root to the caller's account, customer RCP levels of the
  resource's account, the resource policy (the trust policy for STS role actions);
- STS rules that fail a call before any policy is read (role chaining past one hour, durations).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from xviz.scenario import model as m
from xviz.scenario.checks import RAM_TYPES, STS_ROLE_ACTIONS, is_assume_role
from xviz.scenario.loader import LoadedScenario
from xviz.scenario.notes import Note
from xviz.scenario.policies import PolicySource
from xviz.scenario.ram import INVITATION_ACTIONS
from xviz.scenario.world import WorldIndex
from xviz.scenario.yamlsource import Scalar

FULL_AWS_ACCESS = {"Version": "2012-10-17",
                   "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}
CHAINED_MAX_SECONDS = 3600


@dataclass
class Session:
    role: str
    name: str
    made_by_step: str | None  # id of the AssumeRole step of this flow, None for {role:, session:}
    policy: PolicySource | None = None
    tags: dict[str, str] = field(default_factory=dict)
    chained: bool = False


@dataclass
class Caller:
    kind: str  # user | session | root | service | anonymous | account | federated
    arn: str  # "anonymous", a service principal, or an ARN
    account: str | None
    role: str | None = None  # role key for sessions
    session: Session | None = None
    identity: list[PolicySource] = field(default_factory=list)
    boundary: PolicySource | None = None
    tags: dict[str, str] = field(default_factory=dict)


@dataclass
class StepPlan:
    flow: str
    index: int
    step: m.Step
    kind: str  # "iam", "ram" (use of a shared resource) or "ram_invitation" (answering a share's invitation)
    caller: Caller
    resource_arn: str
    resource_account: str
    request: dict | None = None  # the simulate request (iam steps)
    sources: dict = field(default_factory=dict)  # (policy_type, target, name) -> PolicySource
    notes: list[Note] = field(default_factory=list)
    rejected: Note | None = None  # an STS rule that fails the call before evaluation
    makes_session: str | None = None

    @property
    def ref(self) -> str:
        return f"{self.flow}.{self.step.id}"


class Planner:
    """Plans the steps of one flow in order, keeping the sessions earlier steps created."""

    def __init__(self, loaded: LoadedScenario):
        self.loaded = loaded
        self.sc = loaded.model
        self.w = self.sc.world
        self.ix = WorldIndex(self.w)

    def _policy(self, path: tuple) -> PolicySource:
        return self.loaded.policies[path]

    def _principal_policies(self, kind: str, key: str) -> tuple[list[PolicySource], PolicySource | None]:
        p = getattr(self.w, kind)[key]
        identity = [self._policy(("world", kind, key, "policies", name)) for name in p.policies]
        identity += self._managed(p.managed_policies)
        for group in p.groups if kind == "users" else ():  # a user's groups add their policies
            g = self.w.groups[group]
            identity += [self._policy(("world", "groups", group, "policies", name)) for name in g.policies]
            identity += self._managed(g.managed_policies)
        boundary = self._policy(("world", kind, key, "boundary", "document")) if p.boundary else None
        return identity, boundary

    def _managed(self, keys: list[str]) -> list[PolicySource]:
        return [self._policy(("world", "managed_policies", k, "document")) for k in keys]

    def caller(self, actor: m.Actor, sessions: dict[str, Session]) -> Caller:
        kind, w, ix = actor.kind, self.w, self.ix
        if kind == "user":
            identity, boundary = self._principal_policies("users", actor.user)
            u = w.users[actor.user]
            return Caller("user", ix.user_arn(actor.user), u.account, identity=identity, boundary=boundary,
                          tags=dict(u.tags))
        if kind in ("session", "role"):
            # {role:, session:} is the session an earlier step of the flow made for that role, if one did.
            session = (sessions[actor.session] if kind == "session"
                       else sessions.get((actor.role, actor.session)) or Session(actor.role, actor.session, None))
            role = w.roles[session.role]
            identity, boundary = self._principal_policies("roles", session.role)
            return Caller("session", ix.session_arn(session.role, session.name), role.account, session.role,
                          session, identity, boundary, {**role.tags, **session.tags})
        if kind == "root":
            return Caller("root", ix.root_arn(actor.root), actor.root)
        if kind == "service":
            return Caller("service", w.services[actor.service].principal, None)
        if kind == "account":
            return Caller("account", ix.root_arn(actor.account), actor.account)
        if kind == "federated":  # signs in without AWS credentials: it belongs to no account's IAM
            return Caller("federated", ix.provider_arn(actor.federated), None)
        return Caller("anonymous", "anonymous", None)

    def plan_flow(self, flow_name: str) -> list[StepPlan]:
        # Sessions made so far: by name ({session: NAME}, the latest wins) and by (role, name).
        sessions: dict[str | tuple[str, str], Session] = {}
        plans = []
        for i, step in enumerate(self.sc.flows[flow_name].steps):
            plan = self.plan_step(flow_name, i, step, sessions)
            plans.append(plan)
            if plan.makes_session:
                p = step.params
                policy = self.loaded.policies.get(("flows", flow_name, "steps", i, "params", "session_policy"))
                session = Session(step.target, p.session_name, step.id, policy, dict(p.session_tags),
                                  plan.caller.kind == "session")
                sessions[p.session_name] = sessions[(step.target, p.session_name)] = session
        return plans

    def plan_step(self, flow: str, index: int, step: m.Step, sessions: dict[str, Session]) -> StepPlan:
        caller = self.caller(step.actor, sessions)
        if step.action.lower() in INVITATION_ACTIONS:  # RAM's own state machine, not IAM evaluation
            share = self.w.ram.shares[step.target]
            arn = f"arn:aws:ram:{self.w.region}:{share.owner}:resource-share/{step.target}"
            return StepPlan(flow, index, step, "ram_invitation", caller, arn, share.owner)
        if step.target == "*":
            arn, account = "*", caller.account or step.actor.on_behalf_of or next(iter(self.w.accounts))
        else:
            arn, account = self.ix.target(step.target, step.object)
        target_type = self.w.resources[step.target].type if step.target in self.w.resources else None
        is_ram = target_type in RAM_TYPES and caller.account != account
        plan = StepPlan(flow, index, step, "ram" if is_ram else "iam", caller, arn, account)
        if caller.session is not None and caller.session.made_by_step is not None:
            plan.notes.append(Note("identity_switch", {"session_arn": caller.arn, "role": caller.role}))
        if is_ram:  # RAM stands in for the resource-based side; the caller's IAM side is still evaluated
            self._build_request(plan)
            return plan
        if is_assume_role(step.action):
            plan.makes_session = step.params.session_name
            if caller.kind == "federated":
                plan.notes.append(Note("federated_sign_in", {
                    "provider": caller.arn, "role": step.target,
                    "session_arn": self.ix.session_arn(step.target, step.params.session_name)}))
            self._sts_rules(plan)
        self._build_request(plan)
        return plan

    def _sts_rules(self, plan: StepPlan) -> None:
        """Checks STS makes on AssumeRole parameters before evaluating any policy."""
        duration = plan.step.params.duration_seconds
        role = self.w.roles[plan.step.target]
        if plan.caller.kind == "session":
            plan.notes.append(Note("role_chaining"))
        if duration is None:
            return
        if duration < 900:
            plan.rejected = Note("duration_below_min", {"duration": duration})
        elif plan.caller.kind == "session" and duration > CHAINED_MAX_SECONDS:
            plan.rejected = Note("role_chaining_duration", {"duration": duration})
        elif duration > role.max_session_duration:
            plan.rejected = Note("duration_above_max", {"duration": duration, "maximum": role.max_session_duration})

    # --- the request --------------------------------------------------------------------------
    def _named(self, plan: StepPlan, ptype: str, target: str | None, source: PolicySource) -> dict:
        plan.sources[(ptype, target, source.name)] = source
        return {"name": source.name, "document": source.document}

    def _scp_levels(self, plan: StepPlan, account: str) -> list[dict]:
        org = self.w.organization
        if org is None:
            return []
        # AWS's own FullAWSAccess sits on every level unless the author models it (or its absence).
        implicit = org.implicit_full_aws_access and "FullAWSAccess" not in org.scps
        levels = []
        for target in self.ix.levels(account):
            policies = [{"name": "FullAWSAccess", "document": FULL_AWS_ACCESS}] if implicit else []
            for name, pol in org.scps.items():
                if target in pol.attach:
                    policies.append(self._named(plan, "scp", target, self._policy(
                        ("world", "organization", "scps", name, "document"))))
            levels.append({"target": target, "policies": policies})
        return levels

    def _rcp_levels(self, plan: StepPlan, account: str) -> list[dict]:
        org = self.w.organization
        if org is None or not org.rcps:  # the engine decides which services RCPs govern, and says so
            return []
        levels = []
        for target in self.ix.levels(account):
            policies = [self._named(plan, "rcp", target, self._policy(("world", "organization", "rcps", name, "document")))
                        for name, pol in org.rcps.items() if target in pol.attach]
            levels.append({"target": target, "policies": policies})
        return levels

    def _context(self, plan: StepPlan) -> dict:
        step, caller, ix, org = plan.step, plan.caller, self.ix, self.w.organization
        ctx: dict[str, Any] = {"aws:SecureTransport": True,
                               "aws:RequestedRegion": step.params.region or self.w.region}
        if caller.kind in ("user", "session", "root", "account") and ix.in_org(caller.account):
            ctx["aws:PrincipalOrgID"] = org.id
            ctx["aws:PrincipalOrgPaths"] = [ix.org_path(caller.account)]
        for k, v in caller.tags.items():
            ctx[f"aws:PrincipalTag/{k}"] = v
        if caller.kind == "service" and step.actor.on_behalf_of:
            source = step.actor.on_behalf_of
            ctx["aws:SourceAccount"] = source
            if step.actor.source_arn:
                ctx["aws:SourceArn"] = step.actor.source_arn
            if ix.in_org(source):
                ctx["aws:SourceOrgID"] = org.id
                ctx["aws:SourceOrgPaths"] = [ix.org_path(source)]
            extra = ", aws:SourceArn" if step.actor.source_arn else ""
            extra += ", aws:SourceOrgID, aws:SourceOrgPaths" if ix.in_org(source) else ""
            plan.notes.append(Note("service_on_behalf", {"service": caller.arn, "account": source, "extra": extra}))
        p = step.params
        if p.source_ip:
            ctx["aws:SourceIp"] = p.source_ip
        if is_assume_role(step.action):
            if step.action.lower() == "sts:assumerole":  # federated sign-ins carry it in the token
                ctx["sts:RoleSessionName"] = p.session_name
            if p.session_tags:
                ctx.update({f"aws:RequestTag/{k}": v for k, v in p.session_tags.items()})
                ctx["aws:TagKeys"] = list(p.session_tags)
        if p.external_id is not None:
            ctx["sts:ExternalId"] = p.external_id
        for key, value in p.context.items():  # the author's keys win; null removes a derived key
            ctx[key] = _plain(value)
        return ctx

    def _build_request(self, plan: StepPlan) -> None:
        step, caller, w = plan.step, plan.caller, self.w
        req: dict[str, Any] = {"principal": caller.arn, "action": step.action, "resource": plan.resource_arn,
                               "resource_account": plan.resource_account, "context": self._context(plan)}
        if caller.kind == "session":
            req["role_arn"] = self.ix.role_arn(caller.role)
        data: dict[str, Any] = {"request": req}
        data["identity_policies"] = [self._named(plan, "identity", None, s) for s in caller.identity]
        data["permission_boundary"] = (self._named(plan, "permission_boundary", None, caller.boundary)
                                       if caller.boundary else None)
        session_policy = caller.session.policy if caller.session else None
        data["session_policies"] = [self._named(plan, "session", None, session_policy)] if session_policy else []
        scp_applies = caller.kind in ("user", "session", "root", "account") and not self.ix.is_management(caller.account)
        data["scps"] = self._scp_levels(plan, caller.account) if scp_applies else []
        data["principal_account_is_management"] = self.ix.is_management(caller.account)
        resource_is_mgmt = self.ix.is_management(plan.resource_account)
        data["rcps"] = [] if resource_is_mgmt else self._rcp_levels(plan, plan.resource_account)
        data["resource_account_is_management"] = resource_is_mgmt
        data["resource_policy"] = self._resource_policy(plan)
        plan.request = data

    def _resource_policy(self, plan: StepPlan) -> dict | None:
        step = plan.step
        if plan.kind == "ram":  # the runner adds the share's grant when RAM gives access
            return None
        if step.action.lower() in STS_ROLE_ACTIONS and step.target in self.w.roles:
            return self._named(plan, "resource", None, self._policy(("world", "roles", step.target, "trust_policy")))
        resource = self.w.resources.get(step.target)
        if resource is not None and resource.policy is not None:
            return self._named(plan, "resource", None, self._policy(("world", "resources", step.target, "policy")))
        return None


def _plain(value: Any) -> Any:
    """Context values from YAML: Scalars become bool/int/float/str as YAML typed them."""
    if isinstance(value, Scalar):
        return value.typed()
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def plan_flows(loaded: LoadedScenario, flows: list[str] | None = None) -> list[StepPlan]:
    planner = Planner(loaded)
    plans: list[StepPlan] = []
    for name in flows or list(loaded.model.flows):
        plans.extend(planner.plan_flow(name))
    return plans
