using System.Collections.Immutable;
using Shipshape.Core;

namespace Shipshape.Tests.Support;

/// <summary>
/// Reports show paths relative to the current directory (a temporary directory becomes <c>../../…/tmp/x</c> from
/// the test's directory); tests that assert paths under the directory they built read them relative to it with
/// <see cref="RelativeTo"/>.
/// </summary>
internal static class ReportPaths
{
    /// <summary>The report with every location's path taken relative to the scanned path it is under.</summary>
    public static ScanReport RelativeTo(this ScanReport report, params string[] roots)
    {
        var prefixes = roots.Select(r => File.Exists(r) ? DisplayPaths.FilePrefix(r) : DisplayPaths.Prefix(r))
            .Where(p => p.Length > 0).Distinct(StringComparer.Ordinal).OrderByDescending(p => p.Length).ToList();

        string Strip(string path)
        {
            foreach (var prefix in prefixes)
            {
                if (path == prefix)
                {
                    return ".";
                }

                if (path.StartsWith(prefix + "/", StringComparison.Ordinal))
                {
                    return path[(prefix.Length + 1)..];
                }
            }

            return path;
        }

        SourceSpan Span(SourceSpan span) => span with { Path = Strip(span.Path) };

        ModuleChain? Module(ModuleChain? module) => module is null ? null : module with
        {
            RootDirectory = Strip(module.RootDirectory),
            Calls = [.. module.Calls.Select(c => c with { Call = c.Call is { } call ? Span(call) : null })],
        };

        return report with
        {
            // A content finding's resource is the file itself: its address is the path.
            Findings = [.. report.Findings.Select(f => f with
            {
                Location = Span(f.Location),
                Resource = f.Resource with { Module = Module(f.Resource.Module), Address = f.Resource.Address == f.Location.Path ? Strip(f.Resource.Address) : f.Resource.Address },
            })],
            Diagnostics = [.. report.Diagnostics.Select(d => d with { Location = Span(d.Location) })],

            // The paths are no longer relative to the working directory: writers use them as they are.
            Source = null,
        };
    }
}
