namespace Shipshape.Core.Model;

/// <summary>An Amazon SNS topic (alarm target).</summary>
public sealed record SnsTopic : Resource
{
    public required Value<string?> KmsKey { get; init; }
}
