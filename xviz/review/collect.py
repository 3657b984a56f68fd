"""Write an export for `xviz import` by running read-only AWS CLI commands (list, get, describe).

From the organization's management account (or a delegated administrator), for every account the
profile can reach: the profile itself for its own account, `sts assume-role` into ROLE_NAME for the
others (an account it cannot enter stays outside the export). Nothing is ever changed in AWS.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

# Errors that mean "this resource has no policy": the export keeps the resource with an empty object.
NO_POLICY = ("NoSuchBucketPolicy", "ResourceNotFoundException", "RepositoryPolicyNotFoundException")


class AwsError(Exception):
    pass


@dataclass
class Aws:
    """Runs `aws … --output json`; credentials from a profile or from an assumed role's keys."""

    profile: str | None = None
    env: dict[str, str] | None = None
    calls: list[list[str]] = field(default_factory=list)

    def __call__(self, *args: str, region: str | None = None) -> Any:
        cmd = ["aws", *args, "--output", "json"]
        if region:
            cmd += ["--region", region]
        if self.profile and self.env is None:
            cmd += ["--profile", self.profile]
        self.calls.append(cmd)
        env = None if self.env is None else {**{k: v for k, v in os.environ.items() if k != "AWS_PROFILE"}, **self.env}
        try:
            done = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=600)
        except FileNotFoundError:
            raise AwsError("the AWS CLI (`aws`) is not installed or not on PATH") from None
        if done.returncode != 0:
            raise AwsError(done.stderr.strip() or f"{' '.join(args)} failed")
        return json.loads(done.stdout) if done.stdout.strip() else {}

    def assumed(self, role_arn: str) -> "Aws":
        creds = self("sts", "assume-role", "--role-arn", role_arn, "--role-session-name", "xviz-collect")["Credentials"]
        return Aws(env={"AWS_ACCESS_KEY_ID": creds["AccessKeyId"], "AWS_SECRET_ACCESS_KEY": creds["SecretAccessKey"],
                        "AWS_SESSION_TOKEN": creds["SessionToken"]}, calls=self.calls)


