"""What `xviz who-can` and `xviz reach` print, in English and Japanese (AWS's Japanese terms)."""
from __future__ import annotations

TEXTS = {
    "en": {
        "who_can": "Who can {action} on {resource}: {count} principal(s)",
        "reach": "Roles {start} can reach: {count}",
        "none": "  (none)",
        "user": "IAM user", "role": "role (any session of it)", "root": "account root (outside the export)",
        "service": "service principal", "anonymous": "anyone, unsigned (anonymous)",
        "statement": "{kind} {policy}, statement {index}{sid}",
        "identity": "identity-based policy", "permission_boundary": "permissions boundary",
        "session": "session policy", "scp": "SCP", "rcp": "RCP", "resource": "resource-based policy",
        "no_statement": "allowed without a statement (the account's root user in its own account)",
        "via": "via",
    },
    "ja": {
        "who_can": "{resource} に対して {action} を実行できるプリンシパル: {count} 件",
        "reach": "{start} から引き受けられるロール: {count} 件",
        "none": "  （なし）",
        "user": "IAM ユーザー", "role": "ロール（そのすべてのセッション）", "root": "アカウントのルートユーザー（エクスポート外）",
        "service": "サービスプリンシパル", "anonymous": "誰でも（署名なし・匿名）",
        "statement": "{kind} {policy} のステートメント {index}{sid}",
        "identity": "アイデンティティベースのポリシー", "permission_boundary": "アクセス許可の境界",
        "session": "セッションポリシー", "scp": "SCP", "rcp": "RCP", "resource": "リソースベースのポリシー",
        "no_statement": "ステートメントなしで許可（自分のアカウントでのルートユーザー）",
        "via": "経由",
    },
}


def text(lang: str, key: str, **params) -> str:
    return TEXTS[lang][key].format(**params)


def actor_kind(actor: dict) -> str:
    return next(k for k in ("user", "role", "root", "service", "anonymous", "federated") if k in actor)


def statement_line(lang: str, decisive: dict) -> str:
    sid = f" ({decisive['sid']})" if decisive.get("sid") else ""
    kind = TEXTS[lang].get(decisive.get("policy_type"), decisive.get("policy_type"))
    return text(lang, "statement", kind=kind, policy=decisive.get("policy"), index=decisive.get("statement"), sid=sid)
