namespace Shipshape.Engine.Suppressions;

/// <summary>A "shipshape:ignore RULE-ID reason" comment found on a line of a scanned file.</summary>
public sealed record InlineSuppression(int Line, IReadOnlySet<string> Rules, string Reason)
{
    public bool Covers(string ruleId) => Rules.Contains(ruleId) || Rules.Contains("*");
}
