using System.Collections.Immutable;

namespace Shipshape.Secrets.Config;

/// <summary>One secret rule as data, in gitleaks' shape; <see cref="TruePositives"/> and <see cref="FalsePositives"/> are samples the tests run.</summary>
public sealed record SecretRule
{
    /// <summary>The detector ID, gitleaks-style ("aws-access-token").</summary>
    public required string Id { get; init; }
    public string Description { get; init; } = string.Empty;
    /// <summary>The pattern in gitleaks' (RE2) syntax; null for a path-only rule.</summary>
    public string? Regex { get; init; }
    /// <summary>The capture group holding the secret; 0 means the first non-empty group, or the whole match without groups.</summary>
    public int SecretGroup { get; init; }
    /// <summary>Minimum Shannon entropy (bits per character) of the secret; 0 disables the check.</summary>
    public double Entropy { get; init; }
    /// <summary>Lower-case words of which at least one must occur in the content before the regex runs; empty means always run.</summary>
    public ImmutableArray<string> Keywords { get; init; } = [];
    /// <summary>A regex the file path must match (with <see cref="Regex"/>), or alone: a rule that reports the file itself.</summary>
    public string? Path { get; init; }
    public ImmutableArray<SecretAllowlist> Allowlists { get; init; } = [];
    public ImmutableArray<string> Tags { get; init; } = [];
    public ImmutableArray<string> TruePositives { get; init; } = [];
    public ImmutableArray<string> FalsePositives { get; init; } = [];
}
