"""AWS Resource Access Manager, as a small pure model (it is not IAM policy evaluation).

Decides whether an account other than the owner may use a shared subnet or transit gateway, with a
step trace shaped like the engine's. Facts from the AWS RAM User Guide ("Sharing your AWS
resources", "Getting started", troubleshooting "sharing outside of my organization") and the VPC
User Guide ("Share your VPC subnets with other accounts", "Responsibilities and permissions"):
- with sharing enabled in AWS Organizations, principals in the organization get access without
  invitations; without it, the organization and OUs cannot be principals, and individual accounts
  are treated as external: they get an invitation and must accept it;
- subnets can be shared only within the organization, and VPC sharing requires resource sharing to
  be enabled from the management account; transit gateways can also go to external accounts when
  the share allows external principals;
- participants use a shared subnet (launch instances, create network interfaces into it, describe
  it) but cannot modify or delete it; that stays with the owner.
"""
from __future__ import annotations

from dataclasses import dataclass

from xviz.explain.policy_names import derived_name
from xviz.scenario import model as m
from xviz.scenario.world import WorldIndex

USE, VIEW, MODIFY = "use", "view", "modify"
OPERATIONS = {
    "subnet": {
        "ec2:runinstances": USE, "ec2:createnetworkinterface": USE,
        "ec2:describesubnets": VIEW,
        "ec2:modifysubnetattribute": MODIFY, "ec2:deletesubnet": MODIFY,
        "ec2:associateroutetable": MODIFY, "ec2:replaceroutetableassociation": MODIFY,
        "ec2:replacenetworkaclassociation": MODIFY, "ec2:createsubnetcidrreservation": MODIFY,
        "ec2:createtransitgatewayvpcattachment": MODIFY,  # attaching the VPC's subnets is the owner's job
    },
    "transit-gateway": {
        "ec2:createtransitgatewayvpcattachment": USE,
        "ec2:describetransitgateways": VIEW,
        "ec2:modifytransitgateway": MODIFY, "ec2:deletetransitgateway": MODIFY,
        "ec2:createtransitgatewayroutetable": MODIFY,
    },
}
ORG_ONLY_TYPES = {"subnet"}
# Answering an invitation (the invited account does it, in RAM's console or API): the state it leads to.
INVITATION_ACTIONS = {"ram:acceptresourceshareinvitation": "accepted", "ram:rejectresourceshareinvitation": "rejected"}

_REASONS = {
    "in_share": ("{resource} is in the resource share {share}.",
                 "{resource} はリソース共有 {share} に含まれています。"),
    "not_shared": ("No resource share contains {resource}, so no other account can use it.",
                   "{resource} を含むリソース共有がないため、他のアカウントは使えません。"),
    "account_listed": ("Account {account} is named as a principal of the share.",
                       "アカウント {account} が共有のプリンシパルとして指定されています。"),
    "via_ou": ("Account {account} is in {ou}, which the share names (an OU includes the accounts of its child OUs).",
               "アカウント {account} は共有に指定された {ou} に属しています（OU には子 OU のアカウントも含まれます）。"),
    "via_organization": ("The share names the whole organization {org}, and account {account} is a member.",
                         "共有は組織 {org} 全体を指定しており、アカウント {account} はそのメンバーです。"),
    "not_a_principal": ("Account {account} is not a principal of the share: not listed, not in a listed OU or organization.",
                        "アカウント {account} は共有のプリンシパルではありません（アカウントとしても、OU や組織経由でも指定されていません）。"),
    "org_sharing_enabled": ("Sharing with AWS Organizations is enabled and {account} is in the owner's organization: "
                            "access comes without an invitation.",
                            "AWS Organizations との共有が有効で、{account} は所有者と同じ組織にいるため、"
                            "招待なしでアクセスできます。"),
    "org_sharing_disabled": ("Sharing with AWS Organizations is not enabled, so an OU or the organization cannot be a "
                             "principal of a share; only individual accounts, by invitation.",
                             "AWS Organizations との共有が有効になっていないため、OU や組織を共有のプリンシパルにできません。"
                             "個別のアカウントに招待を送る方法だけが使えます。"),
    "type_needs_org": ("A {type} can be shared only within the owner's organization, with sharing with AWS "
                       "Organizations enabled from the management account.",
                       "{type}は所有者と同じ組織の中でだけ共有でき、管理アカウントから AWS Organizations との"
                       "共有を有効にしておく必要があります。"),
    "external_not_allowed": ("Account {account} is outside the owner's organization and the share does not allow "
                             "external principals.",
                             "アカウント {account} は所有者の組織の外にあり、この共有は外部プリンシパルを許可していません。"),
    "invitation_required": ("Account {account} is treated as external: it receives an invitation to the share.",
                            "アカウント {account} は外部として扱われ、共有への招待を受け取ります。"),
    "invitation_accepted": ("Account {account} accepted the invitation.", "アカウント {account} は招待を承諾しました。"),
    "invitation_pending": ("Account {account} has not accepted the invitation yet: no access until it does.",
                           "アカウント {account} はまだ招待を承諾していません。承諾するまでアクセスできません。"),
    "invitation_rejected": ("Account {account} rejected the invitation.", "アカウント {account} は招待を拒否しました。"),
    "invitation_missing": ("No invitation for account {account} was accepted.",
                           "アカウント {account} 宛ての招待は承諾されていません。"),
    "invitation_answered": ("Account {account} answers the pending invitation to {share}: it is now {state}.",
                            "アカウント {account} が {share} への保留中の招待に応答し、招待は{state_ja}になりました。"),
    "invitation_not_pending": ("Account {account} has no pending invitation to {share} (it is {state}): RAM rejects "
                               "the call.",
                               "アカウント {account} には {share} への保留中の招待がありません（状態: {state_ja}）。"
                               "RAM はこの呼び出しを拒否します。"),
    "participant_may_use": ("A participant may use the shared {type}: {action} creates the participant's own resources in it.",
                            "参加者は共有された{type}を利用できます。{action} は参加者自身のリソースをその中に作ります。"),
    "participant_may_view": ("A participant may see the shared {type} ({action}).",
                             "参加者は共有された{type}を参照できます（{action}）。"),
    "owner_only": ("{action} changes the shared {type} itself: only the owner account {owner} may do that, never a participant.",
                   "{action} は共有された{type}そのものを変更します。それができるのは所有者のアカウント {owner} だけで、"
                   "参加者にはできません。"),
    "unknown_operation": ("xviz does not know whether {action} uses or modifies a shared {type}.",
                          "xviz は {action} が共有された{type}を利用する操作か変更する操作かを知りません。"),
}


