using System.Collections.Frozen;
using System.Collections.Immutable;

namespace Shipshape.Rules.Secrets;

/// <summary>
/// Decides whether an environment variable's name says it holds a secret. Names are split into words at
/// '_', '-', '.', and camelCase boundaries ("dbPassword", "DB_PASSWORD", "db-password" → DB, PASSWORD).
/// </summary>
public static class EnvironmentNames
{
    // Words that name a secret by themselves.
    private static readonly FrozenSet<string> SecretWords = new[]
    {
        "PASSWORD", "PASSWORDS", "PASSWD", "PWD", "PASSPHRASE", "SECRET", "SECRETS", "TOKEN", "CREDENTIAL",
        "CREDENTIALS", "APIKEY", "ACCESSKEY", "SECRETKEY", "PRIVATEKEY", "AUTHTOKEN", "ACCESSTOKEN", "CLIENTSECRET",
    }.ToFrozenSet(StringComparer.Ordinal);

    // Suffixes that make a glued word a secret word ("DBPASSWORD", "GITHUBTOKEN").
    private static readonly ImmutableArray<string> SecretSuffixes = ["PASSWORD", "PASSWD", "SECRET", "TOKEN"];

    // Word pairs that name a secret: the first word qualifies KEY.
    private static readonly FrozenSet<string> KeyQualifiers = new[]
    {
        "API", "ACCESS", "PRIVATE", "SECRET", "ENCRYPTION", "SIGNING", "MASTER", "AUTH", "LICENSE", "SESSION",
    }.ToFrozenSet(StringComparer.Ordinal);

    // A last word that turns the name into a reference to, or a property of, a secret rather than the secret:
    // PASSWORD_FILE is a path, SECRET_ARN a reference, TOKEN_URL an endpoint, PASSWORD_MIN_LENGTH a policy.
    private static readonly FrozenSet<string> NonSecretLastWords = new[]
    {
        "URL", "URLS", "URI", "ENDPOINT", "HOST", "HOSTNAME", "PORT", "PATH", "FILE", "DIR", "DIRECTORY", "ARN",
        "ID", "NAME", "TYPE", "LENGTH", "LEN", "TTL", "EXPIRY", "EXPIRES", "EXPIRATION", "TIMEOUT", "LIFETIME",
        "ENABLED", "DISABLED", "REQUIRED", "POLICY", "HEADER", "PARAM", "PARAMETER", "REGION", "VERSION",
        "FORMAT", "ALGORITHM", "ISSUER", "AUDIENCE", "SCOPE", "SCOPES", "PREFIX", "COUNT", "SIZE", "MODE",
        "PROVIDER", "FIELD", "LOCATION", "REF",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Whether the name suggests the variable holds a secret.</summary>
    public static bool LooksSecret(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var words = Split(name);
        if (words.IsEmpty || NonSecretLastWords.Contains(words[^1]))
        {
            return false;
        }

        // PWD alone is the shell's working directory, not a password.
        if (words.Length == 1 && (words[0] is "PWD" or "OLDPWD"))
        {
            return false;
        }

        for (var i = 0; i < words.Length; i++)
        {
            var word = words[i];
            if (SecretWords.Contains(word)
                || SecretSuffixes.Any(s => word.Length > s.Length && word.EndsWith(s, StringComparison.Ordinal))
                || (word == "KEY" && i > 0 && KeyQualifiers.Contains(words[i - 1])))
            {
                return true;
            }
        }

        // DB_PASS, SMTP_PASS: PASS only as the last of several words (PASS_THROUGH is not a secret).
        return words.Length > 1 && words[^1] == "PASS";
    }

    /// <summary>Whether any word of the name is one of <paramref name="words"/>.</summary>
    public static bool HasWord(string name, params ReadOnlySpan<string> words)
    {
        var split = Split(name);
        foreach (var word in words)
        {
            if (split.Contains(word, StringComparer.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Upper-case words of a name.</summary>
    public static ImmutableArray<string> Split(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var words = ImmutableArray.CreateBuilder<string>();
        var start = -1;
        for (var i = 0; i <= name.Length; i++)
        {
            var atEnd = i == name.Length;
            var c = atEnd ? '\0' : name[i];
            if (atEnd || !char.IsAsciiLetterOrDigit(c))
            {
                if (start >= 0)
                {
                    words.Add(name[start..i].ToUpperInvariant());
                    start = -1;
                }

                continue;
            }

            if (start >= 0 && IsBoundary(name, i))
            {
                words.Add(name[start..i].ToUpperInvariant());
                start = i;
            }
            else if (start < 0)
            {
                start = i;
            }
        }

        return words.ToImmutable();
    }

    // "dbPassword" splits before P; "DBPassword" splits before P too (upper followed by lower after uppers).
    private static bool IsBoundary(string name, int i)
    {
        var previous = name[i - 1];
        var current = name[i];
        if (char.IsAsciiLetterLower(previous) && char.IsAsciiLetterUpper(current))
        {
            return true;
        }

        return char.IsAsciiLetterUpper(previous) && char.IsAsciiLetterUpper(current)
            && i + 1 < name.Length && char.IsAsciiLetterLower(name[i + 1]);
    }
}
