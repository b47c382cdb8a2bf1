namespace Shipshape.Core.Model;

/// <summary>An Amazon EFS volume of an ECS task: transit encryption and IAM authorisation default to DISABLED.</summary>
public sealed record EfsVolumeConfiguration(
    Value<string?> FileSystemId,
    Value<bool> TransitEncryption,
    Value<bool> IamAuthorization,
    Value<string?> AccessPointId,
    SourceSpan Span,
    string Path);
