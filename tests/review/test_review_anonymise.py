"""`xviz import --anonymise`: ids, names and emails become placeholders, consistently everywhere."""
from __future__ import annotations

import json
import re

import pytest
from review_sample import LOG, MGMT, PROD, PROD_OU, ROOT, SANDBOX, SECURITY, SHARED, VENDOR, WORKLOADS, write_sample
from review_support import review_index, xviz

from xviz.review.anonymise import account_placeholder
from xviz.review.reach import reach
from xviz.review.who_can import who_can
from xviz.scenario import loads

ORIGINALS = [MGMT, LOG, PROD, SHARED, SANDBOX, VENDOR, "o-7k2m9q4w1z", ROOT, SECURITY, WORKLOADS, PROD_OU,
             "acme", "Log Archive", "Prod App", "Shared Services", "Sandbox"]


@pytest.fixture(scope="module")
def anonymised(tmp_path_factory):
    root = tmp_path_factory.mktemp("anon")
    write_sample(root / "export")
    done = xviz("import", root / "export", "-o", root / "anon.yaml", "--anonymise")
    assert done.returncode == 0, done.stderr
    return (root / "anon.yaml").read_text(encoding="utf-8")


def test_no_original_id_name_or_domain_word_is_left(anonymised):
    left = [o for o in ORIGINALS if o.lower() in anonymised.lower()]
    assert left == []
    assert re.findall(r"\b\d{12}\b", anonymised)  # ids are still there, as placeholders
    assert set(re.findall(r"\b\d{12}\b", anonymised)) <= {account_placeholder(n) for n in range(1, 7)}


def test_placeholders_follow_the_source_documents_style(anonymised):
    world = loads(anonymised, "anon.yaml").model.world
    assert world.organization.id == "o-xxxxxxxxxx" and world.organization.root == "r-xxxx"
    assert world.organization.management_account == "111111111111"  # the management account comes first
    assert set(world.organization.ous) == {"ou-xxxx-00000001", "ou-xxxx-00000002", "ou-xxxx-00000003"}
    assert world.accounts["111111111111"].name == "Account 1"
    assert [a.name for a in world.accounts.values() if a.external] == ["External account 6"]
    assert [account_placeholder(n) for n in (1, 9, 10, 11)] == [
        "111111111111", "999999999999", "100000000010", "100000000011"]


def test_the_anonymised_organization_answers_the_same_questions(anonymised, tmp_path):
    index = review_index(anonymised)
    # SHARED was the 4th id in order (management first, then numeric): 444444444444; LOG the 2nd.
    auditor = "arn:aws:iam::444444444444:role/CrossAccountAuditor"
    answers = [a.principal for a in who_can(index, "s3:GetObject", "arn:aws:s3:::example-cloudtrail-logs/x")]
    assert answers == ["arn:aws:iam::222222222222:role/LogAdmin",
                       "arn:aws:iam::222222222222:role/security/audit/AuditReader", auditor,
                       "arn:aws:iam::666666666666:root"]
    chains = [r.chain for r in reach(index, "arn:aws:iam::444444444444:user/alice")]
    assert chains[0][-1] == "arn:aws:iam::222222222222:role/security/audit/AuditReader"
    path = tmp_path / "anon.yaml"
    path.write_text(anonymised, encoding="utf-8")
    assert xviz("check", "--quiet", path).returncode == 0
    assert json.loads(xviz("run", path, "--json").stdout)["steps"][0]["caller"] == "arn:aws:iam::111111111111:root"
