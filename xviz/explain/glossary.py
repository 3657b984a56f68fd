"""One glossary of Japanese terms, as AWS's Japanese documentation writes them.

Scenarios, explanation catalogues, notes and the RAM model's sentences use these words, so a learner
who opens the AWS console or documentation in Japanese finds the same ones. `drift` lists spellings
that crept in before (or that machine translations produce); `find_drift` points them out, and a
test runs it over every Japanese text xviz ships.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Term:
    en: str
    ja: str
    drift: tuple[str, ...] = ()  # variants to replace by `ja`
    page: str = ""  # an AWS page (Japanese edition) that uses the term


TERMS: tuple[Term, ...] = (
    Term("assume a role", "ロールを引き受ける", ("ロールを借り", "ロールを想定", "ロールを担"),
         "https://docs.aws.amazon.com/ja_jp/IAM/latest/UserGuide/id_roles_use.html"),
    Term("permissions policy", "アクセス許可ポリシー", ("権限ポリシー",),
         "https://docs.aws.amazon.com/ja_jp/IAM/latest/UserGuide/id_roles.html"),
    Term("trust policy", "信頼ポリシー", ("信頼関係ポリシー", "トラストポリシー"),
         "https://docs.aws.amazon.com/ja_jp/IAM/latest/UserGuide/id_roles_terms-and-concepts.html"),
    Term("identity-based policy", "アイデンティティベースのポリシー",
         ("アイデンティティポリシー", "IDベースのポリシー", "ID ベースのポリシー", "アイデンティティベースポリシー"),
         "https://docs.aws.amazon.com/ja_jp/IAM/latest/UserGuide/access_policies_identity-vs-resource.html"),
    Term("resource-based policy", "リソースベースのポリシー", ("リソースベースポリシー",),
         "https://docs.aws.amazon.com/ja_jp/IAM/latest/UserGuide/access_policies_identity-vs-resource.html"),
    Term("permissions boundary", "アクセス許可の境界", ("許可境界", "権限境界", "アクセス許可境界"),
         "https://docs.aws.amazon.com/ja_jp/IAM/latest/UserGuide/access_policies_boundaries.html"),
    Term("session policy", "セッションポリシー", (),
         "https://docs.aws.amazon.com/ja_jp/IAM/latest/UserGuide/access_policies.html"),
    Term("service control policy (SCP)", "サービスコントロールポリシー (SCP)", ("サービス制御ポリシー",),
         "https://docs.aws.amazon.com/ja_jp/organizations/latest/userguide/orgs_manage_policies_scps.html"),
    Term("resource control policy (RCP)", "リソースコントロールポリシー (RCP)", ("リソース制御ポリシー",),
         "https://docs.aws.amazon.com/ja_jp/organizations/latest/userguide/orgs_manage_policies_rcps.html"),
    Term("temporary security credentials", "一時的な認証情報", ("一時認証情報",),
         "https://docs.aws.amazon.com/ja_jp/IAM/latest/UserGuide/id_credentials_temp.html"),
    Term("external ID", "外部 ID", ("外部ID", "エクスターナル ID"),
         "https://docs.aws.amazon.com/ja_jp/IAM/latest/UserGuide/id_roles_create_for-user_externalid.html"),
    Term("confused deputy problem", "混乱した代理問題", ("混乱した代理人問題",),
         "https://docs.aws.amazon.com/ja_jp/IAM/latest/UserGuide/confused-deputy.html"),
    Term("role chaining", "ロールの連鎖", ("ロールチェーン",),
         "https://docs.aws.amazon.com/ja_jp/IAM/latest/UserGuide/id_roles_terms-and-concepts.html"),
    Term("principal", "プリンシパル", ("主体",),
         "https://docs.aws.amazon.com/ja_jp/IAM/latest/UserGuide/reference_policies_elements_principal.html"),
    Term("condition key", "条件キー", (),
         "https://docs.aws.amazon.com/ja_jp/IAM/latest/UserGuide/reference_policies_condition-keys.html"),
    Term("resource share", "リソース共有", (),
         "https://docs.aws.amazon.com/ja_jp/ram/latest/userguide/what-is.html"),
    Term("owner (of a shared resource)", "所有者", ("オーナー",),
         "https://docs.aws.amazon.com/ja_jp/vpc/latest/userguide/vpc-sharing.html"),
    Term("participant", "参加者", (),
         "https://docs.aws.amazon.com/ja_jp/vpc/latest/userguide/vpc-sharing.html"),
    Term("permission set", "権限セット", (),
         "https://docs.aws.amazon.com/ja_jp/singlesignon/latest/userguide/permissionsetsconcept.html"),
    Term("management account", "管理アカウント", ("マネジメントアカウント", "管理者アカウント"),
         "https://docs.aws.amazon.com/ja_jp/organizations/latest/userguide/orgs_getting-started_concepts.html"),
    Term("organizational unit (OU)", "組織単位 (OU)", (),
         "https://docs.aws.amazon.com/ja_jp/organizations/latest/userguide/orgs_getting-started_concepts.html"),
    Term("service principal", "サービスプリンシパル", (),
         "https://docs.aws.amazon.com/ja_jp/IAM/latest/UserGuide/reference_policies_elements_principal.html"),
    Term("explicit deny", "明示的な拒否", (),
         "https://docs.aws.amazon.com/ja_jp/IAM/latest/UserGuide/reference_policies_evaluation-logic.html"),
    Term("implicit deny", "暗黙的な拒否", ("暗黙の拒否",),
         "https://docs.aws.amazon.com/ja_jp/IAM/latest/UserGuide/reference_policies_evaluation-logic.html"),
)


def find_drift(text: str) -> list[tuple[str, str]]:
    """(variant found, term to use instead) for each drifting spelling in a Japanese text."""
    found = []
    for term in TERMS:
        for variant in term.drift:
            if variant in text:
                found.append((variant, term.ja))
    return found


def ja_for(en: str) -> str:
    """The Japanese term for an English one (as listed in TERMS)."""
    for term in TERMS:
        if term.en == en:
            return term.ja
    raise KeyError(en)
