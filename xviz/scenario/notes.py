"""Notes xviz adds to a step beyond the engine's trace: what AWS derives or rejects, in en and ja."""
from __future__ import annotations

from dataclasses import dataclass, field

_TEXT = {
    "identity_switch": (
        "The caller is the role session {session_arn}. AWS evaluates the role {role}'s permissions; "
        "the permissions of whoever assumed the role no longer count.",
        "呼び出し元はロールのセッション {session_arn} です。AWS はロール {role} の権限で評価し、"
        "ロールを引き受けた元の呼び出し元の権限はもう使われません。"),
    "federated_sign_in": (
        "The identity provider {provider} vouches for the caller, who signs in without AWS credentials: "
        "no identity policy and no SCP applies to this call: the trust policy of {role} decides. "
        "If it allows, later steps act as the session {session_arn}.",
        "ID プロバイダー {provider} が呼び出し元を保証し、呼び出し元は AWS の認証情報なしでサインインします。"
        "この呼び出しにはアイデンティティベースのポリシーも SCP も適用されず、{role} の信頼ポリシーが判断します。"
        "許可されれば、以降のステップはセッション {session_arn} として動きます。"),
    "role_chaining": (
        "A role session is assuming another role: this is role chaining, and the new session lasts at most one hour.",
        "ロールのセッションが別のロールを引き受けています。これはロールの連鎖で、"
        "新しいセッションの有効期間は最大 1 時間です。"),
    "role_chaining_duration": (
        "Role chaining limits a session to one hour, so AWS rejects DurationSeconds {duration} "
        "with a ValidationError before any policy is evaluated.",
        "ロールの連鎖ではセッションが 1 時間に制限されるため、AWS は DurationSeconds {duration} を "
        "ValidationError として拒否します（ポリシーの評価より前です）。"),
    "duration_above_max": (
        "DurationSeconds {duration} is above the role's maximum session duration ({maximum} seconds): "
        "AWS rejects the call with a ValidationError.",
        "DurationSeconds {duration} はロールの最大セッション時間（{maximum} 秒）を超えているため、"
        "AWS は ValidationError で拒否します。"),
    "duration_below_min": (
        "DurationSeconds must be at least 900 seconds (15 minutes): AWS rejects {duration}.",
        "DurationSeconds は 900 秒（15 分）以上が必要です。AWS は {duration} を拒否します。"),
    "session_not_created": (
        "Step {step}, which was to create the session {session}, was not allowed ({outcome}). "
        "xviz evaluates this step as if the session existed.",
        "セッション {session} を作るはずのステップ {step} は許可されませんでした（{outcome}）。"
        "xviz はセッションが存在するものとしてこのステップを評価します。"),
    "kept_identity": (
        "Allowed by the resource-based policy of {resource}: the caller keeps its own identity "
        "(no role was assumed), so its other permissions stay available.",
        "{resource} のリソースベースのポリシーによって許可されました。呼び出し元は自分のアイデンティティの"
        "まま（ロールを引き受けずに）アクセスしているので、元の権限もそのまま使えます。"),
    "kept_identity_session": (
        "Allowed by the resource-based policy of {resource}: the caller stays what it was, the role session "
        "{caller}; this call switched no identity, so the session keeps the role's other permissions.",
        "{resource} のリソースベースのポリシーによって許可されました。呼び出し元は元のまま、ロールのセッション "
        "{caller} です。この呼び出しでアイデンティティは切り替わらないので、セッションはロールの他の権限も"
        "そのまま使えます。"),
    "service_on_behalf": (
        "{service} calls on behalf of account {account}: AWS sets aws:SourceAccount{extra}.",
        "{service} はアカウント {account} の代わりに呼び出します。AWS は aws:SourceAccount{extra} を設定します。"),
    "ram_and_iam": (
        "A shared resource needs both sides: the share must reach account {account} (RAM takes the place of "
        "a resource-based policy), and the caller's own identity-based policies and the SCPs over its account "
        "must allow {action}.",
        "共有リソースには両方の側が必要です。共有がアカウント {account} に届いていること（RAM が"
        "リソースベースのポリシーの代わりをします）、そして呼び出し元自身のアイデンティティベースのポリシーと、"
        "そのアカウントにかかる SCP が {action} を許可していることです。"),
    "ram_needs_iam": (
        "RAM decides only whether account {account} may use the shared resource; the caller also needs "
        "IAM permission for {action} in its own account.",
        "RAM が決めるのはアカウント {account} が共有リソースを使えるかどうかだけです。呼び出し元には、"
        "自分のアカウントで {action} を行う IAM の権限も別に必要です。"),
}


@dataclass(frozen=True)
class Note:
    code: str
    params: dict = field(default_factory=dict, hash=False)

    def text(self, lang: str = "en") -> str:
        en, ja = _TEXT[self.code]
        return (ja if lang == "ja" else en).format(**self.params)

    def as_dict(self) -> dict:
        return {"code": self.code, "params": dict(self.params)}
