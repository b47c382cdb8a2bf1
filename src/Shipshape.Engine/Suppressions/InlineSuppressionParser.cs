using System.Collections.Immutable;
using System.Text;
using System.Text.RegularExpressions;

namespace Shipshape.Engine.Suppressions;

/// <summary>
/// Finds suppression comments in any format that allows comments:
/// <c># shipshape:ignore SHP-CTR-001[,SHP-CTR-002] reason</c> (also after <c>//</c>).
/// A comment applies to findings on its own line, on the next line, or to the resource starting on the next line.
/// </summary>
public static partial class InlineSuppressionParser
{
    public static ImmutableArray<InlineSuppression> Parse(ReadOnlySpan<byte> content)
    {
        if (content.IndexOf("shipshape:ignore"u8) < 0)
        {
            return [];
        }

        var builder = ImmutableArray.CreateBuilder<InlineSuppression>();
        var line = 1;
        foreach (var range in content.Split((byte)'\n'))
        {
            var slice = content[range];
            if (slice.IndexOf("shipshape:ignore"u8) >= 0)
            {
                var match = Pattern().Match(Encoding.UTF8.GetString(slice));
                if (match.Success)
                {
                    var rules = match.Groups["rules"].Value
                        .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                        .ToHashSet(StringComparer.OrdinalIgnoreCase);
                    var reason = match.Groups["reason"].Value.Trim();
                    builder.Add(new InlineSuppression(line, rules, reason.Length == 0 ? "suppressed inline" : reason));
                }
            }

            line++;
        }

        return builder.ToImmutable();
    }

    [GeneratedRegex(@"(?:#|//|/\*)\s*shipshape:ignore(?:\s*[:=])?\s+(?<rules>[A-Za-z0-9*_-]+(?:\s*,\s*[A-Za-z0-9*_-]+)*)(?<reason>[^\r]*)", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
