"""The IAM policy grammar, checked per policy type, compiled into fast matchers.

IAM UG reference_policies_grammar.html and the element pages; what each type accepts:
- identity, boundary, session, scp: no Principal/NotPrincipal;
- resource: Principal or NotPrincipal (NotPrincipal only with Deny);
- trust: Principal (no NotPrincipal, no Resource);
- rcp: customer RCPs are Deny statements with `"Principal": "*"` (orgs_manage_policies_rcps_syntax.html).
"""
from __future__ import annotations

import re
from typing import Any

from xviz.engine import catalog
from xviz.engine.conditions import ConditionTest, split_operator, suggest_operator
from xviz.engine.errors import Diagnostic, Problems
from xviz.engine.principals import PrincipalSpec, compile_principal
from xviz.engine.variables import parse_template
from xviz.engine.resource_match import resource_matcher, resource_regex
from xviz.engine.wildcard import compile_glob, has_wildcard

POLICY_TYPES = ("identity", "resource", "trust", "scp", "rcp", "boundary", "session")
# A resource-based policy of a service whose policies may leave Resource out: a statement without
# one is about the policy's own resource (ECR UG repository-policies.html; the same for ECR Public).
RESOURCELESS = "resource-no-resource"
RESOURCELESS_POLICY_SERVICES = frozenset(("ecr", "ecr-public"))


def resource_grammar(service: str | None) -> str:
    """The grammar of a resource-based policy of `service` (None: unknown)."""
    return RESOURCELESS if service in RESOURCELESS_POLICY_SERVICES else "resource"
VERSIONS = ("2012-10-17", "2008-10-17")
VARIABLES_VERSION = "2012-10-17"
_TOP_KEYS = ("Version", "Id", "Statement")
_STATEMENT_KEYS = frozenset(("Sid", "Effect", "Action", "NotAction", "Resource", "NotResource", "Principal",
                   "NotPrincipal", "Condition"))
_NO_PRINCIPAL = ("identity", "boundary", "session", "scp")
_IAM_POLICY_TYPES = ("identity", "boundary", "session", "trust")  # policies IAM itself stores
# service:name, the name not blank: "s3:" and "s3:   " are both malformed (one rule for both).
_ACTION_SHAPE = re.compile(r"^[A-Za-z0-9*?-]+:[A-Za-z0-9*?]+$")

# Why a statement did not match: the first element that failed.
FAIL_ACTION, FAIL_RESOURCE, FAIL_PRINCIPAL, FAIL_CONDITION = "action", "resource", "principal", "condition"
_ACTION_FAILED = (FAIL_ACTION, None)


class Statement:
    """One compiled statement. `match(request)` returns None when it applies, else why not."""

    # Defaults at class level: a new statement only stores what differs.
    index = 0
    sid: str | None = None
    allow = True
    not_action = False
    actions: tuple[str, ...] = ()
    exact_actions: frozenset[str] = frozenset()
    action_prefixes: tuple[str, ...] = ()   # "s3:get*" -> "s3:get": one startswith() for all of them
    action_globs: tuple = ()                # the other wildcard patterns
    not_resource = False
    resources: tuple[str, ...] | None = None
    resource_matchers: tuple | None = None  # compiled on first use
    resource_templates: tuple | None = None
    principal: PrincipalSpec | None = None
    not_principal = False
    conditions: tuple[ConditionTest, ...] = ()
    path: tuple = ()

    def resource_matches(self, resource: str, variable) -> tuple[bool, Any]:
        if self.resources is None:  # trust policies have no Resource: the role is the resource
            return True, None
        if self.resource_matchers is None:
            self.resource_matchers = tuple(resource_matcher(r) for r in self.resources)
        if self.resource_templates is None:
            hit = any(m(resource) for m in self.resource_matchers)
            return hit != self.not_resource, None
        hit = False
        missing = None
        for matcher, template in zip(self.resource_matchers, self.resource_templates):
            if template is None:
                if matcher(resource):
                    hit = True
                    break
                continue
            parts, key = template.resolve(variable)
            if parts is None:
                missing = key  # a variable with no value: this entry matches nothing
                continue
            text = "".join(p for p, _ in parts)
            literal = [not is_policy_text for p, is_policy_text in parts for _ in p]
            if re.match(resource_regex(text, literal) + r"\Z", resource, re.S):
                hit = True
                break
        return hit != self.not_resource, (("missing-variable", missing) if missing and not hit else None)

    def match(self, request) -> tuple | None:
        """None when the statement applies to the request; else (element, detail)."""
        action = request.action_lower
        hit = action in self.exact_actions or action.startswith(self.action_prefixes)
        if not hit and self.action_globs:
            hit = any(glob(action) for glob in self.action_globs)
        if hit == self.not_action:
            return _ACTION_FAILED
        ok, detail = self.resource_matches(request.resource, request.variable)
        if not ok:
            return (FAIL_RESOURCE, detail)
        if self.principal is not None:
            if self.not_principal:
                if self.principal.exempts(request.caller) and not request.has_boundary:
                    return (FAIL_PRINCIPAL, "exempt")
            elif self.principal.match(request.caller) is None:
                return (FAIL_PRINCIPAL, None)
        for test in self.conditions:
            ok, detail = test.evaluate(request.context, request.variable)
            if not ok:
                return (FAIL_CONDITION, (test, detail))
        return None


