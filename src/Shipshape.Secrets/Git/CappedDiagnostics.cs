using System.Collections.Immutable;
using System.Collections.ObjectModel;
using Shipshape.Core;

namespace Shipshape.Secrets.Git;

/// <summary>Keeps the first <see cref="GitLimits.MaxReportedProblems"/> diagnostics and counts the rest, so a corrupt repository cannot flood the report.</summary>
internal sealed class CappedDiagnostics : Collection<Diagnostic>
{
    private int _dropped;

    public ImmutableArray<Diagnostic> ToImmutable() => _dropped == 0
        ? [.. this]
        : [.. this, Diagnostic.Partial(SourceSpan.FileOnly(GitHistoryScanner.Location), $"{_dropped} more problems of the same kinds, not listed")];

    protected override void InsertItem(int index, Diagnostic item)
    {
        if (Count < GitLimits.MaxReportedProblems)
        {
            base.InsertItem(index, item);
        }
        else
        {
            _dropped++;
        }
    }
}
