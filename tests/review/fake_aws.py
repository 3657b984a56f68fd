"""A fake `aws` executable for testing `xviz collect` without AWS: it answers from an export folder.

FAKE_AWS_EXPORT names the folder (the layout of `xviz import`); FAKE_AWS_LOG gets one line per call.
The caller's account is the management account, or the one whose keys `sts assume-role` handed out
(AWS_ACCESS_KEY_ID=KEY-<account>); an account without authorization-details.json cannot be entered.
"""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

EXPORT = Path(os.environ["FAKE_AWS_EXPORT"])


def fail(code: str) -> None:
    print(f"An error occurred ({code}) when calling the operation: fake", file=sys.stderr)
    sys.exit(254)


def read(relative: str, default=None):
    path = EXPORT / relative
    if path.is_file():
        return json.loads(path.read_text(encoding="utf-8"))
    if default is None:
        fail("NoSuchEntity")
    return default


def option(args: list[str], name: str) -> str | None:
    return args[args.index(name) + 1] if name in args else None


def resources(account: str, region: str | None, service: str) -> list[tuple[str, str, Path]]:
    """(region, name, file) of the export's resources of one service."""
    found = []
    for region_dir in sorted((EXPORT / "accounts" / account).glob("*/")):
        base = region_dir / service
        if base.is_dir() and (region is None or region_dir.name == region):
            found += [(region_dir.name, p.relative_to(base).with_suffix("").as_posix(), p) for p in sorted(base.rglob("*.json"))]
    return found


def policy_file(account: str, service: str, name: str, region: str | None, missing: str):
    for _, found, path in resources(account, region, service):
        if found == name:
            data = json.loads(path.read_text(encoding="utf-8"))
            return data if data else fail(missing)
    fail("ResourceNotFoundException")


def main(args: list[str]) -> None:
    with open(os.environ["FAKE_AWS_LOG"], "a", encoding="utf-8") as log:
        log.write(" ".join(args) + "\n")
    service, op = args[0], args[1]
    mgmt = read("organization/describe-organization.json")["Organization"]["MasterAccountId"]
    key = os.environ.get("AWS_ACCESS_KEY_ID", "")
    me = key[4:] if key.startswith("KEY-") else mgmt
    region = option(args, "--region")
    if service == "sts" and op == "get-caller-identity":
        out = {"UserId": "AIDAFAKE", "Account": me, "Arn": f"arn:aws:iam::{me}:user/admin"}
    elif service == "sts" and op == "assume-role":
        target = option(args, "--role-arn").split(":")[4]
        if not (EXPORT / "accounts" / target / "authorization-details.json").is_file():
            fail("AccessDenied")
        out = {"Credentials": {"AccessKeyId": f"KEY-{target}", "SecretAccessKey": "s", "SessionToken": "t",
                               "Expiration": "2030-01-01T00:00:00Z"}}
    elif service == "organizations":
        parent, pid = option(args, "--parent-id"), option(args, "--policy-id")
        out = {"describe-organization": lambda: read("organization/describe-organization.json"),
               "list-roots": lambda: read("organization/list-roots.json"),
               "list-organizational-units-for-parent": lambda: read(
                   f"organization/list-organizational-units-for-parent/{parent}.json", {"OrganizationalUnits": []}),
               "list-accounts-for-parent": lambda: read(f"organization/list-accounts-for-parent/{parent}.json",
                                                        {"Accounts": []}),
               "list-policies": lambda: read(f"organization/list-policies-{option(args, '--filter')}.json"),
               "describe-policy": lambda: read(f"organization/describe-policy/{pid}.json"),
               "list-targets-for-policy": lambda: read(f"organization/list-targets-for-policy/{pid}.json")}[op]()
    elif service == "iam":
        out = {"get-account-authorization-details": lambda: read(f"accounts/{me}/authorization-details.json"),
               "list-saml-providers": lambda: read(f"accounts/{me}/list-saml-providers.json", {"SAMLProviderList": []}),
               "list-open-id-connect-providers": lambda: read(f"accounts/{me}/list-open-id-connect-providers.json",
                                                              {"OpenIDConnectProviderList": []})}[op]()
    elif service == "s3api":
        bucket = option(args, "--bucket")
        located = {name: r for r, name, _ in resources(me, None, "s3")}
        out = {"list-buckets": lambda: {"Buckets": [{"Name": n} for n in located], "Owner": {"ID": "x"}},
               "get-bucket-location": lambda: {"LocationConstraint": None if located[bucket] == "us-east-1"
                                               else located[bucket]},
               "get-bucket-policy": lambda: policy_file(me, "s3", bucket, None, "NoSuchBucketPolicy")}[op]()
    else:
        found = resources(me, region, service)
        lists = {
            ("kms", "list-keys"): lambda: {"Keys": [{"KeyId": n} for _, n, _ in found]},
            ("sqs", "list-queues"): lambda: {"QueueUrls": [f"https://sqs.{region}.amazonaws.com/{me}/{n}"
                                                           for _, n, _ in found]},
            ("sns", "list-topics"): lambda: {"Topics": [{"TopicArn": f"arn:aws:sns:{region}:{me}:{n}"}
                                                        for _, n, _ in found]},
            ("lambda", "list-functions"): lambda: {"Functions": [{"FunctionName": n} for _, n, _ in found]},
            ("secretsmanager", "list-secrets"): lambda: {"SecretList": [
                {"Name": n, "ARN": json.loads(p.read_text())["ARN"]} for _, n, p in found]},
            ("ecr", "describe-repositories"): lambda: {"repositories": [{"repositoryName": n} for _, n, _ in found]},
        }
        if (service, op) in lists:
            out = lists[(service, op)]()
        else:
            name = {"get-key-policy": option(args, "--key-id"),
                    "get-queue-attributes": (option(args, "--queue-url") or "").rsplit("/", 1)[-1],
                    "get-topic-attributes": (option(args, "--topic-arn") or "").rsplit(":", 1)[-1],
                    "get-policy": option(args, "--function-name"),
                    "get-repository-policy": option(args, "--repository-name")}.get(op)
            if op == "get-resource-policy":
                secret_arn = option(args, "--secret-id")
                name = next(n for _, n, p in found if json.loads(p.read_text())["ARN"] == secret_arn)
            out = policy_file(me, service, name, region, "RepositoryPolicyNotFoundException")
    print(json.dumps(out))


if __name__ == "__main__":
    main(sys.argv[1:])
