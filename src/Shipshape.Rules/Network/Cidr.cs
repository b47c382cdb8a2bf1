using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Shipshape.Rules.Network;

/// <summary>CIDR blocks as security-group rules and endpoint allowlists use them.</summary>
internal static class Cidr
{
    /// <summary>
    /// Address blocks that are not routed on the internet: RFC 1918 private networks, RFC 6598 shared address space
    /// (carrier-grade NAT), loopback and link-local (169.254.0.0/16, where the instance metadata service lives); for
    /// IPv6, unique local addresses (RFC 4193, fc00::/7), link-local and loopback. VPC CIDR blocks come from these
    /// (Amazon VPC User Guide, "VPC CIDR blocks").
    /// </summary>
    private static readonly (IPAddress Network, int Prefix)[] NonPublic =
    [
        (IPAddress.Parse("10.0.0.0"), 8),
        (IPAddress.Parse("172.16.0.0"), 12),
        (IPAddress.Parse("192.168.0.0"), 16),
        (IPAddress.Parse("100.64.0.0"), 10),
        (IPAddress.Parse("127.0.0.0"), 8),
        (IPAddress.Parse("169.254.0.0"), 16),
        (IPAddress.Parse("fc00::"), 7),
        (IPAddress.Parse("fe80::"), 10),
        (IPAddress.Parse("::1"), 128),
    ];

    /// <summary>Whether the block covers every IPv4 or every IPv6 address: a valid address with prefix length 0 (0.0.0.0/0, ::/0).</summary>
    public static bool IsAnywhere(string? cidr) => TryParse(cidr, out _, out var prefix) && prefix == 0;

    /// <summary>Reads "10.0.0.0/8" or "2001:db8::/32"; a bare address is a single host (/32, /128).</summary>
    public static bool TryParse(string? cidr, out IPAddress address, out int prefix)
    {
        address = IPAddress.None;
        prefix = -1;
        var text = cidr?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (!IPAddress.TryParse(slash < 0 ? text : text[..slash], out var parsed))
        {
            return false;
        }

        var max = parsed.AddressFamily == AddressFamily.InterNetworkV6 ? 128 : 32;
        if (slash < 0)
        {
            prefix = max;
        }
        else if (!int.TryParse(text[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out prefix) || prefix > max)
        {
            return false;
        }

        address = parsed;
        return true;
    }

    /// <summary>The number of host bits the block leaves open (0 for a single address).</summary>
    public static int HostBits(IPAddress address, int prefix) =>
        (address.AddressFamily == AddressFamily.InterNetworkV6 ? 128 : 32) - prefix;

    /// <summary>Whether the block lies inside one of the non-public ranges (private, shared, loopback, link-local).</summary>
    public static bool IsNonPublic(IPAddress address, int prefix) =>
        NonPublic.Any(range => range.Network.AddressFamily == address.AddressFamily && prefix >= range.Prefix && SameNetwork(range.Network, address, range.Prefix));

    private static bool SameNetwork(IPAddress network, IPAddress address, int prefix)
    {
        var a = network.GetAddressBytes();
        var b = address.GetAddressBytes();
        for (var bit = 0; bit < prefix; bit++)
        {
            var mask = (byte)(0x80 >> (bit % 8));
            if ((a[bit / 8] & mask) != (b[bit / 8] & mask))
            {
                return false;
            }
        }

        return true;
    }
}
