namespace Shipshape.Core.Model;

/// <summary>A console password of an IAM user (Terraform aws_iam_user_login_profile; CloudFormation's LoginProfile property).</summary>
public sealed record IamLoginProfile : Resource
{
    /// <summary>The user's name; its Reference names the user resource when the configuration links them.</summary>
    public required Value<string?> User { get; init; }
}
