"""The decision, in the order AWS documents it (IAM UG reference_policies_evaluation-logic.html and
reference_policies_evaluation-logic_policy-eval-denyallow.html):

explicit deny in any applicable policy -> RCPs -> SCPs -> resource-based policy -> identity-based
policies -> permissions boundary -> session policies.

Every statement of every applicable policy is matched once; the steps then read those outcomes.
"""
from __future__ import annotations

from xviz.engine import catalog
from xviz.engine.principals import ACCOUNT, ROLE, UNLIMITED
from xviz.engine.request import NamedPolicy, PreparedRequest
from xviz.engine.result import STEPS, Evaluation, Matched, StepOutcome

SERVICE_LINKED_PATH = "/aws-service-role/"
# Needs no permission: "No permissions are required to perform this operation. If an administrator
# attaches a policy to your identity that explicitly denies access to the sts:GetCallerIdentity
# action, you can still perform this operation" (STS API Reference, GetCallerIdentity).
NO_PERMISSION_ACTIONS = frozenset(("sts:getcalleridentity",))


def _is_service_linked(req: PreparedRequest) -> bool:
    role = req.caller.role_arn
    return bool(role) and f":role{SERVICE_LINKED_PATH}" in role


def _match_all(np: NamedPolicy, req: PreparedRequest) -> Matched:
    return Matched(np, [(st, st.match(req)) for st in np.policy.statements])


def _allows(matched: list[Matched]) -> bool:
    return any(m.allows for m in matched)


def evaluate(req: PreparedRequest) -> Evaluation:
    caller = req.caller
    iam_caller = caller.is_iam
    # Which policy kinds apply to this request at all.
    scp_applies = (bool(req.scps) and caller.account is not None and not req.principal_account_is_management
                   and not _is_service_linked(req))
    rcp_applies = (bool(req.rcps) and not req.aws_owned and not req.resource_account_is_management
                   and req.service in catalog.rcp_services() and not _is_service_linked(req))
    why_not = {}
    if caller.account is None:
        why_not["scp"] = "scp-not-for-caller"
    elif not req.scps:
        why_not["scp"] = "no-scps"
    elif req.principal_account_is_management:
        why_not["scp"] = "management-account"
    elif not scp_applies:
        why_not["scp"] = "service-linked-role"
    if req.aws_owned:
        why_not["rcp"] = "aws-owned-resource"
    elif not req.rcps:
        why_not["rcp"] = "no-rcps"
    elif req.resource_account_is_management:
        why_not["rcp"] = "management-account"
    elif req.service not in catalog.rcp_services():
        why_not["rcp"] = "rcp-unsupported-service"
    elif not rcp_applies:
        why_not["rcp"] = "service-linked-role"

    rcp_levels = [(t, [_match_all(p, req) for p in ps]) for t, ps in req.rcps] if rcp_applies else []
    scp_levels = [(t, [_match_all(p, req) for p in ps]) for t, ps in req.scps] if scp_applies else []
    resource = [_match_all(req.resource_policy, req)] if req.resource_policy else []
    identity = [_match_all(p, req) for p in req.identity] if iam_caller else []
    boundary = [_match_all(req.boundary, req)] if (iam_caller and req.boundary) else []
    session = [_match_all(p, req) for p in req.session] if iam_caller else []

    everything = ([m for _, ms in rcp_levels for m in ms] + [m for _, ms in scp_levels for m in ms]
                  + resource + identity + boundary + session)
    denies = [(m.policy, st) for m in everything for st, fail in m.outcomes if not st.allow and fail is None]

    # The guardrails: every SCP level must allow; RCPFullAWSAccess allows at every RCP level.
    scp_missing = [t for t, ms in scp_levels if not _allows(ms)]

    # The identity side: identity ∩ boundary ∩ session (users' and sessions' own permissions).
    id_allow = _allows(identity)
    pb_ok = not boundary or _allows(boundary)
    if session:
        sess_ok = _allows(session)
    else:
        sess_ok = caller.kind != "federated_user"  # GetFederationToken sessions need a session policy
    if caller.kind == "root":
        identity_path = True  # the root user has full access to its own account
    else:
        identity_path = iam_caller and id_allow and pb_ok and sess_ok

    # The resource side: the least limited way the resource policy names the caller.
    grants = []
    if resource:
        for st, fail in resource[0].outcomes:
            if st.allow and fail is None:
                grants.append((st, st.principal.match(caller) if st.principal else UNLIMITED))
    kinds = {k for _, k in grants}

    same_account = caller.account is not None and caller.account == req.resource_account
    needs_resource_policy = req.is_trust_action or req.is_kms_key
    used_identity = used_resource = False
    free = req.action_lower in NO_PERMISSION_ACTIONS and caller.is_signed
    if free:
        decision = "Allow"
    elif denies:
        decision = "ExplicitDeny"
    else:
        if caller.account is None:  # service principals, anonymous callers, web identities
            used_resource = bool(grants)
            allowed = used_resource
        elif same_account:
            # Within one account a resource-policy grant stands by itself, limited by what it names
            # (reference_policies_evaluation-logic.html; access_policies_boundaries.html).
            via_resource = (UNLIMITED in kinds or (ROLE in kinds and pb_ok and sess_ok)
                            or (ACCOUNT in kinds and identity_path))
            if needs_resource_policy:
                # Trust policies and KMS key policies must allow the principal themselves.
                allowed = via_resource
                used_resource = via_resource
                used_identity = via_resource and ACCOUNT in kinds and not (UNLIMITED in kinds or ROLE in kinds)
            else:
                allowed = via_resource or identity_path
                used_resource = via_resource
                used_identity = identity_path
        elif req.aws_owned:
            # What AWS owns (AWS managed policies) has no resource-based policy: the caller's own side
            # decides, as for any resource without one.
            used_identity = allowed = identity_path
        else:
            # Cross-account: both sides must allow (reference_policies_evaluation-logic-cross-account.html).
            used_identity, used_resource = identity_path, bool(grants)
            allowed = identity_path and bool(grants)
        decision = "Allow" if allowed and not scp_missing else "ImplicitDeny"

    result = Evaluation(req, decision)
    result.no_permission_needed = free
    result.why_not = why_not
    result.denies = denies
    result.rcp_levels, result.scp_levels = rcp_levels, scp_levels
    result.resource, result.identity, result.boundary, result.session = resource, identity, boundary, session
    result.grant_kinds = kinds
    result.same_account = same_account
    result.needs_resource_policy = needs_resource_policy
    if free:
        pass  # nothing decided it: AWS checks no policy for this action
    elif decision == "Allow":
        decisive = []
        if used_resource:
            decisive += [(resource[0].policy, st) for st, _ in grants]
        if used_identity and caller.kind != "root":
            decisive += [(m.policy, st) for m in identity for st, fail in m.outcomes if st.allow and fail is None]
        result.decisive = decisive
    elif decision == "ExplicitDeny":
        result.decisive = denies
    else:
        missing = [("scp", t) for t in scp_missing]
        chain = []  # the identity side's kinds that did not allow
        if iam_caller:
            chain = ([("identity", None)] if not id_allow else []) + \
                    ([("permission_boundary", None)] if not pb_ok else []) + \
                    ([("session", None)] if not sess_ok else [])
        guardrails = [k for k in chain if k[0] != "identity"]
        if caller.account is not None and req.aws_owned:
            missing += chain
        elif caller.account is None or not same_account:
            if not grants:
                missing.append(("resource", None))
            if caller.account is not None:
                missing += chain
        elif needs_resource_policy and not grants:
            missing.append(("resource", None))
        elif UNLIMITED not in kinds:
            # Same account: a grant to the role is limited by the guardrails only; otherwise the
            # identity side had to allow.
            missing += guardrails if ROLE in kinds else chain
        result.missing = missing
    result.steps = _steps(result)
    return result


