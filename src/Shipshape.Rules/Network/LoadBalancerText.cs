using Shipshape.Core.Model;

namespace Shipshape.Rules.Network;

/// <summary>Shared wording for load balancer findings: the attribute's name as the finding's format spells it.</summary>
internal static class LoadBalancerText
{
    /// <summary>"LoadBalancerAttributes routing.http.drop_invalid_header_fields.enabled" in CloudFormation, "drop_invalid_header_fields" in Terraform.</summary>
    public static string Attribute(Resource resource, string cloudFormationKey, string terraformArgument) =>
        resource.SourceFormat == "cloudformation" ? $"LoadBalancerAttributes {cloudFormationKey}" : terraformArgument;

    public static bool IsApplication(LoadBalancer lb) =>
        lb.Type.IsKnown && string.Equals(lb.Type.Current, "application", StringComparison.OrdinalIgnoreCase);

    /// <summary>"left at its default of" or "set to", for a message about a value.</summary>
    public static string How<T>(Value<T> value) => value.IsDefaulted ? "leaves it at the default" : "sets it to";
}
