using System.Collections.Immutable;

namespace Shipshape.Core;

/// <summary>Everything a report or a documentation page says about a rule; loaded from the rule's metadata file.</summary>
public sealed record RuleMetadata
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public required Severity Severity { get; init; }
    public required Practice Practice { get; init; }
    /// <summary>One sentence: what the rule finds.</summary>
    public required string Description { get; init; }
    public required string Rationale { get; init; }
    public required string Remediation { get; init; }
    public ImmutableArray<string> References { get; init; } = [];
    /// <summary>IDs other tools and standards use for the same check (Checkov, Trivy, Security Hub, Hadolint, Dockle).</summary>
    public ImmutableArray<string> Equivalents { get; init; } = [];
    /// <summary>The input formats the rule applies to, for the documentation.</summary>
    public ImmutableArray<string> Sources { get; init; } = [];
    /// <summary>
    /// The model types the rule evaluates (<see cref="ModelSubjects"/>): every resource of them counts as checked in the
    /// scan's evaluation records, and every hit of the rule is on one of them (a test holds it).
    /// </summary>
    public ImmutableArray<string> Subjects { get; init; } = [];
    /// <summary>Compliance frameworks and their requirement IDs, for example "PCI-DSS-4.0:2.2.5".</summary>
    public ImmutableArray<string> Frameworks { get; init; } = [];
    /// <summary>Executable examples, at least one per source (except git history); the docs show them and a test runs them.</summary>
    public ImmutableArray<RuleExample> Examples { get; init; } = [];
    public string? BadExample { get; init; }
    public string? GoodExample { get; init; }
}
