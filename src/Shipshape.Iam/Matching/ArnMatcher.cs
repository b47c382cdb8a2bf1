namespace Shipshape.Iam.Matching;

/// <summary>ArnLike/ArnEquals: each of the six colon-separated components matched on its own, case-sensitively, with '*' and '?'.</summary>
public static class ArnMatcher
{
    public static bool Matches(string pattern, string arn)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(arn);
        if (pattern == "*")
        {
            return true;
        }

        var p = pattern.Split(':', 6);
        var a = arn.Split(':', 6);
        if (p.Length != 6 || a.Length != 6)
        {
            return false;
        }

        for (var i = 0; i < 6; i++)
        {
            if (!Wildcard.Matches(p[i], a[i], ignoreCase: false))
            {
                return false;
            }
        }

        return true;
    }
}
