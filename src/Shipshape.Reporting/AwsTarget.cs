using System.Text.RegularExpressions;

namespace Shipshape.Reporting;

/// <summary>The shapes of an AWS account ID and Region name, and the partition a Region belongs to.</summary>
public static partial class AwsTarget
{
    /// <summary>Whether <paramref name="text"/> is an AWS account ID: exactly 12 ASCII digits.</summary>
    public static bool IsAccountId(string? text) => text is { Length: 12 } && text.All(char.IsAsciiDigit);

    /// <summary>Whether <paramref name="text"/> has the shape of a Region name: us-east-1, us-gov-west-1, cn-north-1, eusc-de-east-1.</summary>
    public static bool IsRegion(string? text) => text is { Length: <= 16 } && RegionPattern().IsMatch(text);

    /// <summary>The partition of a Region: aws-cn for China, aws-us-gov for GovCloud, aws-iso(-b) for the isolated Regions, aws-eusc for the European Sovereign Cloud, else aws.</summary>
    public static string Partition(string region)
    {
        ArgumentNullException.ThrowIfNull(region);
        return region.StartsWith("cn-", StringComparison.Ordinal) ? "aws-cn"
            : region.StartsWith("us-gov-", StringComparison.Ordinal) ? "aws-us-gov"
            : region.StartsWith("us-isob-", StringComparison.Ordinal) ? "aws-iso-b"
            : region.StartsWith("us-iso-", StringComparison.Ordinal) ? "aws-iso"
            : region.StartsWith("eusc-", StringComparison.Ordinal) ? "aws-eusc"
            : "aws";
    }

    /// <summary>The ProductArn of a custom integration: arn:PARTITION:securityhub:REGION:ACCOUNT:product/ACCOUNT/default.</summary>
    public static string DefaultProductArn(string accountId, string region) =>
        $"arn:{Partition(region)}:securityhub:{region}:{accountId}:product/{accountId}/default";

    [GeneratedRegex("^[a-z]{2,4}(-[a-z]+)+-[0-9]{1,2}$", RegexOptions.CultureInvariant)]
    private static partial Regex RegionPattern();
}