class Collector:
    def __init__(self, out: Path, aws: Aws, role_name: str, regions: list[str],
                 progress: Callable[[int, int, str], None] | None = None):
        self.out, self.aws, self.role_name, self.regions = Path(out), aws, role_name, regions
        self.progress = progress or (lambda done, total, label: None)
        self.warnings: list[str] = []

    def save(self, relative: str, data: Any) -> None:
        path = self.out / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")

    # --- organization ---------------------------------------------------------------------------
    def organization(self) -> list[str]:
        """Save the organization; return its active account ids (or [] when there is none to read)."""
        aws, save = self.aws, self.save
        try:
            save("organization/describe-organization.json", aws("organizations", "describe-organization"))
        except AwsError as err:
            self.warnings.append(f"no organization read ({_short(err)}): only the profile's own account")
            return []
        roots = aws("organizations", "list-roots")
        save("organization/list-roots.json", roots)
        accounts, parents = [], [r["Id"] for r in roots["Roots"]]
        while parents:
            parent = parents.pop(0)
            ous = aws("organizations", "list-organizational-units-for-parent", "--parent-id", parent)
            save(f"organization/list-organizational-units-for-parent/{parent}.json", ous)
            parents += [ou["Id"] for ou in ous["OrganizationalUnits"]]
            found = aws("organizations", "list-accounts-for-parent", "--parent-id", parent)
            save(f"organization/list-accounts-for-parent/{parent}.json", found)
            accounts += [a["Id"] for a in found["Accounts"] if a.get("Status", "ACTIVE") == "ACTIVE"]
        for ptype in ("SERVICE_CONTROL_POLICY", "RESOURCE_CONTROL_POLICY"):
            try:
                policies = aws("organizations", "list-policies", "--filter", ptype)
            except AwsError as err:  # the policy type may be disabled
                self.warnings.append(f"{ptype}: {_short(err)}")
                continue
            save(f"organization/list-policies-{ptype}.json", policies)
            for p in policies["Policies"]:
                save(f"organization/describe-policy/{p['Id']}.json",
                     aws("organizations", "describe-policy", "--policy-id", p["Id"]))
                save(f"organization/list-targets-for-policy/{p['Id']}.json",
                     aws("organizations", "list-targets-for-policy", "--policy-id", p["Id"]))
        return accounts

    # --- one account ----------------------------------------------------------------------------
    def account(self, account: str, aws: Aws) -> None:
        base = f"accounts/{account}"
        self.save(f"{base}/authorization-details.json", aws("iam", "get-account-authorization-details"))
        self.save(f"{base}/list-saml-providers.json", aws("iam", "list-saml-providers"))
        self.save(f"{base}/list-open-id-connect-providers.json", aws("iam", "list-open-id-connect-providers"))
        for bucket in aws("s3api", "list-buckets").get("Buckets", []):
            name = bucket["Name"]
            region = aws("s3api", "get-bucket-location", "--bucket", name).get("LocationConstraint") or "us-east-1"
            self._policy(f"{base}/{region}/s3/{name}.json", aws, "s3api", "get-bucket-policy", "--bucket", name)
        for region in self.regions:
            self._regional(base, region, aws)

    def _regional(self, base: str, region: str, aws: Aws) -> None:
        at = f"{base}/{region}"
        for key in aws("kms", "list-keys", region=region).get("Keys", []):
            self._policy(f"{at}/kms/{key['KeyId']}.json", aws, "kms", "get-key-policy", "--key-id", key["KeyId"],
                         "--policy-name", "default", region=region)
        for url in aws("sqs", "list-queues", region=region).get("QueueUrls", []):
            self._policy(f"{at}/sqs/{url.rsplit('/', 1)[-1]}.json", aws, "sqs", "get-queue-attributes",
                         "--queue-url", url, "--attribute-names", "All", region=region)
        for topic in aws("sns", "list-topics", region=region).get("Topics", []):
            arn = topic["TopicArn"]
            self._policy(f"{at}/sns/{arn.rsplit(':', 1)[-1]}.json", aws, "sns", "get-topic-attributes",
                         "--topic-arn", arn, region=region)
        for fn in aws("lambda", "list-functions", region=region).get("Functions", []):
            self._policy(f"{at}/lambda/{fn['FunctionName']}.json", aws, "lambda", "get-policy",
                         "--function-name", fn["FunctionName"], region=region)
        for secret in aws("secretsmanager", "list-secrets", region=region).get("SecretList", []):
            self._policy(f"{at}/secretsmanager/{secret['Name']}.json", aws, "secretsmanager", "get-resource-policy",
                         "--secret-id", secret["ARN"], region=region)
        for repo in aws("ecr", "describe-repositories", region=region).get("repositories", []):
            self._policy(f"{at}/ecr/{repo['repositoryName']}.json", aws, "ecr", "get-repository-policy",
                         "--repository-name", repo["repositoryName"], region=region)

    def _policy(self, relative: str, aws: Aws, *args: str, region: str | None = None) -> None:
        try:
            self.save(relative, aws(*args, region=region))
        except AwsError as err:
            if not any(code in str(err) for code in NO_POLICY):
                self.warnings.append(f"{relative}: {_short(err)}")
                return
            self.save(relative, {})  # the resource exists without a resource-based policy

    # --- everything -----------------------------------------------------------------------------
    def run(self) -> int:
        """Collect every reachable account; returns how many were exported."""
        own = self.aws("sts", "get-caller-identity")["Account"]
        accounts = self.organization() or [own]
        exported = 0
        for i, account in enumerate(accounts):
            self.progress(i, len(accounts), account)
            try:
                aws = self.aws if account == own else self.aws.assumed(
                    f"arn:aws:iam::{account}:role/{self.role_name}")
                self.account(account, aws)
                exported += 1
            except AwsError as err:
                self.warnings.append(f"account {account} left outside the export: {_short(err)}")
        self.progress(len(accounts), len(accounts), "")
        return exported


def _short(err: Exception) -> str:
    return str(err).strip().splitlines()[-1] if str(err).strip() else type(err).__name__


def progress_bar(stream=sys.stderr, width: int = 30) -> Callable[[int, int, str], None]:
    def show(done: int, total: int, label: str) -> None:
        filled = width * done // max(total, 1)
        stream.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} accounts {label:<12}")
        if done == total:
            stream.write("\n")
        stream.flush()
    return show
