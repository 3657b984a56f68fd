"""The AWS CLI commands a step stands for, so a learner can try the same request in a real account.

Plain data for `xviz run` and the window: lines of shell text, English only (the CLI is). The AWS CLI
Command Reference names each command (`aws sts assume-role`, `aws s3 cp`, `aws ram
create-resource-share`, ...); where a step's action has no dedicated high-level command, the `aws
SERVICE kebab-case-action` form with the parameter that names the target is given. Who runs it is
a `--profile`: the caller's own for users, a profile that assumes the role for sessions (the
`~/.aws/config` block is printed with the AssumeRole step that makes it).
"""
from __future__ import annotations

import re

from xviz.scenario.derive import StepPlan
from xviz.scenario.loader import LoadedScenario
from xviz.scenario.world import WorldIndex

# action (lower case) -> (command, option naming the target, what of the target it takes)
_TARGET_OPTION = {
    "ec2:runinstances": ("aws ec2 run-instances --image-id ami-0123456789abcdef0 --instance-type t3.micro",
                         "--subnet-id", "id"),
    "ec2:createnetworkinterface": ("aws ec2 create-network-interface", "--subnet-id", "id"),
    "ec2:describesubnets": ("aws ec2 describe-subnets", "--subnet-ids", "id"),
    "ec2:modifysubnetattribute": ("aws ec2 modify-subnet-attribute --map-public-ip-on-launch", "--subnet-id", "id"),
    "ec2:deletesubnet": ("aws ec2 delete-subnet", "--subnet-id", "id"),
    "ec2:createtransitgatewayvpcattachment": ("aws ec2 create-transit-gateway-vpc-attachment "
                                              "--vpc-id vpc-0123456789abcdef0 --subnet-ids subnet-0123456789abcdef0",
                                              "--transit-gateway-id", "id"),
    "ec2:describetransitgateways": ("aws ec2 describe-transit-gateways", "--transit-gateway-ids", "id"),
    "ec2:modifytransitgateway": ("aws ec2 modify-transit-gateway --options AutoAcceptSharedAttachments=enable",
                                 "--transit-gateway-id", "id"),
    "ec2:createtransitgatewayroutetable": ("aws ec2 create-transit-gateway-route-table",
                                           "--transit-gateway-id", "id"),
    "lambda:updatefunctioncode": ("aws lambda update-function-code --zip-file fileb://app.zip",
                                  "--function-name", "arn"),
    "lambda:addpermission": ("aws lambda add-permission --statement-id x --action lambda:InvokeFunction "
                             "--principal 123456789012", "--function-name", "arn"),
    "lambda:deletefunction": ("aws lambda delete-function", "--function-name", "arn"),
    "lambda:invokefunction": ("aws lambda invoke out.json", "--function-name", "arn"),
    "kms:decrypt": ("aws kms decrypt --ciphertext-blob fileb://artifact.enc", "--key-id", "arn"),
    "kms:encrypt": ("aws kms encrypt --plaintext fileb://data.bin", "--key-id", "arn"),
    "kms:describekey": ("aws kms describe-key", "--key-id", "arn"),
    "sqs:sendmessage": ("aws sqs send-message --message-body hello", "--queue-url", "queue_url"),
    "sqs:receivemessage": ("aws sqs receive-message", "--queue-url", "queue_url"),
    "sns:publish": ("aws sns publish --message hello", "--topic-arn", "arn"),
    "secretsmanager:getsecretvalue": ("aws secretsmanager get-secret-value", "--secret-id", "arn"),
    "ecr:batchgetimage": ("aws ecr batch-get-image --image-ids imageTag=latest", "--repository-name", "name"),
    "cloudtrail:stoplogging": ("aws cloudtrail stop-logging", "--name", "star"),
    "cloudtrail:deletetrail": ("aws cloudtrail delete-trail", "--name", "star"),
}


_COMMENTS = {
    "service": ("# {service} makes this call itself (no CLI command: the service acts for the account)",
                "# {service} が自分で行う呼び出しです（CLI のコマンドはありません。サービスがアカウントのために動きます）"),
    "sso": ("# IAM Identity Center does this for you: aws configure sso, then aws sso login",
            "# IAM Identity Center ではこれを代わりに行います: aws configure sso のあと aws sso login"),
    "profile": ("# or, in ~/.aws/config:", "# または ~/.aws/config に:"),
    "management": ("# in the management account {account}", "# 管理アカウント {account} で実行"),
    "owner": ("# in the owner account {account}", "# 所有者のアカウント {account} で実行"),
}


def _comment(key: str, lang: str, **values: str) -> str:
    en, ja = _COMMENTS[key]
    return (ja if lang == "ja" else en).format(**values)


def kebab(action_name: str) -> str:
    """`RunInstances` -> `run-instances`, as the CLI names operations."""
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "-", action_name).lower()


