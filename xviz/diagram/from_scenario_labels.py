"""Words, shapes and colours for diagrams drawn from a scenario, in English or Japanese.

Labels name things by the scenario's keys (what the learner reads in the YAML), with the kind of thing
on a second line; ARNs appear only for principals the world does not define, shortened to what matters.
"""
from __future__ import annotations

import re

from xviz.diagram.model import Shape
from xviz.diagram.style import Style

LANGS = ("en", "ja")

_WORDS = {
    "user": ("IAM user", "IAM ユーザー"),
    "role": ("IAM role", "IAM ロール"),
    "role_session": ("{role} session", "{role} のセッション"),
    "root": ("the account\n(:root)", "アカウント全体\n(:root)"),
    "service": ("AWS service principal", "AWS サービスプリンシパル"),
    "anonymous": ("anonymous caller\n(unsigned request)", "匿名の呼び出し元\n(署名なしリクエスト)"),
    "anyone": ("any principal (*)", "すべてのプリンシパル (*)"),
    "federated": ("federated identity", "フェデレーション ID"),
    "any_resource": ("any resource (*)", "任意のリソース (*)"),
    "resource_share": ("RAM resource share", "RAM リソース共有"),
    "sts": ("AWS STS", "AWS STS"),
    "org_root": ("Organization {org} · root {root}", "組織 {org} · ルート {root}"),
    "ou": ("OU {name}", "OU {name}"),
    "management": ("management account", "管理アカウント"),
    "external": ("third party", "サードパーティ"),
    "outside_org": ("outside the organization", "組織外"),
    "unknown_account": ("account {id}\n(not in this scenario)", "アカウント {id}\n(シナリオ外)"),
    "trusts": ("trusts", "信頼"),
    "trust_if": ("trusts if\n{keys}", "信頼 (条件:\n{keys})"),
    "trusted_service": ("(used by {service})", "({service} が使用)"),
    "bucket_policy": ("bucket policy", "バケットポリシー"),
    "bucket_policy_if": ("bucket policy if\n{keys}", "バケットポリシー (条件:\n{keys})"),
    "key_policy": ("key policy", "キーポリシー"),
    "key_policy_if": ("key policy if\n{keys}", "キーポリシー (条件:\n{keys})"),
    "resource_policy": ("resource policy", "リソースポリシー"),
    "resource_policy_if": ("resource policy if\n{keys}", "リソースポリシー (条件:\n{keys})"),
    "ram_share": ("RAM share {name}", "RAM リソース共有 {name}"),
    "on_behalf_of": ("on behalf of {accounts}", "{accounts} の代理"),
    "external_id": ("ExternalId {value}", "外部 ID {value}"),
    "no_external_id": ("no ExternalId", "外部 ID なし"),
    "new_session": ("new session: {name}", "新しいセッション: {name}"),
    # The AssumeRole exchange, as the source's chart draws it (STS asks the role's trust policy).
    "trust_check": ("checks the trust policy", "信頼ポリシーを確認"),
    "trust_allows": ("allows", "許可"),
    "trust_refuses": ("does not allow", "許可しない"),
    "credentials": ("temporary credentials\n(expire in {minutes} min)", "一時的な認証情報\n({minutes} 分で失効)"),
    "access_denied": ("AccessDenied", "AccessDenied（拒否）"),
    "sts_rejects": ("ValidationError\n(refused before any policy)", "ValidationError\n(ポリシーの評価前に拒否)"),
    "trust_answers": ("answers", "回答する"),
    "sts_answers": ("the answer: credentials or AccessDenied?", "回答：認証情報か AccessDenied か？"),
    # The overview of a big organization: accounts no step touches, folded into one box per OU.
    "accounts_folded": ("{count} more accounts", "ほか {count} アカウント"),
    "count_roles": ("{count} roles", "ロール {count}"),
    "count_users": ("{count} users", "ユーザー {count}"),
    "count_resources": ("{count} resources", "リソース {count}"),
    "bundle_trust": ("{count} trust relationships", "信頼関係 {count} 件"),
    "bundle_policy": ("{count} resource-policy grants", "リソースベースのポリシーによる許可 {count} 件"),
    "bundle_access": ("{count} access paths", "アクセス経路 {count} 件"),
    "bundle_share": ("{count} RAM shares", "RAM リソース共有 {count} 件"),
}

RESOURCE_KINDS = {
    "s3-bucket": ("S3 bucket", "S3 バケット", Shape.CYLINDER),
    "kms-key": ("KMS key", "KMS キー", Shape.HEXAGON),
    "sqs-queue": ("SQS queue", "SQS キュー", Shape.SUBROUTINE),
    "sns-topic": ("SNS topic", "SNS トピック", Shape.PARALLELOGRAM),
    "lambda-function": ("Lambda function", "Lambda 関数", Shape.PARALLELOGRAM_ALT),
    "secret": ("Secrets Manager secret", "Secrets Manager シークレット", Shape.HEXAGON),
    "ecr-repository": ("ECR repository", "ECR リポジトリ", Shape.CYLINDER),
    "vpc": ("VPC", "VPC", Shape.RECT),
    "subnet": ("subnet", "サブネット", Shape.RECT),
    "transit-gateway": ("Transit Gateway", "Transit Gateway", Shape.HEXAGON),
}

