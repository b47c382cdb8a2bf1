using Shipshape.Core.Model;

namespace Shipshape.Ingest.Aws;

/// <summary>The one place that decides an Amazon ECS cluster's defaults, for every format.</summary>
internal static class EcsClusterBuilder
{
    /// <param name="containerInsights">The containerInsights setting's value; absent when no such setting is declared.</param>
    public static EcsCluster Build(ResourceIdentity id, Value<string?> containerInsights, Value<string?> executeCommandLogging, Value<string?> executeCommandKmsKey) => new()
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
    };
}
