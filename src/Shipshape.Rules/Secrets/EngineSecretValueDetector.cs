using Shipshape.Secrets.Detection;

namespace Shipshape.Rules.Secrets;

/// <summary>
/// Detects secret values with the secret engine's provider rules (more than 250 formats), after a first
/// detector whose fixed set gives the most specific wording (URL passwords masked in place, for one). The
/// engine's generic rules are not used here: on a single value, the name decides, which is SHP-SEC-001's job.
/// </summary>
public sealed class EngineSecretValueDetector : ISecretValueDetector
{
    private readonly SecretEngine _engine;
    private readonly ISecretValueDetector _first;

    public EngineSecretValueDetector(SecretEngine engine, ISecretValueDetector first)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(first);
        _engine = engine;
        _first = first;
    }

    public SecretMatch? Detect(string name, string value)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(value);
        if (_first.Detect(name, value) is { } match)
        {
            return match;
        }

        if (SecretNameInEnvironmentRule.LooksLikeReferenceOrNonSecret(value))
        {
            return null;
        }

        var hit = _engine.Scan(value, "<environment>").FirstOrDefault(h => !h.Tags.Contains(SecretEngine.GenericTag));
        return hit is null ? null : new SecretMatch(SecretKind.ProviderCredential, $"a credential ({hit.RuleId}: {hit.Description})", hit.Redacted);
    }
}
