using System.Collections.Immutable;

namespace Shipshape.Rules.Logging;

/// <summary>
/// The CIS AWS Foundations Benchmark monitoring set (section 4 in v1.4 to v3.0; Security Hub CloudWatch.1 to
/// CloudWatch.14), each as the CloudTrail events its metric filter must match. Event names come from the benchmark's
/// own patterns; the samples carry the fields a CloudTrail record has (CloudTrail record contents), so filters that
/// add conditions on them (say, excluding AWS service events) still match.
/// </summary>
internal static class MonitoredActivities
{
    public static readonly ImmutableArray<MonitoredActivity> All =
    [
        new("SHP-LOG-016", "unauthorised API calls",
            [Api("ec2.amazonaws.com", "DescribeInstances", ("errorCode", "Client.UnauthorizedOperation")), Api("s3.amazonaws.com", "GetObject", ("errorCode", "AccessDenied"))]),
        new("SHP-LOG-017", "console authentication failures",
            [Console(("errorMessage", "Failed authentication"), ("responseElements.ConsoleLogin", "Failure"))]),
        new("SHP-LOG-040", "console sign-in without MFA",
            [Console(("additionalEventData.MFAUsed", "No"), ("responseElements.ConsoleLogin", "Success"))]),
        new("SHP-LOG-041", "use of the root user",
            [Api("s3.amazonaws.com", "ListBuckets", ("userIdentity.type", "Root"), ("userIdentity.arn", "arn:aws:iam::111122223333:root"))]),
        new("SHP-LOG-042", "IAM policy changes",
            Calls("iam.amazonaws.com", "DeleteGroupPolicy", "DeleteRolePolicy", "DeleteUserPolicy", "PutGroupPolicy", "PutRolePolicy",
                "PutUserPolicy", "CreatePolicy", "DeletePolicy", "CreatePolicyVersion", "DeletePolicyVersion", "AttachRolePolicy",
                "DetachRolePolicy", "AttachUserPolicy", "DetachUserPolicy", "AttachGroupPolicy", "DetachGroupPolicy")),
        new("SHP-LOG-043", "CloudTrail configuration changes",
            Calls("cloudtrail.amazonaws.com", "CreateTrail", "UpdateTrail", "DeleteTrail", "StartLogging", "StopLogging")),
        new("SHP-LOG-044", "customer managed keys being disabled or scheduled for deletion",
            Calls("kms.amazonaws.com", "DisableKey", "ScheduleKeyDeletion")),
        new("SHP-LOG-045", "S3 bucket policy changes",
            Calls("s3.amazonaws.com", "PutBucketAcl", "PutBucketPolicy", "PutBucketCors", "PutBucketLifecycle", "PutBucketReplication",
                "DeleteBucketPolicy", "DeleteBucketCors", "DeleteBucketLifecycle", "DeleteBucketReplication")),
        new("SHP-LOG-046", "AWS Config configuration changes",
            Calls("config.amazonaws.com", "StopConfigurationRecorder", "DeleteDeliveryChannel", "PutDeliveryChannel", "PutConfigurationRecorder")),
        new("SHP-LOG-047", "security group changes",
            Calls("ec2.amazonaws.com", "AuthorizeSecurityGroupIngress", "AuthorizeSecurityGroupEgress", "RevokeSecurityGroupIngress",
                "RevokeSecurityGroupEgress", "CreateSecurityGroup", "DeleteSecurityGroup")),
        new("SHP-LOG-048", "network ACL changes",
            Calls("ec2.amazonaws.com", "CreateNetworkAcl", "CreateNetworkAclEntry", "DeleteNetworkAcl", "DeleteNetworkAclEntry",
                "ReplaceNetworkAclEntry", "ReplaceNetworkAclAssociation")),
        new("SHP-LOG-049", "network gateway changes",
            Calls("ec2.amazonaws.com", "CreateCustomerGateway", "DeleteCustomerGateway", "AttachInternetGateway", "CreateInternetGateway",
                "DeleteInternetGateway", "DetachInternetGateway")),
        new("SHP-LOG-050", "route table changes",
            Calls("ec2.amazonaws.com", "CreateRoute", "CreateRouteTable", "ReplaceRoute", "ReplaceRouteTableAssociation", "DeleteRouteTable",
                "DeleteRoute", "DisassociateRouteTable")),
        // The benchmark's pattern also lists the EC2-Classic ClassicLink calls; EC2-Classic was retired in 2022, so a
        // filter without them is not reported.
        new("SHP-LOG-051", "VPC changes",
            Calls("ec2.amazonaws.com", "CreateVpc", "DeleteVpc", "ModifyVpcAttribute", "AcceptVpcPeeringConnection", "CreateVpcPeeringConnection",
                "DeleteVpcPeeringConnection", "RejectVpcPeeringConnection")),
        new("SHP-LOG-052", "AWS Organizations changes",
            Calls("organizations.amazonaws.com", "AcceptHandshake", "AttachPolicy", "CreateAccount", "CreateOrganizationalUnit", "CreatePolicy",
                "DeclineHandshake", "DeleteOrganization", "DeleteOrganizationalUnit", "DeletePolicy", "DetachPolicy", "DisablePolicyType",
                "EnablePolicyType", "InviteAccountToOrganization", "LeaveOrganization", "MoveAccount", "RemoveAccountFromOrganization",
                "UpdatePolicy", "UpdateOrganizationalUnit")),
    ];

    private static ImmutableArray<ImmutableDictionary<string, string>> Calls(string source, params string[] names) =>
        [.. names.Select(name => Api(source, name))];

    /// <summary>An API call made by an IAM user, as CloudTrail records it; extra fields override the defaults.</summary>
    private static ImmutableDictionary<string, string> Api(string source, string name, params (string Key, string Value)[] extra)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["eventVersion"] = "1.09",
            ["eventType"] = "AwsApiCall",
            ["eventSource"] = source,
            ["eventName"] = name,
            ["awsRegion"] = "us-east-1",
            ["sourceIPAddress"] = "203.0.113.10",
            ["userAgent"] = "aws-cli/2.15.0",
            ["userIdentity.type"] = "IAMUser",
            ["userIdentity.arn"] = "arn:aws:iam::111122223333:user/alice",
            ["userIdentity.accountId"] = "111122223333",
            ["recipientAccountId"] = "111122223333",
            ["readOnly"] = "false",
            ["managementEvent"] = "true",
        };
        foreach (var (key, value) in extra)
        {
            fields[key] = value;
        }

        return fields.ToImmutableDictionary(StringComparer.Ordinal);
    }

    /// <summary>A console sign-in by an IAM user (CloudTrail: AWS console sign-in events).</summary>
    private static ImmutableDictionary<string, string> Console(params (string Key, string Value)[] extra) =>
        Api("signin.amazonaws.com", "ConsoleLogin", [("eventType", "AwsConsoleSignIn"), .. extra]);
}
