using System.Globalization;
using System.Text;
using System.Text.Json;
using Shipshape.Core;
using Shipshape.Core.Model;

namespace Shipshape.Images.Signatures;

/// <summary>
/// Verifies a Sigstore bundle attached as an OCI 1.1 referrer (cosign's BUNDLE_SPEC: artifactType and layer media type
/// application/vnd.dev.sigstore.bundle.v0.3+json), what cosign 3 writes by default. An image signature is a DSSE envelope
/// whose in-toto statement has predicateType https://sigstore.dev/cosign/sign/v1 and the signed manifest digest as its
/// subject; the signature is over DSSE's pre-authentication encoding of the payload. A message-signature bundle signs
/// the subject manifest's bytes, named by their digest. Other statements (SLSA provenance, SBOMs) are attestations, not
/// signatures, and are not counted. The key is the bundle's certificate (chained to --trust-root) or a --key; the
/// transparency-log entries are not looked up (offline).
/// </summary>
internal static class SigstoreBundleVerifier
{
    public const string MediaTypePrefix = "application/vnd.dev.sigstore.bundle";
    private const string SignPredicate = "https://sigstore.dev/cosign/sign/v1";
    private const string InTotoPayloadType = "application/vnd.in-toto+json";

    public static IEnumerable<ImageSignature> Verify(FoundSignature found, JsonElement manifest, IReadOnlyDictionary<string, Blob> blobs, SignatureTrust trust, SourceSpan span)
    {
        // Each bundle once (a manifest naming the same blob many times verifies it once), and at most a few per manifest.
        var (layers, total) = SignatureLayers.Select(manifest, t => t?.StartsWith(MediaTypePrefix, StringComparison.Ordinal) == true, distinctBlobs: true);
        if (total > layers.Count)
        {
            yield return new ImageSignature("cosign", found.Reference, ImageSignatureVerdict.Invalid, SignatureLayers.TooMany(total, "bundles"), null, span);
        }

        foreach (var (layer, i) in layers.Select((x, i) => (x, i)))
        {
            var reference = layers.Count > 1 ? $"{found.Reference} (bundle {i + 1})" : found.Reference;
            if (Check(layer, found, blobs, trust) is { } checkedBundle)
            {
                yield return new ImageSignature("cosign", reference, checkedBundle.Verdict, checkedBundle.Detail, checkedBundle.Signed, span);
            }
        }
    }

    // Null for a bundle that is an attestation rather than a signature.
    private static (ImageSignatureVerdict Verdict, string Detail, string? Signed)? Check(JsonElement layer, FoundSignature found, IReadOnlyDictionary<string, Blob> blobs, SignatureTrust trust)
    {
        if (SignatureLayers.Content(layer, blobs, "Sigstore bundle", out var problem) is not { } bundleJson)
        {
            return (ImageSignatureVerdict.Invalid, problem!, null);
        }

        using var document = SignatureFinder.TryParse(bundleJson);
        if (document is null || document.RootElement.ValueKind != JsonValueKind.Object)
        {
            return (ImageSignatureVerdict.Invalid, "its Sigstore bundle is not JSON", null);
        }

        var bundle = document.RootElement;
        if (bundle.TryGetProperty("dsseEnvelope", out var envelope) && envelope.ValueKind == JsonValueKind.Object)
        {
            return CheckEnvelope(envelope, bundle, found, trust);
        }

        if (bundle.TryGetProperty("messageSignature", out var message) && message.ValueKind == JsonValueKind.Object)
        {
            return CheckMessage(message, bundle, found, blobs, trust);
        }

        return (ImageSignatureVerdict.Invalid, "its Sigstore bundle has neither a dsseEnvelope nor a messageSignature", null);
    }

    private static (ImageSignatureVerdict, string, string?)? CheckEnvelope(JsonElement envelope, JsonElement bundle, FoundSignature found, SignatureTrust trust)
    {
        var payloadType = ImageReader.Str(envelope, "payloadType") ?? string.Empty;
        if (Base64(ImageReader.Str(envelope, "payload")) is not { } payload)
        {
            return (ImageSignatureVerdict.Invalid, "its DSSE envelope has no base64 payload", null);
        }

        if (payloadType != InTotoPayloadType)
        {
            return null;
        }

        using var statementDocument = SignatureFinder.TryParse(payload);
        if (statementDocument is null || statementDocument.RootElement.ValueKind != JsonValueKind.Object)
        {
            return (ImageSignatureVerdict.Invalid, "its DSSE payload is not an in-toto statement", null);
        }

        var statement = statementDocument.RootElement;
        if (ImageReader.Str(statement, "predicateType") != SignPredicate)
        {
            return null;
        }

        var subjects = statement.TryGetProperty("subject", out var s) && s.ValueKind == JsonValueKind.Array
            ? s.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.Object && x.TryGetProperty("digest", out var d) && d.ValueKind == JsonValueKind.Object)
                .Select(x => ImageReader.Str(x.GetProperty("digest"), "sha256")).OfType<string>().Select(h => "sha256:" + h.ToLowerInvariant()).ToList()
            : [];
        if (subjects.Count == 0)
        {
            return (ImageSignatureVerdict.Invalid, "its in-toto statement names no sha256 subject", null);
        }

