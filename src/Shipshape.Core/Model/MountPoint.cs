namespace Shipshape.Core.Model;

/// <summary>A volume mounted into a container.</summary>
public sealed record MountPoint(Value<string?> SourceVolume, Value<string?> ContainerPath, Value<bool> ReadOnly, SourceSpan Span, string Path);
