using System.Collections.Immutable;

namespace Shipshape.Secrets.Detection;

/// <summary>
/// A secret found in content. It never holds the secret itself: only a <see cref="Redacted"/> form that is safe
/// to print and a <see cref="SecretHash"/> for fingerprints. Lines and columns are 1-based.
/// </summary>
public sealed record SecretHit
{
    /// <summary>The detector (rule) ID, gitleaks-style: "aws-access-token".</summary>
    public required string RuleId { get; init; }
    public required string Description { get; init; }
    public required int Line { get; init; }
    public required int Column { get; init; }
    public required int EndLine { get; init; }
    public required int EndColumn { get; init; }
    public required string Redacted { get; init; }
    /// <summary>Lower-case hex SHA-256 of the secret.</summary>
    public required string SecretHash { get; init; }
    public ImmutableArray<string> Tags { get; init; } = [];

    /// <summary>
    /// Whether a <c>gitleaks:allow</c> comment stands on the secret's line: the hit is kept, so that the report can show it
    /// as suppressed by that comment (and report it when other tools' suppressions are turned off).
    /// </summary>
    public bool AllowedByComment { get; init; }
    /// <summary>The encodings the secret was found under ("base64", "hex", "percent"), outermost first; empty when it was plain.</summary>
    public ImmutableArray<string> DecodedFrom { get; init; } = [];
}