class Policy:
    """A compiled policy document of one type, with the diagnostics found while compiling."""

    __slots__ = ("policy_type", "version", "statements", "problems", "has_deny", "has_allow")

    def __init__(self, policy_type: str, version: str | None, statements: list[Statement], problems: Problems):
        self.policy_type = policy_type
        self.version = version
        self.statements = statements
        self.problems = problems
        self.has_deny = any(not s.allow for s in statements)
        self.has_allow = any(s.allow for s in statements)


def _all_strings(items: list) -> bool:
    """True when every item is a str (str.join checks that in C, faster than a Python loop)."""
    try:
        "".join(items)
    except TypeError:
        return False
    return True


def _strings(value: Any, path: tuple, element: str, problems: Problems) -> tuple[list[str], bool]:
    """A string or list of strings -> (values, whether it was a list). Wrong entries are reported
    and left out; the path of entry i is `path + (i,)` for a list, else `path`."""
    if value.__class__ is str:
        return [value], False
    if value.__class__ is list:
        if value and _all_strings(value):
            return value, True
        if not value:
            problems.error("empty-list", f"{element} is an empty list", path)
        out = []
        for i, item in enumerate(value):
            if isinstance(item, str):
                out.append(item)
            else:
                problems.error("type", f"each {element} entry must be a string", path + (i,))
        return out, True
    problems.error("type", f"{element} must be a string or a list of strings", path)
    return [], False


def _check_action(action: str) -> tuple[str | None, bool, object, tuple | None]:
    """(lower-cased action or None when malformed, has wildcard, matcher, warning or None)."""
    low = action.lower()
    if low != "*" and not _ACTION_SHAPE.match(action):
        return None, False, None, None
    wild = "*" in low or "?" in low
    glob = compile_glob(low) if wild else None
    warning = None
    service, _, name = low.partition(":")
    if low == "*" or "*" in service or "?" in service:
        pass
    elif catalog.service_is_known(service) is False:
        warning = ("unknown-service", f"no AWS service has the prefix {service!r}", {"value": action, "service": service})
    elif not wild and catalog.action_is_known(service, name) is False:
        warning = ("unknown-action", f"{service} defines no action {action.split(':', 1)[1]!r}", {"value": action})
    elif wild and catalog.actions_matching(service, low) is False:
        warning = ("action-matches-nothing", f"{action!r} matches no action that {service} defines", {"value": action})
    return low, wild, glob, warning


def _compile_actions(st: Statement, value: Any, path: tuple, element: str, problems: Problems) -> None:
    actions, is_list = _strings(value, path, element, problems)
    exact, prefixes, globs = set(), [], []
    memo = problems.memo
    for i, action in enumerate(actions):
        checked = memo.get(action)
        if checked is None:
            checked = memo[action] = _check_action(action)
        low, wild, glob, warning = checked
        if low is None:
            blank = ":" in action and not action.partition(":")[2].strip()
            problems.error("bad-action", f"{action!r} has no action name after the colon" if blank else
                           f"{action!r} is not an action: expected service:Action (or \"*\")",
                           path + (i,) if is_list else path, value=action)
            continue
        if not wild:
            exact.add(low)
        elif low.endswith("*") and "*" not in low[:-1] and "?" not in low:
            prefixes.append(low[:-1])
        else:
            globs.append(glob)
        if warning is not None:
            problems.warn(warning[0], warning[1], path + (i,) if is_list else path, **warning[2])
    st.actions = tuple(actions)
    st.exact_actions = frozenset(exact)
    st.action_prefixes = tuple(prefixes)
    st.action_globs = tuple(globs)


