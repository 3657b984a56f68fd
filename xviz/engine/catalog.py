"""What AWS defines, as far as the engine checks it: service prefixes, the STS actions, the global
condition keys. Used only for warnings ("no AWS service defines this"), never for decisions.

Sources: the Service Authorization Reference and IAM UG reference_policies_condition-keys.html.
"""
from __future__ import annotations

# Service prefixes the curriculum and common policies use; an unknown prefix gets a warning.
SERVICES = frozenset("""
access-analyzer account acm apigateway application-autoscaling appsync athena autoscaling backup batch
bedrock budgets ce cloud9 cloudformation cloudfront cloudhsm cloudshell cloudtrail cloudwatch codeartifact
codebuild codecommit codedeploy codepipeline codestar-connections cognito-identity cognito-idp config
datasync dms ds dynamodb ebs ec2 ec2messages ecr ecr-public ecs eks elasticache elasticbeanstalk
elasticfilesystem elasticloadbalancing elasticmapreduce es events execute-api firehose fsx glacier glue
guardduty health iam identitystore identity-sync imagebuilder inspector inspector2 iot kafka kinesis kms
lakeformation lambda license-manager logs macie2 mq network-firewall organizations pi pricing
quicksight ram rds rds-data rds-db redshift redshift-data resource-explorer-2 resource-groups route53
route53domains route53resolver s3 s3-object-lambda s3express sagemaker scheduler schemas sdb
secretsmanager securityhub servicecatalog servicequotas ses shield signer sns sqs ssm ssm-incidents
ssmmessages sso sso-directory sso-oauth states storagegateway sts support swf synthetics tag textract
transfer transitgateway translate trustedadvisor vpc-lattice waf waf-regional wafv2 wellarchitected
workspaces xray
""".split())

# Services whose every action the engine knows, so an unknown action there gets a warning.
ACTIONS = {
    "sts": frozenset(a.lower() for a in """
AssumeRole AssumeRoleWithSAML AssumeRoleWithWebIdentity AssumeRoot DecodeAuthorizationMessage
GetAccessKeyInfo GetCallerIdentity GetDelegatedAccessToken GetFederationToken GetServiceBearerToken
GetSessionToken GetWebIdentityToken SetContext SetSourceIdentity TagSession
""".split()),
}

# Global condition keys (lower-case); a trailing "/" means a key family such as aws:PrincipalTag/KEY.
GLOBAL_KEYS = frozenset(k.lower() for k in """
aws:AssumedRoot aws:CalledVia aws:CalledViaFirst aws:CalledViaLast aws:ChatbotSourceArn aws:CurrentTime
aws:EpochTime aws:Ec2InstanceSourcePrivateIPv4 aws:Ec2InstanceSourceVpc aws:FederatedProvider
aws:IsMcpServiceAction aws:MultiFactorAuthAge aws:MultiFactorAuthPresent aws:PrincipalAccount
aws:PrincipalArn aws:PrincipalIsAWSService aws:PrincipalOrgID aws:PrincipalOrgPaths
aws:PrincipalServiceName aws:PrincipalServiceNamesList aws:PrincipalType aws:Referer aws:RequestedRegion
aws:ResourceAccount aws:ResourceOrgID aws:ResourceOrgPaths aws:SecureTransport aws:SourceAccount
aws:SourceArn aws:SourceIdentity aws:SourceIp aws:SourceOrgID aws:SourceOrgPaths aws:SourceOwner
aws:SourceVpc aws:SourceVpcArn aws:SourceVpce aws:TagKeys aws:TokenIssueTime aws:UserAgent aws:userid
aws:username aws:ViaAWSService aws:VpcSourceIp aws:VpceAccount aws:VpceOrgID aws:VpceOrgPaths
""".split())
GLOBAL_KEY_FAMILIES = ("aws:principaltag/", "aws:requesttag/", "aws:resourcetag/")

STS_KEYS = frozenset(k.lower() for k in """
sts:AWSServiceName sts:DurationSeconds sts:ExternalId sts:RoleSessionName sts:SourceIdentity
sts:TaskPolicyArn sts:TransitiveTagKeys sts:RequestContext sts:RequestContextProviders sts:SetContext
""".split())
STS_KEY_FAMILIES = ("saml:", "accounts.google.com:", "cognito-identity.amazonaws.com:",
                    "graph.facebook.com:", "www.amazon.com:")

# Keys that hold several values in one request: without ForAllValues/ForAnyValue a test on them is
# probably a mistake (reference_policies_multi-value-conditions.html).
MULTIVALUED_KEYS = frozenset(k.lower() for k in """
aws:CalledVia aws:PrincipalOrgPaths aws:PrincipalServiceNamesList aws:ResourceOrgPaths
aws:SourceOrgPaths aws:TagKeys aws:VpceOrgPaths sts:TransitiveTagKeys
""".split())


def action_is_known(service: str, name: str) -> bool | None:
    """True/False when the engine knows the service's full action list, None when it cannot tell."""
    known = ACTIONS.get(service)
    if known is None:
        return None
    return name in known


def condition_key_is_known(key_lower: str) -> bool | None:
    """True/False for the global (aws:) and STS keys, None for other services' keys."""
    if key_lower.startswith("aws:"):
        return key_lower in GLOBAL_KEYS or key_lower.startswith(GLOBAL_KEY_FAMILIES)
    if key_lower.startswith("sts:"):
        return key_lower in STS_KEYS
    return None
