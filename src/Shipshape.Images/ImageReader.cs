using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Shipshape.Core;
using Shipshape.Core.Model;
using Shipshape.Secrets;

namespace Shipshape.Images;

/// <summary>
/// Reads one image input (a docker-save archive in the legacy layout or with an OCI layout inside, or an OCI image
/// layout; each as a directory, .tar or .tar.gz) in one streaming pass over its members: every blob is hashed as it is
/// read, layers are streamed through their decompressor and recorded (see <see cref="LayerReader"/>), and the small
/// JSON documents (index, manifests, configs) are kept. The layout is resolved afterwards, so members may come in any
/// order. Every platform of an index is an image, unless <see cref="ImageReadOptions.Platform"/> picks one.
/// </summary>
public sealed class ImageReader
{
    private const int HeadBytes = 512;

    private readonly ImageReadOptions _options;

    public ImageReader(ImageReadOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
    }

    /// <param name="fullPath">The directory or archive file.</param>
    /// <param name="displayPath">How reports name it; every location starts with it.</param>
    /// <param name="scan">The secrets scan for one layer file (its path in the layer and content), or null when no content rule runs.</param>
    public ImageReadResult Read(string fullPath, string displayPath, Func<string, byte[], ContentScanResult>? scan, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fullPath);
        ArgumentNullException.ThrowIfNull(displayPath);
        var problems = new List<string>();
        var blobs = new Dictionary<string, Blob>(StringComparer.Ordinal);
        var budget = _options.MaxImageBytes;
        try
        {
            foreach (var (name, data) in ImageArchive.Members(fullPath, _options, problems))
            {
                cancellationToken.ThrowIfCancellationRequested();
                blobs[name] = ReadBlob(name, data, scan, ref budget, cancellationToken);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException or ZstdSharp.ZstdException)
        {
            problems.Add($"cannot be read further: {ex.Message}");
        }

        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        diagnostics.AddRange(problems.Select(p => Diagnostic.Partial(SourceSpan.FileOnly(displayPath), $"image not fully read: {p}")));
        var manifests = Resolve(blobs, displayPath, diagnostics);
        if (manifests.Count == 0)
        {
            diagnostics.Add(Diagnostic.Skipped(SourceSpan.FileOnly(displayPath), "not checked: no image manifest found (expected a docker-save manifest.json or an OCI index.json)"));
            return new ImageReadResult([], [], diagnostics.ToImmutable());
        }

        var platforms = manifests.Select(m => m.Platform).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToImmutableArray();
        var chosen = _options.Platform is { } wanted ? manifests.Where(m => PlatformMatches(m.Platform, wanted)).ToList() : manifests;
        if (chosen.Count == 0)
        {
            diagnostics.Add(Diagnostic.Skipped(SourceSpan.FileOnly(displayPath),
                $"not checked: the image has no manifest for platform {_options.Platform} (it has {(platforms.IsEmpty ? "none named" : string.Join(", ", platforms))})"));
            return new ImageReadResult([], [], diagnostics.ToImmutable()) { Platforms = platforms };
        }

        var mismatches = DigestMismatches(blobs, displayPath);
        var images = ImmutableArray.CreateBuilder<ContainerImage>();
        var files = ImmutableArray.CreateBuilder<ImageContentFile>();
        var prefixes = chosen.Count > 1;
        var signatures = Signatures.ImageSignatures.Find(blobs, displayPath, _options.Trust);
        foreach (var (manifest, index) in chosen.Select((m, i) => (m, i)))
        {
            var prefix = prefixes ? (manifest.Platform ?? $"image {index + 1}") + "/" : null;
            var adapted = ImageAdapter.Adapt(manifest, blobs, displayPath, prefix, mismatches, diagnostics);
            images.Add(adapted.Image with { Signing = signatures.For(manifest, displayPath, prefix, diagnostics) });
            files.AddRange(adapted.Files);
        }

        // A damaged blob no manifest names (a stray file in blobs/) still makes the input untrustworthy: the first image carries it.
        var named = chosen.SelectMany(m => new[] { m.ConfigName, m.ManifestName }.Concat(m.Parents).Concat(m.Layers)).ToHashSet(StringComparer.Ordinal);
        var stray = mismatches.Where(m => !named.Contains(m.Key)).Select(m => m.Value).ToList();
        if (stray.Count > 0)
        {
            images[0] = images[0] with { DigestMismatches = images[0].DigestMismatches.AddRange(stray) };
        }

        // A file in the archive that is not part of the image layout (no manifest names it) still ships with it: it is
        // searched for secrets like a layer file, at its own path.
        if (scan is not null)
        {
            var layout = manifests.SelectMany(m => new[] { m.ConfigName, m.ManifestName }.Concat(m.Parents).Concat(m.Layers)).ToHashSet(StringComparer.Ordinal);
            foreach (var (name, blob) in blobs.Where(b => b.Value.Layer is null && !layout.Contains(b.Key) && !IsLayoutFile(b.Key))
                .OrderBy(b => b.Key, StringComparer.Ordinal))
            {
                if (blob.Json is null)
                {
                    // Kept only up to MaxJsonBytes: a larger stray file is said to be unsearched, never skipped quietly.
                    diagnostics.Add(Diagnostic.Partial(SourceSpan.FileOnly(ImagePaths.Member(displayPath, name)), string.Create(CultureInfo.InvariantCulture,
                        $"a file outside the image layout, over {_options.MaxJsonBytes} bytes: not searched for secrets")));
                    continue;
                }

                if (blob.Json.Length == 0 || blob.Json.AsSpan(0, Math.Min(blob.Json!.Length, HeadBytes)).IndexOf((byte)0) >= 0)
                {
                    continue;
                }

                var found = scan(name, blob.Json);
                if (!found.IsEmpty)
                {
                    files.Add(new ImageContentFile(ImagePaths.Member(displayPath, name), found));
                }
            }
        }

        foreach (var (name, blob) in blobs.Where(b => b.Value.Layer is not null).OrderBy(b => b.Key, StringComparer.Ordinal))
        {
            var layer = blob.Layer!;
            var where = ImagePaths.Member(displayPath, name);
            diagnostics.AddRange(layer.Problems.Select(p => Diagnostic.Partial(SourceSpan.FileOnly(where), $"layer not fully read: {p}")));
            if (layer.RenamedMembers > 0)
            {
                diagnostics.Add(Diagnostic.Warning(SourceSpan.FileOnly(where), string.Create(CultureInfo.InvariantCulture,
                    $"{layer.RenamedMembers} entries with an absolute path, '..' or control characters are read with those parts dropped (nothing is ever extracted)")));
            }

            if (layer.Oversize > 0)
            {
                diagnostics.Add(Diagnostic.Info(SourceSpan.FileOnly(where), string.Create(CultureInfo.InvariantCulture,
                    $"{layer.Oversize} files over the size limit ({_options.MaxFileBytes} bytes, --max-file-size) were not searched for secrets")));
            }
        }

        return new ImageReadResult(images.ToImmutable(), files.ToImmutable(), diagnostics.ToImmutable()) { Platforms = platforms };
    }

