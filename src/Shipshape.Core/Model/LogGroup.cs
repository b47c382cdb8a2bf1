namespace Shipshape.Core.Model;

/// <summary>A CloudWatch Logs log group.</summary>
public sealed record LogGroup : Resource
{
    public required Value<string?> Name { get; init; }
    /// <summary>Days; null means never expire.</summary>
    public required Value<int?> RetentionInDays { get; init; }
    public required Value<string?> KmsKey { get; init; }
}