class CliWriter:
    """CLI lines for the steps of one loaded scenario."""

    def __init__(self, loaded: LoadedScenario):
        self.loaded = loaded
        self.world = loaded.model.world
        self.ix = WorldIndex(self.world)

    # --- who runs it ---------------------------------------------------------------------------
    def _profile(self, plan: StepPlan) -> str:
        c = plan.caller
        if c.kind == "session":
            return f" --profile {c.session.name}"
        if c.kind == "user":
            return f" --profile {plan.step.actor.user}"
        if c.kind in ("root", "account"):
            return f" --profile {c.account}-root"
        return ""

    def step_lines(self, plan: StepPlan, lang: str = "en") -> list[str]:
        """The command(s) for one step; a comment where nobody types one (a service, a sign-in)."""
        step, caller = plan.step, plan.caller
        action = step.action.lower()
        if caller.kind == "service":
            return [_comment("service", lang, service=caller.arn)]
        if caller.kind == "anonymous":
            return [f"aws {self._service_command(plan)} --no-sign-request"]
        if action == "sts:assumerole":
            return self._assume_role(plan, lang)
        if action == "sts:assumerolewithsaml":
            provider = caller.arn
            return [f"aws sts assume-role-with-saml --role-arn {plan.resource_arn} --principal-arn {provider} "
                    "--saml-assertion file://assertion.b64",
                    _comment("sso", lang)]
        if action == "sts:assumerolewithwebidentity":
            return [f"aws sts assume-role-with-web-identity --role-arn {plan.resource_arn} "
                    f"--role-session-name {step.params.session_name} --web-identity-token file://token.jwt"]
        if action in ("ram:acceptresourceshareinvitation", "ram:rejectresourceshareinvitation"):
            verb = "accept" if "accept" in action else "reject"
            return [f"aws ram get-resource-share-invitations{self._profile(plan)}",
                    f"aws ram {verb}-resource-share-invitation --resource-share-invitation-arn "
                    f"arn:aws:ram:{self.world.region}:{plan.resource_account}:resource-share-invitation/EXAMPLE"
                    f"{self._profile(plan)}"]
        return [self._service_command(plan) + self._profile(plan)]

    def _assume_role(self, plan: StepPlan, lang: str) -> list[str]:
        p = plan.step.params
        role_arn = self.ix.role_arn(plan.step.target)
        cmd = f"aws sts assume-role --role-arn {role_arn} --role-session-name {p.session_name}"
        if p.external_id is not None:
            cmd += f" --external-id {p.external_id}"
        if p.duration_seconds is not None:
            cmd += f" --duration-seconds {p.duration_seconds}"
        if p.session_policy is not None:
            cmd += " --policy file://session-policy.json"
        if p.session_tags:
            cmd += " --tags " + " ".join(f"Key={k},Value={v}" for k, v in p.session_tags.items())
        profile = self._profile(plan)
        source = profile.split()[-1] if profile else "default"
        lines = [cmd + profile, _comment("profile", lang), f"[profile {p.session_name}]",
                 f"role_arn = {role_arn}", f"source_profile = {source}", f"role_session_name = {p.session_name}"]
        if p.external_id is not None:
            lines.append(f"external_id = {p.external_id}")
        if p.duration_seconds is not None:
            lines.append(f"duration_seconds = {p.duration_seconds}")
        return lines

    def _service_command(self, plan: StepPlan) -> str:
        step = plan.step
        action = step.action.lower()
        if action.startswith("s3:"):
            return self._s3(plan)
        known = _TARGET_OPTION.get(action)
        service, _, name = step.action.partition(":")
        if known is None:
            target = "" if plan.resource_arn == "*" else f"  # on {plan.resource_arn}"
            return f"aws {service} {kebab(name)}{target}"
        command, option, kind = known
        if kind == "star":
            return command + (f" {option} {plan.resource_arn}" if plan.resource_arn != "*" else f" {option} TRAIL")
        return f"{command} {option} {self._target_value(plan, kind)}"

    def _target_value(self, plan: StepPlan, kind: str) -> str:
        resource = self.world.resources.get(plan.step.target)
        if resource is None or kind == "arn":
            return plan.resource_arn
        if kind == "id":
            return resource.id or plan.step.target
        if kind == "queue_url":
            region = resource.region or self.world.region
            return f"https://sqs.{region}.amazonaws.com/{resource.account}/{resource.name or plan.step.target}"
        return resource.name or plan.step.target

    def _s3(self, plan: StepPlan) -> str:
        step = plan.step
        bucket = self.world.resources[step.target].name or step.target if step.target in self.world.resources else "*"
        key = step.object
        action = step.action.split(":", 1)[1].lower()
        if action == "getobject" and key:
            return f"aws s3 cp s3://{bucket}/{key} ."
        if action == "putobject" and key:
            return f"aws s3 cp {key.rsplit('/', 1)[-1]} s3://{bucket}/{key}"
        if action == "deleteobject" and key:
            return f"aws s3 rm s3://{bucket}/{key}"
        if action == "listbucket":
            return f"aws s3 ls s3://{bucket}/"
        if action == "getbucketacl":
            return f"aws s3api get-bucket-acl --bucket {bucket}"
        name = step.action.split(":", 1)[1]
        return f"aws s3api {kebab(name)} --bucket {bucket}" + (f" --key {key}" if key else "")

    # --- the world's set-up --------------------------------------------------------------------
    def setup_lines(self, lang: str = "en") -> list[str]:
        """Commands that build what the world describes and the steps rely on: RAM sharing."""
        ram, org = self.world.ram, self.world.organization
        if ram is None:
            return []
        lines = []
        if ram.sharing_with_organization and org is not None:
            lines.append("aws ram enable-sharing-with-aws-organization  "
                         + _comment("management", lang, account=org.management_account))
        for name, share in ram.shares.items():
            arns = " ".join(self.ix.resource_arn(r) for r in share.resources)
            principals = " ".join(self._share_principal(p) for p in share.principals)
            external = "--allow-external-principals" if share.allow_external_principals else \
                "--no-allow-external-principals"
            lines.append(f'aws ram create-resource-share --name "{name}" --resource-arns {arns} '
                         f"--principals {principals} {external}  " + _comment("owner", lang, account=share.owner))
        return lines

    def _share_principal(self, principal: str) -> str:
        org = self.world.organization
        if org is None:
            return principal
        if principal == org.id:
            return f"arn:aws:organizations::{org.management_account}:organization/{org.id}"
        if principal.startswith("ou-"):
            return f"arn:aws:organizations::{org.management_account}:ou/{org.id}/{principal}"
        return principal
