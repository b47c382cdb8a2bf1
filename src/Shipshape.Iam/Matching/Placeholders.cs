using System.Text;

namespace Shipshape.Iam.Matching;

/// <summary>Replaces "${name}" placeholders: policy variables in policies, and the variables of the catalogue's ARN formats.</summary>
public static class Placeholders
{
    /// <summary>The text with each placeholder's inside replaced by <paramref name="replacement"/>; null when it returns null for one.</summary>
    public static string? Replace(string text, Func<string, string?> replacement)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(replacement);
        if (!text.Contains("${", StringComparison.Ordinal))
        {
            return text;
        }

        var result = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            var start = text.IndexOf("${", i, StringComparison.Ordinal);
            var end = start < 0 ? -1 : text.IndexOf('}', start);
            if (start < 0 || end < 0)
            {
                result.Append(text, i, text.Length - i);
                break;
            }

            result.Append(text, i, start - i);
            if (replacement(text[(start + 2)..end]) is not { } value)
            {
                return null;
            }

            result.Append(value);
            i = end + 1;
        }

        return result.ToString();
    }
}
