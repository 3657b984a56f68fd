"""Generate a big organization scenario for the diagram-at-scale checks.

    python tests/tooling/generate_org.py 80 -o /tmp/org-80.yaml

Accounts are spread over a few OUs (some nested); each account has a deploy role trusted by a central CI
account and a bucket its own role reads. One flow walks the CI user through a few accounts, so the overview
has a current path to show in full.
"""
from __future__ import annotations

import argparse
import json
import sys

OUS = [("ou-gen0-infra001", "Infrastructure", None), ("ou-gen0-wkld0001", "Workloads", None), ("ou-gen0-prod0001", "Production", "ou-gen0-wkld0001"),
       ("ou-gen0-devl0001", "Development", "ou-gen0-wkld0001"), ("ou-gen0-sandbox1", "Sandbox", None), ("ou-gen0-secur001", "Security", None)]
LEAF_OUS = ["ou-gen0-infra001", "ou-gen0-prod0001", "ou-gen0-devl0001", "ou-gen0-sandbox1", "ou-gen0-secur001"]
CI_ACCOUNT = "100000000000"


def _policy(statements: list[dict]) -> str:
    return json.dumps({"Version": "2012-10-17", "Statement": statements}, indent=2)


def _block(text: str, indent: int) -> str:
    pad = " " * indent
    return "|\n" + "\n".join(pad + line for line in text.splitlines())


def _narration(en: str, ja: str) -> list[str]:
    return ["        narration:", f"          en: {en}", f"          ja: {ja}"]


def account_id(index: int) -> str:
    return f"{200000000000 + index:012d}"


def scenario(accounts: int, flow_steps: int = 6) -> str:
    out = ["version: 1", f"id: generated-org-{accounts}", "difficulty: advanced", "title:",
           f"  en: 'Generated organization with {accounts} accounts'",
           f"  ja: '生成した組織（{accounts} アカウント）'", "summary:",
           "  en: A generated organization for drawing big worlds.", "  ja: 大きな組織の描画を確かめるために生成した組織。",
           "docs:", "  - https://docs.aws.amazon.com/organizations/latest/userguide/orgs_introduction.html", "world:", "  region: ap-northeast-1", "  organization:",
           "    id: o-gen0000001", "    root: r-gen0", f'    management_account: "{CI_ACCOUNT}"', "    ous:"]
    for key, name, parent in OUS:
        out.append(f"      {key}: {{name: {name}, parent: {parent or 'r-gen0'}}}")
    out += ["  accounts:", f'    "{CI_ACCOUNT}":', "      name: Management-CI", "      parent: r-gen0"]
    for i in range(accounts):
        out += [f'    "{account_id(i)}":', f"      name: acct-{i:03d}", f"      parent: {LEAF_OUS[i % len(LEAF_OUS)]}"]
    targets = [f"arn:aws:iam::{account_id(i)}:role/Deploy{i:03d}" for i in range(accounts)]
    out += ["  users:", "    ci:", f'      account: "{CI_ACCOUNT}"', "      policies:",
            "        AssumeDeploy: " + _block(_policy([{"Effect": "Allow", "Action": "sts:AssumeRole",
                                                        "Resource": "arn:aws:iam::*:role/Deploy*"}]), 10)]
    out.append("  roles:")
    for i in range(accounts):
        trust = _policy([{"Effect": "Allow", "Principal": {"AWS": f"arn:aws:iam::{CI_ACCOUNT}:root"},
                          "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-gen0000001"}},
                          "Action": "sts:AssumeRole"}])
        perms = _policy([{"Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject"],
                          "Resource": f"arn:aws:s3:::bucket-{i:03d}/*"}])
        out += [f"    Deploy{i:03d}:", f'      account: "{account_id(i)}"', "      trust_policy: " + _block(trust, 8),
                "      policies:", "        Artifacts: " + _block(perms, 10)]
        if i % 7 == 3 and i + 1 < accounts:   # some accounts also trust their neighbour's deploy role
            trust = _policy([{"Effect": "Allow", "Principal": {"AWS": targets[i + 1]}, "Action": "sts:AssumeRole"}])
            out += [f"    Audit{i:03d}:", f'      account: "{account_id(i)}"', "      trust_policy: " + _block(trust, 8)]
    out.append("  resources:")
    for i in range(accounts):
        out += [f"    bucket-{i:03d}:", "      type: s3-bucket", f'      account: "{account_id(i)}"']
    out += ["flows:", "  main:", "    title:", "      en: CI deploys to a few accounts", "      ja: CI がいくつかのアカウントへデプロイする",
            "    steps:"]
    chosen = sorted({(k * 37) % accounts for k in range(min(flow_steps, accounts))})
    for i in chosen:
        out += [f"      - id: assume-{i:03d}", "        actor: {user: ci}", "        action: sts:AssumeRole",
                f"        target: Deploy{i:03d}", "        params:", f"          session_name: ci-{i:03d}",
                "        expect: Allow", *_narration(f"CI borrows Deploy{i:03d}.", f"CI が Deploy{i:03d} ロールを引き受ける。"),
                f"      - id: put-{i:03d}", f"        actor: {{session: ci-{i:03d}}}", "        action: s3:PutObject",
                f"        target: bucket-{i:03d}", "        object: build/app.zip", "        expect: Allow",
                *_narration(f"The session writes to bucket-{i:03d}.", f"セッションが bucket-{i:03d} に書き込む。")]
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("accounts", type=int)
    parser.add_argument("-o", "--output", help="write here (default: stdout)")
    args = parser.parse_args(argv)
    text = scenario(args.accounts)
    if args.output:
        with open(args.output, "w", encoding="utf-8") as handle:
            handle.write(text)
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