def _compile_resources(st: Statement, value: Any, path: tuple, element: str, substitute: bool,
                       problems: Problems) -> None:
    resources, is_list = _strings(value, path, element, problems)
    valid, templates = [], []
    for i, res in enumerate(resources):
        rpath = path + (i,) if is_list else path
        if res != "*" and not res.startswith("arn:"):
            problems.error("bad-resource", f"{res!r} is not a resource: expected an ARN "
                           "(arn:partition:service:region:account:resource) or \"*\"", rpath, value=res)
            continue
        if res.count(":") < 5 and not res.endswith("*"):
            problems.warn("never-matches", f"{res!r} has fewer than six ARN segments, so it matches no resource",
                          rpath, value=res)
        template = parse_template(res) if substitute else None
        if template is None and not substitute and "${" in res:
            problems.warn("literal-variable", "policy variables are literal text unless Version is "
                          "\"2012-10-17\"", rpath, value=res)
        valid.append(res)
        templates.append(template)
    st.resources = tuple(valid)
    st.resource_templates = tuple(templates) if any(t is not None for t in templates) else None


def _condition_values(raw: Any, path: tuple, problems: Problems) -> tuple[str, ...] | None:
    if raw.__class__ is str:
        return (raw,)
    if raw.__class__ is list and raw and _all_strings(raw):
        return tuple(raw)
    items = raw if isinstance(raw, list) else [raw]
    if isinstance(raw, list) and not raw:
        problems.error("empty-list", "a condition key needs at least one value", path)
        return None
    out = []
    for i, item in enumerate(items):
        if isinstance(item, bool):
            out.append("true" if item else "false")
        elif isinstance(item, (int, float)):
            out.append(repr(item) if isinstance(item, float) else str(item))
        elif isinstance(item, str):
            out.append(item)
        else:
            problems.error("type", "condition values are strings, numbers or booleans",
                           path + (i,) if isinstance(raw, list) else path)
            return None
    return tuple(out)


def _compile_conditions(st: Statement, value: Any, path: tuple, substitute: bool, problems: Problems) -> None:
    if not isinstance(value, dict):
        problems.error("type", "Condition must be an object: {operator: {key: value}}", path)
        return
    tests = []
    for op_text, block in value.items():
        opath = path + (op_text,)
        op = split_operator(op_text)
        if isinstance(op, str):
            hint = suggest_operator(op_text)
            extra = f" (did you mean {hint}?)" if hint and hint != op_text else ""
            if op == "null-ifexists":
                problems.error("bad-operator", "Null cannot be combined with IfExists", opath, value=op_text)
            else:
                problems.error("unknown-operator", f"unknown condition operator {op_text!r}{extra}", opath,
                               value=op_text, suggestion=hint)
            continue
        if not isinstance(block, dict):
            problems.error("type", f"{op_text} must map condition keys to values", opath)
            continue
        for key, raw in block.items():
            kpath = opath + (key,)
            values = _condition_values(raw, kpath, problems)
            if values is None:
                continue
            # The same test in many statements is compiled and checked once per compilation.
            memo_key = ("condition", op_text, key, values, st.allow, substitute)
            known = problems.memo.get(memo_key)
            if known is None:
                test = ConditionTest(op, key, values, substitute)
                known = problems.memo[memo_key] = (test, _condition_findings(test, st.allow, substitute))
            test, findings = known
            for severity, code, message, params in findings:
                problems.items.append(Diagnostic(code, message, kpath, severity, dict(params)))
            tests.append(test)
    st.conditions = tuple(tests)