def _steps(r: Evaluation) -> list[StepOutcome]:
    """One outcome per step, in AWS's order, with the reason code a learner is told."""
    req = r.request
    caller = req.caller
    if r.no_permission_needed:
        # The first step says why; the others only that they were not checked.
        return [StepOutcome(step, "not_applicable", "no-permission-needed" if i == 0 else "not-checked")
                for i, step in enumerate(STEPS)]
    steps = [StepOutcome("explicit_deny", "deny" if r.denies else "not_applicable",
                         "explicit-deny" if r.denies else "no-deny")]
    if r.rcp_levels:
        steps.append(StepOutcome("rcp", "allow", "rcp-full-access"))
    else:
        steps.append(StepOutcome("rcp", "not_applicable", r.why_not.get("rcp", "no-rcps")))
    if r.scp_levels:
        missing = [t for t, ms in r.scp_levels if not _allows(ms)]
        steps.append(StepOutcome("scp", "no_allow" if missing else "allow",
                                 "scp-level-no-allow" if missing else "scp-all-levels-allow", missing))
    else:
        steps.append(StepOutcome("scp", "not_applicable", r.why_not.get("scp", "no-scps")))
    if r.resource:
        granted = bool(r.grant_kinds)
        reason = "resource-allows" if granted else "resource-no-allow"
        if granted and r.grant_kinds == {ACCOUNT}:
            reason = "resource-allows-account"
        steps.append(StepOutcome("resource", "allow" if granted else "no_allow", reason))
    else:
        steps.append(StepOutcome("resource", "not_applicable",
                                 "aws-owned-resource" if req.aws_owned else "no-resource-policy"))
    if caller.is_iam:
        steps.append(StepOutcome("identity", "allow" if _allows(r.identity) else "no_allow",
                                 "identity-allows" if _allows(r.identity) else
                                 ("identity-no-allow" if r.identity else "no-identity-policies")))
    else:
        steps.append(StepOutcome("identity", "not_applicable",
                                 "root-user" if caller.kind == "root" else "identity-not-for-caller"))
    if r.boundary:
        ok = _allows(r.boundary)
        steps.append(StepOutcome("permission_boundary", "allow" if ok else "no_allow",
                                 "boundary-allows" if ok else "boundary-no-allow"))
    else:
        steps.append(StepOutcome("permission_boundary", "not_applicable", "no-boundary"))
    if r.session:
        ok = _allows(r.session)
        steps.append(StepOutcome("session", "allow" if ok else "no_allow",
                                 "session-allows" if ok else "session-no-allow"))
    elif caller.kind == "federated_user":
        steps.append(StepOutcome("session", "no_allow", "federated-user-needs-session-policy"))
    else:
        steps.append(StepOutcome("session", "not_applicable", "no-session-policies"))
    return steps
