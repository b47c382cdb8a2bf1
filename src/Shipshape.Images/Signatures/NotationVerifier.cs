using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using Shipshape.Core;
using Shipshape.Core.Model;

namespace Shipshape.Images.Signatures;

/// <summary>
/// Verifies a Notary Project (Notation) signature: a JWS in JSON serialization (application/jose+json) whose protected
/// header names the algorithm, the payload type and the critical headers, whose unprotected header carries the
/// certificate chain (x5c, signing certificate first), and whose payload names the signed manifest
/// (targetArtifact.digest). The signature is checked over BASE64URL(protected) "." BASE64URL(payload) with the signing
/// certificate's key, then the chain against --notation-cert, now, offline.
/// </summary>
internal static class NotationVerifier
{
    private const string JwsMediaType = "application/jose+json";
    private const string PayloadType = "application/vnd.cncf.notary.payload.v1+json";

    private static readonly HashSet<string> KnownCritical = new(StringComparer.Ordinal)
    {
        "io.cncf.notary.signingScheme", "io.cncf.notary.expiry", "io.cncf.notary.authenticSigningTime",
        "io.cncf.notary.verificationPlugin", "io.cncf.notary.verificationPluginMinVersion",
    };

    public static ImageSignature Verify(FoundSignature found, JsonElement manifest, IReadOnlyDictionary<string, Blob> blobs, SignatureTrust trust, DateTimeOffset now, SourceSpan span)
    {
        var (verdict, detail, signed) = Check(found, manifest, blobs, trust, now);
        return new ImageSignature("notation", found.Reference, verdict, detail, signed, span);
    }

    private static (ImageSignatureVerdict, string, string?) Check(FoundSignature found, JsonElement manifest, IReadOnlyDictionary<string, Blob> blobs, SignatureTrust trust, DateTimeOffset now)
    {
        var layer = manifest.TryGetProperty("layers", out var l) && l.ValueKind == JsonValueKind.Array ? l.EnumerateArray().FirstOrDefault() : default;
        var mediaType = ImageReader.Str(layer, "mediaType");
        if (mediaType != JwsMediaType)
        {
            return trust.IsEmpty
                ? (ImageSignatureVerdict.NotVerified, $"not verified: its envelope is {mediaType ?? "missing"}, and only JWS ({JwsMediaType}) envelopes are verified", null)
                : (ImageSignatureVerdict.Untrusted, $"its envelope is {mediaType ?? "missing"}, and only JWS ({JwsMediaType}) envelopes are verified", null);
        }

        if (SignatureLayers.Content(layer, blobs, "signature envelope", out var missing) is not { } envelopeJson)
        {
            return (ImageSignatureVerdict.Invalid, missing!, null);
        }

        using var envelope = SignatureFinder.TryParse(envelopeJson);
        var root = envelope?.RootElement ?? default;
        if (ImageReader.Str(root, "protected") is not { } protectedText || ImageReader.Str(root, "payload") is not { } payloadText || ImageReader.Str(root, "signature") is not { } signatureText
            || Base64Url(protectedText) is not { } protectedBytes || Base64Url(payloadText) is not { } payloadBytes || Base64Url(signatureText) is not { } signature)
        {
            return (ImageSignatureVerdict.Invalid, "its envelope is not a JWS in JSON serialization (protected, payload, signature)", null);
        }

        using var header = SignatureFinder.TryParse(protectedBytes);
        using var payload = SignatureFinder.TryParse(payloadBytes);
        var h = header?.RootElement ?? default;
        var signed = payload is not null && payload.RootElement.ValueKind == JsonValueKind.Object && payload.RootElement.TryGetProperty("targetArtifact", out var target)
            ? ImageReader.Str(target, "digest") : null;
        if (h.ValueKind != JsonValueKind.Object || ImageReader.Str(h, "alg") is not { } alg || signed is null)
        {
            return (ImageSignatureVerdict.Invalid, "its protected header has no alg or its payload no targetArtifact.digest", null);
        }

        if (ImageReader.Str(h, "cty") != PayloadType)
        {
            return (ImageSignatureVerdict.Invalid, $"its protected header's cty is not {PayloadType}", signed);
        }

        var critical = h.TryGetProperty("crit", out var crit) && crit.ValueKind == JsonValueKind.Array
            ? crit.EnumerateArray().Select(c => c.ValueKind == JsonValueKind.String ? c.GetString()! : string.Empty).ToList()
            : null;
        if (critical is null || critical.Any(c => !KnownCritical.Contains(c) || !h.TryGetProperty(c, out _)) || !critical.Contains("io.cncf.notary.signingScheme"))
        {
            return (ImageSignatureVerdict.Invalid, "its protected header's crit list is missing, names an unknown header, or does not name io.cncf.notary.signingScheme", signed);
        }

        var chain = root.TryGetProperty("header", out var unprotected) && unprotected.ValueKind == JsonValueKind.Object
            && unprotected.TryGetProperty("x5c", out var x5c) && x5c.ValueKind == JsonValueKind.Array
            ? x5c.EnumerateArray().Select(c => c.ValueKind == JsonValueKind.String ? LoadBase64(c.GetString()!) : null).ToList()
            : [];
        try
        {
            if (chain.Count == 0 || chain.Any(c => c is null))
            {
                return (ImageSignatureVerdict.Invalid, "its unprotected header has no x5c certificate chain, or one that is not X.509", signed);
            }

            var leaf = chain[0]!;
            using var key = SignatureKey.FromSubjectPublicKeyInfo("the certificate " + leaf.Subject, leaf.PublicKey.ExportSubjectPublicKeyInfo(), out var problem);
            if (key is null)
            {
                return (ImageSignatureVerdict.Invalid, $"the key of its signing certificate {problem}", signed);
            }

            if (!key.VerifyJws(alg, Encoding.ASCII.GetBytes(protectedText + "." + payloadText), signature))
            {
                return (ImageSignatureVerdict.Invalid, $"the {alg} signature does not verify with the key of its signing certificate ({leaf.Subject}): the payload or the signature was changed", signed);
            }

            var (verdict, detail) = Trust(leaf, chain.Skip(1).OfType<X509Certificate2>(), h, trust, now);
            return verdict != ImageSignatureVerdict.Invalid && !string.Equals(signed, found.Subject, StringComparison.OrdinalIgnoreCase)
                ? (ImageSignatureVerdict.DigestMismatch, $"its payload signs {signed}, not {found.Subject} ({detail})", signed)
                : (verdict, detail, signed);
        }
        finally
        {
            chain.ForEach(c => c?.Dispose());
        }
    }

