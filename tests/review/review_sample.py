"""A small organization written by hand as an AWS CLI export: every case issue 16 asks for.

Accounts: Management (root), Log Archive (Security OU), Shared Services (Workloads OU), Prod App
(Prod OU under Workloads), Sandbox (in the organization, not exported) and a vendor outside it.
"""
from __future__ import annotations

from pathlib import Path

from cli_shapes import ExportWriter, allow, doc, group, managed_policy, role, trust, user

ORG, ROOT = "o-7k2m9q4w1z", "r-7k2m"
SECURITY, WORKLOADS, PROD_OU = "ou-7k2m-secu1234", "ou-7k2m-wkld1234", "ou-7k2m-prod1234"
MGMT, LOG, PROD, SHARED, SANDBOX, VENDOR = ("210987654321", "345678901234", "456789012345", "567890123456",
                                            "678901234567", "999988887777")
REGION = "eu-west-1"
LOGS_BUCKET = "acme-cloudtrail-logs"
GITHUB = f"arn:aws:iam::{PROD}:oidc-provider/token.actions.githubusercontent.com"
CORP_IDP = f"arn:aws:iam::{SHARED}:saml-provider/CorpIdP"
AUDITOR = f"arn:aws:iam::{SHARED}:role/CrossAccountAuditor"
AUDIT_READER = f"arn:aws:iam::{LOG}:role/security/audit/AuditReader"
DEPLOY = f"arn:aws:iam::{PROD}:role/cicd/GitHubDeploy"
DEVELOPER_ACCESS = f"arn:aws:iam::{SHARED}:policy/DeveloperAccess"
DEV_BOUNDARY = f"arn:aws:iam::{SHARED}:policy/boundaries/DevBoundary"
ADMIN = "arn:aws:iam::aws:policy/AdministratorAccess"
GITHUB_SUB = "repo:acme-corp/app:ref:refs/heads/main"
ECR_PULL = ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"]


def write_sample(root: Path, ecr_without_resource: bool = False) -> Path:
    x = ExportWriter(root)
    _organization(x)
    _log_archive(x)
    _shared_services(x)
    _prod(x, ecr_without_resource)
    x.authorization_details(MGMT, roles=[role(MGMT, "OrganizationAccountAccessRole",
                                              trust({"AWS": f"arn:aws:iam::{MGMT}:root"}), managed=[ADMIN])],
                            policies=[managed_policy(ADMIN, [doc(allow("*"))], 1)])
    return root


def _organization(x: ExportWriter) -> None:
    x.organization(ORG, MGMT, "aws-management@acme-corp.com")
    x.roots(ORG, MGMT, ROOT)
    x.ous(ROOT, [(SECURITY, "Security"), (WORKLOADS, "Workloads")])
    x.ous(SECURITY, [])
    x.ous(WORKLOADS, [(PROD_OU, "Prod")])
    x.ous(PROD_OU, [])
    x.accounts(ROOT, [(MGMT, "Management", "aws-management@acme-corp.com")])
    x.accounts(SECURITY, [(LOG, "Log Archive", "aws-logs@acme-corp.com")])
    x.accounts(WORKLOADS, [(SHARED, "Shared Services", "aws-shared@acme-corp.com"),
                           (SANDBOX, "Sandbox", "aws-sandbox@acme-corp.com")])
    x.accounts(PROD_OU, [(PROD, "Prod App", "aws-prod@acme-corp.com")])
    everywhere = [ROOT, SECURITY, WORKLOADS, PROD_OU, MGMT, LOG, SHARED, SANDBOX, PROD]
    x.org_policies("SERVICE_CONTROL_POLICY", [
        ("p-FullAWSAccess", "FullAWSAccess", doc(allow("*")), everywhere, True),
        ("p-denyleave1", "DenyLeaveOrganization",
         doc({"Effect": "Deny", "Action": "organizations:LeaveOrganization", "Resource": "*"}), [ROOT], False),
        ("p-unused01", "NotAttached", doc({"Effect": "Deny", "Action": "*", "Resource": "*"}), [], False),
    ])
    x.org_policies("RESOURCE_CONTROL_POLICY", [
        ("p-RCPFullAWSAccess", "RCPFullAWSAccess",
         doc({"Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*"}), [ROOT], True),
        ("p-rcptls001", "EnforceTLS", doc({"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "*",
                                            "Condition": {"BoolIfExists": {"aws:SecureTransport": "false"}}}),
         [SECURITY], False),
    ])


