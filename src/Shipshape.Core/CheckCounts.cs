namespace Shipshape.Core;

/// <summary>
/// How the resources a rule looks at (its subjects) fared: <see cref="Checked"/> is what the rule applies to (pass,
/// fail or unresolved); not-applicable resources are of a subject but from a source format the rule does not read.
/// </summary>
public sealed record CheckCounts(int Pass, int Fail, int NotApplicable, int Unresolved)
{
    public static readonly CheckCounts Zero = new(0, 0, 0, 0);

    /// <summary>Resources the rule applies to: passed, failed or unresolved.</summary>
    public int Checked => Pass + Fail + Unresolved;

    public CheckCounts Add(CheckVerdict verdict) => verdict switch
    {
        CheckVerdict.Pass => this with { Pass = Pass + 1 },
        CheckVerdict.Fail => this with { Fail = Fail + 1 },
        CheckVerdict.NotApplicable => this with { NotApplicable = NotApplicable + 1 },
        _ => this with { Unresolved = Unresolved + 1 },
    };

    public CheckCounts Add(CheckCounts other) =>
        new(Pass + other.Pass, Fail + other.Fail, NotApplicable + other.NotApplicable, Unresolved + other.Unresolved);
}
