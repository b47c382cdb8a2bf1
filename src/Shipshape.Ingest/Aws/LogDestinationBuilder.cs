using Shipshape.Core.Model;

namespace Shipshape.Ingest.Aws;

/// <summary>The one place that assembles a CloudWatch Logs destination's access policy, for every format.</summary>
internal static class LogDestinationBuilder
{
    public static LogDestination Build(ResourceIdentity id, PolicyDocument? accessPolicy) => new()
    {
        Address = id.Address,
        Kind = id.Kind,
        Span = id.Span,
        SourceFormat = id.SourceFormat,
        AccessPolicy = accessPolicy,
    };
}
