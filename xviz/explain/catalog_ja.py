"""日本語の説明文（エンジンのコードごと）。プレースホルダーは str.format で埋める。"""

DECISION = {
    "Allow": "許可 (Allow)",
    "ExplicitDeny": "拒否：明示的な Deny による (ExplicitDeny)",
    "ImplicitDeny": "拒否：許可すべきポリシーが許可していない (ImplicitDeny)",
}

STEP = {
    "explicit_deny": "明示的な拒否",
    "rcp": "リソースコントロールポリシー (RCP)",
    "scp": "サービスコントロールポリシー (SCP)",
    "resource": "リソースベースのポリシー",
    "identity": "アイデンティティベースのポリシー",
    "permission_boundary": "アクセス許可の境界",
    "session": "セッションポリシー",
}

POLICY_TYPE = {
    "identity": "アイデンティティベースのポリシー", "resource": "リソースベースのポリシー",
    "permission_boundary": "アクセス許可の境界", "session": "セッションポリシー",
    "scp": "SCP", "rcp": "RCP",
}

REASON = {
    "no-deny": "このリクエストに当てはまる Deny ステートメントはありません",
    "explicit-deny": "Deny ステートメントが一致しました。明示的な拒否はどの Allow よりも優先されます",
    "rcp-full-access": "各レベルで RCPFullAWSAccess が許可しています（カスタマー RCP は拒否しかできません）",
    "no-rcps": "リソース側のアカウントに適用されるカスタマー RCP はありません（RCP は組織の中だけのもので、RCPFullAWSAccess だけならすべて許可されます）",
    "management-account": "管理アカウントは SCP・RCP の制限を受けません",
    "rcp-unsupported-service": "このサービスは RCP の対象外です",
    "service-linked-role": "サービスにリンクされたロールは SCP・RCP の制限を受けません",
    "scp-level-no-allow": "このアクションを許可しない SCP のレベルがあります：{targets}",
    "scp-all-levels-allow": "ルートからアカウントまで、すべてのレベルの SCP が許可しています",
    "scp-not-for-caller": "SCP が制限するのはメンバーアカウントの IAM ユーザー・ロール・ルートユーザーだけで、サービスプリンシパル、SAML/OIDC によるサインイン（AssumeRoleWithSAML / WebIdentity）、匿名の呼び出し元は対象外です",
    "no-scps": "呼び出し元のアカウントに適用される SCP はありません（組織に属していないか、SCP が指定されていません）",
    "resource-allows": "リソースベースのポリシーがこの呼び出し元を許可しています",
    "resource-allows-account": "リソースベースのポリシーは呼び出し元のアカウントを許可しています。"
                               "判断はそのアカウント自身のアイデンティティベースのポリシーに委ねられます",
    "resource-no-allow": "リソースベースのポリシーにこの呼び出し元を許可する Allow がありません",
    "no-resource-policy": "リソースベースのポリシーは関係しません",
    "identity-allows": "アイデンティティベースのポリシーが許可しています",
    "identity-no-allow": "許可するアイデンティティベースのポリシーがありません",
    "no-identity-policies": "呼び出し元にアイデンティティベースのポリシーがありません",
    "root-user": "ルートユーザーは自分のアカウントに対して完全な権限を持ち、アイデンティティベースのポリシーは適用されません",
    "identity-not-for-caller": "この呼び出し元にはアイデンティティベースのポリシーは適用されません",
    "boundary-allows": "アクセス許可の境界が許可しています",
    "boundary-no-allow": "アクセス許可の境界が許可していません。境界はアイデンティティベースのポリシーで付与できる権限の上限です",
    "no-boundary": "アクセス許可の境界は設定されていません",
    "session-allows": "セッションポリシーが許可しています",
    "session-no-allow": "許可するセッションポリシーがありません。セッションポリシーはセッションの権限の上限です",
    "federated-user-needs-session-policy": "セッションポリシーのないフェデレーションユーザーのセッションは拒否されます",
    "no-session-policies": "セッションポリシーは渡されていません",
    "no-permission-needed": "sts:GetCallerIdentity にはアクセス許可が必要ありません。AWS はどのポリシーも確認しないため、"
                            "明示的な Deny があっても、署名された呼び出し元なら必ず成功します（STS API リファレンス）",
    "not-checked": "確認されません（このアクションにはアクセス許可が必要ありません）",
    "aws-owned-resource": "このリソースは AWS が所有しています（AWS 管理ポリシーなど）。リソースベースのポリシーも RCP もないため、"
                          "呼び出し元自身のポリシーで決まります",
}

