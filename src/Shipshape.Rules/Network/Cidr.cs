using System.Net;

namespace Shipshape.Rules.Network;

/// <summary>CIDR blocks as security-group rules and endpoint allowlists use them.</summary>
internal static class Cidr
{
    /// <summary>Whether the block covers every IPv4 or every IPv6 address: a valid address with prefix length 0 (0.0.0.0/0, ::/0).</summary>
    public static bool IsAnywhere(string? cidr)
    {
        if (cidr is null)
        {
            return false;
        }

        var text = cidr.Trim();
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        return slash > 0
            && text[(slash + 1)..] == "0"
            && IPAddress.TryParse(text[..slash], out _);
    }
}
