using System.Collections.Immutable;
using Shipshape.Core;
using Shipshape.Core.Model;

namespace Shipshape.Images;

/// <summary>What reading one image input produced: one resource per platform image, the layer files with secrets, and diagnostics.</summary>
public sealed record ImageReadResult(ImmutableArray<ContainerImage> Images, ImmutableArray<ImageContentFile> Files, ImmutableArray<Diagnostic> Diagnostics)
{
    /// <summary>The platforms the input has, whether or not --platform chose them ("linux/amd64").</summary>
    public ImmutableArray<string> Platforms { get; init; } = [];
}
