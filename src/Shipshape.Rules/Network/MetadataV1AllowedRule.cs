using Shipshape.Core.Model;

namespace Shipshape.Rules.Network;

/// <summary>SHP-NET-030: an instance, launch template or launch configuration leaves IMDSv1 on (HttpTokens optional, the default).</summary>
public sealed class MetadataV1AllowedRule : IRule
{
    public string Id => "SHP-NET-030";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var instance in model.OfType<Ec2InstanceConfiguration>())
        {
            if (instance.HttpEndpoint is { IsKnown: true } endpoint && string.Equals(endpoint.Current.Trim(), "disabled", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (instance.HttpTokens is { IsKnown: true } tokens && string.Equals(tokens.Current.Trim(), "optional", StringComparison.OrdinalIgnoreCase))
            {
                var field = instance.SourceFormat == "cloudformation" ? "MetadataOptions.HttpTokens" : "metadata_options http_tokens";
                yield return RuleText.Hit(instance, tokens, tokens.IsDefaulted
                    ? $"'{instance.Address}' does not set {field} to required, so the instance metadata service accepts IMDSv1 requests (the default is optional)."
                    : $"'{instance.Address}' sets {field} to optional, so the instance metadata service accepts IMDSv1 requests.");
            }
        }
    }
}
