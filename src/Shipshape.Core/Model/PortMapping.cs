namespace Shipshape.Core.Model;

/// <summary>A port a container listens on, and the host port it is published on when known.</summary>
public sealed record PortMapping(Value<int?> ContainerPort, Value<int?> HostPort, Value<string> Protocol, SourceSpan Span, string Path);
