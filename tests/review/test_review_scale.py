"""The generated organization (tests/review/generate_export.py) imports and answers; `xviz bench review`
prints its figures (speed is measured by the bench command, never asserted here)."""
from __future__ import annotations

import json

from generate_export import account_id, generate
from review_support import xviz

OIDC_CLAIM = "token.actions.githubusercontent.com:sub=repo:example-org/app"


def test_generated_export_imports_and_every_question_kind_answers(tmp_path):
    asked = generate(tmp_path / "export", accounts=13, roles_per_account=6)
    out = tmp_path / "org.yaml"
    done = xviz("import", tmp_path / "export", "-o", out)
    assert done.returncode == 0, done.stderr
    assert "13 accounts" in done.stdout and "63 roles" in done.stdout  # 10 workloads x 6, Auditor, CI, management
    assert xviz("check", "--quiet", out).returncode == 0
    who = json.loads(xviz("who-can", out, "--action", asked["action"], "--resource", asked["resource"],
                          "--json").stdout)
    assert f"arn:aws:iam::{account_id(2)}:role/Auditor" in who["principals"]
    provider = f"arn:aws:iam::{account_id(3)}:oidc-provider/token.actions.githubusercontent.com"
    reached = json.loads(xviz("reach", out, "--from", provider, "--context", OIDC_CLAIM, "--json").stdout)["roles"]
    deploys = [r for r in reached if r["role"].endswith(":role/Deploy")]
    assert len(deploys) == 10 and all(len(r["chain"]) == 3 for r in deploys)  # provider -> CI -> Deploy


def test_bench_review_prints_one_figure_line_per_export(tmp_path):
    for n in (5, 10):
        generate(tmp_path / f"g{n}", accounts=n, roles_per_account=5)
    done = xviz("bench", "review", tmp_path / "g5", tmp_path / "g10", "--json")
    assert done.returncode == 0, done.stderr
    rows = [json.loads(line) for line in done.stdout.splitlines()]
    assert [r["accounts"] for r in rows] == [5, 10]
    assert {"import_s", "open_s", "who_can_s", "reach_s"} <= set(rows[0])
