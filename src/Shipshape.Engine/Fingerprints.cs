using System.Security.Cryptography;
using System.Text;

namespace Shipshape.Engine;

/// <summary>Stable finding identities: built from rule, file, resource and property (or a hash of a secret), never from lines.</summary>
public static class Fingerprints
{
    public static string Compute(string ruleId, string path, string address, string? propertyPath, string? key)
    {
        var text = string.Join('\0', "v1", ruleId, path, address, propertyPath ?? string.Empty, key ?? string.Empty);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];
    }
}
