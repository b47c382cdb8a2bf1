using Shipshape.Core.Model;

namespace Shipshape.Rules.Secrets;

/// <summary>
/// SHP-CTR-039: the user data of an instance, launch template or launch configuration holds a secret (recognised by
/// the secret detector by its shape, line by line; high-entropy text alone is not enough in a script). The value is never printed; the fingerprint is its hash.
/// </summary>
public sealed class UserDataSecretRule : IRule
{
    private readonly ISecretValueDetector _detector;

    public UserDataSecretRule(ISecretValueDetector detector)
    {
        ArgumentNullException.ThrowIfNull(detector);
        _detector = detector;
    }

    public string Id => "SHP-CTR-039";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var instance in model.OfType<Ec2InstanceConfiguration>())
        {
            if (instance.UserData is not { IsKnown: true, Current: { Length: > 0 } text })
            {
                continue;
            }

            foreach (var line in text.Split('\n'))
            {
                var trimmed = line.Trim();
                var equals = trimmed.IndexOf('=', StringComparison.Ordinal);
                var name = equals > 0 ? trimmed[..equals] : string.Empty;
                // User data is a script: random-looking text there is mostly code (PowerShell expressions, checksums), so
                // only secrets of a recognised shape count.
                if (trimmed.Length > 0 && _detector.Detect(name, trimmed) is { Kind: not SecretKind.HighEntropyString } match)
                {
                    var field = instance.SourceFormat == "cloudformation" ? "UserData" : "user_data";
                    yield return RuleText.Hit(instance, instance.UserData,
                        $"The {field} of '{instance.Address}' holds {match.Description} ({match.Redacted}); anyone who can read the instance's attributes or its metadata service reads it.", SecretRedactor.Hash(trimmed));
                    break;
                }
            }
        }
    }
}
