using Shipshape.Secrets.Detection;

namespace Shipshape.Rules.Content;

/// <summary>Which catalogue rule reports a detector's hits: private keys, generic credentials, or provider secrets.</summary>
internal static class SecretCategories
{
    public static bool IsPrivateKey(SecretHit hit) =>
        hit.Tags.Contains("private-key") || hit.RuleId.Contains("private-key", StringComparison.Ordinal);

    public static bool IsGeneric(SecretHit hit) =>
        !IsPrivateKey(hit) && (hit.Tags.Contains("generic") || hit.Tags.Contains("url-credentials") || hit.Tags.Contains("connection-string")
            || hit.RuleId.StartsWith("generic", StringComparison.Ordinal));

    public static bool IsProviderSecret(SecretHit hit) => !IsPrivateKey(hit) && !IsGeneric(hit);
}
