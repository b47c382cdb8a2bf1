using System.Text;

namespace Shipshape.Iam.Evaluation;

/// <summary>Replaces policy variables (${aws:username}, ${key, 'default'}, ${*}, ${?}, ${$}) with the request's values.</summary>
public static class PolicyVariables
{
    /// <summary>The text with variables replaced, or null when a variable has no value and no default (then nothing matches).</summary>
    public static string? Substitute(string text, RequestContext context)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(context);
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
            var inner = text[(start + 2)..end];
            var comma = inner.IndexOf(',', StringComparison.Ordinal);
            var key = (comma < 0 ? inner : inner[..comma]).Trim();
            string? fallback = comma < 0 ? null : inner[(comma + 1)..].Trim().Trim('\'');
            var replacement = key switch
            {
                "*" or "?" or "$" => key,
                _ when context.Keys.TryGetValue(key, out var values) && values.Length == 1 => values[0],
                _ => fallback,
            };
            if (replacement is null)
            {
                return null;
            }

            result.Append(replacement);
            i = end + 1;
        }

        return result.ToString();
    }
}
