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
        ImmutableArray<ServiceLoadBalancer> loadBalancers) => new()
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
    };
}
