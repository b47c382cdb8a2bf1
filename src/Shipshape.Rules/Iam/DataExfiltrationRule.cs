using System.Collections.Immutable;

namespace Shipshape.Rules.Iam;

/// <summary>SHP-IAM-122: actions that read stored secrets and objects, on every resource.</summary>
public sealed class DataExfiltrationRule : SensitiveActionsRule
{
    public override string Id => "SHP-IAM-122";

    /// <summary>
    /// Reads of the stores where data and secrets live (service authorization reference): S3 objects, SSM parameters
    /// (SecureString values are decrypted with WithDecryption), Secrets Manager secret values.
    /// </summary>
    protected override ImmutableHashSet<string> Actions { get; } = ImmutableHashSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "s3:GetObject", "s3:GetObjectVersion", "ssm:GetParameter", "ssm:GetParameters", "ssm:GetParametersByPath",
        "ssm:GetParameterHistory", "secretsmanager:GetSecretValue", "secretsmanager:BatchGetSecretValue");

    protected override string What => "read every stored object, parameter or secret";
}
