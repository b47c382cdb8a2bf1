using Shipshape.Core.Model;

namespace Shipshape.Ingest.Aws;

/// <summary>The one place that decides an Amazon ECR repository's defaults, for every format.</summary>
internal static class EcrRepositoryBuilder
{
    /// <param name="lifecyclePolicy">Presence of a lifecycle policy, inline or attached.</param>
    public static EcrRepository Build(
        ResourceIdentity id,
        Value<string?> name,
        Value<bool?> scanOnPush,
        Value<string?> tagMutability,
        Value<bool?> lifecyclePolicy,
        Value<string?> encryptionType,
        PolicyDocument? repositoryPolicy) => new()
    {
        Address = id.Address,
        Kind = id.Kind,
        Span = id.Span,
        SourceFormat = id.SourceFormat,
        Name = name,
        // ECR API CreateRepository, ImageScanningConfiguration.scanOnPush: "If set to false (the default) ...".
        ScanOnPush = Raw.Or(scanOnPush, false),
        // ECR API CreateRepository, imageTagMutability: "If this parameter is omitted, the default setting of MUTABLE will be used".
        TagMutability = Raw.Or(tagMutability, "MUTABLE"),
        HasLifecyclePolicy = Raw.Declared(lifecyclePolicy),
        // ECR API EncryptionConfiguration: "If you don't specify an encryption configuration, ... AES256 is used".
        EncryptionType = Raw.Or(encryptionType, "AES256"),
        RepositoryPolicy = repositoryPolicy,
    };
}
