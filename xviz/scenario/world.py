"""Facts about a scenario's world that AWS computes: ARNs, organization levels and paths."""
from __future__ import annotations

from xviz.scenario import model as m

_ARN_FORMS = {
    "kms-key": "arn:aws:kms:{region}:{account}:key/{id}",
    "sqs-queue": "arn:aws:sqs:{region}:{account}:{name}",
    "sns-topic": "arn:aws:sns:{region}:{account}:{name}",
    "lambda-function": "arn:aws:lambda:{region}:{account}:function:{name}",
    "secret": "arn:aws:secretsmanager:{region}:{account}:secret:{id}",
    "ecr-repository": "arn:aws:ecr:{region}:{account}:repository/{name}",
    "vpc": "arn:aws:ec2:{region}:{account}:vpc/{id}",
    "subnet": "arn:aws:ec2:{region}:{account}:subnet/{id}",
    "transit-gateway": "arn:aws:ec2:{region}:{account}:transit-gateway/{id}",
}


def arn_service(resource_type: str) -> str | None:
    """The service in the ARN of a resource type (`ecr` for ecr-repository, `secretsmanager` for secret)."""
    form = _ARN_FORMS.get(resource_type)
    return form.split(":")[2] if form else None


class WorldIndex:
    def __init__(self, world: m.World):
        self.world = world
        self.org = world.organization

    # --- principals ---------------------------------------------------------------------------
    def user_arn(self, key: str) -> str:
        u = self.world.users[key]
        return f"arn:aws:iam::{u.account}:user{u.path}{u.name or key}"

    def role_arn(self, key: str) -> str:
        r = self.world.roles[key]
        return f"arn:aws:iam::{r.account}:role{r.path}{r.name or key}"

    def session_arn(self, role_key: str, session_name: str) -> str:
        """AWS drops the role's path from the session ARN."""
        r = self.world.roles[role_key]
        return f"arn:aws:sts::{r.account}:assumed-role/{r.name or role_key}/{session_name}"

    def provider_arn(self, key_or_arn: str) -> str:
        """arn:aws:iam::ACCOUNT:saml-provider/NAME or arn:aws:iam::ACCOUNT:oidc-provider/HOST_AND_PATH."""
        provider = self.world.identity_providers.get(key_or_arn)
        if provider is None:
            return key_or_arn  # an ARN written out in the step
        kind = "saml-provider" if provider.type == "saml" else "oidc-provider"
        return f"arn:aws:iam::{provider.account}:{kind}/{provider.name or key_or_arn}"

    @staticmethod
    def root_arn(account: str) -> str:
        return f"arn:aws:iam::{account}:root"

    # --- resources ----------------------------------------------------------------------------
    def resource_arn(self, key: str, obj: str | None = None) -> str:
        r = self.world.resources[key]
        if r.arn:
            return r.arn if obj is None else f"{r.arn}/{obj}"
        name = r.name or key
        if r.type == "s3-bucket":
            return f"arn:aws:s3:::{name}" + ("" if obj is None else f"/{obj}")
        return _ARN_FORMS[r.type].format(region=r.region or self.world.region, account=r.account,
                                         id=r.id or key, name=name)

    def target(self, key: str, obj: str | None = None) -> tuple[str, str | None]:
        """(ARN, owning account) of a step target: a user, role or resource key."""
        if key in self.world.roles:
            return self.role_arn(key), self.world.roles[key].account
        if key in self.world.users:
            return self.user_arn(key), self.world.users[key].account
        return self.resource_arn(key, obj), self.world.resources[key].account

    # --- organization -------------------------------------------------------------------------
    def in_org(self, account: str | None) -> bool:
        return bool(self.org and account in self.world.accounts and self.world.accounts[account].parent)

    def is_management(self, account: str | None) -> bool:
        return bool(self.org and account == self.org.management_account)

    def levels(self, account: str) -> list[str]:
        """The policy targets from the root down to the account: [r-…, ou-…, …, account]."""
        if not self.in_org(account):
            return []
        chain = [account]
        parent = self.world.accounts[account].parent
        seen = set()
        while parent is not None and parent not in seen:
            seen.add(parent)
            chain.append(parent)
            parent = None if parent == self.org.root else self.org.ous[parent].parent
        return list(reversed(chain))

    def org_path(self, account: str) -> str | None:
        """aws:PrincipalOrgPaths / aws:SourceOrgPaths form: o-…/r-…/ou-…/…/ (down to the account's parent)."""
        levels = self.levels(account)
        if not levels:
            return None
        return "/".join([self.org.id, *levels[:-1]]) + "/"

    def ou_and_descendants(self, ou_id: str) -> set[str]:
        """The OU itself and every OU below it."""
        found = {ou_id}
        changed = True
        while changed:
            changed = False
            for child, ou in self.org.ous.items():
                if ou.parent in found and child not in found:
                    found.add(child)
                    changed = True
        return found
