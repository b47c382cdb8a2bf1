using System.Collections.Immutable;
using Shipshape.Core;

namespace Shipshape.Ingest.Syntax;

/// <summary>The documents of one file (YAML may hold several) and what could not be read.</summary>
public sealed record ParsedDocument(ImmutableArray<SyntaxNode> Roots, ImmutableArray<Diagnostic> Diagnostics)
{
    public bool Failed => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
}
