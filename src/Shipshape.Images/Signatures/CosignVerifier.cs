using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Shipshape.Core;
using Shipshape.Core.Model;

namespace Shipshape.Images.Signatures;

/// <summary>
/// Verifies a cosign signature manifest: each simple-signing layer is a payload naming the signed manifest digest
/// (critical.image.docker-manifest-digest), signed as a whole (the base64 signature in the layer's
/// dev.cosignproject.cosign/signature annotation). A signature carrying a certificate (dev.sigstore.cosign/certificate,
/// with dev.sigstore.cosign/chain) is checked against that certificate's key, then the certificate against --trust-root;
/// one without is checked against the --key keys.
/// </summary>
internal static class CosignVerifier
{
    private const string SignatureAnnotation = "dev.cosignproject.cosign/signature";
    private const string CertificateAnnotation = "dev.sigstore.cosign/certificate";
    private const string ChainAnnotation = "dev.sigstore.cosign/chain";

    public static IEnumerable<ImageSignature> Verify(FoundSignature found, JsonElement manifest, IReadOnlyDictionary<string, Blob> blobs, SignatureTrust trust, SourceSpan span)
    {
        var (layers, total) = SignatureLayers.Select(manifest, t => t == SignatureFinder.SimpleSigningMediaType);
        if (total > layers.Count)
        {
            yield return new ImageSignature("cosign", found.Reference, ImageSignatureVerdict.Invalid, SignatureLayers.TooMany(total, "signature layers"), null, span);
        }

        foreach (var (layer, i) in layers.Select((x, i) => (x, i)))
        {
            var reference = layers.Count > 1 ? $"{found.Reference} (signature {i + 1})" : found.Reference;
            var (verdict, detail, signed) = Check(layer, found, blobs, trust);
            yield return new ImageSignature("cosign", reference, verdict, detail, signed, span);
        }
    }

    private static (ImageSignatureVerdict Verdict, string Detail, string? Signed) Check(JsonElement layer, FoundSignature found, IReadOnlyDictionary<string, Blob> blobs, SignatureTrust trust)
    {
        var annotations = layer.TryGetProperty("annotations", out var a) && a.ValueKind == JsonValueKind.Object ? a : default;
        if (SignatureLayers.Content(layer, blobs, "simple-signing payload", out var problem) is not { } payload)
        {
            return (ImageSignatureVerdict.Invalid, problem!, null);
        }

        var signed = SignedDigest(payload);
        if (signed is null)
        {
            return (ImageSignatureVerdict.Invalid, "its payload is not a cosign simple-signing document (critical.type \"cosign container image signature\" with critical.image.docker-manifest-digest)", null);
        }

        byte[] signature;
        try
        {
            signature = Convert.FromBase64String(annotations.ValueKind == JsonValueKind.Object ? ImageReader.Str(annotations, SignatureAnnotation) ?? string.Empty : string.Empty);
        }
        catch (FormatException)
        {
            return (ImageSignatureVerdict.Invalid, $"its {SignatureAnnotation} annotation is not base64", signed);
        }

        if (signature.Length == 0)
        {
            return (ImageSignatureVerdict.Invalid, $"it has no {SignatureAnnotation} annotation", signed);
        }

        var (verdict, detail) = ImageReader.Str(annotations, CertificateAnnotation) is { Length: > 0 } certificatePem
            ? WithCertificate(certificatePem, ImageReader.Str(annotations, ChainAnnotation), payload, signature, trust)
            : WithKeys(payload, signature, trust);
        if (verdict != ImageSignatureVerdict.Invalid && !string.Equals(signed, found.Subject, StringComparison.OrdinalIgnoreCase))
        {
            return (ImageSignatureVerdict.DigestMismatch, $"its payload signs {signed}, not {found.Subject} ({detail})", signed);
        }

        return (verdict, detail, signed);
    }

    internal static (ImageSignatureVerdict, string) WithKeys(byte[] payload, byte[] signature, SignatureTrust trust)
    {
        if (trust.Keys.IsEmpty)
        {
            return trust.IsEmpty
                ? (ImageSignatureVerdict.NotVerified, "not verified: no --key was given")
                : (ImageSignatureVerdict.Untrusted, "it is signed with a key and no --key was given to verify it");
        }

        if (trust.Keys.FirstOrDefault(k => k.VerifyCosign(payload, signature)) is { } key)
        {
            return (ImageSignatureVerdict.Verified, $"verified with the {key.Algorithm} key {key.Name}");
        }

        return (ImageSignatureVerdict.Untrusted, $"it does not verify with any key given with --key ({string.Join(", ", trust.Keys.Select(k => k.Name).Distinct(StringComparer.Ordinal))})");
    }

