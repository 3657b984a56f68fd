"""Who is calling (the request's principal) and who a policy's Principal element names.

IAM UG reference_policies_elements_principal.html: an account principal (`123…` or
`arn:aws:iam::123…:root`) stands for the whole account and delegates to its IAM policies; a role
ARN matches every session of that role; a session ARN only that session; `"*"` everyone,
anonymous callers included.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from xviz.engine.arn import is_account_id, parse_arn
from xviz.engine.errors import Problems
from xviz.engine.wildcard import has_wildcard

SERVICE_PRINCIPAL = re.compile(r"^[a-z0-9][a-z0-9.-]*\.amazonaws\.com(\.cn)?$")
# The built-in web identity providers, as `Principal: {"Federated": ...}` names them
# (IAM UG id_roles_create_for-idp_oidc.html; STS API Reference, AssumeRoleWithWebIdentity).
WEB_IDENTITY_DOMAINS = frozenset(("cognito-identity.amazonaws.com", "accounts.google.com", "graph.facebook.com",
                                  "www.amazon.com"))
WEB_IDENTITY_ACTION = "sts:assumerolewithwebidentity"
SAML_ACTION = "sts:assumerolewithsaml"
# What a federated provider may call: its sign-in action, and the two a trust policy grants with it
# when the token passes session tags or a source identity.
FEDERATED_EXTRA_ACTIONS = frozenset(("sts:tagsession", "sts:setsourceidentity"))

# How much a resource-policy grant to this kind of principal entry is limited in the same account
# (reference_policies_evaluation-logic.html, access_policies_boundaries.html):
UNLIMITED = "unlimited"   # user ARN, session ARN, "*": implicit denies elsewhere do not limit it
ROLE = "role"             # role ARN: limited by the boundary and session policies, not identity
ACCOUNT = "account"       # account principal: delegates to the account's identity policies
SERVICE = "service"       # a service principal, named
FEDERATED = "federated"   # a SAML/OIDC provider, named


@dataclass(frozen=True)
class Caller:
    """The principal making a request."""

    kind: str            # user | root | session | federated_user | service | anonymous | web_identity
    arn: str | None      # the caller's own ARN (session ARN for sessions); service name for services
    account: str | None  # None for services, anonymous and web identities
    role_arn: str | None = None   # sessions: the role's ARN, with its path
    name: str | None = None       # user name, role name, federated user name

    @property
    def principal_arn(self) -> str | None:
        """The value of aws:PrincipalArn: the role ARN for sessions, never the session ARN."""
        if self.kind == "session":
            return self.role_arn
        if self.kind in ("user", "root", "federated_user"):
            return self.arn
        return None

    @property
    def sign_in_action(self) -> str | None:
        """Federated providers: the STS action they sign in with (lower-case)."""
        if self.kind != "web_identity":
            return None
        return SAML_ACTION if ":saml-provider/" in self.arn else WEB_IDENTITY_ACTION

    @property
    def is_signed(self) -> bool:
        """Signs its requests with its own credentials (IAM users, sessions, root users)."""
        return self.kind in ("user", "session", "federated_user", "root")

    @property
    def is_iam(self) -> bool:
        """Has identity-based policies evaluated (users, role sessions, federated users)."""
        return self.kind in ("user", "session", "federated_user")

    def chain(self) -> list[str]:
        """Every identity AWS may check for this caller, outermost first (for NotPrincipal)."""
        if self.kind == "session":
            return [f"account:{self.account}", f"role:{self.role_arn}", f"session:{self.arn}"]
        if self.kind == "user":
            return [f"account:{self.account}", f"user:{self.arn}"]
        if self.kind == "federated_user":
            return [f"account:{self.account}", f"federated_user:{self.arn}"]
        if self.kind == "root":
            return [f"account:{self.account}"]
        if self.kind == "service":
            return [f"service:{self.arn}"]
        if self.kind == "web_identity":
            return [f"federated:{self.arn}"]
        return ["anonymous"]


def parse_caller(text: str, role_arn: str | None, problems: Problems, path: tuple,
                 principal_kind: str | None = None, action_lower: str = "") -> Caller | None:
    """The request's principal. Problems are reported at `path` (and `role_arn` next to it).

    A name that is both a service and a web identity provider (cognito-identity.amazonaws.com) is
    a service unless `principal_kind` says "federated" or the action is AssumeRoleWithWebIdentity."""
    if text == "anonymous":
        return Caller("anonymous", None, None)
    if text in WEB_IDENTITY_DOMAINS:
        as_service = SERVICE_PRINCIPAL.match(text) and (
            principal_kind == "service" or (principal_kind is None and action_lower != WEB_IDENTITY_ACTION))
        return Caller("service" if as_service else "web_identity", text, None, name=text)
    if SERVICE_PRINCIPAL.match(text):
        return Caller("service", text, None, name=text)
    arn = parse_arn(text)
    if arn is None:
        problems.error("bad-caller", f"{text!r} is not a principal: expected an IAM user ARN, an "
                       "assumed-role or federated-user session ARN, an account root ARN, a service "
                       "principal or \"anonymous\"", path, value=text)
        return None
    if has_wildcard(text):
        problems.error("wildcard-caller", "the caller cannot contain wildcards", path, value=text)
        return None
    if not is_account_id(arn.account):
        problems.error("bad-caller", f"{text!r} has no 12-digit account ID", path, value=text)
        return None
    resource = arn.resource
    if arn.service == "iam" and resource == "root":
        return Caller("root", text, arn.account)
    if arn.service == "iam" and resource.startswith("user/") and len(resource) > 5:
        return Caller("user", text, arn.account, name=resource.rsplit("/", 1)[-1])
    if arn.service == "iam" and resource.startswith("role/"):
        problems.error("role-as-caller", "a role ARN is not a caller: roles act through sessions; use "
                       f"arn:aws:sts::{arn.account}:assumed-role/{resource.rsplit('/', 1)[-1]}/SESSION",
                       path, value=text)
        return None
    if arn.service == "iam" and (resource.startswith("saml-provider/") or resource.startswith("oidc-provider/")):
        return Caller("web_identity", text, None, name=resource)
    if arn.service == "sts" and resource.startswith("assumed-role/"):
        parts = resource.split("/")
        if len(parts) != 3 or not parts[1] or not parts[2]:
            problems.error("bad-caller", "an assumed-role ARN is arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION",
                           path, value=text)
            return None
        role_name = parts[1]
        default_role = f"arn:{arn.partition}:iam::{arn.account}:role/{role_name}"
        if role_arn is None:
            role_arn = default_role
        else:
            given = parse_arn(role_arn)
            if (given is None or given.service != "iam" or given.account != arn.account
                    or not given.resource.startswith("role/") or given.resource.rsplit("/", 1)[-1] != role_name):
                problems.error("role-arn-mismatch", f"role_arn {role_arn!r} is not the role of session "
                               f"{text!r} (expected {default_role} or the same name with a path)",
                               path[:-1] + ("role_arn",), value=role_arn)
                return None
        return Caller("session", text, arn.account, role_arn=role_arn, name=role_name)
    if arn.service == "sts" and resource.startswith("federated-user/") and len(resource) > 15:
        return Caller("federated_user", text, arn.account, name=resource.split("/", 1)[1])
    problems.error("bad-caller", f"{text!r} is not a principal that can make a request", path, value=text)
    return None


class PrincipalSpec:
    """A compiled Principal/NotPrincipal element."""

    __slots__ = ("wildcard", "accounts", "users", "roles", "sessions", "federated_users", "services",
                 "federated", "canonical", "entries")

    def __init__(self) -> None:
        self.wildcard = False
        self.accounts: set[str] = set()
        self.users: set[str] = set()
        self.roles: set[str] = set()
        self.sessions: set[str] = set()
        self.federated_users: set[str] = set()
        self.services: set[str] = set()
        self.federated: set[str] = set()
        self.canonical: set[str] = set()
        self.entries: set[str] = set()   # the chain names listed (for NotPrincipal)

    def match(self, caller: Caller) -> str | None:
        """How the caller is named here (UNLIMITED, ROLE, ACCOUNT, SERVICE, FEDERATED) or None.

        When several entries name the caller, the least limited one is returned.
        """
        kind = caller.kind
        if kind == "user" and caller.arn in self.users:
            return UNLIMITED
        if kind == "session" and caller.arn in self.sessions:
            return UNLIMITED
        if kind == "federated_user" and caller.arn in self.federated_users:
            return UNLIMITED
        if kind == "service" and caller.arn in self.services:
            return SERVICE
        if kind == "web_identity" and caller.arn in self.federated:
            return FEDERATED
        if self.wildcard:
            return UNLIMITED
        if kind == "session" and caller.role_arn in self.roles:
            return ROLE
        if caller.account is not None and caller.account in self.accounts:
            return ACCOUNT
        return None

    def exempts(self, caller: Caller) -> bool:
        """NotPrincipal: is the caller left out of the Deny? Only when every identity AWS may check
        for it (account, then role, then session) is listed (reference_policies_elements_notprincipal.html)."""
        if self.wildcard:
            return True
        return all(name in self.entries for name in caller.chain())


def compile_principal(value, path: tuple, problems: Problems) -> PrincipalSpec:
    spec = PrincipalSpec()
    if value == "*":
        spec.wildcard = True
        return spec
    if not isinstance(value, dict) or not value:
        problems.error("bad-principal", 'Principal must be "*" or an object such as {"AWS": [...]}, '
                       '{"Service": ...}, {"Federated": ...}', path)
        return spec
    for kind, entries in value.items():
        kpath = path + (kind,)
        items = entries if isinstance(entries, list) else [entries]
        if isinstance(entries, list) and not entries:
            problems.error("empty-list", f"Principal {kind} is an empty list", kpath)
        for i, item in enumerate(items):
            ipath = kpath + (i,) if isinstance(entries, list) else kpath
            if not isinstance(item, str):
                problems.error("type", f"a Principal {kind} entry must be a string", ipath)
                continue
            if kind == "AWS":
                _add_aws(spec, item, ipath, problems)
            elif kind == "Service":
                if not SERVICE_PRINCIPAL.match(item):
                    problems.error("bad-principal", f"{item!r} is not a service principal (name.amazonaws.com)",
                                   ipath, value=item)
                spec.services.add(item)
                spec.entries.add(f"service:{item}")
            elif kind == "Federated":
                arn = parse_arn(item)
                if not (item in WEB_IDENTITY_DOMAINS or (arn and arn.service == "iam" and (
                        arn.resource.startswith("saml-provider/") or arn.resource.startswith("oidc-provider/")))):
                    problems.warn("unknown-federated-principal", f"{item!r} is not a known identity provider",
                                  ipath, value=item)
                spec.federated.add(item)
                spec.entries.add(f"federated:{item}")
            elif kind == "CanonicalUser":
                spec.canonical.add(item)
            else:
                problems.error("bad-principal-type", f"unknown principal type {kind!r}: expected AWS, "
                               "Service, Federated or CanonicalUser", kpath, value=kind)
                break
    return spec


def _add_aws(spec: PrincipalSpec, item: str, path: tuple, problems: Problems) -> None:
    if item == "*":
        spec.wildcard = True
        return
    if is_account_id(item):
        spec.accounts.add(item)
        spec.entries.add(f"account:{item}")
        return
    arn = parse_arn(item)
    if arn is None or not is_account_id(arn.account):
        problems.error("bad-principal", f"{item!r} is not a valid AWS principal: expected an account ID or "
                       "the ARN of an account root, user, role or session", path, value=item)
        return
    if has_wildcard(item):
        problems.error("principal-wildcard", "a principal ARN cannot contain wildcards; use \"*\" with a "
                       "condition on aws:PrincipalArn instead", path, value=item)
        return
    res = arn.resource
    if arn.service == "iam" and res == "root":
        spec.accounts.add(arn.account)
        spec.entries.add(f"account:{arn.account}")
    elif arn.service == "iam" and res.startswith("user/"):
        spec.users.add(item)
        spec.entries.add(f"user:{item}")
    elif arn.service == "iam" and res.startswith("role/"):
        spec.roles.add(item)
        spec.entries.add(f"role:{item}")
    elif arn.service == "sts" and res.startswith("assumed-role/") and res.count("/") == 2:
        spec.sessions.add(item)
        spec.entries.add(f"session:{item}")
    elif arn.service == "sts" and res.startswith("federated-user/"):
        spec.federated_users.add(item)
        spec.entries.add(f"federated_user:{item}")
    else:
        problems.error("bad-principal", f"{item!r} cannot be a principal (groups, policies and other "
                       "resources are not principals)", path, value=item)
