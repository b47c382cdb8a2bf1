using Shipshape.Core.Model;

namespace Shipshape.Rules.Containers;

/// <summary>What container-image rules say about a reference, worded once for containers and Dockerfile stages.</summary>
internal static class ImageTags
{
    /// <summary>Why the reference is mutable ("without a tag, …", "with the mutable tag 'latest'"), or null when pinned by tag or digest.</summary>
    public static string? MutableTagProblem(ImageReference image) =>
        image.Digest is not null ? null
        : image.Tag is null ? "without a tag, so whatever 'latest' points to is pulled"
        : string.Equals(image.Tag, "latest", StringComparison.Ordinal) ? "with the mutable tag 'latest'"
        : null;

    /// <summary>"Docker Hub (docker.io)" or "registry 'ghcr.io'".</summary>
    public static string Registry(ImageReference image) =>
        image.IsDockerHub ? "Docker Hub (docker.io)" : $"registry '{image.Registry}'";
}
