using System.Collections.Immutable;

namespace Shipshape.Rules.Iam;

/// <summary>SHP-IAM-121: actions that create or return credentials of other identities or resources, on every resource.</summary>
public sealed class CredentialsExposureRule : SensitiveActionsRule
{
    public override string Id => "SHP-IAM-121";

    /// <summary>
    /// Each returns a secret usable as someone else (service authorization reference): new or reactivated access keys
    /// and console passwords of IAM users, service-specific credentials (CodeCommit, Keyspaces), federation tokens,
    /// database passwords and temporary credentials of other principals. ecr:GetAuthorizationToken and
    /// sts:GetSessionToken only return the caller's own access and are not listed.
    /// </summary>
    protected override ImmutableHashSet<string> Actions { get; } = ImmutableHashSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "iam:CreateAccessKey", "iam:UpdateAccessKey", "iam:CreateLoginProfile", "iam:UpdateLoginProfile",
        "iam:CreateServiceSpecificCredential", "iam:ResetServiceSpecificCredential", "iam:UploadSSHPublicKey",
        "sts:GetFederationToken", "redshift:GetClusterCredentials", "redshift:GetClusterCredentialsWithIAM",
        "redshift-serverless:GetCredentials", "lightsail:GetInstanceAccessDetails", "lightsail:GetRelationalDatabaseMasterUserPassword",
        "cognito-identity:GetCredentialsForIdentity", "cognito-identity:GetOpenIdTokenForDeveloperIdentity",
        "connect:GetFederationToken", "gamelift:RequestUploadCredentials", "gamelift:GetInstanceAccess",
        "ec2:GetPasswordData", "ec2-instance-connect:SendSSHPublicKey", "chime:CreateApiKey", "appsync:CreateApiKey",
        "mediapackage:RotateIngestEndpointCredentials");

    protected override string What => "create or return credentials of other identities";
}
