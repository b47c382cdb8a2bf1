using System.Collections.Immutable;

namespace Shipshape.Ingest.CloudFormation;

/// <summary>Deploy-time inputs a scan can be told, like the AWS CLI's --parameter-overrides.</summary>
public sealed record CloudFormationOptions
{
    /// <summary>Parameter values by name; pseudo parameters ("AWS::Region", "AWS::AccountId") may be given too.</summary>
    public ImmutableDictionary<string, string> Parameters { get; init; } = ImmutableDictionary<string, string>.Empty;

    public static CloudFormationOptions Default { get; } = new();
}
