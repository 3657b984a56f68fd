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
    "no-permission-needed": "sts:GetCallerIdentity needs no permission: AWS checks no policy for it, so it succeeds "
                            "for every signed caller, even under an explicit Deny (STS API Reference)",
    "not-checked": "not checked: this action needs no permission",
    "aws-owned-resource": "AWS owns this resource (an AWS managed policy, for example): it has no resource-based "
                          "policy and no RCP, so the caller's own policies decide",
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

# Input errors, warnings and lint findings, by code (the engine's own message adds the details;
# these are the sentences a catalog-driven view shows). Placeholders come from the diagnostic's params.
ERRORS = {
    "empty": "the input is empty: expected a JSON object",
    "invalid-json": "invalid JSON: {detail}",
    "duplicate-key": "the key {key!r} appears twice in the same object",
    "too-deep": "the JSON is nested more than {limit} levels deep",
    "not-utf8": "the file is not UTF-8 text (binary data?)",
    "file-too-large": "the file is larger than {limit_mib} MiB",
    "not-a-file": "this is a folder, not a file",
    "lone-surrogate": "this text holds a lone surrogate (an escape from \\ud800 to \\udfff without its pair)",
    "unreadable": "cannot read the file",
    "missing-key": "missing key {key!r}",
    "type": "this value has the wrong type",
    "unknown-key": "unknown key {key!r}: it is ignored",
    "duplicate-name": "the name {name!r} is used twice here",
    "bad-target": "{value!r} is not a root (r-…), OU (ou-…) or account ID",
    "bad-caller": "{value!r} is not a principal that can make a request: give an IAM user ARN, an assumed-role or "
                  "federated-user session ARN, an account root ARN, a service principal, an identity provider or "
                  "\"anonymous\"",
    "wildcard-caller": "the caller cannot contain wildcards",
    "role-as-caller": "a role ARN is not a caller: roles act through sessions (assumed-role ARNs)",
    "role-arn-mismatch": "role_arn {value!r} is not the role of this session",
    "role-arn-without-session": "role_arn is only for assumed-role sessions",
    "bad-principal-kind": "principal_kind must be \"federated\" or \"service\", not {value!r}",
    "principal-kind-mismatch": "principal_kind {kind!r} does not fit {value!r}",
    "federated-caller-action": "an identity provider only signs in: it calls {expected}, not {value}",
    "context-contradiction": "context {key} is {given!r} but the request says {derived!r}: the caller would be two "
                             "different identities",
    "bad-request-action": "{value!r} is not an action: expected service:Action with no wildcards",
    "wildcard-resource": "the requested resource is one ARN, without wildcards",
    "bad-account": "resource_account must be a 12-digit account ID, or \"aws\" for what AWS owns",
    "account-mismatch": "resource_account {value} contradicts the ARN's account",
    "aws-owned-resource-policy": "what AWS owns has no resource-based policy here",
    "aws-protected-resource": "AWS refuses {action} on {resource} whatever the policies allow: only AWS may change it",
    "ignored-identity-policies": "identity-based policies, boundaries and session policies do not apply to this "
                                 "kind of caller",
    "scp-level-account": "the last SCP level should be the principal's account",
    "bad-version": "Version must be \"2012-10-17\" or \"2008-10-17\"",
    "unknown-element": "there is no element {element!r} here",
    "missing-element": "a required element is missing",
    "no-statements": "the policy has no statements: it allows nothing",
    "duplicate-sid": "the Sid {sid!r} is used twice in this policy",
    "empty-list": "the list is empty",
    "bad-effect": "Effect must be \"Allow\" or \"Deny\"",
    "action-element": "a statement needs exactly one of Action and NotAction",
    "bad-action": "{value!r} is not an action: expected service:Action (or \"*\")",
    "unknown-service": "no AWS service has the prefix {service!r}",
    "unknown-action": "{value!r} is an action no AWS service defines",
    "action-matches-nothing": "{value!r} matches no action the service defines",
    "resource-element": "a statement needs exactly one of Resource and NotResource",
    "bad-resource": "{value!r} is not a resource: expected an ARN or \"*\"",
    "trust-resource": "a role trust policy has no Resource: the role itself is the resource",
    "statement-never-matches": "no listed resource is of a kind these actions act on, so the statement can never match",
    "principal-not-allowed": "this kind of policy cannot have Principal or NotPrincipal: it applies to its own principal",
    "principal-element": "a statement cannot have both Principal and NotPrincipal",
    "missing-principal": "a resource-based policy statement needs a Principal",
    "notprincipal-not-allowed": "NotPrincipal cannot be used in this kind of policy",
    "notprincipal-allow": "NotPrincipal is only supported with \"Effect\": \"Deny\"",
    "rcp-principal": "an RCP statement must have \"Principal\": \"*\"",
    "rcp-allow": "customer RCPs can only Deny (RCPFullAWSAccess is the only Allow)",
    "bad-principal": "{value!r} is not a valid principal",
    "bad-principal-type": "unknown principal type {value!r}: expected AWS, Service, Federated or CanonicalUser",
    "principal-wildcard": "a principal ARN cannot contain wildcards; use \"*\" with a condition on aws:PrincipalArn",
    "unknown-federated-principal": "{value!r} is not a known identity provider",
    "bad-operator": "{value!r} is not a valid operator: Null cannot be combined with IfExists",
    "unknown-operator": "unknown condition operator {value!r}",
    "unknown-condition-key": "no AWS service defines the condition key {key!r}",
    "never-matches": "{operator} needs {kind} values; {value!r} can never match",
    "multivalued-without-qualifier": "{key} can hold several values: use ForAnyValue or ForAllValues",
    "forallvalues-allow": "ForAllValues is true when {key} is missing or empty, so this Allow also matches requests "
                          "without the key",
    "literal-variable": "policy variables are literal text unless Version is \"2012-10-17\"",
    # Teaching findings of `xviz lint` (xviz.engine.lint.FINDINGS)
    "principal-star-unconditioned": "Principal \"*\" with no condition allows anyone, anonymous callers included",
    "trust-without-externalid": "this trust policy lets another account assume the role with no sts:ExternalId or "
                                "organization condition (confused deputy)",
    "service-principal-without-source": "a service principal is allowed with no aws:SourceAccount, aws:SourceArn or "
                                        "aws:SourceOrgID condition (confused deputy)",
    "notprincipal": "NotPrincipal is hard to get right; prefer a condition on aws:PrincipalArn",
    "action-star": "Action \"*\" allows every action of every service",
    "notaction-allow": "Allow with NotAction allows every action not listed, including future ones",
    "notresource-allow": "Allow with NotResource allows every resource not listed, including future ones",
}
