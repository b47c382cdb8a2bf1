using Shipshape.Core.Model;

namespace Shipshape.Rules.Iam;

/// <summary>
/// SHP-IAM-128: the account password policy for IAM users is weaker than the CIS AWS Foundations Benchmark asks:
/// length at least 14 (1.8), the last 24 passwords not reusable (1.9), and upper case, lower case, numbers and symbols
/// required (AWS Security Hub IAM.7). One finding per policy, at the first weak setting, naming every weakness.
/// </summary>
public sealed class WeakPasswordPolicyRule : IRule
{
    public const int MinimumLength = 14;
    public const int MinimumReusePrevention = 24;

    public string Id => "SHP-IAM-128";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var policy in model.OfType<IamPasswordPolicy>())
        {
            var weak = new List<(string Text, Shipshape.Core.SourceSpan Span, string Path)>();
            if (policy.MinimumLength is { IsKnown: true, Current: { } length } && length < MinimumLength)
            {
                weak.Add(($"a minimum length of {length} (at least {MinimumLength})", policy.MinimumLength.Span, policy.MinimumLength.Path));
            }

            if (policy.ReusePrevention.IsKnown && (policy.ReusePrevention.Current ?? 0) < MinimumReusePrevention)
            {
                weak.Add((policy.ReusePrevention.Current is { } n ? $"reuse prevention of {n} passwords (at least {MinimumReusePrevention})" : $"no reuse prevention (at least {MinimumReusePrevention} passwords)",
                    policy.ReusePrevention.Span, policy.ReusePrevention.Path));
            }

            foreach (var (name, value) in new[] { ("upper-case letters", policy.RequireUppercase), ("lower-case letters", policy.RequireLowercase), ("numbers", policy.RequireNumbers), ("symbols", policy.RequireSymbols) })
            {
                if (value.IsKnown && value.Current is not true)
                {
                    weak.Add(($"{name} not required", value.Span, value.Path));
                }
            }

            if (weak.Count > 0)
            {
                yield return new RuleHit(policy, weak[0].Span, weak[0].Path,
                    $"The IAM account password policy '{policy.Address}' allows weak passwords: {string.Join("; ", weak.Select(w => w.Text))}.");
            }
            else if (!policy.MinimumLength.IsKnown)
            {
                yield return RuleHit.Undecidable(policy, policy.MinimumLength, $"The IAM account password policy '{policy.Address}' takes its minimum length from a value that is not known here.");
            }
            else if (!policy.ReusePrevention.IsKnown)
            {
                yield return RuleHit.Undecidable(policy, policy.ReusePrevention, $"The IAM account password policy '{policy.Address}' takes its reuse prevention from a value that is not known here.");
            }
        }
    }
}
