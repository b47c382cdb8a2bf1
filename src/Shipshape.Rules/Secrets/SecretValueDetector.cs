using Shipshape.Secrets.Detection;

namespace Shipshape.Rules.Secrets;

/// <summary>
/// Decides whether a named value holds a secret with the secret engine's catalogue (the one detector: the same
/// compiled rules that scan files), asked about <c>NAME=value</c> so a provider rule that needs its keyword in the
/// name ("TWILIO_AUTH_TOKEN") sees it; then, last, a random-looking (high-entropy) value. The engine's generic
/// assignment rules are not used: on a single value the name decides, which is SHP-SEC-001's job. Thread-safe.
/// </summary>
public sealed class SecretValueDetector : ISecretValueDetector
{
    /// <summary>Minimum Shannon entropy, in bits per character, of a generic secret.</summary>
    public const double EntropyThreshold = 4.5;

    /// <summary>Minimum length of a generic high-entropy secret.</summary>
    public const int EntropyMinLength = 24;

    /// <summary>Values are searched up to this length: an environment variable is not a file.</summary>
    private const int MaxValueLength = 64 * 1024;

    private readonly SecretEngine _engine;

    /// <summary>A detector over the built-in catalogue.</summary>
    public SecretValueDetector()
        : this(SecretEngine.Default)
    {
    }

    public SecretValueDetector(SecretEngine engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        _engine = engine;
    }

    public SecretMatch? Detect(string name, string value)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(value);
        var text = value.Trim();
        if (text.Length < 8 || text.Length > MaxValueLength || SecretNameInEnvironmentRule.LooksLikeReferenceOrNonSecret(text))
        {
            return null;
        }

        // Only what was found in the value counts, not in the name before it; the engine has already kept the most
        // specific rule per location.
        var prefix = name.Replace('\n', ' ').Replace('\r', ' ') + "=";
        var hit = _engine.Scan(prefix + text, "<environment>")
            .FirstOrDefault(h => !h.Tags.Contains(SecretEngine.GenericTag) && h.Line == 1 && h.EndColumn > prefix.Length);
        if (hit is not null)
        {
            return Describe(hit, text);
        }

        return IsHighEntropy(text)
            ? new SecretMatch(SecretKind.HighEntropyString, "a random-looking (high-entropy) string", SecretRedactor.Redact(text))
            : null;
    }

    /// <summary>Shannon entropy in bits per character.</summary>
    public static double ShannonEntropy(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Entropy.Shannon(text);
    }

    private static SecretMatch Describe(SecretHit hit, string value)
    {
        var id = hit.RuleId;
        return id switch
        {
            _ when hit.Tags.Contains("private-key") => new(SecretKind.PrivateKey, "a private key", hit.Redacted),
            _ when hit.Tags.Contains("url-credentials") => new(SecretKind.UrlCredentials, "a URL with a password", MaskUrl(value) ?? hit.Redacted),
            "aws-access-token" => new(SecretKind.AwsAccessKeyId, "an AWS access key ID", hit.Redacted),
            "aws-secret-access-key" => new(SecretKind.AwsSecretAccessKey, "an AWS secret access key", hit.Redacted),
            "stripe-access-token" when value.Contains("_live_", StringComparison.Ordinal) => new(SecretKind.StripeLiveKey, "a Stripe live key", hit.Redacted),
            "gcp-api-key" => new(SecretKind.GoogleApiKey, "a Google API key", hit.Redacted),
            "jwt" or "jwt-base64" => new(SecretKind.JsonWebToken, "a JSON Web Token", hit.Redacted),
            _ when id.StartsWith("github-", StringComparison.Ordinal) => new(SecretKind.GitHubToken, "a GitHub token", hit.Redacted),
            _ when id.StartsWith("slack-", StringComparison.Ordinal) => new(SecretKind.SlackToken, "a Slack token", hit.Redacted),
            _ => new(SecretKind.ProviderCredential, $"a credential ({id}: {hit.Description})", hit.Redacted),
        };
    }

    // "postgres://app:****@db.example.com:5432": the password masked in place, the path left out.
    private static string? MaskUrl(string value)
    {
        var scheme = value.IndexOf("://", StringComparison.Ordinal);
        if (scheme <= 0)
        {
            return null;
        }

        var authority = value.AsSpan(scheme + 3);
        var end = authority.IndexOfAny('/', '?', '#');
        authority = end < 0 ? authority : authority[..end];
        var at = authority.LastIndexOf('@');
        var colon = at < 0 ? -1 : authority[..at].IndexOf(':');
        return colon < 0 ? null : string.Concat(value.AsSpan(0, scheme + 3), authority[..(colon + 1)], "****", authority[at..]);
    }

    private static bool IsHighEntropy(string text)
    {
        if (text.Length < EntropyMinLength
            || text.Any(char.IsWhiteSpace)
            || text.StartsWith('/') || text.StartsWith("./", StringComparison.Ordinal) || text.StartsWith("~/", StringComparison.Ordinal)
            || text.Contains("://", StringComparison.Ordinal)
            || text.All(char.IsAsciiHexDigit)
            || NonCredential.Matches(text, [], byKey: false))
        {
            return false;
        }

        var classes = (text.Any(char.IsAsciiLetterLower) ? 1 : 0)
            + (text.Any(char.IsAsciiLetterUpper) ? 1 : 0)
            + (text.Any(char.IsAsciiDigit) ? 1 : 0)
            + (text.Any(c => !char.IsAsciiLetterOrDigit(c)) ? 1 : 0);
        return classes >= 3 && ShannonEntropy(text) >= EntropyThreshold;
    }
}
