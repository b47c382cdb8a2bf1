using System.Text.Json;

namespace Shipshape.Images.Signatures;

/// <summary>
/// What every signature verifier does first with a signature manifest's layers: picks those of its media type (at most
/// <see cref="SignatureLimits.MaxLayersPerManifest"/>), and takes each one's blob from the input, checked against the
/// digest the manifest names, so a changed or missing payload, bundle or envelope is an invalid signature.
/// </summary>
internal static class SignatureLayers
{
    /// <summary>The manifest's layers whose media type matches, at most the limit, and how many there were in all.</summary>
    public static (List<JsonElement> Layers, int Total) Select(JsonElement manifest, Func<string?, bool> mediaType, bool distinctBlobs = false)
    {
        IEnumerable<JsonElement> matching = manifest.TryGetProperty("layers", out var l) && l.ValueKind == JsonValueKind.Array
            ? l.EnumerateArray().Where(x => mediaType(ImageReader.Str(x, "mediaType")))
            : [];
        var all = (distinctBlobs ? matching.DistinctBy(x => ImageReader.Str(x, "digest")) : matching).ToList();
        return ([.. all.Take(SignatureLimits.MaxLayersPerManifest)], all.Count);
    }

    /// <summary>The message of a signature manifest with more layers than are read.</summary>
    public static string TooMany(int total, string what) =>
        $"it holds {total} {what}, more than the {SignatureLimits.MaxLayersPerManifest} a signature manifest is read for";

    /// <summary>The bytes of the blob a layer names, or null with why (<paramref name="what"/> names the layer's content in the message).</summary>
    public static byte[]? Content(JsonElement layer, IReadOnlyDictionary<string, Blob> blobs, string what, out string? problem)
    {
        if (ImageReader.Str(layer, "digest") is not { } digest || ImageReader.BlobName(digest) is not { } name
            || !blobs.TryGetValue(name, out var blob) || blob.Json is null)
        {
            problem = $"its {what} is not in the image";
            return null;
        }

        if (!string.Equals(digest, "sha256:" + blob.Digest, StringComparison.Ordinal))
        {
            problem = $"its {what} has SHA-256 sha256:{blob.Digest}, not the {digest} the signature manifest names: it was changed";
            return null;
        }

        problem = null;
        return blob.Json;
    }
}
