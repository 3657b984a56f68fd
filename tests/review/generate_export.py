"""Generate a large organization as an AWS CLI export (the layout of `xviz import`), for `xviz bench review`.

    python tests/review/generate_export.py OUT_DIR [--accounts 300] [--roles-per-account 10]

Deterministic. Account 1 is the management account, 2 the security account (an Auditor role that
every account's ReadOnlyAudit role trusts), 3 the tools account (a GitHub OIDC provider, a CI role
that every account's Deploy role trusts, developers in a group with a two-version managed policy
and a permissions boundary). Every other account: OrganizationAccountAccessRole, Deploy,
ReadOnlyAudit, a Chain role that may assume the next account's Deploy role, application roles
for Lambda, and a data bucket whose policy lets the Auditor read.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from cli_shapes import ExportWriter, allow, doc, group, managed_policy, role, trust, user  # noqa: E402

ROOT = "r-ab12"
ORG = "o-ab12cd34ef"
REGION = "us-east-1"
ADMIN = "arn:aws:iam::aws:policy/AdministratorAccess"
READONLY = "arn:aws:iam::aws:policy/ReadOnlyAccess"
TEAMS = 10


def account_id(n: int) -> str:
    return f"{200000000000 + n * 7:012d}"


def generate(out: Path, accounts: int = 300, roles_per_account: int = 10) -> dict:
    """Write the export; returns what the bench asks about it."""
    x = ExportWriter(out)
    ids = [account_id(n) for n in range(1, accounts + 1)]
    mgmt, security, tools = ids[0], ids[1], ids[2]
    auditor = f"arn:aws:iam::{security}:role/Auditor"
    ci = f"arn:aws:iam::{tools}:role/ci/GitHubCI"
    oidc = f"arn:aws:iam::{tools}:oidc-provider/token.actions.githubusercontent.com"
    ous = [(f"ou-ab12-team{t:04d}", f"Team{t:02d}") for t in range(1, TEAMS + 1)]
    x.organization(ORG, mgmt, f"aws+{mgmt}@example.org")
    x.roots(ORG, mgmt, ROOT)
    x.ous(ROOT, [("ou-ab12-core0001", "Core"), ("ou-ab12-wkld0001", "Workloads")])
    x.ous("ou-ab12-wkld0001", ous)
    x.accounts(ROOT, [(mgmt, "Management", f"aws+{mgmt}@example.org")])
    x.accounts("ou-ab12-core0001", [(a, name, f"aws+{a}@example.org") for a, name in ((security, "Security"),
                                                                                     (tools, "Tools"))])
    workloads = ids[3:]
    for t, (ou_id, _) in enumerate(ous):
        x.accounts(ou_id, [(a, f"Workload {a}", f"aws+{a}@example.org") for a in workloads[t::TEAMS]])
    x.org_policies("SERVICE_CONTROL_POLICY", [
        ("p-denyleave1", "DenyLeaveOrganization",
         doc({"Effect": "Deny", "Action": "organizations:LeaveOrganization", "Resource": "*"}), [ROOT], False),
        ("p-regions01", "RegionLock", doc({"Effect": "Deny", "NotAction": ["iam:*", "sts:*", "organizations:*"],
                                           "Resource": "*", "Condition": {"StringNotEquals": {
                                               "aws:RequestedRegion": [REGION, "eu-west-1"]}}}),
         ["ou-ab12-wkld0001"], False)])
    admin = managed_policy(ADMIN, [doc(allow("*"))], 1)
    readonly = managed_policy(READONLY, [doc(allow(["s3:Get*", "s3:List*", "iam:Get*", "iam:List*"]))], 1)
    x.authorization_details(mgmt, roles=[role(mgmt, "OrganizationAccountAccessRole",
                                              trust({"AWS": f"arn:aws:iam::{mgmt}:root"}), managed=[ADMIN])],
                            policies=[admin])
    x.authorization_details(security, roles=[role(security, "Auditor", trust({"AWS": f"arn:aws:iam::{security}:root"}),
                                                  inline={"AssumeAudit": doc(allow("sts:AssumeRole",
                                                                                   "arn:aws:iam::*:role/ReadOnlyAudit"),
                                                                             allow("s3:GetObject"))})])
    _tools(x, tools, ci, oidc)
    for i, acct in enumerate(workloads):
        _workload(x, acct, workloads[(i + 1) % len(workloads)], auditor, ci, roles_per_account, admin, readonly)
    return {"action": "s3:GetObject", "resource": f"arn:aws:s3:::data-{workloads[0]}/report.csv",
            "from": f"arn:aws:iam::{tools}:user/dev001"}


def _tools(x: ExportWriter, tools: str, ci: str, oidc: str) -> None:
    dev = f"arn:aws:iam::{tools}:policy/DeveloperAccess"
    boundary = f"arn:aws:iam::{tools}:policy/DeveloperBoundary"
    x.authorization_details(tools, groups=[group(tools, "Developers", managed=[dev])], users=[
        user(tools, f"dev{n:03d}", groups=["Developers"], boundary=boundary) for n in range(1, 21)], roles=[
        role(tools, "GitHubCI", trust({"Federated": oidc}, "sts:AssumeRoleWithWebIdentity", Condition={
            "StringLike": {"token.actions.githubusercontent.com:sub": "repo:example-org/*"}}), path="/ci/",
             inline={"Deploy": doc(allow("sts:AssumeRole", "arn:aws:iam::*:role/Deploy"))})],
        policies=[managed_policy(dev, [doc(allow("*")), doc(allow(["sts:AssumeRole", "s3:GetObject"]))], 2),
                  managed_policy(boundary, [doc(allow(["sts:AssumeRole", "s3:Get*"]))], 1)])
    x.put(f"accounts/{tools}/list-open-id-connect-providers.json", {"OpenIDConnectProviderList": [{"Arn": oidc}]})


def _workload(x: ExportWriter, acct: str, next_acct: str, auditor: str, ci: str, roles_per_account: int,
              admin: dict, readonly: dict) -> None:
    roles = [
        role(acct, "OrganizationAccountAccessRole", trust({"AWS": f"arn:aws:iam::{account_id(1)}:root"}),
             managed=[ADMIN]),
        role(acct, "Deploy", trust({"AWS": ci}), inline={"Deploy": doc(allow(["lambda:*", "s3:PutObject"]))}),
        role(acct, "ReadOnlyAudit", trust({"AWS": auditor}), managed=[READONLY]),
        role(acct, "Chain", trust({"AWS": f"arn:aws:iam::{acct}:root"}),
             inline={"Next": doc(allow("sts:AssumeRole", f"arn:aws:iam::{next_acct}:role/Deploy"))}),
    ]
    for n in range(max(0, roles_per_account - len(roles))):
        roles.append(role(acct, f"App{n:02d}", trust({"Service": "lambda.amazonaws.com"}), path="/app/",
                          inline={"Data": doc(allow("s3:GetObject", f"arn:aws:s3:::data-{acct}/*"),
                                              allow("sqs:SendMessage", f"arn:aws:sqs:{REGION}:{acct}:*"))}))
    x.authorization_details(acct, roles=roles[:max(roles_per_account, 1)], policies=[admin, readonly])
    x.resource(acct, REGION, "s3", f"data-{acct}", {"Policy": __import__("json").dumps(doc(
        {"Sid": "AuditRead", "Effect": "Allow", "Principal": {"AWS": auditor}, "Action": "s3:GetObject",
         "Resource": f"arn:aws:s3:::data-{acct}/*"}))})


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path)
    parser.add_argument("--accounts", type=int, default=300)
    parser.add_argument("--roles-per-account", type=int, default=10)
    args = parser.parse_args(argv)
    asked = generate(args.out, max(args.accounts, 4), args.roles_per_account)
    print(f"{args.out}: {args.accounts} accounts; try: xviz bench review {args.out} --action {asked['action']} "
          f"--resource {asked['resource']} --from {asked['from']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
