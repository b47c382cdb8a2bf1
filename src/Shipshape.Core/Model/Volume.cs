namespace Shipshape.Core.Model;

/// <summary>A volume a workload declares: a host path, an EFS file system, or a managed volume.</summary>
public sealed record Volume
{
    public required Value<string> Name { get; init; }
    /// <summary>The host path bind-mounted, when the volume is a host path.</summary>
    public Value<string?>? HostPath { get; init; }
    public EfsVolumeConfiguration? Efs { get; init; }
    public required SourceSpan Span { get; init; }
    public required string Path { get; init; }
}
