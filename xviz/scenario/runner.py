"""Run a scenario's flows: each step through the IAM engine (or the RAM model), with its notes."""
from __future__ import annotations

from dataclasses import dataclass, field

from xviz.engine import EvaluationResult, InputError, evaluate_request, prepare
from xviz.scenario.derive import StepPlan, plan_flows
from xviz.scenario.errors import Problem, ScenarioError
from xviz.scenario.loader import LoadedScenario
from xviz.scenario.notes import Note
from xviz.scenario.ram import answer_invitation, evaluate_ram, share_grant, with_iam


# What a step shows: the outcome, or that it never happens (its session was not created), or that AWS
# or xviz refuses the request before any policy is read (a ValidationError, a policy the engine rejects).
VERDICTS = ("Allow", "ExplicitDeny", "ImplicitDeny", "NotReached", "InputError")


@dataclass
class StepRun:
    plan: StepPlan
    result: dict
    outcome: str  # Allow | ExplicitDeny | ImplicitDeny | ValidationError | InputError
    notes: list[Note] = field(default_factory=list)
    not_reached: dict | None = None  # {step, session, outcome}: the session this step acts as was never made
    problem: Problem | None = None  # why the engine refused the request (outcome InputError)
    evaluation: EvaluationResult | None = None  # the engine's frozen result (`result` is its JSON); None for RAM

    def source_of(self, request_path: tuple):
        """The policy text a path of the request points into, and the path inside its document: a
        statement the engine names (`StatementRef.path`) -> (PolicySource, ("Statement", 2)); (None, ())
        for a policy xviz adds itself (FullAWSAccess)."""
        prefixes = policy_prefixes(self.plan)
        for n in range(len(request_path), 0, -1):
            source = prefixes.get(tuple(request_path[:n]))
            if source is not None:
                rest = tuple(request_path[n:])
                return source, rest[1:] if rest[:1] == ("document",) else rest
        return None, ()

    @property
    def verdict(self) -> str:
        if self.not_reached is not None:
            return "NotReached"
        return "InputError" if self.outcome in ("ValidationError", "InputError") else self.outcome

    @property
    def expected(self) -> str | None:
        return self.plan.step.expect

    @property
    def ok(self) -> bool:
        return self.expected is None or self.expected == self.outcome

    def statement_position(self, statement: dict) -> tuple[int, int] | None:
        """File (line, column) of a statement the engine names in `decisive` or in a trace step
        ({policy_type, policy, target, statement}); None for policies xviz adds (FullAWSAccess)."""
        source = self.plan.sources.get((statement.get("policy_type"), statement.get("target"), statement.get("policy")))
        if source is None:
            return None
        return source.file_position(("Statement", statement.get("statement") or 0))


def policy_prefixes(plan: StepPlan) -> dict[tuple, object]:
    """Where each policy of a step's request sits in the request -> its PolicySource (its text in the file)."""
    found: dict[tuple, object] = {}
    data = plan.request or {}
    sources = plan.sources
    for i, p in enumerate(data.get("identity_policies", [])):
        found[("identity_policies", i)] = sources.get(("identity", None, p["name"]))
    if data.get("permission_boundary"):
        found[("permission_boundary",)] = sources.get(("permission_boundary", None, data["permission_boundary"]["name"]))
    for i, p in enumerate(data.get("session_policies", [])):
        found[("session_policies", i)] = sources.get(("session", None, p["name"]))
    for kind in ("scps", "rcps"):
        for i, level in enumerate(data.get(kind, [])):
            for j, p in enumerate(level["policies"]):
                found[(kind, i, "policies", j)] = sources.get((kind[:-1], level["target"], p["name"]))
    if data.get("resource_policy"):
        found[("resource_policy",)] = sources.get(("resource", None, data["resource_policy"]["name"]))
    return {path: source for path, source in found.items() if source is not None}


class RequestPositions:
    """Maps JSON paths of a simulate request to file positions, so engine errors point into the file."""

    def __init__(self, loaded: LoadedScenario, plan: StepPlan):
        self._step_path = ("flows", plan.flow, "steps", plan.index)
        self._loaded = loaded
        self._by_prefix = policy_prefixes(plan)

    # Which part of the step a request key comes from, for errors outside the policies.
    _STEP_FIELDS = {"principal": ("actor",), "role_arn": ("actor",), "action": ("action",),
                    "resource": ("target",), "resource_account": ("target",)}

    def lookup(self, path) -> tuple[int, int] | None:
        path = tuple(path)
        for n in range(len(path), 0, -1):
            source = self._by_prefix.get(path[:n])
            if source is not None:
                rest = path[n:]
                return source.file_position(rest[1:] if rest[:1] == ("document",) else ())
        step_part = ()
        if path[:1] == ("request",) and len(path) > 1:
            step_part = self._STEP_FIELDS.get(path[1], ("params", "context") + path[2:3])
        return self._loaded.source_map.position(self._step_path + step_part)


def _engine_problem(loaded: LoadedScenario, plan: StepPlan, exc: InputError) -> Problem:
    line, column = exc.line, exc.column
    if line is None:
        line, column = RequestPositions(loaded, plan).lookup(exc.path_tuple) or (None, None)
    return Problem(f"engine_{exc.code}", f"step {plan.ref}: {exc.message}",
                   "fix the policy or the step at this place (`xviz lint` explains policy errors)",
                   loaded.file, line, column)


