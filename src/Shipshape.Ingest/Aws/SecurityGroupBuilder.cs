using System.Collections.Immutable;
using Shipshape.Core.Model;

namespace Shipshape.Ingest.Aws;

/// <summary>The one place that assembles an EC2 security group, for every format.</summary>
internal static class SecurityGroupBuilder
{
    public static SecurityGroup Build(ResourceIdentity id, Value<string?> description, IEnumerable<SecurityGroupRule> rules) => new()
    {
        Address = id.Address,
        Kind = id.Kind,
        Span = id.Span,
        SourceFormat = id.SourceFormat,
        Description = description,
        Rules = [.. rules],
    };
}
