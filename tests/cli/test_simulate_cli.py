"""The command line contract of shared/spec/simulate-request.md: output shape and exit codes."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

from xviz.cli import main

ALLOW = {
    "request": {"principal": "arn:aws:iam::111111111111:user/alice", "action": "s3:GetObject",
                "resource": "arn:aws:s3:::bucket/key", "resource_account": "111111111111"},
    "identity_policies": [{"name": "p", "document": {"Version": "2012-10-17", "Statement": [
        {"Sid": "Read", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::bucket/*"}]}}],
}


def write(tmp_path: Path, name: str, data) -> str:
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data, indent=2), encoding="utf-8")
    return str(path)


def test_json_output_has_the_contract_keys(tmp_path, capsys):
    assert main(["simulate", write(tmp_path, "a.json", ALLOW), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert set(out) == {"decision", "decisive", "missing_allow", "trace", "warnings"}
    assert out["decision"] == "Allow"
    assert out["decisive"] == [{"policy_type": "identity", "policy": "p", "target": None, "statement": 0,
                                "sid": "Read"}]
    assert [s["step"] for s in out["trace"]] == ["explicit_deny", "rcp", "scp", "resource", "identity",
                                                 "permission_boundary", "session"]
    for step in out["trace"]:
        assert step["result"] in ("allow", "deny", "no_allow", "not_applicable")


def test_several_files_give_one_line_each_and_errors_do_not_stop_the_others(tmp_path, capsys):
    good = write(tmp_path, "good.json", ALLOW)
    bad = write(tmp_path, "bad.json", '{"request": ')
    code = main(["simulate", good, bad, good, "--json"])
    out, err = capsys.readouterr()
    lines = [json.loads(line) for line in out.splitlines()]
    assert code == 2
    assert [line["file"] for line in lines] == [good, bad, good]
    assert lines[0]["decision"] == "Allow" and lines[2]["decision"] == "Allow"
    assert lines[1]["error"]["line"] == 1 and "decision" not in lines[1]
    assert f"{bad}:1:" in err


def test_input_error_exits_2_with_file_line_column_and_path(tmp_path, capsys):
    data = json.loads(json.dumps(ALLOW))
    data["request"]["principal"] = "arn:aws:iam::111111111111:role/deployer"
    path = write(tmp_path, "role.json", data)
    assert main(["simulate", path]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"{path}:3:")
    assert "$.request.principal" in err and "Traceback" not in err


def test_readable_output_names_the_decision_and_the_statement(tmp_path, capsys):
    assert main(["simulate", write(tmp_path, "a.json", ALLOW)]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == "ALLOWED"
    assert '"p" statement 0 (Read)' in out


def test_japanese_output(tmp_path, capsys):
    assert main(["simulate", write(tmp_path, "a.json", ALLOW), "--lang", "ja"]) == 0
    assert capsys.readouterr().out.splitlines()[0] == "許可 (Allow)"


@pytest.mark.parametrize("content", [b"", b"\x00\x01\xff binary", b"[" * 100000, b'{"request": 5}'])
def test_hostile_files_exit_2_without_traceback(tmp_path, content):
    path = tmp_path / "x.json"
    path.write_bytes(content)
    proc = subprocess.run([sys.executable, "-m", "xviz", "simulate", str(path)], capture_output=True, text=True,
                          timeout=60)
    assert proc.returncode == 2
    assert proc.stderr.startswith(f"{path}:") and "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1


def test_missing_file_is_a_clear_error(tmp_path, capsys):
    assert main(["simulate", str(tmp_path / "nope.json")]) == 2
    assert "cannot read" in capsys.readouterr().err


def test_lint_reports_findings_with_positions(tmp_path, capsys):
    policy = {"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}]}
    path = write(tmp_path, "bucket.json", policy)
    assert main(["lint", path, "--type", "resource", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    codes = {d["code"]: d for d in out["diagnostics"]}
    assert out["valid"] is True
    finding = codes["principal-star-unconditioned"]
    assert finding["severity"] == "warning" and finding["line"] == 6
    assert finding["params"]["doc"].startswith("https://docs.aws.amazon.com/IAM/")


def test_lint_exits_2_on_a_policy_aws_rejects(tmp_path, capsys):
    policy = {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Principal": "*", "Action": "s3:*",
                                                      "Resource": "*"}}
    assert main(["lint", write(tmp_path, "id.json", policy), "--type", "identity"]) == 2
    assert "principal-not-allowed" in capsys.readouterr().err


@pytest.mark.parametrize("policy_type, statement, code", [
    ("trust", {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::999999999999:root"}, "Action": "sts:AssumeRole"},
     "trust-without-externalid"),
    ("resource", {"Effect": "Deny", "NotPrincipal": {"AWS": "arn:aws:iam::999999999999:root"}, "Action": "s3:*",
                  "Resource": "*"}, "notprincipal"),
    ("identity", {"Effect": "Allow", "Action": "*", "Resource": "*"}, "action-star"),
    ("identity", {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*",
                  "Condition": {"ForAllValues:StringEquals": {"aws:TagKeys": ["a"]}}}, "forallvalues-allow"),
    ("identity", {"Effect": "Allow", "Action": "s3:GetObjekt", "Resource": "*"}, "unknown-action"),
    ("identity", {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*",
                  "Condition": {"StringEquals": {"aws:PrincipalOrgIDs": "o-1"}}}, "unknown-condition-key"),
    ("resource", {"Effect": "Allow", "Principal": {"Service": "cloudtrail.amazonaws.com"}, "Action": "s3:PutObject",
                  "Resource": "arn:aws:s3:::logs/*"}, "service-principal-without-source"),
])
def test_lint_teaching_findings(tmp_path, capsys, policy_type, statement, code):
    path = write(tmp_path, "p.json", {"Version": "2012-10-17", "Statement": [statement]})
    main(["lint", path, "--type", policy_type, "--json"])
    assert code in {d["code"] for d in json.loads(capsys.readouterr().out)["diagnostics"]}


def test_lint_trust_with_external_id_is_quiet(tmp_path, capsys):
    statement = {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::999999999999:root"}, "Action": "sts:AssumeRole",
                 "Condition": {"StringEquals": {"sts:ExternalId": "Unique-ID-12345"}}}
    path = write(tmp_path, "t.json", {"Version": "2012-10-17", "Statement": [statement]})
    assert main(["lint", path, "--type", "trust", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["diagnostics"] == []


def test_bench_engine_prints_one_json_line_per_file(tmp_path, capsys):
    path = write(tmp_path, "a.json", ALLOW)
    assert main(["bench", "engine", path, path, "--json", "--seconds", "0.05"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["file"] for r in rows] == [path, path]
    assert all(r["evals_per_sec_cold"] > 0 and r["evals_per_sec_warm"] > 0 for r in rows)
    assert all(r["evals_per_sec_first_sight"] > 0 for r in rows)


def test_bench_engine_on_cpu_time(tmp_path, capsys):
    path = write(tmp_path, "a.json", ALLOW)
    assert main(["bench", "engine", path, "--seconds", "0.05", "--cpu"]) == 0
    assert "first sight" in capsys.readouterr().out


FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "simulate"


def test_protected_resource_warning_reads_in_japanese(capsys):
    assert main(["simulate", str(FIXTURES / "rule-27-aws-managed-policy.json"), "--lang", "ja"]) == 0
    last = capsys.readouterr().out.strip().splitlines()[-1]
    assert last.startswith("警告: ") and "AWS が拒否します" in last and "iam:CreatePolicyVersion" in last


def test_get_caller_identity_says_why_in_both_languages(capsys):
    path = str(FIXTURES / "rule-25-get-caller-identity-under-deny.json")
    assert main(["simulate", path]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == "ALLOWED" and "needs no permission" in out
    assert main(["simulate", path, "--lang", "ja"]) == 0
    assert "アクセス許可が必要ありません" in capsys.readouterr().out


def test_contradiction_error_in_japanese_names_both_values(capsys):
    path = str(FIXTURES / "errors" / "context-username.json")
    assert main(["simulate", path, "--lang", "ja"]) == 2
    err = capsys.readouterr().err
    assert "'bob'" in err and "'alice'" in err and "リクエストでは" in err


def test_lint_accepts_an_ecr_repository_policy_without_resource(tmp_path, capsys):
    policy = {"Version": "2008-10-17", "Statement": [{"Sid": "Pull", "Effect": "Allow",
                                                      "Principal": {"AWS": "arn:aws:iam::444455556666:root"},
                                                      "Action": ["ecr:BatchGetImage"]}]}
    path = write(tmp_path, "repo.json", policy)
    assert main(["lint", path, "--type", "resource", "--service", "ecr"]) == 0
    assert main(["lint", path, "--type", "resource"]) == 2  # an S3 or SQS policy needs its Resource
    assert "resource-element" in capsys.readouterr().err