def _log_archive(x: ExportWriter) -> None:
    x.authorization_details(LOG, roles=[
        role(LOG, "AuditReader", trust({"AWS": AUDITOR}), path="/security/audit/",
             inline={"ReadTrail": doc(allow("s3:GetObject", f"arn:aws:s3:::{LOGS_BUCKET}/*"))}),
        role(LOG, "LogAdmin", trust({"AWS": f"arn:aws:iam::{MGMT}:root"}), managed=[ADMIN]),
    ], policies=[managed_policy(ADMIN, [doc(allow("*"))], 1)])
    x.resource(LOG, REGION, "s3", LOGS_BUCKET, {"Policy": _json(doc(
        {"Sid": "CloudTrailWrite", "Effect": "Allow", "Principal": {"Service": "cloudtrail.amazonaws.com"},
         "Action": "s3:PutObject", "Resource": f"arn:aws:s3:::{LOGS_BUCKET}/AWSLogs/*",
         "Condition": {"StringEquals": {"aws:SourceOrgID": ORG}}},
        {"Sid": "AuditorRead", "Effect": "Allow", "Principal": {"AWS": AUDITOR},
         "Action": "s3:GetObject", "Resource": f"arn:aws:s3:::{LOGS_BUCKET}/*"},
        {"Sid": "VendorRead", "Effect": "Allow", "Principal": {"AWS": VENDOR},
         "Action": "s3:GetObject", "Resource": f"arn:aws:s3:::{LOGS_BUCKET}/*"}))})
    x.resource(LOG, "us-east-1", "s3", "acme-public-assets", {"Policy": _json(doc(
        {"Sid": "PublicRead", "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject",
         "Resource": "arn:aws:s3:::acme-public-assets/*"}))})
    x.resource(LOG, REGION, "kms", "1234abcd-12ab-34cd-56ef-1234567890ab", {"Policy": _json(doc(
        {"Sid": "Root", "Effect": "Allow", "Principal": {"AWS": f"arn:aws:iam::{LOG}:root"}, "Action": "kms:*",
         "Resource": "*"},
        {"Sid": "AuditorDecrypt", "Effect": "Allow", "Principal": {"AWS": AUDITOR}, "Action": "kms:Decrypt",
         "Resource": "*"})), "PolicyName": "default"})


def _shared_services(x: ExportWriter) -> None:
    developer_v1 = doc(allow("s3:*"))
    developer_v2 = doc(allow("s3:GetObject", f"arn:aws:s3:::{LOGS_BUCKET}/*"),
                       allow("sts:AssumeRole", AUDITOR))
    boundary = doc(allow(["s3:Get*", "s3:List*", "sts:AssumeRole"]))
    x.authorization_details(SHARED, groups=[group(SHARED, "Developers", managed=[DEVELOPER_ACCESS])], users=[
        user(SHARED, "alice", groups=["Developers"], boundary=DEV_BOUNDARY, tags={"team": "data"},
             inline={"PutReports": doc(allow("s3:PutObject", "arn:aws:s3:::acme-shared-reports/*"))}),
        user(SHARED, "bob", path="/ops/", inline={"AssumeAny": doc(allow("sts:AssumeRole"))}),
    ], roles=[
        role(SHARED, "CrossAccountAuditor", trust({"AWS": f"arn:aws:iam::{SHARED}:root"}), inline={
            "Audit": doc(allow("sts:AssumeRole", AUDIT_READER),
                         allow("s3:GetObject", f"arn:aws:s3:::{LOGS_BUCKET}/*"), allow("kms:Decrypt"))}),
        role(SHARED, "CorpAdmin", trust({"Federated": CORP_IDP}, "sts:AssumeRoleWithSAML", Condition={
            "StringEquals": {"SAML:aud": "https://signin.aws.amazon.com/saml"}}),
             inline={"AssumeAny": doc(allow("sts:AssumeRole"))}),
        role(SHARED, "VendorAccess", trust({"AWS": f"arn:aws:iam::{VENDOR}:root"}),
             inline={"Read": doc(allow("s3:GetObject"))}),
        role(SHARED, "VendorAccessSafe", trust({"AWS": f"arn:aws:iam::{VENDOR}:root"},
                                               Condition={"StringEquals": {"sts:ExternalId": "acme-7731"}})),
    ], policies=[managed_policy(DEVELOPER_ACCESS, [developer_v1, developer_v2], 2),
                 managed_policy(DEV_BOUNDARY, [boundary], 1, path="/boundaries/")])
    x.resource(SHARED, REGION, "s3", "acme-shared-reports", {})  # no bucket policy: `xviz collect` writes {}
    x.put(f"accounts/{SHARED}/list-saml-providers.json", {"SAMLProviderList": [
        {"Arn": CORP_IDP, "ValidUntil": "2030-01-01T00:00:00Z", "CreateDate": "2024-01-01T00:00:00Z"}]})