    /// <summary>"linux/amd64" matches "linux/amd64" and "linux/amd64/v2" unless the wanted one names a variant.</summary>
    public static bool PlatformMatches(string? platform, string wanted)
    {
        ArgumentNullException.ThrowIfNull(wanted);
        if (platform is null)
        {
            return false;
        }

        return string.Equals(platform, wanted, StringComparison.OrdinalIgnoreCase)
            || (wanted.Count(c => c == '/') == 1 && platform.StartsWith(wanted + "/", StringComparison.OrdinalIgnoreCase));
    }

    private Blob ReadBlob(string name, Stream data, Func<string, byte[], ContentScanResult>? scan, ref long budget, CancellationToken cancellationToken)
    {
        using var hashing = new HashingStream(data);
        var head = new byte[HeadBytes];
        var headLength = hashing.ReadAtLeast(head, HeadBytes, throwOnEndOfStream: false);
        var span = head.AsSpan(0, headLength);
        LayerSummary? layer = null;
        byte[]? json = null;
        if (!IsJsonName(name) && (LayerReader.IsGzip(span) || LayerReader.IsZstd(span) || LayerReader.IsTar(span)))
        {
            layer = LayerReader.Read(new PrefixStream(head, headLength, hashing), span, () => hashing.Count, _options, scan, ref budget, cancellationToken);
        }
        else
        {
            json = ReadSmall(hashing, head, headLength);
        }

        return new Blob(name, hashing.Finish(), layer, json);
    }

