using Shipshape.Core.Model;

namespace Shipshape.Ingest.Aws;

/// <summary>The one place that assembles a Systems Manager parameter, for every format.</summary>
internal static class SsmParameterBuilder
{
    public static SsmParameter Build(ResourceIdentity id, Value<string?> name, Value<string?> type, Value<string?> value) => new()
    {
        Address = id.Address,
        Kind = id.Kind,
        Span = id.Span,
        SourceFormat = id.SourceFormat,
        Name = name,
        Type = type,
        ParameterValue = value,
    };
}
