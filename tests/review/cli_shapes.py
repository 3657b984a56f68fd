"""Write an export in the layout of `xviz import`, each file shaped as the AWS CLI prints that command's
output (field names from the AWS CLI reference). Shared by the hand-written sample and the generator."""
from __future__ import annotations

import json
import urllib.parse
from pathlib import Path


def doc(*statements: dict) -> dict:
    return {"Version": "2012-10-17", "Statement": list(statements)}


def allow(action, resource="*", **extra) -> dict:
    return {"Effect": "Allow", "Action": action, "Resource": resource, **extra}


def trust(principal: dict, action="sts:AssumeRole", **extra) -> dict:
    return doc({"Effect": "Allow", "Principal": principal, "Action": action, **extra})


class ExportWriter:
    def __init__(self, root: Path):
        self.root = Path(root)

    def put(self, relative: str, data) -> None:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(data, indent=4), encoding="utf-8")

    # --- organizations --------------------------------------------------------------------------
    def organization(self, org_id: str, management: str, email: str) -> None:
        self.put("organization/describe-organization.json", {"Organization": {
            "Id": org_id, "Arn": f"arn:aws:organizations::{management}:organization/{org_id}",
            "FeatureSet": "ALL", "MasterAccountArn": f"arn:aws:organizations::{management}:account/{org_id}/{management}",
            "MasterAccountId": management, "MasterAccountEmail": email}})

    def roots(self, org_id: str, management: str, root_id: str) -> None:
        self.put("organization/list-roots.json", {"Roots": [{
            "Id": root_id, "Arn": f"arn:aws:organizations::{management}:root/{org_id}/{root_id}", "Name": "Root",
            "PolicyTypes": [{"Type": "SERVICE_CONTROL_POLICY", "Status": "ENABLED"}]}]})

    def ous(self, parent: str, ous: list[tuple[str, str]]) -> None:
        self.put(f"organization/list-organizational-units-for-parent/{parent}.json", {"OrganizationalUnits": [
            {"Id": ou_id, "Arn": f"arn:aws:organizations::000000000000:ou/o-x/{ou_id}", "Name": name}
            for ou_id, name in ous]})

    def accounts(self, parent: str, accounts: list[tuple[str, str, str]]) -> None:
        self.put(f"organization/list-accounts-for-parent/{parent}.json", {"Accounts": [
            {"Id": acct, "Arn": f"arn:aws:organizations::000000000000:account/o-x/{acct}", "Email": email,
             "Name": name, "Status": "ACTIVE", "JoinedMethod": "CREATED", "JoinedTimestamp": "2024-01-01T00:00:00Z"}
            for acct, name, email in accounts]})

    def org_policies(self, ptype: str, policies: list[tuple[str, str, dict, list[str], bool]]) -> None:
        """policies: (id, name, document, target ids, AWS managed)."""
        self.put(f"organization/list-policies-{ptype}.json", {"Policies": [
            {"Id": pid, "Arn": f"arn:aws:organizations::aws:policy/{ptype.lower()}/{pid}", "Name": name,
             "Description": "", "Type": ptype, "AwsManaged": managed} for pid, name, _, _, managed in policies]})
        for pid, name, document, targets, managed in policies:
            self.put(f"organization/describe-policy/{pid}.json", {"Policy": {
                "PolicySummary": {"Id": pid, "Name": name, "Type": ptype, "AwsManaged": managed},
                "Content": json.dumps(document)}})
            self.put(f"organization/list-targets-for-policy/{pid}.json", {"Targets": [
                {"TargetId": t, "Arn": f"arn:aws:organizations::000000000000:target/{t}", "Name": t,
                 "Type": "ROOT" if t.startswith("r-") else "ORGANIZATIONAL_UNIT" if t.startswith("ou-") else "ACCOUNT"}
                for t in targets]})

    # --- IAM ------------------------------------------------------------------------------------
    def authorization_details(self, account: str, users=(), groups=(), roles=(), policies=()) -> None:
        self.put(f"accounts/{account}/authorization-details.json", {
            "UserDetailList": list(users), "GroupDetailList": list(groups), "RoleDetailList": list(roles),
            "Policies": list(policies)})

    def resource(self, account: str, region: str, service: str, name: str, data: dict) -> None:
        self.put(f"accounts/{account}/{region}/{service}/{name}.json", data)


