using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Shipshape.Core;
using Shipshape.Core.Model;
using Shipshape.Secrets;

namespace Shipshape.Images;

/// <summary>
/// One manifest into the model: the config's values (defaults decided here, once: no User is root, no Healthcheck is
/// none), the final filesystem after applying each layer's whiteouts and opaque directories in order, the entries of
/// it rules look at, and each layer file with secrets at "IMAGE!layer N/path", noted when a later layer deleted or
/// replaced it (the secret is still in the image: anyone who pulls it can read that layer).
/// </summary>
internal static class ImageAdapter
{
    /// <summary>Entries of the final filesystem kept for rules: beyond this, an image's notable files are counted, not kept.</summary>
    private const int MaxNotableEntries = 10_000;

    public static (ContainerImage Image, ImmutableArray<ImageContentFile> Files) Adapt(ManifestRef manifest, Dictionary<string, Blob> blobs, string displayPath,
        string? prefix, Dictionary<string, ImageDigestMismatch> mismatches, ImmutableArray<Diagnostic>.Builder diagnostics)
    {
        var configSpan = SourceSpan.FileOnly(ImagePaths.Member(displayPath, manifest.ConfigName));
        JsonDocument? config = null;
        if (blobs.TryGetValue(manifest.ConfigName, out var configBlob))
        {
            config = ImageReader.Parse(configBlob, displayPath, diagnostics);
        }
        else
        {
            diagnostics.Add(Diagnostic.Partial(configSpan, "the image config its manifest names is not in the image: its settings are not checked"));
        }

        using (config)
        {
            var root = config?.RootElement ?? default;
            var settings = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("config", out var c) && c.ValueKind == JsonValueKind.Object ? c : default;
            var (final, layers) = FinalFilesystem(manifest, blobs, displayPath, prefix, diagnostics);
            var own = new HashSet<string>([manifest.ConfigName, manifest.ManifestName, .. manifest.Parents, .. manifest.Layers], StringComparer.Ordinal);
            var digestProblems = mismatches.Where(m => own.Contains(m.Key)).Select(m => m.Value).ToList();
            digestProblems.AddRange(DiffIdMismatches(root, manifest, layers, displayPath));
            var platform = manifest.Platform ?? ConfigPlatform(root);
            var tags = manifest.Tags.Select(t => Value<string>.Explicit(t, SourceSpan.FileOnly(ImagePaths.Member(displayPath, manifest.Format == "docker-archive" ? "manifest.json" : manifest.Parents.FirstOrDefault() ?? manifest.ManifestName)), "RepoTags")).ToImmutableArray();
            var name = manifest.Tags.FirstOrDefault() ?? "sha256:" + (configBlob?.Digest ?? manifest.ConfigName)[..Math.Min(12, (configBlob?.Digest ?? manifest.ConfigName).Length)];
            var image = new ContainerImage
            {
                Address = prefix is null ? name : $"{name} ({platform ?? "unknown platform"})",
                Kind = "container-image",
                Span = configSpan,
                SourceFormat = manifest.Format,
                Platform = platform,
                Tags = tags,
                // Without its config the image's user and health check are not known, not absent.
                User = config is null ? Value<string?>.Unresolved(null, configSpan, "config.User") : ImageUser(settings, configSpan),
                Healthcheck = config is null ? Value<string?>.Unresolved(null, configSpan, "config.Healthcheck") : Healthcheck(settings, configSpan),
                ExposedPorts = settings.ValueKind == JsonValueKind.Object && settings.TryGetProperty("ExposedPorts", out var ports) && ports.ValueKind == JsonValueKind.Object
                    ? [.. ports.EnumerateObject().Select(p => Value<string>.Explicit(p.Name, configSpan, $"config.ExposedPorts[\"{p.Name}\"]"))]
                    : [],
                Environment = Environment(settings, configSpan),
                Labels = settings.ValueKind == JsonValueKind.Object && settings.TryGetProperty("Labels", out var labels) && labels.ValueKind == JsonValueKind.Object
                    ? [.. labels.EnumerateObject().Where(l => l.Value.ValueKind == JsonValueKind.String).Select(l => new KeyValue(
                        Value<string>.Explicit(l.Name, configSpan, $"config.Labels[\"{l.Name}\"]"), Value<string?>.Explicit(l.Value.GetString(), configSpan, $"config.Labels[\"{l.Name}\"]")))]
                    : [],
                History = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("history", out var history) && history.ValueKind == JsonValueKind.Array
                    ? [.. history.EnumerateArray().Select((h, i) => (ImageReader.Str(h, "created_by"), i)).Where(x => x.Item1 is not null)
                        .Select(x => Value<string>.Explicit(x.Item1!, configSpan, $"history[{x.i}].created_by"))]
                    : [],
                Created = ImageReader.Str(root, "created") is { } created && DateTimeOffset.TryParse(created, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
                    ? Value<DateTimeOffset?>.Explicit(date, configSpan, "created")
                    : Value<DateTimeOffset?>.Unresolved(null, configSpan, "created"),
                Files = Notable(final, displayPath, prefix),
                DigestMismatches = [.. digestProblems],
                AccountFiles = [.. LayerReader.TextFileNames.Order(StringComparer.Ordinal)
                    .Where(p => final.TryGetValue(p, out var e) && layers[e.Layer - 1]?.TextFiles.ContainsKey(p) == true)
                    .Select(p => new ImageTextFile(p, layers[final[p].Layer - 1]!.TextFiles[p], SourceSpan.FileOnly(ImagePaths.LayerFile(displayPath, prefix, final[p].Layer, p))))],
            };
            var imageId = configBlob is null ? null : "sha256:" + configBlob.Digest;
            image = image with { Inventory = Inventory.ImageInventory.Read(final, layers, displayPath, prefix, manifest.Tags.FirstOrDefault() ?? name, imageId, diagnostics) };
            return (image, ContentFiles(final, layers, displayPath, prefix));
        }
    }

    private static (Dictionary<string, (int Layer, LayerEntry Entry)> Final, LayerSummary?[] Layers) FinalFilesystem(ManifestRef manifest, Dictionary<string, Blob> blobs,
        string displayPath, string? prefix, ImmutableArray<Diagnostic>.Builder diagnostics)
    {
        var final = new Dictionary<string, (int Layer, LayerEntry Entry)>(StringComparer.Ordinal);

        // The same paths in order, so that a whiteout removes a directory's contents by range, not by a pass over all files.
        var paths = new SortedSet<string>(StringComparer.Ordinal);
        var layers = new LayerSummary?[manifest.Layers.Length];
        for (var i = 0; i < manifest.Layers.Length; i++)
        {
            var n = i + 1;
            if (!blobs.TryGetValue(manifest.Layers[i], out var blob) || blob.Layer is null)
            {
                diagnostics.Add(Diagnostic.Partial(SourceSpan.FileOnly(ImagePaths.Member(displayPath, manifest.Layers[i].Length > 0 ? manifest.Layers[i] : "manifest")),
                    $"{prefix}layer {n} is missing from the image or is not a tar, gzip or zstd layer: not checked"));
                continue;
            }

            var layer = layers[i] = blob.Layer;
            foreach (var directory in layer.OpaqueDirectories)
            {
                RemoveUnder(final, paths, directory, keepSelf: true);
            }

            foreach (var deleted in layer.Whiteouts)
            {
                RemoveUnder(final, paths, deleted, keepSelf: false);
            }

            foreach (var entry in layer.Entries)
            {
                final[entry.Path] = (n, entry);
                paths.Add(entry.Path);
            }
        }

        return (final, layers);
    }

    private static void RemoveUnder(Dictionary<string, (int Layer, LayerEntry Entry)> final, SortedSet<string> paths, string path, bool keepSelf)
    {
        if (!keepSelf && final.Remove(path))
        {
            paths.Remove(path);
        }

        // Everything below "dir/" sorts between "dir/" and "dir0" ('0' follows '/'; the view includes both ends, so
        // "dir0" itself is filtered out); the root ("") holds everything.
        var below = path.Length == 0 ? paths.ToList() : paths.GetViewBetween(path + "/", path + "0").Where(k => k.StartsWith(path + "/", StringComparison.Ordinal)).ToList();
        foreach (var key in below.Where(k => k.Length > 0 && k != path))
        {
            final.Remove(key);
            paths.Remove(key);
        }
    }

    private static ImmutableArray<ImageContentFile> ContentFiles(Dictionary<string, (int Layer, LayerEntry Entry)> final, LayerSummary?[] layers, string displayPath, string? prefix)
    {
        var files = ImmutableArray.CreateBuilder<ImageContentFile>();
        for (var i = 0; i < layers.Length; i++)
        {
            var n = i + 1;
            foreach (var (path, found) in (layers[i]?.Hits ?? []).OrderBy(h => h.Key, StringComparer.Ordinal))
            {
                var note = !final.TryGetValue(path, out var now) ? $"present in layer {n}, deleted later"
                    : now.Layer != n ? $"present in layer {n}, replaced in layer {now.Layer}"
                    : null;
                files.Add(new ImageContentFile(ImagePaths.LayerFile(displayPath, prefix, n, path), note is null ? found : found with { Note = note }));
            }
        }

        return files.ToImmutable();
    }

    private static ImmutableArray<ImageFileEntry> Notable(Dictionary<string, (int Layer, LayerEntry Entry)> final, string displayPath, string? prefix) =>
        [.. final.Where(f => IsNotable(f.Key, f.Value.Entry)).OrderBy(f => f.Key, StringComparer.Ordinal).Take(MaxNotableEntries)
            .Select(f => new ImageFileEntry(f.Key, f.Value.Layer, f.Value.Entry.Type, f.Value.Entry.Mode, SourceSpan.FileOnly(ImagePaths.LayerFile(displayPath, prefix, f.Value.Layer, f.Key))))];

    private static bool IsNotable(string path, LayerEntry entry)
    {
        var file = entry.Type is '0' or '\0' or '7';
        return (file && (entry.Mode & 0b110_000_000_000) != 0)
            || (entry.Type == '5' && (entry.Mode & 0b010) != 0)
            || (file && ImageFileKinds.Of(path) is not null);
    }

    private static IEnumerable<ImageDigestMismatch> DiffIdMismatches(JsonElement root, ManifestRef manifest, LayerSummary?[] layers, string displayPath)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("rootfs", out var rootfs) || rootfs.ValueKind != JsonValueKind.Object
            || !rootfs.TryGetProperty("diff_ids", out var ids) || ids.ValueKind != JsonValueKind.Array)
        {
            yield break;
        }

