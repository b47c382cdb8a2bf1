using System.Collections.Immutable;

namespace Shipshape.Core.Model;

/// <summary>Where a container's logs go: the driver and its options.</summary>
public sealed record LogConfiguration(Value<string?> Driver, ImmutableArray<KeyValue> Options, SourceSpan Span, string Path)
{
    public string? Option(string name) =>
        Options.FirstOrDefault(o => string.Equals(o.Name.Current, name, StringComparison.OrdinalIgnoreCase))?.Val.Current;
}
