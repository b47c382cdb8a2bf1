using System.Text.RegularExpressions;
using Shipshape.Secrets.Detection;

namespace Shipshape.Rules.Secrets;

/// <summary>
/// The built-in detector for secret values: well-known credential formats (AWS, PEM, GitHub, Slack, Stripe,
/// Google, JWT, credentials in URLs) and, last, generic high-entropy strings. Stateless and thread-safe.
/// </summary>
public sealed partial class SecretValueDetector : ISecretValueDetector
{
    /// <summary>Minimum Shannon entropy, in bits per character, of a generic secret.</summary>
    public const double EntropyThreshold = 4.5;

    /// <summary>Minimum length of a generic high-entropy secret.</summary>
    public const int EntropyMinLength = 24;

    public SecretMatch? Detect(string name, string value)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(value);
        var text = value.Trim();
        if (text.Length < 8 || text.Contains("${", StringComparison.Ordinal) || text.Contains("{{resolve:", StringComparison.Ordinal))
        {
            return null;
        }

        if (PrivateKeyPattern().Match(text) is { Success: true } pem)
        {
            return new SecretMatch(SecretKind.PrivateKey, "a private key", SecretRedactor.Redact(pem.Value));
        }

        if (AwsAccessKeyIdPattern().Match(text) is { Success: true } aws)
        {
            return new SecretMatch(SecretKind.AwsAccessKeyId, "an AWS access key ID", SecretRedactor.Redact(aws.Value));
        }

        if (GitHubTokenPattern().Match(text) is { Success: true } github)
        {
            return new SecretMatch(SecretKind.GitHubToken, "a GitHub token", SecretRedactor.Redact(github.Value));
        }

        if (SlackTokenPattern().Match(text) is { Success: true } slack)
        {
            return new SecretMatch(SecretKind.SlackToken, "a Slack token", SecretRedactor.Redact(slack.Value));
        }

        if (StripeKeyPattern().Match(text) is { Success: true } stripe)
        {
            return new SecretMatch(SecretKind.StripeLiveKey, "a Stripe live key", SecretRedactor.Redact(stripe.Value));
        }

        if (GoogleApiKeyPattern().Match(text) is { Success: true } google)
        {
            return new SecretMatch(SecretKind.GoogleApiKey, "a Google API key", SecretRedactor.Redact(google.Value));
        }

        if (JwtPattern().Match(text) is { Success: true } jwt)
        {
            return new SecretMatch(SecretKind.JsonWebToken, "a JSON Web Token", SecretRedactor.Redact(jwt.Value));
        }

        if (UrlCredentialsPattern().Match(text) is { Success: true } url && !IsPlaceholder(url.Groups["password"].Value))
        {
            var password = url.Groups["password"];
            var masked = string.Concat(url.Value.AsSpan(0, password.Index - url.Index), "****", url.Value.AsSpan(password.Index - url.Index + password.Length));
            return new SecretMatch(SecretKind.UrlCredentials, "a URL with a password", masked);
        }

        if (AwsSecretKeyPattern().IsMatch(text) && EnvironmentNames.HasWord(name, "AWS", "SECRET", "SECRETACCESSKEY"))
        {
            return new SecretMatch(SecretKind.AwsSecretAccessKey, "an AWS secret access key", SecretRedactor.Redact(text));
        }

        if (IsHighEntropy(text))
        {
            return new SecretMatch(SecretKind.HighEntropyString, "a random-looking (high-entropy) string", SecretRedactor.Redact(text));
        }

        return null;
    }

    /// <summary>Shannon entropy in bits per character.</summary>
    public static double ShannonEntropy(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Entropy.Shannon(text);
    }

    private static bool IsHighEntropy(string text)
    {
        if (text.Length < EntropyMinLength
            || text.Any(char.IsWhiteSpace)
            || text.StartsWith("arn:", StringComparison.Ordinal)
            || text.StartsWith('/') || text.StartsWith("./", StringComparison.Ordinal) || text.StartsWith("~/", StringComparison.Ordinal)
            || text.Contains("://", StringComparison.Ordinal)
            || HexOrUuidPattern().IsMatch(text))
        {
            return false;
        }

        var classes = (text.Any(char.IsAsciiLetterLower) ? 1 : 0)
            + (text.Any(char.IsAsciiLetterUpper) ? 1 : 0)
            + (text.Any(char.IsAsciiDigit) ? 1 : 0)
            + (text.Any(c => !char.IsAsciiLetterOrDigit(c)) ? 1 : 0);
        return classes >= 3 && ShannonEntropy(text) >= EntropyThreshold;
    }

    private static bool IsPlaceholder(string password) =>
        password.StartsWith('$') || password.StartsWith('{') || password.StartsWith('<') || password.StartsWith('%')
        || password.All(c => c == '*' || c == 'x' || c == 'X');

    [GeneratedRegex(@"-----BEGIN[ A-Z0-9_-]{0,100}PRIVATE KEY(?: BLOCK)?-----", RegexOptions.CultureInvariant)]
    private static partial Regex PrivateKeyPattern();

    [GeneratedRegex(@"(?<![A-Za-z0-9])(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}(?![A-Za-z0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex AwsAccessKeyIdPattern();

    [GeneratedRegex(@"^[A-Za-z0-9/+]{40}$", RegexOptions.CultureInvariant)]
    private static partial Regex AwsSecretKeyPattern();

    [GeneratedRegex(@"(?<![A-Za-z0-9_])(?:gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{82})(?![A-Za-z0-9_])", RegexOptions.CultureInvariant)]
    private static partial Regex GitHubTokenPattern();

    [GeneratedRegex(@"(?<![A-Za-z0-9])xox[baprs]-[0-9A-Za-z-]{10,250}", RegexOptions.CultureInvariant)]
    private static partial Regex SlackTokenPattern();

    [GeneratedRegex(@"(?<![A-Za-z0-9])[sr]k_live_[0-9A-Za-z]{10,99}(?![A-Za-z0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex StripeKeyPattern();

    [GeneratedRegex(@"(?<![A-Za-z0-9_-])AIza[0-9A-Za-z_-]{35}(?![A-Za-z0-9_-])", RegexOptions.CultureInvariant)]
    private static partial Regex GoogleApiKeyPattern();

    [GeneratedRegex(@"(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}", RegexOptions.CultureInvariant)]
    private static partial Regex JwtPattern();

    [GeneratedRegex(@"[A-Za-z][A-Za-z0-9+.-]{1,20}://[^:/?#@\s]{1,256}:(?<password>[^@/?#\s]{1,256})@[^\s/?#@]{1,256}", RegexOptions.CultureInvariant)]
    private static partial Regex UrlCredentialsPattern();

    [GeneratedRegex(@"^(?:[0-9A-Fa-f]+|[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12})$", RegexOptions.CultureInvariant)]
    private static partial Regex HexOrUuidPattern();
}