        var i = 0;
        foreach (var id in ids.EnumerateArray())
        {
            if (i < layers.Length && id.ValueKind == JsonValueKind.String && layers[i]?.DiffId is { } actual
                && id.GetString() is { } expected && !string.Equals(expected, "sha256:" + actual, StringComparison.OrdinalIgnoreCase))
            {
                yield return new ImageDigestMismatch(manifest.Layers[i], $"the config's rootfs.diff_ids[{i}] (the digest of layer {i + 1} uncompressed)", expected, "sha256:" + actual,
                    SourceSpan.FileOnly(ImagePaths.Member(displayPath, manifest.Layers[i])));
            }

            i++;
        }
    }

    private static string? ConfigPlatform(JsonElement root) =>
        ImageReader.Str(root, "os") is { } os && ImageReader.Str(root, "architecture") is { } arch
            ? ImageReader.Str(root, "variant") is { Length: > 0 } variant ? $"{os}/{arch}/{variant}" : $"{os}/{arch}"
            : null;

    // An image without User runs as root: the default is decided here, once.
    private static Value<string?> ImageUser(JsonElement settings, SourceSpan span) =>
        ImageReader.Str(settings, "User") is { Length: > 0 } user
            ? Value<string?>.Explicit(user, span, "config.User")
            : Value<string?>.Defaulted(string.Empty, span, "config.User");

    private static Value<string?> Healthcheck(JsonElement settings, SourceSpan span)
    {
        if (settings.ValueKind != JsonValueKind.Object || !settings.TryGetProperty("Healthcheck", out var check) || check.ValueKind != JsonValueKind.Object
            || !check.TryGetProperty("Test", out var test) || test.ValueKind != JsonValueKind.Array || test.GetArrayLength() == 0)
        {
            return Value<string?>.Defaulted(null, span, "config.Healthcheck");
        }

        var parts = test.EnumerateArray().Where(t => t.ValueKind == JsonValueKind.String).Select(t => t.GetString()!).ToList();
        return Value<string?>.Explicit(parts.FirstOrDefault() == "NONE" ? "NONE" : string.Join(' ', parts), span, "config.Healthcheck.Test");
    }

    private static ImmutableArray<KeyValue> Environment(JsonElement settings, SourceSpan span)
    {
        if (settings.ValueKind != JsonValueKind.Object || !settings.TryGetProperty("Env", out var env) || env.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        return [.. env.EnumerateArray().Select((e, i) => (Text: e.ValueKind == JsonValueKind.String ? e.GetString()! : string.Empty, i)).Where(x => x.Text.Length > 0).Select(x =>
        {
            var equals = x.Text.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? x.Text : x.Text[..equals];
            var value = equals < 0 ? string.Empty : x.Text[(equals + 1)..];
            return new KeyValue(Value<string>.Explicit(name, span, $"config.Env[{x.i}]"), Value<string?>.Explicit(value, span, $"config.Env[{x.i}]"));
        })];
    }
}
