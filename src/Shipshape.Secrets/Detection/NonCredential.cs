using System.Buffers;
using System.Text;

namespace Shipshape.Secrets.Detection;

/// <summary>
/// Values that an assignment-shaped rule (a generic password or key assignment, a URL or connection string) matches
/// but that are not credentials: placeholders and templates (also once base64-encoded), references to secret
/// stores, paths, checksums, identifiers, certificates and public keys. Provider rules, whose formats are specific,
/// do not need this. No regex: every test is a bounded scan of the value.
/// </summary>
public static class NonCredential
{
    // Words that mark a value as written to be replaced, in any case, anywhere in the value.
    private static readonly SearchValues<string> PlaceholderWords = SearchValues.Create(
        ["changeme", "change_me", "change-me", "changeit", "example", "sample", "placeholder", "dummy", "your", "replace",
         "insert", "redacted", "xxxx", "****", "....", "fake", "todo", "tbd", "notreal", "not-real", "not_real", "secret_here",
         "password_here", "here_", "_here", "-here", "${", "$(", "{{", "}}", "%(", "#{", "@@", "__"],
        StringComparison.OrdinalIgnoreCase);

    // Prefixes of references to a secret store or to another value, never the secret itself.
    private static readonly string[] ReferencePrefixes =
    [
        "arn:", "!", "$", "%", "{{resolve:", "secretsmanager:", "ssm:", "vault:", "ref+", "env:", "file:", "var.", "local.",
        "data.", "module.", "random_password.", "each.", "os.environ", "process.env", "System.getenv", "ENV[", "getenv(",
    ];

    // Anywhere in a key: the value is a digest, not a credential.
    private static readonly SearchValues<string> DigestKeys = SearchValues.Create(
        ["hash", "checksum", "digest", "sha1", "sha256", "sha512", "integrity", "fingerprint", "etag"],
        StringComparison.OrdinalIgnoreCase);

    // Endings of key names whose values are names, identifiers, locations or settings ("kms_key_id", "adminSecretName",
    // "apiAddress", "password_file", "S3Key", "PasswordPolicy"), whatever the value looks like.
    private static readonly string[] NonSecretKeyEndings =
    [
        "name", "names", "id", "ids", "arn", "file", "path", "dir", "url", "uri", "endpoint", "ref", "policy", "type", "version",
        "length", "size", "count", "enabled", "address", "addr", "host", "port", "region", "format", "mode", "field", "header",
        "param", "parameter", "prefix", "suffix", "alias", "s3key", "objectkey", "bucketkey", "keypair", "location", "provider",
    ];

    /// <summary>Whether <paramref name="secret"/>, matched in <paramref name="match"/>, is not a credential.</summary>
    /// <param name="byKey">Whether the key before the value also decides (generic assignments; not URLs, whose "User Id=" is part of the string).</param>
    public static bool Matches(string secret, ReadOnlySpan<char> match, bool byKey = true)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var value = secret.Trim().Trim('"', '\'', '`');
        if (value.Length == 0 || IsPlaceholder(value) || IsReference(value) || IsPath(value) || IsUuid(value) || IsWordLike(value))
        {
            return true;
        }

        // The key before the value: "secret_hash: <hex>", "kms_key_id = <uuid>", "password_file = ...".
        var at = match.IndexOf(secret.AsSpan());
        var before = at > 0 ? match[..at] : [];
        if (byKey && !IsJenkinsSecret(value) && (before.IndexOfAny(DigestKeys) >= 0 || IsNonSecretKey(LastKey(before))))
        {
            return true;
        }

