"""Turn an export (see `export.py`) into scenario data that `writer.py` prints as an ordinary scenario file.

What comes from where:
- organization/…: the organization, its OU tree, member accounts, SCPs and RCPs on their targets;
- accounts/<id>/authorization-details.json: users (with groups), groups, roles (with paths and
  tags), inline policies, managed policies at their default version, permissions boundaries;
- accounts/<id>/<region>/<service>/…: resource-based policies;
- trust policies: the SAML/OIDC providers they name (and, when present,
  accounts/<id>/list-saml-providers.json / list-open-id-connect-providers.json);
- resource policies: the service principals they name (world.services);
- any 12-digit account a trust or resource policy names but the export lacks: an external account.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from xviz.review.export import Export, expect, policy_document, read_json, scan
from xviz.scenario.errors import Problem, ScenarioError

PROVIDER_ARN = re.compile(r"^arn:aws[a-z-]*:iam::(\d{12}):(saml|oidc)-provider/(.+)$")
ACCOUNT_IN_PRINCIPAL = re.compile(r"^(?:arn:aws[a-z-]*:(?:iam|sts)::)?(\d{12})(?::|$)")
_AWS_MANAGED_RCP = "RCPFullAWSAccess"  # implied by the scenario format


@dataclass
class Policy:
    """A policy document the writer prints as a JSON literal block."""

    document: Any


def principals_of(document: Any, kind: str) -> list[str]:
    """Every value of Principal.<kind> ("AWS", "Service", "Federated") in a policy; "*" for Principal: "*"."""
    found: list[str] = []
    statements = document.get("Statement", []) if isinstance(document, dict) else []
    for st in statements if isinstance(statements, list) else [statements]:
        principal = st.get("Principal") if isinstance(st, dict) else None
        if principal == "*":
            found.append("*")
        elif isinstance(principal, dict):
            values = principal.get(kind, [])
            found += [values] if isinstance(values, str) else [v for v in values if isinstance(v, str)]
    return found


class _Keys:
    """World keys: the AWS name when unique across the export, else NAME-ACCOUNT (scenario keys are unique)."""

    def __init__(self, names: list[tuple[str, str]]):
        self.counts = Counter(name for name, _ in names)
        self.used: set[str] = set()

    def key(self, name: str, account: str, extra: str = "") -> str:
        key = name if self.counts[name] == 1 else f"{name}-{account}"
        if key in self.used:
            key = f"{key}-{extra}" if extra else key
        n = 2
        base = key
        while key in self.used:
            key, n = f"{base}-{n}", n + 1
        self.used.add(key)
        return key


class Importer:
    def __init__(self, export: Export):
        self.x = export
        self.warnings: list[str] = []
        self.world: dict[str, Any] = {}
        self.accounts: dict[str, dict] = {}
        self.emails: set[str] = set()
        self.where: Path = export.root  # the file being read or turned into scenario data

    def read(self, path: Path) -> Any:
        self.where = path
        return read_json(path)

    # --- organization ---------------------------------------------------------------------------
    def organization(self) -> dict | None:
        x = self.x
        if not x.org_file("describe-organization.json").is_file():
            return None
        path = x.org_file("describe-organization.json")
        org = expect(self.read(path), "Organization", path, dict)
        path = x.org_file("list-roots.json")
        root = expect(self.read(path), "Roots", path)[0]["Id"]
        ous: dict[str, dict] = {}
        parents = [root]
        while parents:  # walk the OU tree from the root
            parent = parents.pop(0)
            path = x.org_file("list-organizational-units-for-parent", f"{parent}.json")
            for ou in expect(self.read(path), "OrganizationalUnits", path) if path.is_file() else []:
                ous[ou["Id"]] = {"name": ou.get("Name") or ou["Id"], "parent": parent}
                parents.append(ou["Id"])
            path = x.org_file("list-accounts-for-parent", f"{parent}.json")
            for acct in expect(self.read(path), "Accounts", path) if path.is_file() else []:
                self.accounts[acct["Id"]] = {"name": acct.get("Name") or acct["Id"], "parent": parent}
                self.emails.add(acct.get("Email") or "")
        self.emails.add(org.get("MasterAccountEmail") or "")
        result: dict[str, Any] = {"id": org["Id"], "root": root, "management_account": org.get("MasterAccountId")}
        if result["management_account"] not in self.accounts:
            self.accounts[result["management_account"]] = {"name": "Management", "parent": root}
        result["ous"] = ous
        targets = {root, *ous, *self.accounts}
        for kind, ptype in (("scps", "SERVICE_CONTROL_POLICY"), ("rcps", "RESOURCE_CONTROL_POLICY")):
            result[kind] = self._org_policies(ptype, targets)
        if "FullAWSAccess" in result["scps"]:
            result["implicit_full_aws_access"] = False  # the export says where AWS's policy sits
        return result

    def _org_policies(self, ptype: str, targets: set[str]) -> dict[str, dict]:
        path = self.x.org_file(f"list-policies-{ptype}.json")
        found: dict[str, dict] = {}
        for summary in expect(self.read(path), "Policies", path) if path.is_file() else []:
            if summary.get("Name") == _AWS_MANAGED_RCP:
                continue
            described = self.x.org_file("describe-policy", f"{summary['Id']}.json")
            content = expect(self.read(described), "Policy", described, dict).get("Content")
            tpath = self.x.org_file("list-targets-for-policy", f"{summary['Id']}.json")
            attach = [t["TargetId"] for t in (expect(self.read(tpath), "Targets", tpath) if tpath.is_file() else [])
                      if t["TargetId"] in targets]
            if not attach:
                continue  # attached nowhere: it decides nothing
            name = summary.get("Name") or summary["Id"]
            found[name if name not in found else f"{name}-{summary['Id']}"] = {
                "attach": attach, "document": Policy(policy_document(content, described))}
        return found

    # --- IAM ------------------------------------------------------------------------------------
    def iam(self) -> None:
        details = {acct: self.read(folder / "authorization-details.json") for acct, folder in self.x.accounts.items()}
        names = []
        for acct, d in details.items():
            self.where = self.x.accounts[acct] / "authorization-details.json"
            names += [(u["UserName"], acct) for u in d.get("UserDetailList", [])]
            names += [(r["RoleName"], acct) for r in d.get("RoleDetailList", [])]
        names += [(r.name.rsplit("/", 1)[-1], r.account) for r in self.x.resources]
        self.keys = _Keys(names)
        self.managed: dict[str, str] = {}  # policy ARN -> managed_policies key
        managed_docs: dict[str, tuple[str, Any]] = {}  # ARN -> (name, document)
        w = self.world
        w["managed_policies"], w["groups"], w["users"], w["roles"] = {}, {}, {}, {}
        for acct, d in details.items():
            where = self.where = self.x.accounts[acct] / "authorization-details.json"
            for p in d.get("Policies", []):
                managed_docs[p["Arn"]] = (p["PolicyName"], p.get("Path", "/"), self._default_version(p, where))
        mkeys = _Keys([(name, arn.split(":")[4]) for arn, (name, _, _) in managed_docs.items()])
        self._managed_docs, self._mkeys = managed_docs, mkeys
        group_keys = _Keys([(g["GroupName"], a) for a, d in details.items() for g in d.get("GroupDetailList", [])])
        for acct, d in details.items():
            where = self.where = self.x.accounts[acct] / "authorization-details.json"
            gkeys = {}
            for g in d.get("GroupDetailList", []):
                key = gkeys[g["GroupName"]] = group_keys.key(g["GroupName"], acct)
                w["groups"][key] = {"account": acct, "name": g["GroupName"], "path": g.get("Path", "/"),
                                    "policies": self._inline(g.get("GroupPolicyList", []), where),
                                    "managed_policies": self._attach(g.get("AttachedManagedPolicies", []))}
            for u in d.get("UserDetailList", []):
                key = self.keys.key(u["UserName"], acct)
                w["users"][key] = {**self._principal(u, u["UserName"], acct, "UserPolicyList", where),
                                   "groups": [gkeys[g] for g in u.get("GroupList", []) if g in gkeys]}
            for r in d.get("RoleDetailList", []):
                key = self.keys.key(r["RoleName"], acct)
                trust = policy_document(r.get("AssumeRolePolicyDocument") or {}, where)
                w["roles"][key] = {**self._principal(r, r["RoleName"], acct, "RolePolicyList", where),
                                   "trust_policy": Policy(trust)}

    @staticmethod
    def _default_version(p: dict, where: Path) -> Any:
        versions = p.get("PolicyVersionList", [])
        chosen = next((v for v in versions if v.get("IsDefaultVersion")), None) or next(
            (v for v in versions if v.get("VersionId") == p.get("DefaultVersionId")), None)
        return policy_document(chosen["Document"], where) if chosen else None

    def _managed_key(self, arn: str) -> str | None:
        if arn in self.managed:
            return self.managed[arn]
        if arn not in self._managed_docs or self._managed_docs[arn][2] is None:
            self.warnings.append(f"managed policy {arn} is attached but not in the export: left out")
            self.managed[arn] = None
            return None
        name, path, document = self._managed_docs[arn]
        owner = arn.split(":")[4]
        key = self.managed[arn] = self._mkeys.key(name, owner)
        entry = {"name": name, "path": path, "document": Policy(document)}
        self.world["managed_policies"][key] = ({"account": owner, **entry} if owner != "aws" else entry)
        return key

    def _attach(self, attached: list[dict]) -> list[str]:
        keys = [self._managed_key(a["PolicyArn"]) for a in attached]
        return [k for k in keys if k]

    @staticmethod
    def _inline(policies: list[dict], where: Path) -> dict[str, Policy]:
        return {p["PolicyName"]: Policy(policy_document(p["PolicyDocument"], where)) for p in policies}

    def _principal(self, p: dict, name: str, acct: str, inline_key: str, where: Path) -> dict:
        entry: dict[str, Any] = {"account": acct, "name": name, "path": p.get("Path", "/")}
        tags = {t["Key"]: t.get("Value", "") for t in p.get("Tags", [])}
        if tags:
            entry["tags"] = tags
        entry["policies"] = self._inline(p.get(inline_key, []), where)
        entry["managed_policies"] = self._attach(p.get("AttachedManagedPolicies", []))
        boundary_arn = (p.get("PermissionsBoundary") or {}).get("PermissionsBoundaryArn")
        if boundary_arn:
            found = self._managed_docs.get(boundary_arn)
            if found and found[2] is not None:
                entry["boundary"] = {"name": found[0], "document": Policy(found[2])}
            else:
                self.warnings.append(f"{name} in {acct}: permissions boundary {boundary_arn} is not in the export: left out")
        return entry

    # --- resources ------------------------------------------------------------------------------
    def resources(self) -> None:
        found: dict[str, dict] = {}
        for r in self.x.resources:
            data = self.read(r.path)
            text, arn = _RESOURCE_POLICY[r.type](data)
            entry: dict[str, Any] = {"type": r.type, "account": r.account, "region": r.region}
            if r.type == "kms-key":
                entry["id"] = r.name
            else:
                entry["name"] = r.name
            if arn:
                entry["arn"] = arn
            if text:
                entry["policy"] = Policy(policy_document(text, r.path))
            found[self.keys.key(r.name.rsplit("/", 1)[-1], r.account, r.region)] = entry
        self.world["resources"] = found

    # --- what the policies name -----------------------------------------------------------------
    def named_parties(self) -> None:
        """Identity providers from trust policies, service principals from resource policies, and
        accounts named in either that the export lacks (external accounts)."""
        w = self.world
        providers: dict[str, tuple[str, str, str]] = {}  # ARN -> (account, type, name)
        for acct, folder in self.x.accounts.items():
            for fname, key in (("list-saml-providers.json", "SAMLProviderList"),
                               ("list-open-id-connect-providers.json", "OpenIDConnectProviderList")):
                if (folder / fname).is_file():
                    for item in expect(self.read(folder / fname), key, folder / fname):
                        self._provider(item["Arn"], providers)
        services: set[str] = set()
        named_accounts: set[str] = set()
        for role in w["roles"].values():
            for arn in principals_of(role["trust_policy"].document, "Federated"):
                self._provider(arn, providers)
            named_accounts |= _accounts_named(role["trust_policy"].document)
        for res in w["resources"].values():
            if "policy" in res:
                services |= set(principals_of(res["policy"].document, "Service"))
                named_accounts |= _accounts_named(res["policy"].document)
        keys = _Keys([(name.split("/")[0], acct) for acct, _, name in providers.values()])
        w["identity_providers"] = {}
        for arn, (acct, ptype, name) in sorted(providers.items()):
            key = keys.key(name.split("/")[0], acct)
            if key in self.keys.used:
                key = f"{key}-provider"
            self.keys.used.add(key)
            w["identity_providers"][key] = {"type": ptype, "account": acct, "name": name}
        w["services"] = {s: {"principal": s} for s in sorted(services) if s.endswith((".amazonaws.com", ".amazonaws.com.cn"))}
        for acct in sorted(named_accounts - set(self.accounts) - set(self.x.accounts)):
            self.accounts[acct] = {"name": f"External {acct}", "external": True}

    def _provider(self, arn: str, providers: dict) -> None:
        match = PROVIDER_ARN.match(arn)
        if match and match.group(1) in self.x.accounts:
            providers[arn] = (match.group(1), match.group(2), match.group(3))

    # --- the whole scenario ---------------------------------------------------------------------
    def scenario(self) -> dict:
        org = self.organization()
        self.iam()
        self.resources()
        self.named_parties()
        for acct in self.x.accounts:
            self.accounts.setdefault(acct, {"name": acct})
        for section in ("users", "roles", "resources"):
            for entry in self.world[section].values():
                self.accounts.setdefault(entry["account"], {"name": entry["account"]})
        regions = Counter(r.region for r in self.x.resources)
        region = regions.most_common(1)[0][0] if regions else "us-east-1"
        for res in self.world["resources"].values():
            if res["region"] == region:
                res.pop("region")
        world: dict[str, Any] = {"region": region}
        if org:
            world["organization"] = org
        world["accounts"] = dict(sorted(self.accounts.items()))
        world.update((k, v) for k, v in self.world.items() if v)
        title_id = org["id"] if org else ", ".join(sorted(self.x.accounts))
        first = org["management_account"] if org else sorted(self.accounts)[0]
        return {
            "version": 1,
            "id": "imported-" + (org["id"] if org else "accounts"),
            "difficulty": "advanced",
            "title": {"en": f"Imported: {title_id}", "ja": f"インポート: {title_id}"},
            "summary": {
                "en": "An architecture imported from an AWS CLI export by `xviz import`. Ask `xviz who-can` "
                      "and `xviz reach` about it, or add flows of your own.",
                "ja": "`xviz import` で AWS CLI のエクスポートから取り込んだ構成です。`xviz who-can` や "
                      "`xviz reach` で問い合わせるか、独自のフローを追加してください。"},
            "world": world,
            "flows": {"review": {
                "title": {"en": "Who am I", "ja": "呼び出し元の確認"},
                "steps": [{"id": "whoami", "actor": {"root": first}, "action": "sts:GetCallerIdentity",
                           "target": "*",
                           "narration": {"en": "The account's root user asks STS who it is: a first request "
                                               "to start from.",
                                         "ja": "アカウントのルートユーザーが STS に自分が誰かを尋ねます。"
                                               "ここから始めるための最初のリクエストです。"}}]}},
        }


def _accounts_named(document: Any) -> set[str]:
    found = set()
    for value in principals_of(document, "AWS"):
        match = ACCOUNT_IN_PRINCIPAL.match(value)
        if match:
            found.add(match.group(1))
    return found


# Where each command's output keeps the policy text (and an ARN the file gives).
_RESOURCE_POLICY = {
    "s3-bucket": lambda d: (d.get("Policy"), None),
    "kms-key": lambda d: (d.get("Policy"), None),
    "sqs-queue": lambda d: ((d.get("Attributes") or {}).get("Policy"), (d.get("Attributes") or {}).get("QueueArn")),
    "sns-topic": lambda d: ((d.get("Attributes") or {}).get("Policy"), (d.get("Attributes") or {}).get("TopicArn")),
    "lambda-function": lambda d: (d.get("Policy"), None),
    "secret": lambda d: (d.get("ResourcePolicy"), d.get("ARN")),
    "ecr-repository": lambda d: (d.get("policyText"), None),
}


@dataclass
class Imported:
    data: dict  # scenario data; policies are Policy objects
    warnings: list[str]
    emails: list[str]  # account emails the export holds (the scenario format has no place for them)


def import_export(root: str | Path) -> Imported:
    importer = Importer(scan(root))
    try:
        data = importer.scenario()
    except (KeyError, IndexError, TypeError, AttributeError) as exc:  # a field missing or of another type
        missing = f"no {exc}" if isinstance(exc, KeyError) else str(exc)
        raise ScenarioError([Problem("export_shape", f"unexpected content ({missing})",
                                     "keep the AWS CLI's JSON output of this command unchanged",
                                     str(importer.where))]) from None
    return Imported(data, importer.warnings, sorted(e for e in importer.emails if e))
