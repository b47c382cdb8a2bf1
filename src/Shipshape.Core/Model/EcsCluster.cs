namespace Shipshape.Core.Model;

/// <summary>An Amazon ECS cluster: Container Insights and ECS Exec settings.</summary>
public sealed record EcsCluster : Resource
{
    /// <summary>containerInsights setting: enabled, enhanced or disabled; absent means the account default (disabled).</summary>
    public required Value<string?> ContainerInsights { get; init; }
    /// <summary>executeCommandConfiguration.logging: DEFAULT, NONE or OVERRIDE.</summary>
    public required Value<string?> ExecuteCommandLogging { get; init; }
    public required Value<string?> ExecuteCommandKmsKey { get; init; }
}
