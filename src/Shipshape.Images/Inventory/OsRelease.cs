using Shipshape.Core.Inventory;

namespace Shipshape.Images.Inventory;

/// <summary>/etc/os-release (or /usr/lib/os-release): shell-style KEY=value lines, values optionally quoted.</summary>
public static class OsRelease
{
    public static OperatingSystemInfo? Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (line.StartsWith('#') || equals <= 0)
            {
                continue;
            }

            var value = line[(equals + 1)..].Trim();
            if (value.Length >= 2 && (value[0] is '"' or '\'') && value[^1] == value[0])
            {
                value = value[1..^1].Replace("\\\"", "\"", StringComparison.Ordinal);
            }

            values.TryAdd(line[..equals].Trim(), value);
        }

        if (!values.TryGetValue("ID", out var id) || id.Length == 0)
        {
            return null;
        }

        var version = values.GetValueOrDefault("VERSION_ID") ?? string.Empty;
        return new OperatingSystemInfo(id, version, values.GetValueOrDefault("PRETTY_NAME") ?? values.GetValueOrDefault("NAME") ?? id);
    }
}
