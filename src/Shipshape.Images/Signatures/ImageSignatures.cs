using System.Collections.Immutable;
using System.Globalization;
using Shipshape.Core;
using Shipshape.Core.Model;

namespace Shipshape.Images.Signatures;

/// <summary>
/// The signatures of one image input, found and verified once (<see cref="SignatureFinder"/>, <see cref="CosignVerifier"/>,
/// <see cref="SigstoreBundleVerifier"/>, <see cref="NotationVerifier"/>), then handed to each image they are attached to: a signature names a manifest digest,
/// and an image is signed by a signature of its own manifest or of an index above it (cosign signs the digest it was
/// given, often a multi-platform index).
/// </summary>
internal sealed class ImageSignatures
{
    private readonly Dictionary<string, List<ImageSignature>> _bySubject;
    private readonly SignatureTrust _trust;

    private readonly int _notVerified;

    private ImageSignatures(Dictionary<string, List<ImageSignature>> bySubject, SignatureTrust trust, int notVerified)
    {
        _bySubject = bySubject;
        _trust = trust;
        _notVerified = notVerified;
    }

    public static ImageSignatures Find(IReadOnlyDictionary<string, Blob> blobs, string displayPath, SignatureTrust trust)
    {
        var bySubject = new Dictionary<string, List<ImageSignature>>(StringComparer.OrdinalIgnoreCase);
        var all = SignatureFinder.Find(blobs);
        foreach (var found in all.Take(SignatureLimits.MaxManifests))
        {
            if (!blobs.TryGetValue(found.ManifestName, out var blob) || blob.Json is null)
            {
                continue;
            }

            using var manifest = SignatureFinder.TryParse(blob.Json);
            if (manifest is null)
            {
                continue;
            }

            var span = SourceSpan.FileOnly(ImagePaths.Member(displayPath, found.ManifestName));
            IEnumerable<ImageSignature> verified = found.Format switch
            {
                "notation" => [NotationVerifier.Verify(found, manifest.RootElement, blobs, trust, DateTimeOffset.UtcNow, span)],
                SignatureFinder.SigstoreBundleFormat => SigstoreBundleVerifier.Verify(found, manifest.RootElement, blobs, trust, span),
                _ => CosignVerifier.Verify(found, manifest.RootElement, blobs, trust, span),
            };
            if (!bySubject.TryGetValue(found.Subject, out var list))
            {
                bySubject[found.Subject] = list = [];
            }

            list.AddRange(verified);
        }

        return new ImageSignatures(bySubject, trust, Math.Max(0, all.Count - SignatureLimits.MaxManifests));
    }

    /// <summary>The signing facts of one image; a diagnostic when it has signatures nothing was given to verify.</summary>
    public ImageSigning For(ManifestRef manifest, string displayPath, string? prefix, ImmutableArray<Diagnostic>.Builder diagnostics)
    {
        var digests = new[] { manifest.ManifestName }.Concat(manifest.Parents)
            .Where(n => n.StartsWith("blobs/", StringComparison.Ordinal))
            .Select(n => n["blobs/".Length..].Replace('/', ':'))
            .ToImmutableArray();
        var signatures = digests.SelectMany(d => _bySubject.TryGetValue(d, out var list) ? list : []).ToImmutableArray();
        var span = SourceSpan.FileOnly(ImagePaths.Member(displayPath, manifest.Format == "docker-archive" ? "manifest.json" : manifest.ManifestName));
        if (_notVerified > 0)
        {
            diagnostics.Add(Diagnostic.Partial(span, string.Create(CultureInfo.InvariantCulture,
                $"{prefix}{_notVerified} signature manifests beyond the first {SignatureLimits.MaxManifests} in the input were not verified")));
        }

        var unverified = signatures.Count(s => s.Verdict == ImageSignatureVerdict.NotVerified);
        if (unverified > 0)
        {
            diagnostics.Add(Diagnostic.Info(span, string.Create(CultureInfo.InvariantCulture,
                $"{prefix}{unverified} image signatures found but not verified: give the signer's public key (--key), CA certificate (--trust-root) or Notation certificate (--notation-cert)")));
        }

        return new ImageSigning(digests, signatures, manifest.Format != "docker-archive", !_trust.IsEmpty, span);
    }
}
