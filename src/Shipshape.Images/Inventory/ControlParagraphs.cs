namespace Shipshape.Images.Inventory;

/// <summary>
/// "Field: value" paragraphs separated by blank lines, continuation lines indented (Debian control files, Python core
/// metadata headers). Only the first occurrence of a field counts; field names compare case-insensitively.
/// </summary>
internal static class ControlParagraphs
{
    public static IEnumerable<Dictionary<string, string>> Parse(string text, bool firstOnly = false)
    {
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Trim().Length == 0)
            {
                if (fields.Count > 0)
                {
                    yield return fields;
                    if (firstOnly)
                    {
                        yield break;
                    }

                    fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                }

                continue;
            }

            if (line[0] is ' ' or '\t')
            {
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                fields.TryAdd(line[..colon].Trim(), line[(colon + 1)..].Trim());
            }
        }

        if (fields.Count > 0)
        {
            yield return fields;
        }
    }
}
