using System.Collections.Immutable;
using System.Text;
using System.Text.RegularExpressions;

namespace Shipshape.Engine.Suppressions;

/// <summary>
/// Finds suppression comments in any format that allows comments:
/// <c># shipshape:ignore SHP-CTR-001[,SHP-CTR-002] reason</c> (also after <c>//</c>), and, so that nobody has to
/// rewrite their comments when they switch, the other tools' forms: <c>checkov:skip=CKV_AWS_97:reason</c>,
/// <c>tfsec:ignore:aws-…</c> and <c>trivy:ignore:AVD-AWS-0034</c> (with <c>:exp:YYYY-MM-DD</c>),
/// <c>kics-scan ignore-line</c> / <c>ignore-block</c> (every rule) and <c>hadolint ignore=DL3008,DL3009</c>.
/// A comment applies to findings on its own line, on the next line, or to the resource starting on the next line.
/// </summary>
public static partial class InlineSuppressionParser
{
    private static readonly byte[][] Markers =
        [.. new[] { "shipshape:ignore", "checkov:skip", "tfsec:ignore", "trivy:ignore", "kics-scan", "hadolint" }.Select(Encoding.UTF8.GetBytes)];

    public static ImmutableArray<InlineSuppression> Parse(ReadOnlySpan<byte> content)
    {
        var any = false;
        foreach (var marker in Markers)
        {
            any |= content.IndexOf(marker) >= 0;
        }

        if (!any)
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
                    var reason = match.Groups["reason"].Value.Trim();
                    builder.Add(new InlineSuppression(line, Ids(match.Groups["rules"].Value, ','), reason.Length == 0 ? "suppressed inline" : reason));
                }
            }
            else if (slice.IndexOf("checkov:skip"u8) >= 0 || slice.IndexOf("tfsec:ignore"u8) >= 0 || slice.IndexOf("trivy:ignore"u8) >= 0
                || slice.IndexOf("kics-scan"u8) >= 0 || slice.IndexOf("hadolint"u8) >= 0)
            {
                Foreign(Encoding.UTF8.GetString(slice), line, builder);
            }

            line++;
        }

        return builder.ToImmutable();
    }

    private static HashSet<string> Ids(string list, char separator) =>
        list.Split(separator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.OrdinalIgnoreCase);

    private static void Foreign(string line, int number, ImmutableArray<InlineSuppression>.Builder builder)
    {
        foreach (Match match in CheckovPattern().Matches(line))
        {
            var reason = match.Groups["reason"].Value.Trim();
            builder.Add(new InlineSuppression(number, Ids(match.Groups["id"].Value, ','), reason.Length == 0 ? "checkov:skip" : reason + " (checkov:skip)", "checkov"));
        }

        foreach (Match match in TfsecPattern().Matches(line))
        {
            // The expiry is kept, not judged here: the scan compares it with its own date, as for configured ignores.
            DateOnly? expires = match.Groups["exp"].Success && DateOnly.TryParseExact(match.Groups["exp"].Value, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date)
                ? date
                : null;
            var tool = match.Groups["tool"].Value;
            builder.Add(new InlineSuppression(number, Ids(match.Groups["id"].Value, ','), $"{tool}:ignore", tool) { Expires = expires });
        }

        if (KicsPattern().Match(line) is { Success: true } kics)
        {
            builder.Add(new InlineSuppression(number, new HashSet<string>(["*"], StringComparer.Ordinal), $"kics-scan {kics.Groups["kind"].Value}", "kics"));
        }

        if (HadolintPattern().Match(line) is { Success: true } hadolint)
        {
            builder.Add(new InlineSuppression(number, Ids(hadolint.Groups["ids"].Value, ','), "hadolint ignore", "hadolint"));
        }
    }

    [GeneratedRegex(@"checkov:skip\s*=\s*(?<id>[A-Za-z0-9_]+)(?::(?<reason>[^\r\n]*))?", RegexOptions.CultureInvariant)]
    private static partial Regex CheckovPattern();

    [GeneratedRegex(@"(?<tool>tfsec|trivy):ignore:(?<id>[A-Za-z0-9_.-]+?)(?::exp:(?<exp>\d{4}-\d{2}-\d{2}))?(?=[\s:]|$)", RegexOptions.CultureInvariant)]
    private static partial Regex TfsecPattern();

    [GeneratedRegex(@"kics-scan\s+(?<kind>ignore-line|ignore-block)", RegexOptions.CultureInvariant)]
    private static partial Regex KicsPattern();

    [GeneratedRegex(@"#\s*hadolint\s+ignore=(?<ids>[A-Za-z0-9,]+)", RegexOptions.CultureInvariant)]
    private static partial Regex HadolintPattern();

    [GeneratedRegex(@"(?:#|//|/\*)\s*shipshape:ignore(?:\s*[:=])?\s+(?<rules>[A-Za-z0-9*_-]+(?:\s*,\s*[A-Za-z0-9*_-]+)*)(?<reason>[^\r]*)", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
