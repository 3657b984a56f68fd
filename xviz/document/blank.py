"""The blank template: the smallest world that runs (one account, one user, one bucket, one step)."""

BLANK_SCENARIO = """\
version: 1
id: untitled
title: {en: Untitled, ja: 無題}
summary:
  en: A small world to start from. Edit the policy and watch the verdict change.
  ja: 出発点となる小さな世界です。ポリシーを編集して判定の変化を見てください。
world:
  accounts:
    "111111111111": {name: Example}
  users:
    alice:
      account: "111111111111"
      policies:
        ReadExample: |
          {
            "Version": "2012-10-17",
            "Statement": [
              {
                "Effect": "Allow",
                "Action": "s3:GetObject",
                "Resource": "arn:aws:s3:::example-bucket/*"
              }
            ]
          }
  resources:
    example-bucket: {type: s3-bucket, account: "111111111111"}
flows:
  main:
    title: {en: Alice reads an object, ja: Alice がオブジェクトを読み取る}
    steps:
      - id: read
        actor: {user: alice}
        action: s3:GetObject
        target: example-bucket
        object: notes.txt
        narration:
          en: Alice's identity-based policy decides, in her own account.
          ja: Alice 自身のアカウント内なので、Alice のアイデンティティベースのポリシーが判断します。
"""
