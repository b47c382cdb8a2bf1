using System.Security.Cryptography;
using System.Text;

namespace Shipshape.Engine;

/// <summary>Stable finding identities: built from rule, file, resource and property (or a hash of a secret), never from lines.</summary>
public static class Fingerprints
{
    /// <summary>
    /// The fingerprint of a finding. <paramref name="moduleRoot"/> is the root module's directory for a resource of a
    /// called Terraform module (its address already carries the call chain): the module's file is shared by every
    /// caller, so two root modules calling it under the same name would otherwise share the fingerprint. It is
    /// appended only when given, so the fingerprints of every other finding stay what they were.
    /// </summary>
    public static string Compute(string ruleId, string path, string address, string? propertyPath, string? key, string? moduleRoot = null)
    {
        var text = string.Join('\0', "v1", ruleId, path, address, propertyPath ?? string.Empty, key ?? string.Empty);
        if (moduleRoot is not null)
        {
            text += "\0module-root\0" + moduleRoot;
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];
    }
}