FAILURE = {
    "action": "アクション {action} は {values} に含まれません",
    "action-negated": "アクション {action} は NotAction {values} で除外されています",
    "resource": "リソース {resource} は {values} に一致しません",
    "resource-negated": "リソース {resource} は NotResource {values} で除外されています",
    "resource-variable": "変数 ${{{variable}}} にこのリクエストでの値がないため、Resource は何にも一致しません",
    "principal": "呼び出し元 {principal} は Principal に含まれていません",
    "principal-negated": "呼び出し元 {principal} は NotPrincipal に含まれるため、この Deny の対象外です",
    "condition": "{operator} {key}：リクエストの値は {request_values}、ポリシーが求める値は {values} です",
    "condition-negated": "{operator} {key}：リクエストの値 {request_values} はポリシーの {values} に含まれるため、否定の条件は false です",
    "condition-missing": "{operator} {key}：リクエストに {key} がないため、条件は false です",
    "condition-variable": "{operator} {key}：変数 ${{{variable}}} に値がないため、条件は false です",
}

WORDS = {
    "matched": "一致",
    "no_value": "値なし",
    "decisive": "決め手",
    "missing_allow": "許可がなかったもの：{items}",
    "warning": "警告",
    "decided_by": "決め手となったステートメント：",
    "statement": "{policy_type}「{policy}」{target}のステートメント {statement}{sid}",
    "target": "（{target}）",
    "sid": "（{sid}）",
    "result_allow": "許可",
    "result_deny": "拒否",
    "result_no_allow": "許可なし",
    "result_not_applicable": "対象外",
    "level": "レベル {target}：{result}",
}

# Input errors and lint findings, by code. Unlisted codes fall back to the English message.
ERRORS = {
    "empty": "入力が空です。JSON オブジェクトが必要です",
    "invalid-json": "JSON として正しくありません：{detail}",
    "duplicate-key": "同じオブジェクトの中でキー {key!r} が 2 回使われています",
    "too-deep": "JSON の入れ子が深すぎます（上限 {limit} 段）",
    "not-utf8": "UTF-8 のテキストではありません（バイナリデータでは？）",
    "file-too-large": "ファイルが大きすぎます（上限 {limit_mib} MiB）",
    "unreadable": "ファイルを読めません",
    "not-a-file": "これはフォルダーです。ファイルを指定してください",
    "lone-surrogate": "対になっていないサロゲート（\\ud800 から \\udfff のエスケープ）が含まれています。"
                      "どのファイルにも画面にも表示できません",
    "missing-key": "キー {key!r} がありません",
    "type": "値の型が正しくありません",
    "bad-caller": "{value!r} は呼び出し元として使えません。IAM ユーザー ARN、引き受けたロールのセッション ARN、"
                  "ルート ARN、サービスプリンシパル、\"anonymous\" のいずれかを指定してください",
    "role-as-caller": "ロール ARN は呼び出し元になれません。ロールはセッション（assumed-role ARN）を通じて動作します",
    "wildcard-resource": "リクエストのリソースはワイルドカードなしの ARN 1 つです",
    "account-mismatch": "resource_account {value} が ARN のアカウントと食い違っています",
    "duplicate-name": "名前 {name!r} が重複しています",
    "principal-not-allowed": "このポリシータイプでは Principal / NotPrincipal は使えません",
    "notprincipal-allow": "NotPrincipal は \"Effect\": \"Deny\" とだけ組み合わせられます",
    "notprincipal-not-allowed": "このポリシータイプでは NotPrincipal は使えません",
    "unknown-operator": "条件演算子 {value!r} は存在しません",
    "rcp-principal": "RCP のステートメントには \"Principal\": \"*\" が必要です",
    "rcp-allow": "カスタマー RCP は Deny しか書けません（Allow は RCPFullAWSAccess だけです）",
    "bad-principal": "{value!r} はプリンシパルとして正しくありません",
    "principal-wildcard": "プリンシパル ARN にワイルドカードは使えません。\"*\" と aws:PrincipalArn の条件を使ってください",
    "bad-action": "{value!r} はアクションではありません（サービス:アクション の形式で書きます）",
    "bad-resource": "{value!r} はリソースではありません（ARN または \"*\"）",
    "bad-effect": "Effect は \"Allow\" か \"Deny\" です",
    "missing-element": "必須の要素がありません",
    "action-element": "Action と NotAction のどちらか一方だけが必要です",
    "resource-element": "Resource と NotResource のどちらか一方だけが必要です",
    "trust-resource": "信頼ポリシーには Resource を書きません（ロール自体がリソースです）",
    "missing-principal": "リソースベースのポリシーのステートメントには Principal が必要です",
    "unknown-element": "要素 {element!r} は存在しません",
    "bad-version": "Version は \"2012-10-17\" か \"2008-10-17\" です",
    "unknown-service": "プレフィックス {service!r} の AWS サービスはありません",
    "unknown-action": "{value!r} というアクションは定義されていません",
    "unknown-condition-key": "条件キー {key!r} はどのサービスにも定義されていません",
    "never-matches": "{operator} には {kind} の値が必要です。{value!r} は決して一致しません",
    "multivalued-without-qualifier": "{key} は複数の値を持ちうるキーです。ForAnyValue / ForAllValues を使ってください",
    "forallvalues-allow": "ForAllValues は {key} が無いときにも true になるため、この Allow はキーのないリクエストにも一致します",
    "literal-variable": "Version が \"2012-10-17\" でないため、ポリシー変数はただの文字列として扱われます",
    "unknown-key": "不明なキー {key!r} は無視されます",
    "bad-target": "{value!r} はルート（r-…）、OU（ou-…）、アカウント ID のどれでもありません",
    "wildcard-caller": "呼び出し元にワイルドカードは使えません",
    "role-arn-mismatch": "role_arn {value!r} はこのセッションのロールではありません",
    "role-arn-without-session": "role_arn は引き受けたロールのセッションにだけ指定します",
    "bad-principal-kind": "principal_kind は \"federated\" か \"service\" です（{value!r} は使えません）",
    "principal-kind-mismatch": "principal_kind {kind!r} は {value!r} に合いません",
    "federated-caller-action": "ID プロバイダーはサインインするだけです。呼び出すのは {expected} で、{value} ではありません",
    "context-contradiction": "context の {key} は {given!r} ですが、リクエストでは {derived!r} です。"
                             "呼び出し元が 2 つの異なる ID になってしまいます",
    "bad-request-action": "{value!r} はアクションではありません（ワイルドカードなしの サービス:アクション）",
    "bad-account": "resource_account は 12 桁のアカウント ID、または AWS が所有するものなら \"aws\" です",
    "aws-owned-resource-policy": "AWS が所有するものにはここでリソースベースのポリシーを指定できません",
    "aws-protected-resource": "{resource} に対する {action} は、ポリシーが何を許可していても AWS が拒否します。"
                              "変更できるのは AWS だけです",
    "empty-list": "リストが空です",
    "principal-element": "1 つのステートメントに Principal と NotPrincipal の両方は書けません",
    "bad-principal-type": "プリンシパルの種類 {value!r} は存在しません（AWS、Service、Federated、CanonicalUser のいずれか）",
    "unknown-federated-principal": "{value!r} は既知の ID プロバイダーではありません",
    "bad-operator": "{value!r} は正しい演算子ではありません（Null と IfExists は組み合わせられません）",
}

