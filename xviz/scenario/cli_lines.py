"""The AWS CLI command that would make a step's call: `aws SERVICE OPERATION --option value ...`.

One line per step, for the handout and for learners who want to try the call for real. The operation is
the action's name in kebab case (s3 uses the `s3api` command set); the target becomes the option that
operation takes for it. Calls a service principal makes itself get a comment instead of a command.
"""
from __future__ import annotations

import re
import shlex

from xviz.scenario import model as m

# Actions whose CLI operation is not simply the action's name in kebab case.
_OPERATIONS = {
    "s3:ListBucket": "list-objects-v2",
    "lambda:InvokeFunction": "invoke",
    "ec2:RunInstances": "run-instances",
}
# The option that names the target, by resource type; {arn}, {name}, {id}, {url} are filled in.
_TARGET_OPTIONS = {
    "s3-bucket": ["--bucket", "{name}"],
    "kms-key": ["--key-id", "{arn}"],
    "sqs-queue": ["--queue-url", "{url}"],
    "sns-topic": ["--topic-arn", "{arn}"],
    "lambda-function": ["--function-name", "{arn}"],
    "secret": ["--secret-id", "{arn}"],
    "ecr-repository": ["--repository-name", "{name}", "--registry-id", "{account}"],
    "vpc": ["--vpc-id", "{id}"],
    "subnet": ["--subnet-id", "{id}"],
    "transit-gateway": ["--transit-gateway-id", "{id}"],
}
# Extra arguments an operation needs to be a complete command line (placeholders a learner fills in).
_EXTRAS = {
    "s3:GetObject": ["downloaded-file"],
    "s3:PutObject": ["--body", "local-file"],
    "kms:Decrypt": ["--ciphertext-blob", "fileb://encrypted.bin"],
    "kms:Encrypt": ["--plaintext", "fileb://plain.bin"],
    "sqs:SendMessage": ["--message-body", "hello"],
    "sns:Publish": ["--message", "hello"],
    "lambda:InvokeFunction": ["response.json"],
    "ec2:RunInstances": ["--image-id", "ami-EXAMPLE", "--instance-type", "t3.micro"],
    "ram:AcceptResourceShareInvitation": ["--resource-share-invitation-arn", "INVITATION-ARN"],
    "ram:RejectResourceShareInvitation": ["--resource-share-invitation-arn", "INVITATION-ARN"],
}
_PLURAL_IDS = {"ec2:DescribeSubnets": "--subnet-ids", "ec2:DescribeTransitGateways": "--transit-gateway-ids",
               "ec2:DescribeVpcs": "--vpc-ids"}


def kebab(name: str) -> str:
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", "-", name).lower()


def cli_line(world: m.World, step: m.Step, resource_arn: str, session_arn: str | None = None) -> str:
    """The command for `step` (target already resolved to `resource_arn`); `session_arn` is the ARN of the
    role session a sign-in step creates, shown for reference."""
    actor = step.actor
    if actor.kind == "service":
        who = world.services[actor.service].principal if actor.service in world.services else actor.service
        made_for = f" for account {actor.on_behalf_of}" if actor.on_behalf_of else ""
        return f"# {who} makes this call itself{made_for}; no CLI command does it for you"
    service, _, action = step.action.partition(":")
    args = ["aws", "s3api" if service == "s3" else service, _OPERATIONS.get(step.action, kebab(action))]
    args += _sts_args(world, step) if service == "sts" else _target_args(world, step, resource_arn)
    if actor.kind == "anonymous":
        args.append("--no-sign-request")
    if step.params.region and step.params.region != world.region:
        args += ["--region", step.params.region]
    return " ".join(shlex.quote(a) for a in args)


def _sts_args(world: m.World, step: m.Step) -> list[str]:
    from xviz.scenario.world import WorldIndex

    ix, p = WorldIndex(world), step.params
    args = ["--role-arn", ix.role_arn(step.target)] if step.target in world.roles else []
    lowered = step.action.lower()
    if lowered == "sts:assumerolewithsaml":
        return args + ["--principal-arn", ix.provider_arn(step.actor.federated), "--saml-assertion",
                       "file://assertion.b64"]
    if p.session_name:
        args += ["--role-session-name", p.session_name]
    if lowered == "sts:assumerolewithwebidentity":
        return args + ["--web-identity-token", "file://token.jwt"]
    if p.external_id:
        args += ["--external-id", p.external_id]
    if p.duration_seconds:
        args += ["--duration-seconds", str(p.duration_seconds)]
    if p.session_policy:
        args += ["--policy", "file://session-policy.json"]
    if p.session_tags:
        args += ["--tags"] + [f"Key={k},Value={v}" for k, v in p.session_tags.items()]
    return args


def _target_args(world: m.World, step: m.Step, resource_arn: str) -> list[str]:
    resource = world.resources.get(step.target)
    if resource is None:
        return list(_EXTRAS.get(step.action, []))
    name, rid = resource.name or step.target, resource.id or step.target
    region = resource.region or world.region
    values = {"arn": resource_arn.split("/", 1)[0] if resource.type == "s3-bucket" else resource_arn,
              "name": name, "id": rid, "account": resource.account,
              "url": f"https://sqs.{region}.amazonaws.com/{resource.account}/{name}"}
    template = list(_TARGET_OPTIONS.get(resource.type, ["--resource-arn", "{arn}"]))
    if step.action in _PLURAL_IDS:
        template[0] = _PLURAL_IDS[step.action]
    args = [part.format(**values) for part in template]
    if resource.type == "s3-bucket" and step.object is not None:
        args += ["--key", step.object]
    return args + list(_EXTRAS.get(step.action, []))
