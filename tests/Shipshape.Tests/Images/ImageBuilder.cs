using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Shipshape.Tests.Images;

/// <summary>How a test layer's blob is stored.</summary>
internal enum LayerCompression
{
    None,
    Gzip,
    Zstd,
}

/// <summary>One entry of a test layer: a file with content, a directory, or a link; mode in octal digits as written (0o644 = 420).</summary>
internal sealed record LayerEntrySpec(string Name, string? Text = null, TarEntryType Type = TarEntryType.RegularFile, UnixFileMode Mode = (UnixFileMode)420, string? Link = null)
{
    public static LayerEntrySpec File(string name, string text, int octalMode = 420) => new(name, text, TarEntryType.RegularFile, (UnixFileMode)octalMode);

    /// <summary>A file with binary content (a Java archive, an executable).</summary>
    public static LayerEntrySpec Binary(string name, byte[] bytes, int octalMode = 420) => new(name, string.Empty, TarEntryType.RegularFile, (UnixFileMode)octalMode) { Bytes = bytes };

    /// <summary>The content of a binary file; null: <see cref="Text"/> as UTF-8.</summary>
    public byte[]? Bytes { get; init; }

    public static LayerEntrySpec Dir(string name, int octalMode = 493) => new(name, null, TarEntryType.Directory, (UnixFileMode)octalMode);

    public static LayerEntrySpec Symlink(string name, string target) => new(name, null, TarEntryType.SymbolicLink, (UnixFileMode)511, target);

    public static LayerEntrySpec Whiteout(string deleted) => File(WhiteoutName(deleted), string.Empty);

    public static LayerEntrySpec Opaque(string directory) => File(directory.TrimEnd('/') + "/.wh..wh..opq", string.Empty);

    private static string WhiteoutName(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash < 0 ? ".wh." + path : path[..(slash + 1)] + ".wh." + path[(slash + 1)..];
    }
}

/// <summary>A layer: its entries in order and its compression.</summary>
internal sealed record LayerSpec(IReadOnlyList<LayerEntrySpec> Entries, LayerCompression Compression = LayerCompression.Gzip);

/// <summary>An image to build: config values and layers, bottom first.</summary>
internal sealed record ImageSpec
{
    public IReadOnlyList<LayerSpec> Layers { get; init; } = [];
    public string? User { get; init; }
    public IReadOnlyList<string> Env { get; init; } = ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"];
    public IReadOnlyList<string> ExposedPorts { get; init; } = [];
    public IReadOnlyList<string>? Healthcheck { get; init; }
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();
    public IReadOnlyList<string> History { get; init; } = [];
    public string Created { get; init; } = "2026-11-20T10:00:00Z";
    public string Os { get; init; } = "linux";
    public string Architecture { get; init; } = "amd64";
    public IReadOnlyList<string> Tags { get; init; } = [];
}

/// <summary>
/// Builds small images in memory, deterministically (fixed times, sorted JSON keys as written here): OCI image layouts,
/// docker-save archives in the legacy layout and in the newer one with an OCI layout inside; then writes them as a
/// directory, a tar or a tar.gz. Digests are real SHA-256, so a test can tamper with one blob and nothing else.
/// </summary>
internal static class ImageBuilder
{
    private static readonly DateTimeOffset Epoch = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    public static byte[] LayerTar(LayerSpec layer)
    {
        using var buffer = new MemoryStream();
        using (var writer = new TarWriter(buffer, TarEntryFormat.Ustar, leaveOpen: true))
        {
            foreach (var spec in layer.Entries)
            {
                var entry = new UstarTarEntry(spec.Type, spec.Name)
                {
                    Mode = spec.Mode,
                    ModificationTime = Epoch,
                    Uid = 0,
                    Gid = 0,
                };
                if (spec.Link is not null)
                {
                    entry.LinkName = spec.Link;
                }

                if (spec.Text is not null && spec.Type == TarEntryType.RegularFile)
                {
                    entry.DataStream = new MemoryStream(spec.Bytes ?? Encoding.UTF8.GetBytes(spec.Text));
                }

                writer.WriteEntry(entry);
            }
        }

        return buffer.ToArray();
    }

    public static byte[] Compress(byte[] tar, LayerCompression compression)
    {
        switch (compression)
        {
            case LayerCompression.Gzip:
                using (var buffer = new MemoryStream())
                {
                    using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
                    {
                        gzip.Write(tar);
                    }

                    return buffer.ToArray();
                }

            case LayerCompression.Zstd:
                using (var compressor = new ZstdSharp.Compressor(3))
                {
                    return compressor.Wrap(tar).ToArray();
                }

            default:
                return tar;
        }
    }