# Teaching findings of `xviz lint` (codes from xviz.engine.lint.FINDINGS).
ERRORS_FINDINGS = {
    "principal-star-unconditioned": "Principal \"*\" に条件がないため、匿名の呼び出し元を含む誰にでも許可しています。"
                                    "aws:PrincipalOrgID や aws:PrincipalArn などの条件で絞り込んでください",
    "trust-without-externalid": "この信頼ポリシーは、sts:ExternalId や組織の条件なしに別のアカウントへロールの引き受けを許しています。"
                                "複数の顧客を代行する第三者が「混乱した代理」として悪用されるおそれがあります",
    "service-principal-without-source": "aws:SourceAccount・aws:SourceArn・aws:SourceOrgID の条件なしにサービスプリンシパルを許可しています。"
                                        "サービスが別のアカウントのために動かされるおそれがあります（混乱した代理）",
    "notprincipal": "NotPrincipal は正しく書くのが難しい要素です（呼び出し元のアカウント・ロール・セッションをすべて列挙する必要があり、"
                    "アクセス許可の境界を持つ呼び出し元は必ず拒否されます）。aws:PrincipalArn の条件を使うほうが安全です",
    "action-star": "Action \"*\" はすべてのサービスのすべてのアクションを許可します",
    "notaction-allow": "NotAction を使った Allow は、列挙していないすべてのアクション（今後追加されるものも含む）を許可します",
    "notresource-allow": "NotResource を使った Allow は、列挙していないすべてのリソース（今後作られるものも含む）を許可します",
    "action-matches-nothing": "{value!r} に一致するアクションはこのサービスにありません",
    "statement-never-matches": "列挙したリソースはどれもこれらのアクションの対象にならないため、このステートメントは決して一致しません",
    "duplicate-sid": "Sid {sid!r} がこのポリシーで 2 回使われています",
    "no-statements": "ステートメントがないため、このポリシーは何も許可しません",
    "ignored-identity-policies": "この種類の呼び出し元には、アイデンティティベースのポリシー・境界・セッションポリシーは適用されません",
    "scp-level-account": "SCP の最後のレベルはプリンシパルのアカウントであるべきです",
}
ERRORS.update(ERRORS_FINDINGS)