PRINCIPAL_SHAPES = {
    "user": Shape.STADIUM,
    "role": Shape.ROUND,
    "session": Shape.ROUND,
    "root": Shape.STADIUM,
    "service": Shape.ASYMMETRIC,
    "anonymous": Shape.ROUND,
    "anyone": Shape.ROUND,
    "federated": Shape.ASYMMETRIC,
    "any_resource": Shape.RECT,
}

# Fill, stroke, text: readable on both the light and the dark theme (colours are explicit).
_COLOURS = {
    "user": ("#dbeafe", "#2563eb", "#0f172a"),
    "role": ("#fef3c7", "#d97706", "#0f172a"),
    "session": ("#fef3c7", "#d97706", "#0f172a"),
    "root": ("#e0e7ff", "#4f46e5", "#0f172a"),
    "service": ("#ede9fe", "#7c3aed", "#0f172a"),
    "anonymous": ("#fee2e2", "#dc2626", "#0f172a"),
    "anyone": ("#fee2e2", "#dc2626", "#0f172a"),
    "federated": ("#ede9fe", "#7c3aed", "#0f172a"),
    "resource": ("#dcfce7", "#16a34a", "#0f172a"),
    "any_resource": ("#f1f5f9", "#64748b", "#0f172a"),
    # clusters
    "org": ("#f8fafc", "#64748b", "#334155"),
    "ou": ("#eef2ff", "#818cf8", "#312e81"),
    "account": ("#ffffff", "#2563eb", "#1e3a8a"),
    "management": ("#ffffff", "#7c3aed", "#4c1d95"),
    "external": ("#fff7ed", "#ea580c", "#9a3412"),
    "vpc": ("#f0fdf4", "#16a34a", "#14532d"),
}


def word(key: str, lang: str, **values: str) -> str:
    en, ja = _WORDS[key]
    return (ja if lang == "ja" else en).format(**values)


def resource_kind(resource_type: str, lang: str) -> str:
    en, ja, _ = RESOURCE_KINDS[resource_type]
    return ja if lang == "ja" else en


def resource_shape(resource_type: str) -> Shape:
    return RESOURCE_KINDS[resource_type][2]


def policy_words(resource_type: str) -> tuple[str, str]:
    """The word keys naming a resource's policy, plain and with conditions."""
    base = {"s3-bucket": "bucket_policy", "kms-key": "key_policy"}.get(resource_type, "resource_policy")
    return base, f"{base}_if"


def style_for(kind: str, *, dashed: bool = False) -> Style:
    fill, stroke, text = _COLOURS[kind]
    return Style(fill=fill, stroke=stroke, color=text, stroke_width=1.5, dash=(5.0, 3.0) if dashed else None)


def text_of(value, lang: str) -> str:
    """A scenario's bilingual text (`{en, ja}`) in the wanted language."""
    return getattr(value, "ja" if lang == "ja" else "en")


_IAM_ARN = re.compile(r"^arn:aws[\w-]*:(?P<service>iam|sts)::(?P<account>\d{12}):(?P<rest>.+)$")


def short_arn(arn: str) -> str:
    """An ARN as a learner reads it: `role/Name (111111111111)`, the bucket name, `account 1111…`."""
    found = _IAM_ARN.match(arn)
    if found:
        rest, account = found["rest"], found["account"]
        if rest == "root":
            return f"root ({account})"
        kind, _, tail = rest.partition("/")
        name = tail.rsplit("/", 1)[-1] if kind in ("role", "user") else tail
        return f"{kind}/{name}\n({account})"
    if arn.startswith("arn:aws:s3:::"):
        return arn[len("arn:aws:s3:::"):]
    parts = arn.split(":", 5)
    if len(parts) == 6 and parts[0] == "arn":
        return f"{parts[2]}: {parts[5]}" + (f"\n({parts[4]})" if parts[4] else "")
    return arn


def short_object(key: str, limit: int = 40) -> str:
    """An S3 object key short enough for an arrow: its leading folders and its end, the middle elided."""
    if len(key) <= limit:
        return key
    parts = key.split("/")
    head = parts[0][: limit // 2]
    for part in parts[1:-1]:
        if len(head) + 1 + len(part) > limit // 2:
            break
        head += "/" + part
    last = parts[-1] if len(parts) > 1 else key[len(head):]
    tail = last if len(last) <= limit // 2 else "…" + last[-(limit // 2):]
    return f"{head}/…/{tail}" if len(parts) > 1 else f"{head}{tail}"


def account_of_arn(arn: str) -> str | None:
    """The 12-digit account of an IAM or STS principal ARN, or of a bare account id."""
    if re.fullmatch(r"\d{12}", arn):
        return arn
    found = _IAM_ARN.match(arn)
    return found["account"] if found else None
