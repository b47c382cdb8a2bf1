using System.Collections.Immutable;

namespace Shipshape.Core;

/// <summary>One rule's verdict on one place; immutable, with everything writers need.</summary>
public sealed record Finding
{
    public required string RuleId { get; init; }
    public required string Title { get; init; }
    /// <summary>The effective severity, after configuration overrides.</summary>
    public required Severity Severity { get; init; }
    public required Practice Practice { get; init; }
    public required string Message { get; init; }
    public required SourceSpan Location { get; init; }
    public required ResourceRef Resource { get; init; }
    public ImmutableArray<string> Equivalents { get; init; } = [];
    public required string Fingerprint { get; init; }
    /// <summary>Set when the finding is suppressed; suppressed findings are reported but never fail a build.</summary>
    public Suppression? Suppression { get; init; }
    public bool Suppressed => Suppression is not null;
}
