using Shipshape.Core.Model;

namespace Shipshape.Ingest.Aws;

/// <summary>The one place that decides an AWS CloudTrail trail's defaults, for every format.</summary>
internal static class TrailBuilder
{
    public static Trail Build(
        ResourceIdentity id,
        Value<bool?> isLogging,
        Value<bool?> multiRegion,
        Value<bool?> logFileValidation,
        Value<string?> cloudWatchLogsGroup,
        Value<string?> kmsKey,
        Value<string?> snsTopic) => new()
    {
        Address = id.Address,
        Kind = id.Kind,
        Span = id.Span,
        SourceFormat = id.SourceFormat,
        // CloudFormation requires IsLogging; the Terraform provider starts logging after CreateTrail unless told
        // not to (enable_logging defaults to true), which is what an omitted value means.
        IsLogging = Raw.Or(isLogging, true),
        // CloudTrail API CreateTrail: IsMultiRegionTrail and EnableLogFileValidation default to false.
        MultiRegion = Raw.Or(multiRegion, false),
        LogFileValidation = Raw.Or(logFileValidation, false),
        CloudWatchLogsGroup = cloudWatchLogsGroup,
        KmsKey = kmsKey,
        // CreateTrail: SnsTopicName is optional; without it CloudTrail sends no delivery notifications.
        SnsTopic = snsTopic,
    };
}
