using Shipshape.Core.Model;

namespace Shipshape.Ingest.Aws;

/// <summary>The one place that decides an Amazon ECS cluster's defaults, for every format.</summary>
internal static class EcsClusterBuilder
{
    /// <param name="containerInsights">The containerInsights setting's value; absent when no such setting is declared.</param>
    /// <param name="executeCommand">Presence of executeCommandConfiguration.</param>
    /// <param name="cloudWatchEncryption">logConfiguration.cloudWatchEncryptionEnabled.</param>
    /// <param name="s3Encryption">logConfiguration.s3EncryptionEnabled.</param>
    public static EcsCluster Build(
        ResourceIdentity id,
        Value<string?> containerInsights,
        Value<string?> executeCommandLogging,
        Value<string?> executeCommandKmsKey,
        Value<bool?> executeCommand,
        Value<bool?> cloudWatchEncryption,
        Value<bool?> s3Encryption) => new()
    {
        Address = id.Address,
        Kind = id.Kind,
        Span = id.Span,
        SourceFormat = id.SourceFormat,
        // ECS API ClusterSetting: without the setting, the account's containerInsights default applies (off unless
        // the account changed it), which the model keeps as null rather than guessing the account.
        ContainerInsights = containerInsights,
        // ECS API ExecuteCommandConfiguration, logging: "DEFAULT" when not specified.
        ExecuteCommandLogging = Raw.OrNullable(executeCommandLogging, "DEFAULT"),
        ExecuteCommandKmsKey = executeCommandKmsKey,
        ExecuteCommandConfigured = Raw.Declared(executeCommand),
        // ECS API ExecuteCommandLogConfiguration: cloudWatchEncryptionEnabled and s3EncryptionEnabled, "If not specified,
        // encryption will be off"; either one encrypts the log destination it names.
        ExecuteCommandLogsEncrypted = Raw.Or(
            new[] { cloudWatchEncryption, s3Encryption }.FirstOrDefault(v => v is { IsExplicit: true, Current: true })
                ?? new[] { cloudWatchEncryption, s3Encryption }.FirstOrDefault(v => v.IsUnresolved)
                ?? cloudWatchEncryption,
            false),
    };
}
