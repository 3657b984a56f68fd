"""What only AWS may change (iam-semantics rule 27): the policies may allow it, AWS refuses it.

- roles under /aws-reserved/ (IAM Identity Center's AWSReservedSSO_* roles: AWS Knowledge Center,
  "Why can't I modify the AWSReservedSSO roles?") and /aws-service-role/ (service-linked roles,
  IAM UG using-service-linked-roles.html: only their description may be edited, and they are
  deleted with DeleteServiceLinkedRole);
- KMS aliases under alias/aws/ (KMS DG alias-manage.html: "alias/aws/" is reserved for AWS managed
  keys);
- AWS managed policies (arn:aws:iam::aws:policy/...; IAM UG access_policies_managed-vs-inline.html:
  "You cannot change the permissions defined in AWS managed policies").
"""
from __future__ import annotations

from xviz.engine import catalog
from xviz.engine.arn import parse_arn

# Changes AWS allows on its own roles: passing them, and the service-linked role life cycle.
_ROLE_CHANGES_ALLOWED = frozenset(("passrole", "createservicelinkedrole", "deleteservicelinkedrole",
                                   "updateroledescription"))
_ALIAS_CHANGES = frozenset(("createalias", "deletealias", "updatealias"))


def protected_kind(action_lower: str, resource: str) -> str | None:
    """Why AWS refuses this change whatever the policies say (a short code), or None."""
    arn = parse_arn(resource)
    if arn is None:
        return None
    service, _, name = action_lower.partition(":")
    if service == "kms" and arn.service == "kms" and arn.resource.startswith("alias/aws/"):
        return "aws-kms-alias" if name in _ALIAS_CHANGES else None
    if service != "iam" or arn.service != "iam" or not catalog.action_changes(service, name):
        return None
    if arn.account == "aws" and arn.resource.startswith("policy/"):
        return "aws-managed-policy"
    if arn.resource.startswith("role/aws-reserved/"):
        return "aws-reserved-role" if name != "passrole" else None
    if arn.resource.startswith("role/aws-service-role/"):
        return "service-linked-role" if name not in _ROLE_CHANGES_ALLOWED else None
    return None
