namespace Shipshape.Core.Model;

/// <summary>The account's password policy for IAM users (Terraform aws_iam_account_password_policy; CloudFormation has no such resource).</summary>
public sealed record IamPasswordPolicy : Resource
{
    /// <summary>minimum_password_length; IAM's default when unset is 8.</summary>
    public required Value<int?> MinimumLength { get; init; }
    public required Value<bool?> RequireUppercase { get; init; }
    public required Value<bool?> RequireLowercase { get; init; }
    public required Value<bool?> RequireNumbers { get; init; }
    public required Value<bool?> RequireSymbols { get; init; }
    /// <summary>password_reuse_prevention: how many previous passwords cannot be reused; unset means none.</summary>
    public required Value<int?> ReusePrevention { get; init; }
}