        return DecodesToNonCredential(value);
    }

    // The last identifier before the separator: "Key parameter, \"" gives "parameter", "'S3Key': '" gives "S3Key".
    private static ReadOnlySpan<char> LastKey(ReadOnlySpan<char> before)
    {
        var end = before.Length;
        while (end > 0 && !IsKeyChar(before[end - 1]))
        {
            end--;
        }

        var start = end;
        while (start > 0 && IsKeyChar(before[start - 1]))
        {
            start--;
        }

        return before[start..end];
    }

    private static bool IsKeyChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.';

    private static bool IsNonSecretKey(ReadOnlySpan<char> key)
    {
        foreach (var ending in NonSecretKeyEndings)
        {
            if (key.EndsWith(ending, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A value written to be replaced: a placeholder word, a template, a mask, or an obvious sequence.</summary>
    public static bool IsPlaceholder(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (IsJenkinsSecret(value))
        {
            return false;
        }

        if (IsIdentifier(value) || value.AsSpan().IndexOfAny(PlaceholderWords) >= 0 || (value[0] == '{' && value[^1] == '}') || value[0] == '<' || value[^1] == '>')
        {
            return true;
        }

        // One character repeated ("aaaaaaaa") or mostly so, or a run of six ascending characters ("123456", "abcdef").
        // (At most six distinct characters however long: a random hex key of 128 characters has all sixteen digits.)
        if (value.Distinct().Count() <= Math.Min(Math.Max(2, value.Length / 8), 6))
        {
            return true;
        }

        var run = 1;
        for (var i = 1; i < value.Length; i++)
        {
            run = value[i] == value[i - 1] + 1 && char.IsAsciiLetterOrDigit(value[i]) ? run + 1 : 1;
            if (run >= 6)
            {
                return true;
            }
        }

        return false;
    }

    // Letters only, in words: "VPCFlowLogsBucketKMSKey", "X-Frame-Options". Random keys have digits, and their
    // lower-case runs are short; a name's words are not.
    private static bool IsIdentifier(string value)
    {
        if (value.Length < 6 || !value.All(c => char.IsAsciiLetter(c) || c is '-' or '_') || value.All(c => char.IsAsciiLetterLower(c) || c is '-' or '_'))
        {
            return false;
        }

        var runs = 0;
        var lower = 0;
        var inRun = false;
        foreach (var c in value)
        {
            if (char.IsAsciiLetterLower(c))
            {
                lower++;
                runs += inRun ? 0 : 1;
                inRun = true;
            }
            else
            {
                inRun = false;
            }
        }

        return runs == 0 || (double)lower / runs >= 3;
    }

    // Jenkins keeps its secrets encrypted as "{AQAAABAAAAAQ…}": braces, but not a template.
    private static bool IsJenkinsSecret(string value) => value.StartsWith("{AQAAAB", StringComparison.Ordinal);

    private static bool IsReference(string value) =>
        ReferencePrefixes.Any(p => value.StartsWith(p, StringComparison.OrdinalIgnoreCase))
        || value.Contains("secretKeyRef", StringComparison.Ordinal) || value.Contains("valueFrom", StringComparison.Ordinal);

    private static bool IsPath(string value) =>
        value[0] is '/' or '~' || value.StartsWith("./", StringComparison.Ordinal) || value.StartsWith("../", StringComparison.Ordinal)
        || (value.Length > 2 && char.IsAsciiLetter(value[0]) && value[1] == ':' && value[2] == '\\')
        || FileExtensions.Any(e => value.EndsWith(e, StringComparison.OrdinalIgnoreCase));

    // A value ending like a file name is a file name ("model_nf4_mg.py", "README-copy.md").
    private static readonly string[] FileExtensions =
    [
        ".key", ".pem", ".crt", ".cer", ".pub", ".txt", ".json", ".yaml", ".yml", ".zip", ".jar", ".env", ".py", ".md", ".sh", ".js",
        ".ts", ".conf", ".cfg", ".ini", ".xml", ".html", ".css", ".tar", ".gz", ".tgz", ".properties", ".toml", ".tf", ".sql", ".csv", ".log",
    ];

    private static bool IsUuid(string value) =>
        value.Length == 36 && value[8] == '-' && value[13] == '-' && value[18] == '-' && value[23] == '-'
        && value.All(c => c == '-' || char.IsAsciiHexDigit(c));

    // A lower-case word or dotted identifier, a boolean, a number: configuration, not a credential.
    private static bool IsWordLike(string value)
    {
        if (value.All(c => char.IsAsciiDigit(c) || c == '.'))
        {
            return true;
        }

        // Words joined by dashes or underscores stay: "correct-horse-battery-staple" is a passphrase.
        return value.All(c => char.IsAsciiLetterLower(c) || c == '.');
    }

    // Base64 whose text is a placeholder, a certificate or a public key (CA bundles in kubeconfigs, "username:password").
    private static bool DecodesToNonCredential(string value)
    {
        if (value.Length < 8 || value.Length > 64 * 1024 || value.Length % 4 != 0)
        {
            return false;
        }

        var bytes = new byte[value.Length / 4 * 3];
        if (!Convert.TryFromBase64String(value, bytes, out var written) || !System.Text.Unicode.Utf8.IsValid(bytes.AsSpan(0, written)))
        {
            return false;
        }

        var text = Encoding.UTF8.GetString(bytes, 0, written);
        if (text.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
        {
            return false;
        }

        var trimmed = text.Trim();
        var scheme = trimmed.IndexOf("://", StringComparison.Ordinal);
        return trimmed.Length == 0
            || (scheme > 0 && !trimmed.Contains('@', StringComparison.Ordinal))
            || trimmed.StartsWith("-----BEGIN CERTIFICATE", StringComparison.Ordinal)
            || trimmed.StartsWith("-----BEGIN PUBLIC KEY", StringComparison.Ordinal)
            || trimmed.StartsWith("-----BEGIN RSA PUBLIC KEY", StringComparison.Ordinal)
            || trimmed.StartsWith("ssh-", StringComparison.Ordinal)
            || IsPlaceholder(trimmed)
            || trimmed.Contains("password", StringComparison.OrdinalIgnoreCase)
            || (trimmed.Length >= 2 && IsWordLike(trimmed.Replace(":", string.Empty, StringComparison.Ordinal)));
    }
}
