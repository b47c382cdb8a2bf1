using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Shipshape.Core.Model;

/// <summary>
/// A container image reference split along the Docker reference grammar
/// (<c>[registry[:port]/]repository[:tag][@digest]</c>), normalised the way the Docker CLI does.
/// </summary>
public sealed partial record ImageReference
{
    /// <summary>The registry Docker Hub images resolve to.</summary>
    public const string DockerHubRegistry = "docker.io";

    private ImageReference(string registry, string repository, string? tag, string? digest)
    {
        Registry = registry;
        Repository = repository;
        Tag = tag;
        Digest = digest;
    }

    /// <summary>The registry host, with its port when given; "docker.io" when the reference names none.</summary>
    public string Registry { get; }

    /// <summary>The repository path; single-name Docker Hub images get the "library/" prefix.</summary>
    public string Repository { get; }

    /// <summary>The tag, or null when the reference has none.</summary>
    public string? Tag { get; }

    /// <summary>The content digest, for example "sha256:…", or null.</summary>
    public string? Digest { get; }

    public bool IsDockerHub => string.Equals(Registry, DockerHubRegistry, StringComparison.Ordinal);

    /// <summary>Registry and repository: "docker.io/library/nginx".</summary>
    public string FullName => $"{Registry}/{Repository}";

    /// <summary>The last path component of the repository: "nginx" for "docker.io/library/nginx".</summary>
    public string Name => Repository[(Repository.LastIndexOf('/') + 1)..];

    public override string ToString() =>
        FullName + (Tag is null ? string.Empty : ":" + Tag) + (Digest is null ? string.Empty : "@" + Digest);

    /// <summary>
    /// Parses a reference; false for anything outside the grammar, including references that still contain
    /// variables such as <c>${REGISTRY}/app</c> or <c>$(ACCOUNT).dkr.ecr…</c>, whose registry is unknowable.
    /// </summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out ImageReference? reference)
    {
        reference = null;
        if (string.IsNullOrEmpty(text)
            || text.Length > 4096
            || text.Contains("${", StringComparison.Ordinal)
            || text.Contains("$(", StringComparison.Ordinal))
        {
            return false;
        }

        var rest = text;
        string? digest = null;
        var at = rest.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            digest = rest[(at + 1)..];
            rest = rest[..at];
            if (!DigestPattern().IsMatch(digest))
            {
                return false;
            }
        }

        string? tag = null;
        var colon = rest.LastIndexOf(':');
        if (colon > rest.LastIndexOf('/'))
        {
            tag = rest[(colon + 1)..];
            rest = rest[..colon];
            if (!TagPattern().IsMatch(tag))
            {
                return false;
            }
        }

        if (rest.Length == 0)
        {
            return false;
        }

        string registry;
        string repository;
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var first = slash < 0 ? string.Empty : rest[..slash];
        // The Docker CLI treats the first component as a registry host when it looks like one:
        // it contains a dot or a port, is "localhost", or has upper-case letters (which repositories cannot).
        if (slash >= 0
            && (first.Contains('.', StringComparison.Ordinal)
                || first.Contains(':', StringComparison.Ordinal)
                || string.Equals(first, "localhost", StringComparison.Ordinal)
                || !string.Equals(first, first.ToLowerInvariant(), StringComparison.Ordinal)))
        {
            registry = first;
            repository = rest[(slash + 1)..];
            if (!DomainPattern().IsMatch(registry))
            {
                return false;
            }
        }
        else
        {
            registry = DockerHubRegistry;
            repository = rest;
        }

        if (string.Equals(registry, "index.docker.io", StringComparison.OrdinalIgnoreCase)
            || string.Equals(registry, "registry-1.docker.io", StringComparison.OrdinalIgnoreCase))
        {
            registry = DockerHubRegistry;
        }

        if (!RepositoryPattern().IsMatch(repository) || repository.Length > 255)
        {
            return false;
        }

        if (string.Equals(registry, DockerHubRegistry, StringComparison.Ordinal) && !repository.Contains('/', StringComparison.Ordinal))
        {
            repository = "library/" + repository;
        }

        reference = new ImageReference(registry, repository, tag, digest);
        return true;
    }

    // Grammar from github.com/distribution/reference (regexp.go).
    [GeneratedRegex(@"^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$", RegexOptions.CultureInvariant)]
    private static partial Regex RepositoryPattern();

    [GeneratedRegex(@"^[\w][\w.-]{0,127}$", RegexOptions.CultureInvariant)]
    private static partial Regex TagPattern();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9A-Fa-f]{32,}$", RegexOptions.CultureInvariant)]
    private static partial Regex DigestPattern();

    [GeneratedRegex(@"^(?:(?:[A-Za-z0-9]|[A-Za-z0-9][A-Za-z0-9-]*[A-Za-z0-9])(?:\.(?:[A-Za-z0-9]|[A-Za-z0-9][A-Za-z0-9-]*[A-Za-z0-9]))*|\[[0-9A-Fa-f:.]+\])(?::[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex DomainPattern();
}
