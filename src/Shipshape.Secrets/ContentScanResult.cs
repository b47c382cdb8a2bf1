using System.Collections.Immutable;
using Shipshape.Secrets.Cards;
using Shipshape.Secrets.Detection;

namespace Shipshape.Secrets;

/// <summary>What the content scan found in one file: secrets and card numbers, in order of position.</summary>
/// <param name="Commit">For a git-history scan, the commit that introduced them; null for the working tree.</param>
public sealed record ContentScanResult(ImmutableArray<SecretHit> Secrets, ImmutableArray<CardHit> Cards, GitCommitInfo? Commit = null)
{
    public static ContentScanResult Empty { get; } = new([], []);

    public bool IsEmpty => Secrets.IsEmpty && Cards.IsEmpty;
}
