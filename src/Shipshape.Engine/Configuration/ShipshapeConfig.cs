using System.Collections.Immutable;
using Shipshape.Core;

namespace Shipshape.Engine.Configuration;

/// <summary>The contents of a .shipshape.yaml file; every field optional.</summary>
public sealed record ShipshapeConfig
{
    public ImmutableArray<string> TrustedRegistries { get; init; } = [];
    public ImmutableArray<string> EnabledRules { get; init; } = [];
    public ImmutableArray<string> DisabledRules { get; init; } = [];
    public ImmutableDictionary<string, Severity> SeverityOverrides { get; init; } = ImmutableDictionary<string, Severity>.Empty;
    public ImmutableArray<IgnoreEntry> Ignores { get; init; } = [];
    public Severity? FailOn { get; init; }
    public long? MaxFileBytes { get; init; }
    public ImmutableArray<string> ExcludePaths { get; init; } = [];
    public ImmutableArray<Severity> Severities { get; init; } = [];
    public ImmutableArray<string> Scanners { get; init; } = [];
    public TimeSpan? FileTimeout { get; init; }
    /// <summary>Images older than this many days are reported (maxImageAge, --max-image-age).</summary>
    public int? MaxImageAgeDays { get; init; }
    public bool? SoftFail { get; init; }
    public bool? FailOnIncomplete { get; init; }
    public bool? ForeignSuppressions { get; init; }

    public static ShipshapeConfig Empty { get; } = new();
}
