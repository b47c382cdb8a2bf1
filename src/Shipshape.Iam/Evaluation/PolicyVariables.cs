using Shipshape.Iam.Matching;

namespace Shipshape.Iam.Evaluation;

/// <summary>Replaces policy variables (${aws:username}, ${key, 'default'}, ${*}, ${?}, ${$}) with the request's values.</summary>
public static class PolicyVariables
{
    /// <summary>The text with variables replaced, or null when a variable has no value and no default (then nothing matches).</summary>
    public static string? Substitute(string text, RequestContext context)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(context);
        return Placeholders.Replace(text, inner =>
        {
            var comma = inner.IndexOf(',', StringComparison.Ordinal);
            var key = (comma < 0 ? inner : inner[..comma]).Trim();
            return key switch
            {
                "*" or "?" or "$" => key,
                _ when context.Keys.TryGetValue(key, out var values) && values.Length == 1 => values[0],
                _ => comma < 0 ? null : inner[(comma + 1)..].Trim().Trim('\''),
            };
        });
    }
}