# In Japanese a Latin word is set off by spaces, a katakana one is not (as AWS's Japanese documentation writes).
_TYPE_LABELS = {"subnet": ("subnet", "サブネット"), "transit-gateway": ("transit gateway", " Transit Gateway ")}


def reason_text(reason: str, params: dict, lang: str = "en") -> str:
    en, ja = _REASONS[reason]
    labels = _TYPE_LABELS.get(params.get("type"), (params.get("type"),) * 2)
    return (ja if lang == "ja" else en).format(**{**params, "type": labels[1 if lang == "ja" else 0]})


_STATE_JA = {"pending": "保留中", "accepted": "承諾済み", "rejected": "拒否済み", "none": "招待なし"}


def answer_invitation(world: m.World, share_key: str, account: str, action: str, state: str | None) -> dict:
    """The invited account accepts or rejects its invitation (`state` is the current one, None when there
    is none). Allow when it was pending; otherwise RAM refuses the call (outcome ValidationError).
    The result's `invitation` is the state after the call."""
    new_state = INVITATION_ACTIONS[action.lower()]
    shown = state or "none"
    trace = _Trace([])
    base = {"share": share_key, "account": account, "action": action,
            "owner": world.ram.shares[share_key].owner}
    if state == "pending":
        trace.add("ram_invitation", "allow", "invitation_answered", state=new_state,
                  state_ja=_STATE_JA[new_state], **base)
        return {**_result(trace, share_key), "invitation": new_state}
    trace.add("ram_invitation", "no_allow", "invitation_not_pending", state=shown, state_ja=_STATE_JA[shown], **base)
    return {**_result(trace, share_key), "decision": "ValidationError", "invitation": state}


def operation_kind(resource_type: str, action: str) -> str | None:
    return OPERATIONS.get(resource_type, {}).get(action.lower())


@dataclass
class _Trace:
    steps: list

    def add(self, step: str, result: str, reason: str, **params) -> None:
        self.steps.append({"step": step, "result": result, "reason": reason, "params": params})


def evaluate_ram(world: m.World, resource_key: str, account: str, action: str,
                 invitations: dict | None = None) -> dict:
    """Can `account` (not the owner) perform `action` on the shared resource? Engine-shaped result.
    `invitations` ((share, account) -> state) overrides the world's, after earlier steps answered them."""
    ix = WorldIndex(world)
    resource = world.resources[resource_key]
    ram = world.ram or m.Ram()
    org = world.organization
    base = {"resource": resource_key, "account": account, "action": action, "type": resource.type,
            "owner": resource.account}
    shares = [(name, s) for name, s in ram.shares.items() if resource_key in s.resources]
    if not shares:
        trace = _Trace([])
        trace.add("ram_share", "no_allow", "not_shared", **base)
        return _result(trace, None)
    outcomes = [_evaluate_share(ix, ram, org, name, share, resource, account, action, base, invitations or {})
                for name, share in shares]
    granted = [o for o in outcomes if o[0]]
    # None grants: explain with the share that got furthest (e.g. the one naming the account
    # whose invitation is pending), not merely the first one listed.
    allowed, trace, share_name = granted[0] if granted else max(outcomes, key=lambda o: len(o[1].steps))
    return _result(trace, share_name)


