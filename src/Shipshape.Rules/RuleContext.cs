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

    public static RuleContext Default { get; } = new();
}
