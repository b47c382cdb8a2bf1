using Shipshape.Core.Model;

namespace Shipshape.Rules.Secrets;

/// <summary>
/// SHP-SEC-010: a Systems Manager parameter of type String or StringList whose name says it holds a secret, or whose
/// value is recognised as one. The value is never printed; the fingerprint is its hash.
/// </summary>
public sealed class SecretInPlainParameterRule : IRule
{
    // Names or values marked as test or documentation data: AWS's own examples end in EXAMPLE (AKIAIOSFODNN7EXAMPLE).
    private static readonly string[] PlaceholderWords = ["TEST", "EXAMPLE", "DUMMY", "SAMPLE", "FAKE"];

    private readonly ISecretValueDetector _detector;

    public SecretInPlainParameterRule(ISecretValueDetector detector)
    {
        ArgumentNullException.ThrowIfNull(detector);
        _detector = detector;
    }

    public string Id => "SHP-SEC-010";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var parameter in model.OfType<SsmParameter>())
        {
            if (parameter.Type is not { IsKnown: true, Current: { } type }
                || !(type.Equals("String", StringComparison.OrdinalIgnoreCase) || type.Equals("StringList", StringComparison.OrdinalIgnoreCase))
                || parameter.ParameterValue is not { IsKnown: true, Current: { } value }
                || SecretNameInEnvironmentRule.LooksLikeReferenceOrNonSecret(value)
                || value.Contains("EXAMPLE", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var name = parameter.Name is { IsKnown: true, Current: { Length: > 0 } known } ? known : null;
            var label = name is null ? $"SSM parameter '{parameter.Address}'" : $"SSM parameter '{parameter.Address}' ('{name}')";
            if (_detector.Detect(name ?? string.Empty, value) is { } match)
            {
                yield return RuleText.Hit(parameter, parameter.ParameterValue,
                    $"{label} is a plain {type} parameter whose value looks like {match.Description}.", SecretRedactor.Hash(value));
            }
            else if (name is not null && EnvironmentNames.LooksSecret(name) && !EnvironmentNames.HasWord(name, PlaceholderWords))
            {
                yield return RuleText.Hit(parameter, parameter.ParameterValue,
                    $"{label} is a plain {type} parameter, and its name says it holds a secret.", SecretRedactor.Hash(value));
            }
        }
    }
}
