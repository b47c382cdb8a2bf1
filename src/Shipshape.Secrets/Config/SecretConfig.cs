using System.Collections.Immutable;

namespace Shipshape.Secrets.Config;

/// <summary>A gitleaks-format configuration: rules, global allowlists and how it extends another configuration.</summary>
public sealed record SecretConfig
{
    public string Title { get; init; } = string.Empty;
    public ImmutableArray<SecretRule> Rules { get; init; } = [];
    public ImmutableArray<SecretAllowlist> Allowlists { get; init; } = [];
    /// <summary><c>[extend] useDefault = true</c>: the built-in rules come first and this configuration adds to them.</summary>
    public bool ExtendsDefault { get; init; }
    /// <summary><c>[extend] path</c>: another configuration file this one extends.</summary>
    public string? ExtendsPath { get; init; }
    /// <summary><c>[extend] disabledRules</c>: rule IDs of the extended configuration to leave out.</summary>
    public ImmutableArray<string> DisabledRules { get; init; } = [];
}