def encoded(document: dict) -> str:
    """A policy as the IAM API returns it: URL-encoded JSON text."""
    return urllib.parse.quote(json.dumps(document))


def user(account, name, path="/", groups=(), inline=None, managed=(), boundary=None, tags=None) -> dict:
    u = {"Path": path, "UserName": name, "UserId": "AIDA" + name.upper()[:8].ljust(8, "X"),
         "Arn": f"arn:aws:iam::{account}:user{path}{name}", "CreateDate": "2024-01-01T00:00:00Z",
         "UserPolicyList": [{"PolicyName": k, "PolicyDocument": encoded(v)} for k, v in (inline or {}).items()],
         "GroupList": list(groups), "AttachedManagedPolicies": [_attached(a) for a in managed],
         "Tags": [{"Key": k, "Value": v} for k, v in (tags or {}).items()]}
    if boundary:
        u["PermissionsBoundary"] = {"PermissionsBoundaryType": "Policy", "PermissionsBoundaryArn": boundary}
    return u


def group(account, name, inline=None, managed=(), path="/") -> dict:
    return {"Path": path, "GroupName": name, "GroupId": "AGPA" + name.upper()[:8],
            "Arn": f"arn:aws:iam::{account}:group{path}{name}", "CreateDate": "2024-01-01T00:00:00Z",
            "GroupPolicyList": [{"PolicyName": k, "PolicyDocument": encoded(v)} for k, v in (inline or {}).items()],
            "AttachedManagedPolicies": [_attached(a) for a in managed]}


def role(account, name, trust_policy, path="/", inline=None, managed=(), boundary=None, tags=None,
         trust_as_text=False) -> dict:
    r = {"Path": path, "RoleName": name, "RoleId": "AROA" + name.upper()[:8],
         "Arn": f"arn:aws:iam::{account}:role{path}{name}", "CreateDate": "2024-01-01T00:00:00Z",
         "AssumeRolePolicyDocument": encoded(trust_policy) if trust_as_text else trust_policy,
         "InstanceProfileList": [],
         "RolePolicyList": [{"PolicyName": k, "PolicyDocument": encoded(v)} for k, v in (inline or {}).items()],
         "AttachedManagedPolicies": [_attached(a) for a in managed],
         "Tags": [{"Key": k, "Value": v} for k, v in (tags or {}).items()], "RoleLastUsed": {}}
    if boundary:
        r["PermissionsBoundary"] = {"PermissionsBoundaryType": "Policy", "PermissionsBoundaryArn": boundary}
    return r


def managed_policy(arn: str, versions: list[dict], default: int, path="/") -> dict:
    """versions: documents v1, v2, …; `default` is the 1-based default version."""
    name = arn.rsplit("/", 1)[-1]
    return {"PolicyName": name, "PolicyId": "ANPA" + name.upper()[:8], "Arn": arn, "Path": path,
            "DefaultVersionId": f"v{default}", "AttachmentCount": 1, "PermissionsBoundaryUsageCount": 0,
            "IsAttachable": True, "CreateDate": "2024-01-01T00:00:00Z", "UpdateDate": "2024-01-01T00:00:00Z",
            "PolicyVersionList": [{"Document": encoded(d), "VersionId": f"v{i}", "IsDefaultVersion": i == default,
                                   "CreateDate": "2024-01-01T00:00:00Z"} for i, d in enumerate(versions, 1)]}


def _attached(arn: str) -> dict:
    return {"PolicyName": arn.rsplit("/", 1)[-1], "PolicyArn": arn}
