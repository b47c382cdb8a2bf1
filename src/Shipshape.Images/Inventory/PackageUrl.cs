using System.Text;

namespace Shipshape.Images.Inventory;

/// <summary>
/// Package URLs (purl spec): "pkg:type/namespace/name@version?qualifiers", each part percent-encoded except the
/// unreserved characters, qualifiers sorted by key, and the per-type rules applied (PyPI names lower-cased with '-',
/// npm scopes as an encoded "@").
/// </summary>
public static class PackageUrl
{
    public static string Create(string type, string? ns, string name, string? version, params (string Key, string? Value)[] qualifiers)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(qualifiers);
        var text = new StringBuilder("pkg:").Append(type);
        if (!string.IsNullOrEmpty(ns))
        {
            foreach (var segment in ns.Split('/', StringSplitOptions.RemoveEmptyEntries))
            {
                text.Append('/').Append(Encode(segment, keepColon: false));
            }
        }

        text.Append('/').Append(Encode(name, keepColon: false));
        if (!string.IsNullOrEmpty(version))
        {
            text.Append('@').Append(Encode(version, keepColon: true));
        }

        var separator = '?';
        foreach (var (key, value) in qualifiers.Where(q => !string.IsNullOrEmpty(q.Value)).OrderBy(q => q.Key, StringComparer.Ordinal))
        {
            text.Append(separator).Append(key).Append('=').Append(Encode(value!, keepColon: true));
            separator = '&';
        }

        return text.ToString();
    }

    /// <summary>PyPI names compare lower-case with runs of '-', '_' and '.' as one '-' (PEP 503), as the purl spec asks.</summary>
    public static string PypiName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var text = new StringBuilder(name.Length);
        foreach (var c in name.ToLowerInvariant())
        {
            var dash = c is '-' or '_' or '.';
            if (dash && text.Length > 0 && text[^1] == '-')
            {
                continue;
            }

            text.Append(dash ? '-' : c);
        }

        return text.ToString();
    }

    private static string Encode(string part, bool keepColon)
    {
        var text = new StringBuilder(part.Length);
        foreach (var b in Encoding.UTF8.GetBytes(part))
        {
            var c = (char)b;
            if (c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '-' or '.' or '_' or '~' || (keepColon && c == ':'))
            {
                text.Append(c);
            }
            else
            {
                text.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return text.ToString();
    }
}
