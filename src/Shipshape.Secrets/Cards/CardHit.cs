namespace Shipshape.Secrets.Cards;

/// <summary>A primary account number found in content; only a masked form (first six, last four at most) is kept.</summary>
public sealed record CardHit
{
    public required CardIssuer Issuer { get; init; }
    /// <summary>One of the issuers' published test numbers.</summary>
    public required bool IsTestNumber { get; init; }
    public required CardConfidence Confidence { get; init; }
    /// <summary>"411111******1111"; numbers shorter than 16 digits show only the last four.</summary>
    public required string Masked { get; init; }
    /// <summary>Lower-case hex SHA-256 of the digits.</summary>
    public required string NumberHash { get; init; }
    public required int Line { get; init; }
    public required int Column { get; init; }
    public required int EndColumn { get; init; }

    /// <summary>Whether a <c>gitleaks:allow</c> comment stands on the number's line (reported as suppressed by it).</summary>
    public bool AllowedByComment { get; init; }
}
