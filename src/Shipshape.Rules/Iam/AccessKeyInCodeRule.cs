using Shipshape.Core.Model;

namespace Shipshape.Rules.Iam;

/// <summary>SHP-IAM-117: infrastructure code creates an active IAM access key: long-lived credentials instead of roles.</summary>
public sealed class AccessKeyInCodeRule : IRule
{
    public string Id => "SHP-IAM-117";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var key in model.OfType<IamAccessKey>().Where(k => !(k.Status.IsKnown && string.Equals(k.Status.Current, "Inactive", StringComparison.Ordinal))))
        {
            var user = key.User.IsKnown && key.User.Current is { } name ? $" for user '{name}'" : key.User.Reference is { } r ? $" for user '{r}'" : string.Empty;
            yield return new RuleHit(key, key.Span, null,
                $"Access key '{key.Address}'{user} is a long-lived credential created in infrastructure code; use roles and temporary credentials (STS, IAM Identity Center, OIDC federation) instead.");
        }
    }
}
