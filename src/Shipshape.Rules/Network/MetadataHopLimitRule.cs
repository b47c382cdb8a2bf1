using System.Globalization;
using Shipshape.Core.Model;

namespace Shipshape.Rules.Network;

/// <summary>SHP-NET-031: an instance, launch template or launch configuration lets IMDS responses travel more than one hop, so containers on the host reach the instance's credentials.</summary>
public sealed class MetadataHopLimitRule : IRule
{
    public string Id => "SHP-NET-031";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var instance in model.OfType<Ec2InstanceConfiguration>())
        {
            if (instance.HttpEndpoint is { IsKnown: true } endpoint && string.Equals(endpoint.Current.Trim(), "disabled", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (instance.HopLimit is { IsExplicit: true, Current: > 1 } limit)
            {
                var field = instance.SourceFormat == "cloudformation" ? "MetadataOptions.HttpPutResponseHopLimit" : "metadata_options http_put_response_hop_limit";
                yield return RuleText.Hit(instance, limit, string.Create(CultureInfo.InvariantCulture,
                    $"'{instance.Address}' sets {field} to {limit.Current}, so containers behind a network bridge on the host can reach the instance metadata service and its role credentials."));
            }
        }
    }
}