def _condition_findings(test: ConditionTest, allow: bool, substitute: bool) -> list[tuple]:
    """Warnings about one condition test, as (severity, code, message, params)."""
    key_lower, op = test.key_lower, test.op
    out = []
    if key_lower not in catalog.GLOBAL_KEYS:  # the common case needs no further look-up
        if ":" not in key_lower:
            out.append(("warning", "unknown-condition-key", f"{test.key!r} is not a condition key (keys look "
                        "like service:Name)", {"key": test.key}))
        elif catalog.condition_key_is_known(key_lower) is False:
            out.append(("warning", "unknown-condition-key", f"no AWS service defines the condition key "
                        f"{test.key!r}", {"key": test.key}))
    if test.family is None or test.family.kind not in ("string", "arn"):
        bad = test.invalid_values()
        if bad:
            kind = test.family.kind if test.family else "bool"
            out.append(("warning", "never-matches", f"{op.text} needs {kind} values; {bad[0]!r} can never match",
                        {"operator": op.text, "value": bad[0], "kind": kind}))
    if op.qualifier is None:
        if key_lower in catalog.MULTIVALUED_KEYS and op.base != "Null":
            out.append(("warning", "multivalued-without-qualifier", f"{test.key} can hold several values: use "
                        f"ForAnyValue:{op.base} or ForAllValues:{op.base}", {"key": test.key}))
    elif op.qualifier == "ForAllValues" and allow:
        out.append(("info", "forallvalues-allow", f"ForAllValues is true when {test.key} is missing or empty, "
                    "so this Allow also matches requests without the key", {"key": test.key}))
    if not substitute and "${" in "\x00".join(test.values):
        out.append(("warning", "literal-variable", "policy variables are literal text unless Version is "
                    "\"2012-10-17\"", {}))
    return out


def compile_statement(raw: Any, index: int, path: tuple, policy_type: str, substitute: bool,
                      problems: Problems) -> Statement | None:
    if not isinstance(raw, dict):
        problems.error("type", "a statement must be an object", path)
        return None
    st = Statement()
    st.index, st.path = index, path
    if not _STATEMENT_KEYS.issuperset(raw):
        for key in raw:
            if key not in _STATEMENT_KEYS:
                problems.error("unknown-element", f"statements have no element {key!r}", path + (key,),
                               element=key)
    sid = raw.get("Sid")
    if sid is not None and not isinstance(sid, str):
        problems.error("type", "Sid must be a string", path + ("Sid",))
    st.sid = sid if isinstance(sid, str) else None

    effect = raw.get("Effect")
    if effect not in ("Allow", "Deny"):
        problems.error("bad-effect" if effect is not None else "missing-element",
                       'Effect must be "Allow" or "Deny"' if effect is not None else "the statement has no Effect",
                       path + ("Effect",) if effect is not None else path, value=effect)
    st.allow = effect != "Deny"

    has_action, has_not_action = "Action" in raw, "NotAction" in raw
    if has_action == has_not_action:
        problems.error("action-element", "a statement needs exactly one of Action and NotAction", path)
    elif has_action:
        _compile_actions(st, raw["Action"], path + ("Action",), "Action", problems)
    else:
        st.not_action = True
        _compile_actions(st, raw["NotAction"], path + ("NotAction",), "NotAction", problems)

    has_res, has_not_res = "Resource" in raw, "NotResource" in raw
    if policy_type == "trust":
        if has_res or has_not_res:
            problems.error("trust-resource", "a role trust policy has no Resource: the role itself is the "
                           "resource", path + ("Resource" if has_res else "NotResource",))
    elif has_res == has_not_res:
        if has_res or policy_type != RESOURCELESS:
            problems.error("resource-element", "a statement needs exactly one of Resource and NotResource", path)
    elif has_res:
        _compile_resources(st, raw["Resource"], path + ("Resource",), "Resource", substitute, problems)
    else:
        st.not_resource = True
        _compile_resources(st, raw["NotResource"], path + ("NotResource",), "NotResource", substitute, problems)

    has_p, has_np = "Principal" in raw, "NotPrincipal" in raw
    if policy_type in _NO_PRINCIPAL:
        if has_p or has_np:
            label = {"identity": "an identity-based policy", "boundary": "a permissions boundary",
                     "session": "a session policy", "scp": "an SCP"}[policy_type]
            problems.error("principal-not-allowed", f"{label} cannot have "
                           f"{'Principal' if has_p else 'NotPrincipal'}: it applies to its own principal",
                           path + ("Principal" if has_p else "NotPrincipal",), policy_type=policy_type)
    elif has_p and has_np:
        problems.error("principal-element", "a statement cannot have both Principal and NotPrincipal", path)
    elif not (has_p or has_np):
        problems.error("missing-principal", "a resource-based policy statement needs a Principal", path)
    elif has_np:
        ppath = path + ("NotPrincipal",)
        if policy_type in ("trust", "rcp"):
            problems.error("notprincipal-not-allowed", f"NotPrincipal cannot be used in "
                           f"{'a trust policy' if policy_type == 'trust' else 'an RCP'}", ppath)
        elif st.allow:
            problems.error("notprincipal-allow", "NotPrincipal is only supported with \"Effect\": \"Deny\"", ppath)
        st.not_principal = True
        st.principal = compile_principal(raw["NotPrincipal"], ppath, problems)
    else:
        ppath = path + ("Principal",)
        if policy_type == "rcp" and raw["Principal"] != "*":
            problems.error("rcp-principal", 'an RCP statement must have "Principal": "*"', ppath)
        st.principal = compile_principal(raw["Principal"], ppath, problems)
    if policy_type == "rcp" and st.allow and effect == "Allow":
        problems.error("rcp-allow", "customer RCPs can only Deny (RCPFullAWSAccess is the only Allow)",
                       path + ("Effect",))

    if "Condition" in raw:
        _compile_conditions(st, raw["Condition"], path + ("Condition",), substitute, problems)
    if st.resources and not st.not_resource and not st.not_action and not (st.action_globs or st.action_prefixes):
        _check_services_meet(st, path + ("Resource",), problems)
    return st


