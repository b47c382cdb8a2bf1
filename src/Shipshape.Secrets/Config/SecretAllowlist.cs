using System.Collections.Immutable;

namespace Shipshape.Secrets.Config;

/// <summary>
/// What a rule (or the whole configuration) must not report: paths, regexes over the secret, the match or the
/// line, stop words in the secret, commits. With <see cref="AllowlistCondition.Or"/> any criterion allows; with
/// And, every criterion given must.
/// </summary>
public sealed record SecretAllowlist
{
    public string Description { get; init; } = string.Empty;
    public AllowlistCondition Condition { get; init; } = AllowlistCondition.Or;
    public ImmutableArray<string> Paths { get; init; } = [];
    public ImmutableArray<string> Regexes { get; init; } = [];
    public RegexTarget RegexTarget { get; init; } = RegexTarget.Secret;
    public ImmutableArray<string> StopWords { get; init; } = [];
    public ImmutableArray<string> Commits { get; init; } = [];
    /// <summary>For a global allowlist: only these rule IDs (empty: all rules).</summary>
    public ImmutableArray<string> TargetRules { get; init; } = [];
}
