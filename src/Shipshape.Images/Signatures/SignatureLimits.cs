namespace Shipshape.Images.Signatures;

/// <summary>
/// How much signature material one input may make the scanner verify: each verification hashes a payload and checks a
/// signature, so a layout naming the same large payload thousands of times would otherwise take minutes.
/// </summary>
internal static class SignatureLimits
{
    /// <summary>Signature layers (cosign payloads, Sigstore bundles) verified per signature manifest.</summary>
    public const int MaxLayersPerManifest = 16;

    /// <summary>Signatures verified per DSSE envelope (one valid signature by a trusted key is enough).</summary>
    public const int MaxSignaturesPerEnvelope = 16;

    /// <summary>Signature manifests verified per input; the rest are named in a diagnostic.</summary>
    public const int MaxManifests = 64;
}