    private byte[]? ReadSmall(HashingStream hashing, byte[] head, int headLength)
    {
        using var buffer = new MemoryStream();
        buffer.Write(head, 0, headLength);
        var chunk = new byte[81920];
        int read;
        while ((read = hashing.Read(chunk)) > 0)
        {
            if (buffer.Length + read > _options.MaxJsonBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    // The files every layout has beside its blobs (and the legacy docker-save layer directory's metadata).
    private static bool IsLayoutFile(string name) =>
        name is "manifest.json" or "index.json" or "oci-layout" or "repositories"
        || name.EndsWith("/json", StringComparison.Ordinal) || name.EndsWith("/VERSION", StringComparison.Ordinal);

    private static bool IsJsonName(string name) =>
        name is "manifest.json" or "index.json" or "oci-layout" or "repositories" || name.EndsWith(".json", StringComparison.Ordinal);

    /// <summary>The image manifests of the input: from index.json (OCI layouts, and docker save since 25) or docker-save manifest.json.</summary>
    private static List<ManifestRef> Resolve(Dictionary<string, Blob> blobs, string displayPath, ImmutableArray<Diagnostic>.Builder diagnostics)
    {
        var result = new List<ManifestRef>();
        var dockerTags = new Dictionary<string, ImmutableArray<string>>(StringComparer.Ordinal);
        List<ManifestRef> docker = [];
        if (blobs.TryGetValue("manifest.json", out var dockerManifest))
        {
            docker = ParseDockerManifest(dockerManifest, displayPath, diagnostics);
            foreach (var m in docker)
            {
                dockerTags[m.ConfigName] = m.Tags;
            }
        }

        if (blobs.TryGetValue("index.json", out var index) && Parse(index, displayPath, diagnostics) is { } root)
        {
            using (root)
            {
                WalkIndex(root.RootElement, "index.json", blobs, displayPath, diagnostics, result, depth: 0, new HashSet<string>(StringComparer.Ordinal));
            }

            // docker save writes both: its manifest.json has the RepoTags the index may not carry.
            for (var i = 0; i < result.Count; i++)
            {
                if (dockerTags.TryGetValue(result[i].ConfigName, out var tags))
                {
                    result[i] = result[i] with { Tags = [.. result[i].Tags.Union(tags, StringComparer.Ordinal)] };
                }
            }

            if (result.Count > 0)
            {
                return result;
            }
        }

        return docker;
    }

    private static List<ManifestRef> ParseDockerManifest(Blob blob, string displayPath, ImmutableArray<Diagnostic>.Builder diagnostics)
    {
        var result = new List<ManifestRef>();
        if (Parse(blob, displayPath, diagnostics) is not { } document)
        {
            return result;
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                diagnostics.Add(Diagnostic.Error(SourceSpan.FileOnly(ImagePaths.Member(displayPath, blob.Name)), "manifest.json is not a JSON array: the image is not read"));
                return result;
            }

            foreach (var entry in document.RootElement.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object))
            {
                var config = Str(entry, "Config");
                if (config is null)
                {
                    continue;
                }

                var layers = entry.TryGetProperty("Layers", out var l) && l.ValueKind == JsonValueKind.Array
                    ? l.EnumerateArray().Select(x => x.ValueKind == JsonValueKind.String ? ImagePaths.Normalize(x.GetString()!, out _) : string.Empty).ToImmutableArray()
                    : [];
                var tags = entry.TryGetProperty("RepoTags", out var t) && t.ValueKind == JsonValueKind.Array
                    ? t.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!).ToImmutableArray()
                    : [];
                result.Add(new ManifestRef(ImagePaths.Normalize(config, out _), layers, tags, null, "manifest.json", [], "docker-archive"));
            }
        }

        return result;
    }

