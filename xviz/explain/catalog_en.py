"""English sentences for the engine's codes. Placeholders are filled with str.format."""

DECISION = {
    "Allow": "ALLOWED",
    "ExplicitDeny": "DENIED by an explicit Deny",
    "ImplicitDeny": "DENIED implicitly: nothing that had to allow it did",
}

STEP = {
    "explicit_deny": "Explicit deny",
    "rcp": "Resource control policies (RCPs)",
    "scp": "Service control policies (SCPs)",
    "resource": "Resource-based policy",
    "identity": "Identity-based policies",
    "permission_boundary": "Permissions boundary",
    "session": "Session policies",
}

POLICY_TYPE = {
    "identity": "identity-based policy", "resource": "resource-based policy",
    "permission_boundary": "permissions boundary", "session": "session policy",
    "scp": "SCP", "rcp": "RCP",
}

REASON = {
    "no-deny": "no Deny statement applies to this request",
    "explicit-deny": "a Deny statement matches: an explicit deny overrides every Allow",
    "rcp-full-access": "RCPFullAWSAccess allows at every level; customer RCPs can only deny",
    "no-rcps": "no customer RCP applies to the resource's account (RCPs exist only in organizations, and RCPFullAWSAccess alone allows everything)",
    "management-account": "the management account is never restricted by SCPs or RCPs",
    "rcp-unsupported-service": "RCPs do not cover this service",
    "service-linked-role": "service-linked roles are not restricted by SCPs or RCPs",
    "scp-level-no-allow": "an SCP level has no Allow for this action: {targets}",
    "scp-all-levels-allow": "every SCP level from the root to the account allows it",
    "scp-not-for-caller": "SCPs restrict only IAM users, roles and root users of member accounts; service principals, SAML/OIDC sign-ins (AssumeRoleWithSAML/WebIdentity) and anonymous callers are never limited by them",
    "no-scps": "no SCP applies to the caller's account (it is in no organization, or no SCPs were given)",
    "resource-allows": "the resource-based policy allows this caller",
    "resource-allows-account": "the resource-based policy allows the caller's account, which delegates to "
                               "the account's own identity-based policies",
    "resource-no-allow": "the resource-based policy has no Allow for this caller",
    "no-resource-policy": "no resource-based policy is involved",
    "identity-allows": "an identity-based policy allows it",
    "identity-no-allow": "no identity-based policy allows it",
    "no-identity-policies": "the caller has no identity-based policies",
    "root-user": "the root user has full access to its own account; no identity-based policies apply",
    "identity-not-for-caller": "identity-based policies do not apply to this caller",
    "boundary-allows": "the permissions boundary allows it",
    "boundary-no-allow": "the permissions boundary does not allow it: a boundary caps what identity-based "
                         "policies can grant",
    "no-boundary": "no permissions boundary is set",
    "session-allows": "a session policy allows it",
    "session-no-allow": "no session policy allows it: session policies cap the session's permissions",
    "federated-user-needs-session-policy": "a federated user session without a session policy is denied",
    "no-session-policies": "no session policy was passed",
}

FAILURE = {
    "action": "action {action} is not in {values}",
    "action-negated": "action {action} is excluded by NotAction {values}",
    "resource": "resource {resource} does not match {values}",
    "resource-negated": "resource {resource} is excluded by NotResource {values}",
    "resource-variable": "the variable ${{{variable}}} has no value in this request, so the Resource matches nothing",
    "principal": "the caller {principal} is not named in Principal",
    "principal-negated": "the caller {principal} is listed in NotPrincipal, so this Deny leaves it out",
    "condition": "{operator} {key}: the request has {request_values}, the policy wants {values}",
    "condition-negated": "{operator} {key}: the request has {request_values}, which the policy lists in {values}, so the negated test is false",
    "condition-missing": "{operator} {key}: the request has no {key}, so the condition is false",
    "condition-variable": "{operator} {key}: the variable ${{{variable}}} has no value, so the condition is false",
}

WORDS = {
    "matched": "matches",
    "no_value": "no value",
    "decisive": "decisive",
    "missing_allow": "No Allow from: {items}",
    "warning": "warning",
    "decided_by": "Decided by:",
    "statement": "{policy_type} \"{policy}\"{target} statement {statement}{sid}",
    "target": " at {target}",
    "sid": " ({sid})",
    "result_allow": "allows",
    "result_deny": "denies",
    "result_no_allow": "no Allow",
    "result_not_applicable": "does not apply",
    "level": "level {target}: {result}",
}
