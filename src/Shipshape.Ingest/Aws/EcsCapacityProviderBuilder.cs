using Shipshape.Core.Model;

namespace Shipshape.Ingest.Aws;

/// <summary>The one place that decides an Amazon ECS capacity provider's defaults, for every format.</summary>
internal static class EcsCapacityProviderBuilder
{
    public static EcsCapacityProvider Build(ResourceIdentity id, Value<string?> autoScalingGroup, Value<string?> managedTerminationProtection, Value<string?> managedScaling) => new()
    {
        Address = id.Address,
        Kind = id.Kind,
        Span = id.Span,
        SourceFormat = id.SourceFormat,
        AutoScalingGroup = autoScalingGroup,
        // ECS API AutoScalingGroupProvider, managedTerminationProtection: off ("DISABLED") when not specified.
        ManagedTerminationProtection = Raw.Or(managedTerminationProtection, "DISABLED"),
        // AWS::ECS::CapacityProvider ManagedScaling Status: DISABLED when ManagedScaling or its Status is absent; the
        // Terraform provider documents no other default for managed_scaling.status.
        ManagedScaling = Raw.Or(managedScaling, "DISABLED"),
    };
}
