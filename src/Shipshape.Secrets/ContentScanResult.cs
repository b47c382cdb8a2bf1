using System.Collections.Immutable;
using Shipshape.Secrets.Cards;
using Shipshape.Secrets.Detection;

namespace Shipshape.Secrets;

/// <summary>What the content scan found in one file: secrets and card numbers, in order of position.</summary>
/// <param name="Commit">For a git-history scan, the commit that introduced them; null for the working tree.</param>
public sealed record ContentScanResult(ImmutableArray<SecretHit> Secrets, ImmutableArray<CardHit> Cards, GitCommitInfo? Commit = null)
{
    public static ContentScanResult Empty { get; } = new([], []);

    /// <summary>What could not be searched (a rule's regex that ran out of time); the findings stand, the search was partial.</summary>
    public ImmutableArray<string> Incomplete { get; init; } = [];

    /// <summary>Where the content was when it is not the file as it stands ("present in layer 2, deleted later"), added to each finding's message.</summary>
    public string? Note { get; init; }

    public bool IsEmpty => Secrets.IsEmpty && Cards.IsEmpty && Incomplete.IsEmpty;
}