def _check_services_meet(st: Statement, path: tuple, problems: Problems) -> None:
    """Warn when no listed resource can belong to any listed action (s3:GetObject on a queue ARN)."""
    arn_services: set[str] = set()
    for action in st.exact_actions:
        service, _, name = action.partition(":")
        known = catalog.arn_services_for_action(service, name)
        if not known:  # unknown, or an action that takes "*"
            return
        arn_services |= known
    for res in st.resources:
        parts = res.split(":", 3)
        if res == "*" or len(parts) < 3 or has_wildcard(parts[2]) or "${" in res or parts[2] in arn_services:
            return
    problems.warn("statement-never-matches", "no listed resource is of a kind these actions act on, so "
                  "the statement can never match", path, services=sorted(arn_services))


def compile_policy(document: Any, policy_type: str, path: tuple = (), problems: Problems | None = None) -> Policy:
    """Check `document` as a policy of `policy_type` and compile it. Never raises for bad input:
    every problem is a Diagnostic in `policy.problems` (errors make the policy unusable)."""
    problems = problems if problems is not None else Problems()
    if not isinstance(document, dict):
        problems.error("type", "a policy document must be a JSON object", path)
        return Policy(policy_type, None, [], problems)
    for key in document:
        if key not in _TOP_KEYS:
            problems.error("unknown-element", f"policies have no top-level element {key!r}", path + (key,),
                           element=key)
    version = document.get("Version")
    if version is not None and version not in VERSIONS:
        problems.error("bad-version", f"Version must be \"2012-10-17\" or \"2008-10-17\", not {version!r}",
                       path + ("Version",), value=version)
    if "Id" in document and not isinstance(document["Id"], str):
        problems.error("type", "Id must be a string", path + ("Id",))
    substitute = version == VARIABLES_VERSION
    raw = document.get("Statement")
    statements: list[Statement] = []
    if raw is None:
        problems.error("missing-element", "the policy has no Statement", path)
    elif isinstance(raw, dict):
        st = compile_statement(raw, 0, path + ("Statement",), policy_type, substitute, problems)
        statements = [st] if st else []
    elif isinstance(raw, list):
        if not raw:
            problems.warn("no-statements", "the policy has no statements: it allows nothing", path + ("Statement",))
        sids: set[str] = set()
        for i, item in enumerate(raw):
            st = compile_statement(item, i, path + ("Statement", i), policy_type, substitute, problems)
            if st is None:
                continue
            if st.sid is not None:
                if st.sid in sids:
                    # "In IAM, the Sid value must be unique within a JSON policy" (reference_policies_elements_sid.html)
                    report = problems.error if policy_type in _IAM_POLICY_TYPES else problems.warn
                    report("duplicate-sid", f"the Sid {st.sid!r} is used twice in this policy",
                           path + ("Statement", i, "Sid"), sid=st.sid)
                sids.add(st.sid)
            statements.append(st)
    else:
        problems.error("type", "Statement must be an object or a list of objects", path + ("Statement",))
    return Policy(policy_type, version, statements, problems)
