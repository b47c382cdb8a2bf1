using System.Collections.Immutable;
using Shipshape.Iam.Catalog;

namespace Shipshape.Rules;

/// <summary>Settings rules read: the scan's configuration, never global state.</summary>
public sealed record RuleContext
{
    /// <summary>The default trusted registries: Amazon ECR private hosts (all partitions) and ECR Public.</summary>
    public static ImmutableArray<string> DefaultTrustedRegistries { get; } =
    [
        "*.dkr.ecr.*.amazonaws.com",
        "*.dkr.ecr.*.amazonaws.com.cn",
        "*.dkr.ecr-fips.*.amazonaws.com",
        "public.ecr.aws",
    ];

    /// <summary>Registry host patterns ('*' matches within a host label sequence) or host/path prefixes.</summary>
    public ImmutableArray<string> TrustedRegistries { get; init; } = DefaultTrustedRegistries;

    /// <summary>The IAM action catalogue, loaded on first use (only scans with policies pay for it).</summary>
    public Lazy<IamCatalog> IamCatalog { get; init; } = new(() => Shipshape.Iam.Catalog.IamCatalog.Embedded);

    /// <summary>An image built more than a year ago has missed a year of its base's security fixes.</summary>
    public const int DefaultMaxImageAgeDays = 365;

    /// <summary>The scan's date (injected, so reports are reproducible): image ages are measured against it.</summary>
    public DateOnly Today { get; init; } = DateOnly.FromDateTime(DateTime.UtcNow);

    /// <summary>Images created more than this many days before <see cref="Today"/> are reported.</summary>
    public int MaxImageAgeDays { get; init; } = DefaultMaxImageAgeDays;

    public static RuleContext Default { get; } = new();
}