    /// <summary>An OCI image layout (oci-layout, index.json, blobs/sha256/…): one manifest per image, each with its platform; ref.name annotations from the tags.</summary>
    public static SortedDictionary<string, byte[]> OciLayout(params ImageSpec[] images)
    {
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal)
        {
            ["oci-layout"] = Encoding.UTF8.GetBytes("{\"imageLayoutVersion\":\"1.0.0\"}"),
        };
        var descriptors = new List<(string Digest, int Size, ImageSpec Image)>();
        foreach (var image in images)
        {
            var manifest = Manifest(image, files);
            descriptors.Add((Add(files, manifest), manifest.Length, image));
        }

        files["index.json"] = Json(w =>
        {
            w.WriteNumber("schemaVersion", 2);
            w.WriteString("mediaType", "application/vnd.oci.image.index.v1+json");
            w.WriteStartArray("manifests");
            foreach (var (digest, size, image) in descriptors)
            {
                w.WriteStartObject();
                w.WriteString("mediaType", "application/vnd.oci.image.manifest.v1+json");
                w.WriteString("digest", "sha256:" + digest);
                w.WriteNumber("size", size);
                if (images.Length > 1)
                {
                    w.WriteStartObject("platform");
                    w.WriteString("architecture", image.Architecture);
                    w.WriteString("os", image.Os);
                    w.WriteEndObject();
                }

                if (image.Tags.Count > 0)
                {
                    w.WriteStartObject("annotations");
                    w.WriteString("io.containerd.image.name", image.Tags[0]);
                    w.WriteEndObject();
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
        });
        return files;
    }

    /// <summary>
    /// docker save: <paramref name="legacy"/> writes "&lt;id&gt;/layer.tar" (uncompressed) and "&lt;config&gt;.json"; otherwise the
    /// layout docker 25+ writes, an OCI layout plus manifest.json naming blobs/sha256/… paths.
    /// </summary>
    public static SortedDictionary<string, byte[]> DockerSave(ImageSpec image, bool legacy)
    {
        if (!legacy)
        {
            var files = OciLayout(image);
            var manifestBlob = files.Where(f => f.Key.StartsWith("blobs/", StringComparison.Ordinal)).Select(f => f.Value)
                .First(b => Encoding.UTF8.GetString(b).Contains("\"layers\":[", StringComparison.Ordinal));
            using var manifest = JsonDocument.Parse(manifestBlob);
            var config = "blobs/sha256/" + manifest.RootElement.GetProperty("config").GetProperty("digest").GetString()!["sha256:".Length..];
            var layers = manifest.RootElement.GetProperty("layers").EnumerateArray().Select(l => "blobs/sha256/" + l.GetProperty("digest").GetString()!["sha256:".Length..]).ToList();
            files["manifest.json"] = DockerManifest(config, image.Tags, layers);
            return files;
        }

        var result = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        var tars = image.Layers.Select(LayerTar).ToList();
        var layerPaths = new List<string>();
        foreach (var tar in tars)
        {
            var id = Sha256(tar);
            result[$"{id}/layer.tar"] = tar;
            result[$"{id}/VERSION"] = Encoding.UTF8.GetBytes("1.0");
            layerPaths.Add($"{id}/layer.tar");
        }

        var configBytes = Config(image, tars.Select(t => "sha256:" + Sha256(t)).ToList());
        var configName = Sha256(configBytes) + ".json";
        result[configName] = configBytes;
        result["manifest.json"] = DockerManifest(configName, image.Tags, layerPaths);
        return result;
    }

    public static void WriteDirectory(IReadOnlyDictionary<string, byte[]> files, string directory)
    {
        foreach (var (name, bytes) in files)
        {
            var full = Path.Combine(directory, name);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllBytes(full, bytes);
        }
    }

    public static byte[] Tar(IReadOnlyDictionary<string, byte[]> files, bool gzip = false)
    {
        using var buffer = new MemoryStream();
        using (var writer = new TarWriter(buffer, TarEntryFormat.Ustar, leaveOpen: true))
        {
            foreach (var (name, bytes) in files)
            {
                writer.WriteEntry(new UstarTarEntry(TarEntryType.RegularFile, name)
                {
                    Mode = (UnixFileMode)420,
                    ModificationTime = Epoch,
                    DataStream = new MemoryStream(bytes),
                });
            }
        }

        return gzip ? Compress(buffer.ToArray(), LayerCompression.Gzip) : buffer.ToArray();
    }

    private static byte[] Manifest(ImageSpec image, SortedDictionary<string, byte[]> files)
    {
        var tars = image.Layers.Select(LayerTar).ToList();
        var blobs = image.Layers.Select((l, i) => (Blob: Compress(tars[i], l.Compression), l.Compression)).ToList();
        var config = Config(image, tars.Select(t => "sha256:" + Sha256(t)).ToList());
        var configDigest = Add(files, config);
        var layerDigests = blobs.Select(b => Add(files, b.Blob)).ToList();
        return Json(w =>
        {
            w.WriteNumber("schemaVersion", 2);
            w.WriteString("mediaType", "application/vnd.oci.image.manifest.v1+json");
            w.WriteStartObject("config");
            w.WriteString("mediaType", "application/vnd.oci.image.config.v1+json");
            w.WriteString("digest", "sha256:" + configDigest);
            w.WriteNumber("size", config.Length);
            w.WriteEndObject();
            w.WriteStartArray("layers");
            for (var i = 0; i < blobs.Count; i++)
            {
                w.WriteStartObject();
                w.WriteString("mediaType", blobs[i].Compression switch
                {
                    LayerCompression.Gzip => "application/vnd.oci.image.layer.v1.tar+gzip",
                    LayerCompression.Zstd => "application/vnd.oci.image.layer.v1.tar+zstd",
                    _ => "application/vnd.oci.image.layer.v1.tar",
                });
                w.WriteString("digest", "sha256:" + layerDigests[i]);
                w.WriteNumber("size", blobs[i].Blob.Length);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        });
    }

    private static byte[] Config(ImageSpec image, IReadOnlyList<string> diffIds) => Json(w =>
    {
        w.WriteString("architecture", image.Architecture);
        w.WriteString("created", image.Created);
        w.WriteString("os", image.Os);
        w.WriteStartObject("config");
        if (image.User is not null)
        {
            w.WriteString("User", image.User);
        }

        w.WriteStartArray("Env");
        foreach (var e in image.Env)
        {
            w.WriteStringValue(e);
        }

        w.WriteEndArray();
        if (image.ExposedPorts.Count > 0)
        {
            w.WriteStartObject("ExposedPorts");
            foreach (var p in image.ExposedPorts)
            {
                w.WriteStartObject(p);
                w.WriteEndObject();
            }

            w.WriteEndObject();
        }

        if (image.Healthcheck is not null)
        {
            w.WriteStartObject("Healthcheck");
            w.WriteStartArray("Test");
            foreach (var t in image.Healthcheck)
            {
                w.WriteStringValue(t);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        if (image.Labels.Count > 0)
        {
            w.WriteStartObject("Labels");
            foreach (var (k, v) in image.Labels.OrderBy(l => l.Key, StringComparer.Ordinal))
            {
                w.WriteString(k, v);
            }

            w.WriteEndObject();
        }

        w.WriteEndObject();
        w.WriteStartArray("history");
        foreach (var h in image.History)
        {
            w.WriteStartObject();
            w.WriteString("created", image.Created);
            w.WriteString("created_by", h);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartObject("rootfs");
        w.WriteString("type", "layers");
        w.WriteStartArray("diff_ids");
        foreach (var d in diffIds)
        {
            w.WriteStringValue(d);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    });

    private static byte[] DockerManifest(string config, IReadOnlyList<string> tags, IReadOnlyList<string> layers) => JsonArray(w =>
    {
        w.WriteStartObject();
        w.WriteString("Config", config);
        w.WriteStartArray("RepoTags");
        foreach (var t in tags)
        {
            w.WriteStringValue(t);
        }

        w.WriteEndArray();
        w.WriteStartArray("Layers");
        foreach (var l in layers)
        {
            w.WriteStringValue(l);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    });

    private static string Add(SortedDictionary<string, byte[]> files, byte[] blob)
    {
        var digest = Sha256(blob);
        files["blobs/sha256/" + digest] = blob;
        return digest;
    }

    private static byte[] Json(Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static byte[] JsonArray(Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            body(writer);
            writer.WriteEndArray();
        }

        return buffer.ToArray();
    }
}