def _prod(x: ExportWriter, ecr_without_resource: bool) -> None:
    deploy_permissions = f"arn:aws:iam::{PROD}:policy/deploy/DeployPermissions"
    x.authorization_details(PROD, roles=[
        role(PROD, "GitHubDeploy", trust({"Federated": GITHUB}, "sts:AssumeRoleWithWebIdentity", Condition={
            "StringEquals": {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"},
            "StringLike": {"token.actions.githubusercontent.com:sub": "repo:acme-corp/app:*"}}),
             path="/cicd/", trust_as_text=True,
             inline={"Deploy": doc(allow("sts:AssumeRole", f"arn:aws:iam::{PROD}:role/DeployTarget"))}),
        role(PROD, "DeployTarget", trust({"AWS": DEPLOY}), managed=[deploy_permissions]),
        role(PROD, "BreakGlass", trust({"AWS": f"arn:aws:iam::{SHARED}:role/CorpAdmin"}), managed=[ADMIN]),
    ], policies=[managed_policy(deploy_permissions, [doc(allow(["lambda:UpdateFunctionCode", *ECR_PULL]))], 1,
                                path="/deploy/"),
                 managed_policy(ADMIN, [doc(allow("*"))], 1)])
    x.put(f"accounts/{PROD}/list-open-id-connect-providers.json", {"OpenIDConnectProviderList": [{"Arn": GITHUB}]})
    fn = f"arn:aws:lambda:{REGION}:{PROD}:function:app-fn"
    x.resource(PROD, REGION, "lambda", "app-fn", {"Policy": _json(doc(
        {"Sid": "ApiInvoke", "Effect": "Allow", "Principal": {"Service": "apigateway.amazonaws.com"},
         "Action": "lambda:InvokeFunction", "Resource": fn,
         "Condition": {"ArnLike": {"AWS:SourceArn": f"arn:aws:execute-api:{REGION}:{PROD}:abc123/*"}}})),
        "RevisionId": "0a1b2c3d-0000-0000-0000-000000000000"})
    queue = f"arn:aws:sqs:{REGION}:{PROD}:app-queue"
    x.resource(PROD, REGION, "sqs", "app-queue", {"Attributes": {"QueueArn": queue, "Policy": _json(doc(
        {"Effect": "Allow", "Principal": {"AWS": AUDITOR}, "Action": "sqs:SendMessage", "Resource": queue}))}})
    topic = f"arn:aws:sns:{REGION}:{PROD}:app-topic"
    x.resource(PROD, REGION, "sns", "app-topic", {"Attributes": {"TopicArn": topic, "Policy": _json(doc(
        {"Effect": "Allow", "Principal": {"Service": "events.amazonaws.com"}, "Action": "sns:Publish",
         "Resource": topic}))}})
    secret = f"arn:aws:secretsmanager:{REGION}:{PROD}:secret:prod/db/password-AbCdEf"
    x.resource(PROD, REGION, "secretsmanager", "prod/db/password", {"ARN": secret, "Name": "prod/db/password",
               "ResourcePolicy": _json(doc({"Effect": "Allow", "Principal": {"AWS": DEPLOY},
                                            "Action": "secretsmanager:GetSecretValue", "Resource": "*"}))})
    repo = f"arn:aws:ecr:{REGION}:{PROD}:repository/app/web"
    pull = {"Sid": "DeployPull", "Effect": "Allow", "Principal": {"AWS": f"arn:aws:iam::{PROD}:role/DeployTarget"},
            "Action": ECR_PULL}
    if not ecr_without_resource:
        pull["Resource"] = repo  # as written by hand; AWS's own output has no Resource (see the xfail test)
    x.resource(PROD, REGION, "ecr", "app/web", {"registryId": PROD, "repositoryName": "app/web",
                                               "policyText": _json(doc(pull))})


def _json(document: dict) -> str:
    import json
    return json.dumps(document, indent=2)