def _evaluate_share(ix: WorldIndex, ram: m.Ram, org, name: str, share: m.ResourceShare, resource: m.Resource,
                    account: str, action: str, base: dict, invitations: dict) -> tuple[bool, _Trace, str]:
    trace = _Trace([])
    trace.add("ram_share", "allow", "in_share", share=name, **base)
    same_org = ix.in_org(account) and ix.in_org(share.owner)
    via = _principal_match(ix, org, share, account)
    if via is None:
        trace.add("ram_principal", "no_allow", "not_a_principal", **base)
        return False, trace, name
    kind, value = via
    trace.add("ram_principal", "allow", {"account": "account_listed", "ou": "via_ou",
                                         "org": "via_organization"}[kind], ou=value, org=value, **base)
    # Scope: does this kind of principal work under the current settings?
    if resource.type in ORG_ONLY_TYPES and not (same_org and ram.sharing_with_organization):
        trace.add("ram_scope", "no_allow", "type_needs_org", **base)
        return False, trace, name
    if same_org and ram.sharing_with_organization:
        trace.add("ram_scope", "allow", "org_sharing_enabled", **base)
        needs_invitation = False
    elif kind != "account":
        trace.add("ram_scope", "no_allow", "org_sharing_disabled", **base)
        return False, trace, name
    elif not same_org and not share.allow_external_principals:
        trace.add("ram_scope", "no_allow", "external_not_allowed", **base)
        return False, trace, name
    else:
        trace.add("ram_scope", "allow", "invitation_required", **base)
        needs_invitation = True
    if needs_invitation:
        state = invitations.get((name, account), share.invitations.get(account))
        reason = {"accepted": "invitation_accepted", "pending": "invitation_pending",
                  "rejected": "invitation_rejected"}.get(state, "invitation_missing")
        trace.add("ram_invitation", "allow" if state == "accepted" else "no_allow", reason, **base)
        if state != "accepted":
            return False, trace, name
    op = operation_kind(resource.type, action)
    if op == USE:
        trace.add("ram_operation", "allow", "participant_may_use", **base)
    elif op == VIEW:
        trace.add("ram_operation", "allow", "participant_may_view", **base)
    elif op == MODIFY:
        trace.add("ram_operation", "no_allow", "owner_only", **base)
        return False, trace, name
    else:
        trace.add("ram_operation", "no_allow", "unknown_operation", **base)
        return False, trace, name
    return True, trace, name


def _principal_match(ix: WorldIndex, org, share: m.ResourceShare, account: str) -> tuple[str, str] | None:
    if account in share.principals:
        return "account", account
    if org is None or not ix.in_org(account):
        return None
    levels = ix.levels(account)
    for principal in share.principals:
        if principal.startswith("ou-") and principal in levels:
            return "ou", principal
        if principal == org.id:
            return "org", principal
    return None


def share_grant(share: str, caller_account: str, action: str, resource_arn: str) -> dict:
    """What a share gives, written as the resource-based policy it stands in for: the engine then
    decides the caller's side (identity policies, boundary, SCPs) as for any cross-account request
    (iam-semantics rule 26; RAM User Guide, "Access permissions")."""
    return {"name": derived_name("ram_share", share), "document": {
        "Version": "2012-10-17",
        "Statement": [{"Sid": "SharedWithAccount", "Effect": "Allow",
                       "Principal": {"AWS": f"arn:aws:iam::{caller_account}:root"},
                       "Action": action, "Resource": resource_arn}]}}


def with_iam(ram: dict, iam: dict) -> dict:
    """The RAM verdict and the caller's IAM verdict together: an explicit deny (an SCP, an identity
    policy) wins; otherwise both must allow. The RAM trace comes first, then the engine's."""
    decision = iam["decision"]
    if decision != "ExplicitDeny" and ram["decision"] != "Allow":
        decision = "ImplicitDeny"
    return {**ram, "decision": decision, "decisive": iam.get("decisive", []),
            "missing_allow": iam.get("missing_allow", []), "warnings": iam.get("warnings", []), "iam": iam}


def _result(trace: _Trace, share: str | None) -> dict:
    allowed = bool(trace.steps) and all(s["result"] == "allow" for s in trace.steps)
    return {"kind": "ram", "decision": "Allow" if allowed else "ImplicitDeny", "decisive": [],
            "missing_allow": [], "trace": trace.steps, "warnings": [], "share": share}
