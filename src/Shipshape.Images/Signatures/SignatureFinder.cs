using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Shipshape.Images.Signatures;

/// <summary>
/// Finds the signature manifests of an image input, by both conventions: cosign's tag "sha256-&lt;hex&gt;.sig" on a
/// manifest in index.json (and the "kind" annotations cosign save writes), and OCI 1.1 referrers, manifests whose
/// "subject" names the signed manifest, wherever they are in the layout. These manifests are not images.
/// </summary>
internal static partial class SignatureFinder
{
    public const string SimpleSigningMediaType = "application/vnd.dev.cosign.simplesigning.v1+json";
    public const string NotationArtifactType = "application/vnd.cncf.notary.signature";
    public const string SigstoreBundleFormat = "sigstore-bundle";
    private const string CosignKind = "kind";

    /// <summary>Whether an index entry is a signature, attestation or other attachment rather than an image (so the reader does not adapt it as one).</summary>
    public static bool IsAttachment(JsonElement descriptor, JsonElement manifest)
    {
        if (manifest.ValueKind == JsonValueKind.Object && (manifest.TryGetProperty("subject", out _) || ImageReader.Str(manifest, "artifactType") is not null
            || (manifest.TryGetProperty("config", out var config) && ImageReader.Str(config, "mediaType") is "application/vnd.oci.empty.v1+json" or NotationArtifactType)
            || Format(manifest) is not null))
        {
            return true;
        }

        return AttachmentTag(descriptor) is not null || (Annotation(descriptor, CosignKind) is { } kind && kind.StartsWith("dev.cosignproject.cosign/", StringComparison.Ordinal)
            && kind is not ("dev.cosignproject.cosign/image" or "dev.cosignproject.cosign/imageIndex"));
    }

    /// <summary>Every signature manifest of the input: its format, the digest it is attached to, how it is attached, and its member name.</summary>
    public static List<FoundSignature> Find(IReadOnlyDictionary<string, Blob> blobs)
    {
        var found = new Dictionary<string, FoundSignature>(StringComparer.Ordinal);
        if (blobs.TryGetValue("index.json", out var index) && index.Json is { } indexJson && TryParse(indexJson) is { } document)
        {
            using (document)
            {
                FromIndex(document.RootElement, blobs, found);
            }
        }

        foreach (var (name, blob) in blobs.Where(b => b.Key.StartsWith("blobs/", StringComparison.Ordinal) && b.Value.Json is not null).OrderBy(b => b.Key, StringComparer.Ordinal))
        {
            if (found.ContainsKey(name) || blob.Json!.AsSpan().IndexOf("\"subject\""u8) < 0 || TryParse(blob.Json!) is not { } manifest)
            {
                continue;
            }

            using (manifest)
            {
                var root = manifest.RootElement;
                if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("subject", out var subject) && ImageReader.Str(subject, "digest") is { } digest
                    && Format(root) is { } format)
                {
                    found[name] = new FoundSignature(format, digest, $"referrer sha256:{blob.Digest}", name);
                }
            }
        }

        return [.. found.Values.OrderBy(f => f.ManifestName, StringComparer.Ordinal)];
    }

    /// <summary>"cosign" for simple-signing layers, "notation" for a Notary Project signature, "sigstore-bundle" for a Sigstore bundle (cosign 3), else null (an SBOM, an attestation).</summary>
    public static string? Format(JsonElement manifest)
    {
        var artifactType = ImageReader.Str(manifest, "artifactType")
            ?? (manifest.TryGetProperty("config", out var config) ? ImageReader.Str(config, "mediaType") : null);
        if (artifactType == NotationArtifactType)
        {
            return "notation";
        }

        var layerTypes = manifest.TryGetProperty("layers", out var layers) && layers.ValueKind == JsonValueKind.Array
            ? layers.EnumerateArray().Select(l => ImageReader.Str(l, "mediaType")).OfType<string>().ToList()
            : [];
        return layerTypes.Contains(SimpleSigningMediaType) ? "cosign"
            : layerTypes.Any(t => t.StartsWith(SigstoreBundleVerifier.MediaTypePrefix, StringComparison.Ordinal)) ? SigstoreBundleFormat
            : null;
    }

    internal static JsonDocument? TryParse(byte[] json)
    {
        try
        {
            return JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static void FromIndex(JsonElement index, IReadOnlyDictionary<string, Blob> blobs, Dictionary<string, FoundSignature> found)
    {
        if (!index.TryGetProperty("manifests", out var manifests) || manifests.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        var descriptors = manifests.EnumerateArray().Where(d => d.ValueKind == JsonValueKind.Object).ToList();

        // cosign save: the image (or its index) and its signatures, told apart by a "kind" annotation, not by a tag.
        var saved = descriptors.FirstOrDefault(d => Annotation(d, CosignKind) is "dev.cosignproject.cosign/image" or "dev.cosignproject.cosign/imageIndex");
        foreach (var descriptor in descriptors)
        {
            if (ImageReader.Str(descriptor, "digest") is not { } digest || ImageReader.BlobName(digest) is not { } name || !blobs.TryGetValue(name, out var blob) || blob.Json is null)
            {
                continue;
            }

            string subject;
            string reference;
            if (AttachmentTag(descriptor) is { } tag && tag.EndsWith(".sig", StringComparison.Ordinal))
            {
                subject = "sha256:" + tag["sha256-".Length..^".sig".Length];
                reference = $"tag {tag}";
            }
            else if (Annotation(descriptor, CosignKind) == "dev.cosignproject.cosign/sigs" && saved.ValueKind == JsonValueKind.Object && ImageReader.Str(saved, "digest") is { } savedDigest)
            {
                subject = savedDigest;
                reference = $"cosign save signatures {digest}";
            }
            else
            {
                continue;
            }

            using var manifest = TryParse(blob.Json);
            if (manifest is not null && Format(manifest.RootElement) is { } format)
            {
                found[name] = new FoundSignature(format, subject, reference, name);
            }
        }
    }

    /// <summary>The "sha256-&lt;hex&gt;.sig/.att/.sbom" tag an index entry is named by (cosign's convention), or null.</summary>
    private static string? AttachmentTag(JsonElement descriptor)
    {
        foreach (var key in new[] { "org.opencontainers.image.ref.name", "io.containerd.image.name" })
        {
            if (Annotation(descriptor, key) is { } value && AttachmentTagPattern().Match(value) is { Success: true } match)
            {
                return match.Value;
            }
        }

        return null;
    }

    private static string? Annotation(JsonElement descriptor, string key) =>
        descriptor.ValueKind == JsonValueKind.Object && descriptor.TryGetProperty("annotations", out var annotations) ? ImageReader.Str(annotations, key) : null;

    [GeneratedRegex("sha256-[0-9a-f]{64}\\.(sig|att|sbom)$", RegexOptions.CultureInvariant)]
    private static partial Regex AttachmentTagPattern();
}
