using Shipshape.Core.Model;

namespace Shipshape.Rules.Secrets;

/// <summary>
/// SHP-SEC-018: a Terraform AWS provider block has static credentials written into the configuration (access_key,
/// secret_key or token with a value), whatever the value looks like: the provider documentation advises against
/// hard-coded credentials in any configuration. A provider that talks to an emulator (endpoints with
/// skip_credentials_validation) is not reported. Values are never printed.
/// </summary>
public sealed class ProviderCredentialsRule : IRule
{
    public string Id => "SHP-SEC-018";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var provider in model.OfType<AwsProviderConfiguration>())
        {
            if (provider.Emulated is { IsKnown: true, Current: true })
            {
                continue;
            }

            var set = new[] { ("access_key", provider.AccessKey), ("secret_key", provider.SecretKey), ("token", provider.Token) }
                .Where(c => c.Item2 is { IsExplicit: true, Current: { } v } && !string.IsNullOrWhiteSpace(v))
                .ToList();
            if (set.Count == 0)
            {
                continue;
            }

            var names = string.Join(" and ", set.Select(c => c.Item1));
            yield return RuleText.Hit(provider, set[0].Item2,
                $"AWS provider '{provider.Address}' has {names} written into the configuration; anyone who can read the code or its state has the credentials.");
        }
    }
}
