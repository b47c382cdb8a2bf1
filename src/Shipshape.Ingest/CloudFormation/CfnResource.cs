using Shipshape.Core;
using Shipshape.Ingest.Syntax;

namespace Shipshape.Ingest.CloudFormation;

/// <summary>One template resource, its properties already resolved, as the adapters see it.</summary>
internal sealed record CfnResource(string LogicalId, string Type, PropertyReader Properties, SourceSpan Span)
{
    public const string Format = "cloudformation";
}
