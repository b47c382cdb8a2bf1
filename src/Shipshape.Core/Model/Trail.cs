namespace Shipshape.Core.Model;

/// <summary>An AWS CloudTrail trail.</summary>
public sealed record Trail : Resource
{
    public required Value<bool> IsLogging { get; init; }
    public required Value<bool> MultiRegion { get; init; }
    public required Value<bool> LogFileValidation { get; init; }
    public required Value<string?> CloudWatchLogsGroup { get; init; }
    public required Value<string?> KmsKey { get; init; }
    /// <summary>The SNS topic notified of every log file delivery (CloudTrail SnsTopicName); null when none.</summary>
    public required Value<string?> SnsTopic { get; init; }
}