    private static (ImageSignatureVerdict, string) Trust(X509Certificate2 leaf, IEnumerable<X509Certificate2> intermediates, JsonElement header, SignatureTrust trust, DateTimeOffset now)
    {
        if (ImageReader.Str(header, "io.cncf.notary.expiry") is { } expiryText
            && DateTimeOffset.TryParse(expiryText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var expiry) && expiry < now)
        {
            return (ImageSignatureVerdict.Untrusted, $"the signature expired at {expiryText}");
        }

        if (trust.NotationCertificates.IsEmpty)
        {
            return trust.IsEmpty
                ? (ImageSignatureVerdict.NotVerified, $"not verified: signed by the certificate {leaf.Subject} and no --notation-cert was given")
                : (ImageSignatureVerdict.Untrusted, $"signed by the certificate {leaf.Subject} and no --notation-cert was given to verify it");
        }

        return SignatureTrust.Chains(leaf, intermediates, trust.NotationCertificates, out var why)
            ? (ImageSignatureVerdict.Verified, $"verified with the certificate {leaf.Subject}, which chains to a --notation-cert certificate")
            : (ImageSignatureVerdict.Untrusted, $"its signing certificate {leaf.Subject} does not chain to a --notation-cert certificate ({why})");
    }

    private static X509Certificate2? LoadBase64(string text)
    {
        try
        {
            return X509CertificateLoader.LoadCertificate(Convert.FromBase64String(text));
        }
        catch (Exception ex) when (ex is FormatException or CryptographicException)
        {
            return null;
        }
    }

    private static byte[]? Base64Url(string text)
    {
        try
        {
            return System.Buffers.Text.Base64Url.DecodeFromChars(text);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
