namespace Shipshape.Core;

/// <summary>
/// A resource a rule evaluated, as reports name it: file, address and kind; <paramref name="CoveredBy"/> names the rule
/// whose finding stands for this failure when the rule reported none of its own (<c>RuleHit.Covered</c>).
/// </summary>
public sealed record CheckedResource(string Path, string Address, string Kind, string? CoveredBy = null);