    private static (ImageSignatureVerdict, string) WithCertificate(string certificatePem, string? chainPem, byte[] payload, byte[] signature, SignatureTrust trust)
    {
        var certificates = SignatureTrust.PemBlocks(certificatePem).Where(b => b.Label == "CERTIFICATE").Select(b => b.Der).ToList();
        if (certificates.Count == 0)
        {
            return (ImageSignatureVerdict.Invalid, $"its {CertificateAnnotation} annotation holds no PEM certificate");
        }

        var chain = (chainPem is null ? [] : SignatureTrust.PemBlocks(chainPem).Where(b => b.Label == "CERTIFICATE")).Select(b => b.Der);
        return WithCertificate(certificates[0], [.. certificates.Skip(1), .. chain], $"its {CertificateAnnotation} annotation", payload, signature, trust);
    }

    /// <summary>
    /// A signature made with a certificate's key: it must verify with that key, and the certificate must chain (through
    /// <paramref name="intermediates"/>) to a --trust-root certificate, unless a --key given verifies it directly.
    /// </summary>
    internal static (ImageSignatureVerdict, string) WithCertificate(byte[] leafDer, IEnumerable<byte[]> intermediates, string where, byte[] payload, byte[] signature, SignatureTrust trust)
    {
        X509Certificate2 leaf;
        try
        {
            leaf = X509CertificateLoader.LoadCertificate(leafDer);
        }
        catch (CryptographicException)
        {
            return (ImageSignatureVerdict.Invalid, $"{where} is not an X.509 certificate");
        }

        using (leaf)
        {
            using var key = SignatureKey.FromSubjectPublicKeyInfo("the certificate " + leaf.Subject, leaf.PublicKey.ExportSubjectPublicKeyInfo(), out var problem);
            if (key is null)
            {
                return (ImageSignatureVerdict.Invalid, $"the key of its certificate {problem}");
            }

            if (!key.VerifyCosign(payload, signature))
            {
                return (ImageSignatureVerdict.Invalid, $"the signature does not verify with the key of the certificate it carries ({leaf.Subject}): the payload or the signature was changed");
            }

            if (trust.Keys.FirstOrDefault(k => k.VerifyCosign(payload, signature)) is { } given)
            {
                return (ImageSignatureVerdict.Verified, $"verified with the {given.Algorithm} key {given.Name}");
            }

            if (trust.Roots.IsEmpty)
            {
                return trust.IsEmpty
                    ? (ImageSignatureVerdict.NotVerified, $"not verified: it carries the certificate {leaf.Subject} and no --trust-root was given")
                    : (ImageSignatureVerdict.Untrusted, $"it carries the certificate {leaf.Subject} and no --trust-root was given to verify it");
            }

            var chain = intermediates.Select(TryLoad).OfType<X509Certificate2>().ToList();
            try
            {
                return SignatureTrust.Chains(leaf, chain, trust.Roots, out var why)
                    ? (ImageSignatureVerdict.Verified, $"verified with the certificate {leaf.Subject}, which chains to a --trust-root certificate")
                    : (ImageSignatureVerdict.Untrusted, $"its certificate {leaf.Subject} does not chain to a --trust-root certificate ({why})");
            }
            finally
            {
                chain.ForEach(c => c.Dispose());
            }
        }
    }

    private static X509Certificate2? TryLoad(byte[] der)
    {
        try
        {
            return X509CertificateLoader.LoadCertificate(der);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    /// <summary>critical.image.docker-manifest-digest of a simple-signing payload whose critical.type is cosign's, or null.</summary>
    private static string? SignedDigest(byte[] payload)
    {
        using var document = SignatureFinder.TryParse(payload);
        if (document is null || document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("critical", out var critical)
            || ImageReader.Str(critical, "type") != "cosign container image signature" || !critical.TryGetProperty("image", out var image))
        {
            return null;
        }

        return ImageReader.Str(image, "docker-manifest-digest") is { } digest && ImageReader.BlobName(digest) is not null ? digest : null;
    }
}