        var signatures = envelope.TryGetProperty("signatures", out var sigs) && sigs.ValueKind == JsonValueKind.Array
            ? sigs.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.Object).Select(x => Base64(ImageReader.Str(x, "sig"))).ToList()
            : [];
        if (signatures.Count == 0 || signatures.Any(x => x is null || x.Length == 0))
        {
            return (ImageSignatureVerdict.Invalid, "its DSSE envelope has no base64 signature", subjects[0]);
        }

        if (signatures.Count > SignatureLimits.MaxSignaturesPerEnvelope)
        {
            return (ImageSignatureVerdict.Invalid, $"its DSSE envelope holds {signatures.Count} signatures, more than the {SignatureLimits.MaxSignaturesPerEnvelope} that are verified", subjects[0]);
        }

        var signed = subjects.FirstOrDefault(x => string.Equals(x, found.Subject, StringComparison.OrdinalIgnoreCase)) ?? subjects[0];
        var pae = PreAuthenticationEncoding(payloadType, payload);
        // DSSE: one valid signature by a trusted key is enough; report the best verdict among them.
        var (verdict, detail) = signatures.Select(sig => WithMaterial(bundle, pae, sig!, trust)).OrderBy(v => Rank(v.Item1)).First();
        if (verdict != ImageSignatureVerdict.Invalid && !subjects.Contains(found.Subject, StringComparer.OrdinalIgnoreCase))
        {
            return (ImageSignatureVerdict.DigestMismatch, $"its statement signs {signed}, not {found.Subject} ({detail})", signed);
        }

        return (verdict, detail, signed);
    }

    private static (ImageSignatureVerdict, string, string?) CheckMessage(JsonElement message, JsonElement bundle, FoundSignature found, IReadOnlyDictionary<string, Blob> blobs, SignatureTrust trust)
    {
        var digest = message.TryGetProperty("messageDigest", out var md) && md.ValueKind == JsonValueKind.Object ? md : default;
        if (digest.ValueKind != JsonValueKind.Object || ImageReader.Str(digest, "algorithm") != "SHA2_256" || Base64(ImageReader.Str(digest, "digest")) is not { Length: 32 } hash)
        {
            return (ImageSignatureVerdict.Invalid, "its message signature has no SHA2_256 message digest", null);
        }

        var signed = "sha256:" + Convert.ToHexStringLower(hash);
        if (Base64(ImageReader.Str(message, "signature")) is not { Length: > 0 } signature)
        {
            return (ImageSignatureVerdict.Invalid, "its message signature has no base64 signature", signed);
        }

        // The signed message is the manifest itself: its bytes are in the layout under the digest signed.
        if (ImageReader.BlobName(signed) is not { } name || !blobs.TryGetValue(name, out var signedBlob) || signedBlob.Json is null)
        {
            return string.Equals(signed, found.Subject, StringComparison.OrdinalIgnoreCase)
                ? (ImageSignatureVerdict.Invalid, "the manifest its message signature names is not in the image", signed)
                : (ImageSignatureVerdict.DigestMismatch, $"its message signature signs {signed}, not {found.Subject}", signed);
        }

        var (verdict, detail) = WithMaterial(bundle, signedBlob.Json, signature, trust);
        if (verdict != ImageSignatureVerdict.Invalid && !string.Equals(signed, found.Subject, StringComparison.OrdinalIgnoreCase))
        {
            return (ImageSignatureVerdict.DigestMismatch, $"its message signature signs {signed}, not {found.Subject} ({detail})", signed);
        }

        return (verdict, detail, signed);
    }

    // The bundle's verification material: a certificate (v0.3), a certificate chain (v0.1, v0.2) or a public key hint.
    private static (ImageSignatureVerdict, string) WithMaterial(JsonElement bundle, byte[] signedBytes, byte[] signature, SignatureTrust trust)
    {
        var material = bundle.TryGetProperty("verificationMaterial", out var m) && m.ValueKind == JsonValueKind.Object ? m : default;
        var certificates = new List<byte[]>();
        if (material.ValueKind == JsonValueKind.Object)
        {
            if (material.TryGetProperty("certificate", out var certificate) && certificate.ValueKind == JsonValueKind.Object
                && Base64(ImageReader.Str(certificate, "rawBytes")) is { Length: > 0 } der)
            {
                certificates.Add(der);
            }
            else if (material.TryGetProperty("x509CertificateChain", out var chain) && chain.ValueKind == JsonValueKind.Object
                && chain.TryGetProperty("certificates", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                certificates.AddRange(list.EnumerateArray().Where(c => c.ValueKind == JsonValueKind.Object)
                    .Select(c => Base64(ImageReader.Str(c, "rawBytes"))).OfType<byte[]>().Where(c => c.Length > 0));
            }
        }

        return certificates.Count > 0
            ? CosignVerifier.WithCertificate(certificates[0], certificates.Skip(1), "the certificate of its bundle", signedBytes, signature, trust)
            : CosignVerifier.WithKeys(signedBytes, signature, trust);
    }

    private static int Rank(ImageSignatureVerdict verdict) => verdict switch
    {
        ImageSignatureVerdict.Verified => 0,
        ImageSignatureVerdict.NotVerified => 1,
        ImageSignatureVerdict.Untrusted => 2,
        _ => 3,
    };

    /// <summary>DSSE's PAE: "DSSEv1" SP LEN(type) SP type SP LEN(body) SP body, lengths in ASCII decimal bytes.</summary>
    internal static byte[] PreAuthenticationEncoding(string payloadType, byte[] payload)
    {
        var type = Encoding.UTF8.GetBytes(payloadType);
        var head = Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"DSSEv1 {type.Length} "));
        var middle = Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $" {payload.Length} "));
        return [.. head, .. type, .. middle, .. payload];
    }

    private static byte[]? Base64(string? value)
    {
        if (value is null)
        {
            return null;
        }

        try
        {
            return Convert.FromBase64String(value);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