    private static void WalkIndex(JsonElement index, string indexName, Dictionary<string, Blob> blobs, string displayPath,
        ImmutableArray<Diagnostic>.Builder diagnostics, List<ManifestRef> result, int depth, HashSet<string> walked)
    {
        if (depth > 4 || !index.TryGetProperty("manifests", out var manifests) || manifests.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        foreach (var descriptor in manifests.EnumerateArray().Where(d => d.ValueKind == JsonValueKind.Object))
        {
            var digest = Str(descriptor, "digest");
            var mediaType = Str(descriptor, "mediaType") ?? string.Empty;
            var annotations = descriptor.TryGetProperty("annotations", out var a) && a.ValueKind == JsonValueKind.Object ? a : default;
            if (annotations.ValueKind == JsonValueKind.Object && Str(annotations, "vnd.docker.reference.type") == "attestation-manifest")
            {
                continue;
            }

            // Each index or manifest blob is read once: indexes that name the same blobs again (or themselves) cannot
            // multiply the work.
            if (digest is null || BlobName(digest) is not { } name || !walked.Add(name))
            {
                continue;
            }

            if (!blobs.TryGetValue(name, out var blob) || Parse(blob, displayPath, diagnostics) is not { } document)
            {
                if (!blobs.ContainsKey(name))
                {
                    diagnostics.Add(Diagnostic.Partial(SourceSpan.FileOnly(ImagePaths.Member(displayPath, indexName)), $"the manifest {digest} it names is not in the image: not checked"));
                }

                continue;
            }

            using (document)
            {
                var root = document.RootElement;
                if (Signatures.SignatureFinder.IsAttachment(descriptor, root))
                {
                    continue;
                }

                if (mediaType.Contains("index", StringComparison.Ordinal) || mediaType.Contains("manifest.list", StringComparison.Ordinal) || root.TryGetProperty("manifests", out _))
                {
                    WalkIndex(root, name, blobs, displayPath, diagnostics, result, depth + 1, walked);
                    continue;
                }

                var config = root.TryGetProperty("config", out var c) && c.ValueKind == JsonValueKind.Object ? Str(c, "digest") : null;
                if (config is null || BlobName(config) is not { } configName)
                {
                    continue;
                }

                var layers = root.TryGetProperty("layers", out var l) && l.ValueKind == JsonValueKind.Array
                    ? l.EnumerateArray().Select(x => x.ValueKind == JsonValueKind.Object && Str(x, "digest") is { } d ? BlobName(d) ?? string.Empty : string.Empty).ToImmutableArray()
                    : [];
                var tags = new List<string>();
                if (annotations.ValueKind == JsonValueKind.Object)
                {
                    foreach (var key in new[] { "io.containerd.image.name", "org.opencontainers.image.ref.name" })
                    {
                        if (Str(annotations, key) is { Length: > 0 } tag)
                        {
                            tags.Add(tag);
                        }
                    }
                }

                string? platform = null;
                if (descriptor.TryGetProperty("platform", out var p) && p.ValueKind == JsonValueKind.Object && Str(p, "os") is { } os && Str(p, "architecture") is { } arch)
                {
                    platform = Str(p, "variant") is { Length: > 0 } variant ? $"{os}/{arch}/{variant}" : $"{os}/{arch}";
                }

                result.Add(new ManifestRef(configName, layers, [.. tags.Distinct(StringComparer.Ordinal)], platform, name, [indexName], "oci-layout"));
            }
        }
    }

    /// <summary>Blobs whose content is not the digest their name says (the name is what manifests refer to them by).</summary>
    private static Dictionary<string, ImageDigestMismatch> DigestMismatches(Dictionary<string, Blob> blobs, string displayPath)
    {
        var result = new Dictionary<string, ImageDigestMismatch>(StringComparer.Ordinal);
        foreach (var (name, blob) in blobs.OrderBy(b => b.Key, StringComparer.Ordinal))
        {
            var expected = name.StartsWith("blobs/sha256/", StringComparison.Ordinal) ? name["blobs/sha256/".Length..]
                : name.EndsWith(".json", StringComparison.Ordinal) && name.Length == 69 && name[..64].All(char.IsAsciiHexDigitLower) ? name[..64]
                : null;
            if (expected is not null && !string.Equals(expected, blob.Digest, StringComparison.Ordinal))
            {
                result[name] = new ImageDigestMismatch(name, "its name in the image layout (the digest manifests refer to it by)", "sha256:" + expected, "sha256:" + blob.Digest,
                    SourceSpan.FileOnly(ImagePaths.Member(displayPath, name)));
            }
        }

        return result;
    }

    internal static string? BlobName(string digest)
    {
        var colon = digest.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            return null;
        }

        var algorithm = digest[..colon];
        var hex = digest[(colon + 1)..];
        return algorithm.All(char.IsAsciiLetterOrDigit) && hex.Length > 0 && hex.All(char.IsAsciiHexDigit) ? $"blobs/{algorithm}/{hex}" : null;
    }

    internal static JsonDocument? Parse(Blob blob, string displayPath, ImmutableArray<Diagnostic>.Builder diagnostics)
    {
        if (blob.Json is null)
        {
            diagnostics.Add(Diagnostic.Partial(SourceSpan.FileOnly(ImagePaths.Member(displayPath, blob.Name)), "expected a JSON document of at most a few MiB: not read"));
            return null;
        }

        try
        {
            return JsonDocument.Parse(blob.Json, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException ex)
        {
            diagnostics.Add(Diagnostic.Error(SourceSpan.FileOnly(ImagePaths.Member(displayPath, blob.Name)), $"not valid JSON ({ex.Message}): not read") with { Incomplete = IncompleteKind.Partial });
            return null;
        }
    }

    internal static string? Str(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
