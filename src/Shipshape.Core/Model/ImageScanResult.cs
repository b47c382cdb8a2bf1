using System.Collections.Immutable;

namespace Shipshape.Core.Model;

/// <summary>
/// The findings of an image scan AWS ran, read from a saved <c>aws ecr describe-image-scan-findings</c> or Amazon
/// Inspector findings JSON, so that a pipeline can gate on them: the image ("repository:tag" or "repository@digest")
/// and its package vulnerabilities.
/// </summary>
public sealed record ImageScanResult : Resource
{
    public ImmutableArray<ImageVulnerability> Vulnerabilities { get; init; } = [];
}