def _evaluate(loaded: LoadedScenario, plan: StepPlan) -> EvaluationResult:
    try:
        return evaluate_request(plan.request, positions=RequestPositions(loaded, plan), file=loaded.file)
    except InputError as exc:
        raise ScenarioError([_engine_problem(loaded, plan, exc)]) from None


def validate_requests(loaded: LoadedScenario) -> list[Problem]:
    """What the engine would refuse in the requests the steps derive, without evaluating them."""
    problems = []
    for plan in plan_flows(loaded):
        if plan.request is None:
            continue
        try:
            prepare(plan.request)
        except InputError as exc:
            problems.append(_engine_problem(loaded, plan, exc))
    return problems


def run_steps(loaded: LoadedScenario, flows: list[str] | None = None, strict: bool = True,
              reuse=None) -> list[StepRun]:
    """Evaluate every step of the chosen flows (all by default), in order.

    `strict`: a request the engine refuses raises ScenarioError (the command line's exit 2); else that
    step gets the outcome InputError and the others still run (the window shows them all).
    `reuse(plan)`: the engine's result (EvaluationResult) of an earlier evaluation still valid for this
    plan, or None."""
    unknown = [f for f in flows or [] if f not in loaded.model.flows]
    if unknown:
        raise ScenarioError([Problem("unknown_flow", f"no flow named {unknown[0]!r}",
                                     "known flows: " + ", ".join(loaded.model.flows), loaded.file)])
    runs: list[StepRun] = []
    outcomes: dict[tuple[str, str], str] = {}
    world = loaded.model.world
    invitations: dict[tuple[str, str], str] = {}  # answered in this flow so far: (share, account) -> state
    for plan in plan_flows(loaded, flows):
        notes = list(plan.notes)
        evaluation = None  # the IAM engine's result; RAM steps are decided by RAM's own model
        if plan.index == 0:
            invitations = {}  # every flow starts from the world as written
        if plan.kind == "ram_invitation":
            share, account = plan.step.target, plan.caller.account
            state = invitations.get((share, account), world.ram.shares[share].invitations.get(account))
            result = answer_invitation(world, share, account, plan.step.action, state)
            if result["invitation"] is not None:
                invitations[(share, account)] = result["invitation"]
            outcome = result["decision"]
        elif plan.kind == "ram":
            result = evaluate_shared(loaded, plan, evaluate_ram(
                world, plan.step.target, plan.caller.account, plan.step.action, invitations))
            outcome = result["decision"]
        if plan.kind == "ram":
            notes.append(Note("ram_and_iam", {"account": plan.caller.account, "action": plan.step.action}))
        elif plan.kind == "ram_invitation":
            if plan.caller.kind != "account":
                notes.append(Note("ram_needs_iam", {"account": plan.caller.account, "action": plan.step.action}))
        else:
            evaluation = reuse(plan) if reuse is not None else None
            try:
                evaluation = evaluation or _evaluate(loaded, plan)
            except ScenarioError as error:
                if strict:
                    raise
                problem = error.first
                runs.append(StepRun(plan, {"decision": None, "trace": [], "error": problem.message}, "InputError",
                                    notes, problem=problem))
                outcomes[(plan.flow, plan.step.id)] = "InputError"
                continue
            result = evaluation.shared_json()
            outcome = "ValidationError" if plan.rejected else evaluation.decision.value
            if plan.rejected:
                notes.append(plan.rejected)
            if _allowed_by_resource_policy(plan, result):
                code = "kept_identity_session" if plan.caller.kind == "session" else "kept_identity"
                notes.append(Note(code, {"resource": plan.step.target, "caller": plan.caller.arn}))
        session = plan.caller.session
        not_reached = None
        if session is not None and session.made_by_step is not None:
            made = outcomes.get((plan.flow, session.made_by_step))
            if made not in (None, "Allow"):
                not_reached = {"step": session.made_by_step, "session": session.name, "outcome": made}
                notes.append(Note("session_not_created", not_reached))
        # A step that never happens makes no session either: later steps acting as it are not reached.
        outcomes[(plan.flow, plan.step.id)] = "NotReached" if not_reached else outcome
        runs.append(StepRun(plan, result, outcome, notes, not_reached, evaluation=evaluation))
    return runs


def evaluate_shared(loaded: LoadedScenario, plan: StepPlan, ram: dict) -> dict:
    """A shared resource: the share (RAM's verdict) and the caller's own IAM permission and SCPs
    (iam-semantics rule 26). Where the share grants nothing, no resource-based side exists at all."""
    grant = share_grant(ram["share"], plan.caller.account, plan.step.action, plan.resource_arn) \
        if ram["decision"] == "Allow" else None
    plan.request["resource_policy"] = grant
    return with_iam(ram, _evaluate(loaded, plan).to_json())


def _allowed_by_resource_policy(plan: StepPlan, result: dict) -> bool:
    """Cross-account and granted by the resource's own policy: the caller did not switch identity."""
    if result.get("decision") != "Allow" or plan.caller.kind in ("service", "anonymous"):
        return False
    if plan.step.action.lower().startswith("sts:") or plan.caller.account == plan.resource_account:
        return False
    return any(d.get("policy_type") == "resource" for d in result.get("decisive", []))
