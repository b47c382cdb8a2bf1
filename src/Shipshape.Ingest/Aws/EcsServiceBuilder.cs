using System.Collections.Immutable;
using Shipshape.Core.Model;

namespace Shipshape.Ingest.Aws;

/// <summary>The one place that decides an Amazon ECS service's (or task set's) defaults, for every format.</summary>
internal static class EcsServiceBuilder
{
    /// <param name="assignPublicIp">awsvpcConfiguration.assignPublicIp as a flag; CloudFormation's ENABLED/DISABLED is translated by its adapter.</param>
    public static EcsService Build(
        ResourceIdentity id,
        bool isTaskSet,
        Value<string?> cluster,
        Value<string?> taskDefinition,
        Value<string?> launchType,
        Value<string?> platformVersion,
        Value<bool?> assignPublicIp,
        ImmutableArray<Value<string>> securityGroups,
        Value<bool?> enableExecuteCommand,
        ImmutableArray<ServiceLoadBalancer> loadBalancers,
        Value<string?> role,
        Value<int?> desiredCount,
        Value<string?> schedulingStrategy,
        Value<bool?>? serviceConnectEnabled = null,
        ImmutableArray<ServiceConnectService> serviceConnectServices = default) => new()
    {
        Address = id.Address,
        Kind = id.Kind,
        Span = id.Span,
        SourceFormat = id.SourceFormat,
        IsTaskSet = isTaskSet,
        Cluster = cluster,
        TaskDefinition = taskDefinition,
        // No default: without a launch type the capacity provider strategy (or the cluster's default one) decides.
        LaunchType = launchType,
        // ECS API CreateService, platformVersion: "If one isn't specified, the LATEST platform version is used."
        PlatformVersion = Raw.OrNullable(platformVersion, "LATEST"),
        // ECS API AwsVpcConfiguration, assignPublicIp: "The default value is DISABLED."
        AssignPublicIp = Raw.Or(assignPublicIp, false),
        SecurityGroups = securityGroups,
        // ECS API CreateService, enableExecuteCommand: "If true, this enables execute command functionality"; off when omitted.
        EnableExecuteCommand = Raw.Or(enableExecuteCommand, false),
        LoadBalancers = loadBalancers,
        // No default: without it ECS uses the service-linked role AWSServiceRoleForECS.
        Role = role,
        // No default in the model: CloudFormation documents 1 for a new service without DesiredCount, while the Terraform
        // provider sends 0 ("Defaults to 0"), so an absent count means different things by tool and stays null; DAEMON
        // services and task sets have no desired count at all.
        DesiredCount = desiredCount.IsExplicit && (isTaskSet || IsDaemon(schedulingStrategy)) ? desiredCount with { Current = null } : desiredCount,
        // ECS API ServiceConnectConfiguration, enabled: required; the services only publish endpoints when it is true
        // (an unresolved flag says nothing).
        ServiceConnectServices = serviceConnectEnabled is { Current: true } && !serviceConnectServices.IsDefault ? serviceConnectServices : [],
    };

    private static bool IsDaemon(Value<string?> strategy) =>
        strategy.IsKnown && string.Equals(strategy.Current, "DAEMON", StringComparison.OrdinalIgnoreCase);
}
