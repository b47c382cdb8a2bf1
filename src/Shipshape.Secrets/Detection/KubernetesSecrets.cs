using System.Text;

namespace Shipshape.Secrets.Detection;

/// <summary>
/// Kubernetes <c>Secret</c> manifests (YAML or JSON) in text: the values of <c>data</c> (base64-decoded) and
/// <c>stringData</c> under keys that name a credential. A Secret with any such non-empty value is one finding, at its
/// first credential value; what the other rules find inside its data is the same disclosure and is not repeated.
/// Line-based and regex-free, so its cost is linear in the text.
/// </summary>
public static class KubernetesSecrets
{
    public const string RuleId = "kubernetes-secret";

    private static readonly string[] CredentialWords =
        ["password", "passwd", "pwd", "secret", "token", "key", "credential", "auth", "dockerconfig", "dockercfg", "private", "passphrase", "htpasswd", "pass"];

    // "node.session.auth.username", "apiAddress", "token-url": keys that sit beside credentials but are not one.
    private static readonly string[] NotCredentialKeyParts = ["user", "address", "url", "endpoint", "host", "port"];

    /// <summary>Whether a Secret's data key names a credential ("password", "api-key", "tls.key", ".dockerconfigjson").</summary>
    public static bool IsCredentialKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return CredentialWords.Any(w => key.Contains(w, StringComparison.OrdinalIgnoreCase))
            && !NotCredentialKeyParts.Any(w => key.Contains(w, StringComparison.OrdinalIgnoreCase))
            && !key.EndsWith("file", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>One Secret found: where its data block is, and its first credential value.</summary>
    internal sealed record Found(int FirstLine, int LastLine, int Line, int Column, int EndColumn, string Name, IReadOnlyList<string> Keys, string Value);

    /// <summary>The Secrets in <paramref name="text"/> with credential values.</summary>
    internal static List<Found> Find(string text)
    {
        var found = new List<Found>();
        if (!text.Contains("Secret", StringComparison.Ordinal) || !text.Contains("kind", StringComparison.Ordinal))
        {
            return found;
        }

        var lines = text.Split('\n');
        var docStart = 0;
        for (var i = 0; i <= lines.Length; i++)
        {
            if (i == lines.Length || lines[i].TrimEnd() == "---")
            {
                ScanDocument(lines, docStart, i, found);
                docStart = i + 1;
            }
        }

        return found;
    }

    private static void ScanDocument(string[] lines, int from, int to, List<Found> found)
    {
        var isSecret = false;
        var name = string.Empty;
        for (var i = from; i < to && !isSecret; i++)
        {
            var (key, value, _) = Entry(lines[i]);
            isSecret = key == "kind" && value == "Secret";
        }

        if (!isSecret)
        {
            return;
        }

        for (var i = from; i < to; i++)
        {
            var (key, value, _) = Entry(lines[i]);
            if (key == "name" && name.Length == 0)
            {
                name = value;
            }
        }

        // data / stringData blocks: the entries indented under them (YAML), or up to the closing brace (JSON).
        int? blockStart = null;
        var blockIndent = 0;
        var decode = false;
        var keys = new List<string>();
        (int Line, int Column, int EndColumn, string Value)? first = null;
        for (var i = from; i <= to; i++)
        {
            var line = i < to ? lines[i] : string.Empty;
            var indent = line.Length - line.TrimStart().Length;
            var trimmed = line.Trim();
            if (blockStart is { } start && (i == to || (trimmed.Length > 0 && !trimmed.StartsWith('#') && (indent <= blockIndent || trimmed.StartsWith('}')))))
            {
                if (first is { } f && keys.Count > 0)
                {
                    found.Add(new Found(start + 1, i, f.Line + 1, f.Column + 1, f.Column + f.EndColumn, name, [.. keys], f.Value));
                }

                blockStart = null;
                keys = [];
                first = null;
            }

            var (key, value, valueAt) = Entry(line);
            if (key is "data" or "stringData" && (value.Length == 0 || value == "{"))
            {
                blockStart = i;
                blockIndent = indent;
                decode = key == "data";
                continue;
            }

            if (blockStart is null || key is null || !IsCredentialKey(key))
            {
                continue;
            }

            var plain = value.Length > 0 && value[0] is '|' or '>' ? "block" : decode ? Decode(value) : value;
            if (plain is null || plain.Length == 0 || NonCredential.Matches(plain, [], byKey: false))
            {
                continue;
            }

            keys.Add(key);
            first ??= (i, valueAt, value.Length, plain);
        }
    }

    // "  key: value", "  \"key\": \"value\",": the key and the unquoted value, with the value's column.
    private static (string? Key, string Value, int ValueAt) Entry(string line)
    {
        var colon = line.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            return (null, string.Empty, 0);
        }

        var key = line[..colon].Trim().TrimStart('-', ' ').Trim('"', '\'');
        if (key.Length == 0 || key.Any(char.IsWhiteSpace))
        {
            return (null, string.Empty, 0);
        }

        var rest = line[(colon + 1)..];
        var valueAt = colon + 1 + (rest.Length - rest.TrimStart().Length);
        var value = rest.Trim().TrimEnd(',').Trim();
        var comment = value.IndexOf(" #", StringComparison.Ordinal);
        if (comment > 0 && value[0] is not ('"' or '\''))
        {
            // YAML: a comment after a plain value.
            value = value[..comment].TrimEnd();
        }

        if (value.Length >= 2 && value[0] is '"' or '\'' && value[^1] == value[0])
        {
            value = value[1..^1];
            valueAt++;
        }

        return (key, value, valueAt);
    }

    private static string? Decode(string value)
    {
        if (value.Length > 1024 * 1024)
        {
            return value;
        }

        var bytes = new byte[(value.Length + 3) / 4 * 3];
        return Convert.TryFromBase64String(value, bytes, out var written) ? Encoding.UTF8.GetString(bytes, 0, written).Trim() : value;
    }
}
