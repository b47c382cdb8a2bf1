using Shipshape.Iam.Matching;

namespace Shipshape.Iam.Tools;

/// <summary>Fills a catalogue ARN format ("arn:${Partition}:ecs:${Region}:${Account}:task/${ClusterName}/${TaskId}") from known values; the rest become "*".</summary>
public static class ArnTemplate
{
    public static string Fill(string format, IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(format);
        ArgumentNullException.ThrowIfNull(values);
        var text = Placeholders.Replace(format, name => values.TryGetValue(name, out var value) ? value : "*")!;

        // "task/*/*" says no more than "task/*".
        while (text.EndsWith("/*/*", StringComparison.Ordinal))
        {
            text = text[..^2];
        }

        return text;
    }

    /// <summary>Partition, Region, Account and the name of a cluster ARN (arn:aws:ecs:eu-west-1:111122223333:cluster/prod), or null.</summary>
    public static Dictionary<string, string>? ClusterValues(string? clusterArn)
    {
        if (clusterArn?.Split(':', 6) is not [ "arn", var partition, _, var region, var account, var resource ] || !resource.StartsWith("cluster/", StringComparison.Ordinal))
        {
            return null;
        }

        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Partition"] = partition,
            ["Region"] = region,
            ["Account"] = account,
            ["ClusterName"] = resource["cluster/".Length..],
        };
    }
}
