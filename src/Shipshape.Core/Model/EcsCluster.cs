namespace Shipshape.Core.Model;

/// <summary>An Amazon ECS cluster: Container Insights and ECS Exec settings.</summary>
public sealed record EcsCluster : Resource
{
    /// <summary>containerInsights setting: enabled, enhanced or disabled; absent means the account default (disabled).</summary>
    public required Value<string?> ContainerInsights { get; init; }
    /// <summary>executeCommandConfiguration.logging: DEFAULT, NONE or OVERRIDE.</summary>
    public required Value<string?> ExecuteCommandLogging { get; init; }
    public required Value<string?> ExecuteCommandKmsKey { get; init; }
    /// <summary>Whether executeCommandConfiguration is declared at all.</summary>
    public required Value<bool> ExecuteCommandConfigured { get; init; }
    /// <summary>Whether the OVERRIDE log destination is encrypted: logConfiguration cloudWatchEncryptionEnabled or s3EncryptionEnabled; off by default.</summary>
    public required Value<bool> ExecuteCommandLogsEncrypted { get; init; }
}
