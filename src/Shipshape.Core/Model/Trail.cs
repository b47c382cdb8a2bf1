namespace Shipshape.Core.Model;

/// <summary>An AWS CloudTrail trail.</summary>
public sealed record Trail : Resource
{
    public required Value<bool> IsLogging { get; init; }
    public required Value<bool> MultiRegion { get; init; }
    public required Value<bool> LogFileValidation { get; init; }
    public required Value<string?> CloudWatchLogsGroup { get; init; }
    public required Value<string?> KmsKey { get; init; }
}
