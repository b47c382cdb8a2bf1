using System.IO.Compression;
using System.Text;
using Shipshape.Core.Inventory;

namespace Shipshape.Images.Inventory;

/// <summary>
/// Maven artifacts in a Java archive: each META-INF/maven/GROUP/ARTIFACT/pom.properties (groupId, artifactId, version),
/// and those of the archives nested in it (Spring Boot's BOOT-INF/lib, a war's WEB-INF/lib), one level deep and
/// bounded. An archive without pom.properties names the artifact its manifest names, when it names a group; nothing is
/// guessed from its file name.
/// </summary>
public static class JavaArchives
{
    /// <summary>Entries examined in one archive, nested ones included.</summary>
    public const int MaxEntries = 20_000;

    /// <summary>A nested archive larger than this (uncompressed) is not opened.</summary>
    public const long MaxNestedBytes = 32L * 1024 * 1024;

    /// <summary>Bytes decompressed from one archive's nested archives in all: many nested jars cannot add up without bound.</summary>
    public const long MaxExpandedBytes = 256L * 1024 * 1024;

    private const int MaxPropertiesBytes = 64 * 1024;

    private const int MaxDepth = 2;

    /// <summary>Problems named in the diagnostic of one archive at most.</summary>
    private const int MaxProblemsNamed = 10;

    /// <returns>The artifacts, and a problem when the archive is not a readable zip.</returns>
    public static (List<SoftwarePackage> Packages, string? Problem) Parse(ReadOnlyMemory<byte> content, string location)
    {
        var run = new Run();
        try
        {
            Read(content.ToArray(), location, depth: 1, run);
        }
        catch (InvalidDataException ex)
        {
            run.Problems.Add($"not a readable Java archive ({ex.Message})");
        }

        if (run.Entries < 0)
        {
            run.Problems.Add($"more than {MaxEntries} entries: the rest are not read");
        }

        // One line a nested archive could be thousands: the first few are named, the rest counted.
        var problem = run.Problems.Count switch
        {
            0 => null,
            <= MaxProblemsNamed => string.Join("; ", run.Problems),
            _ => string.Join("; ", run.Problems.Take(MaxProblemsNamed)) + $"; and {run.Problems.Count - MaxProblemsNamed} more",
        };
        return (run.Packages, problem);
    }

    private static void Read(byte[] bytes, string location, int depth, Run run)
    {
        using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
        var named = false;
        string? manifest = null;
        foreach (var entry in zip.Entries.OrderBy(e => e.FullName, StringComparer.Ordinal))
        {
            if (--run.Entries < 0)
            {
                return;
            }

            var name = entry.FullName;
            if (name.StartsWith("META-INF/maven/", StringComparison.Ordinal) && name.EndsWith("/pom.properties", StringComparison.Ordinal) && entry.Length <= MaxPropertiesBytes)
            {
                if (ReadBounded(entry, MaxPropertiesBytes) is { } properties && Artifact(Encoding.UTF8.GetString(properties), location) is { } package)
                {
                    run.Packages.Add(package);
                    named = true;
                }
            }
            else if (name == "META-INF/MANIFEST.MF" && entry.Length <= MaxPropertiesBytes && ReadBounded(entry, MaxPropertiesBytes) is { } text)
            {
                manifest = Encoding.UTF8.GetString(text);
            }
            else if (depth < MaxDepth && InventoryPaths.IsJavaArchive(name) && entry.Length <= MaxNestedBytes)
            {
                // The declared size is not trusted: the copy stops at the limit whatever the entry claims.
                var limit = Math.Min(MaxNestedBytes, run.BytesLeft);
                try
                {
                    if (ReadBounded(entry, limit) is not { } nested)
                    {
                        run.Problems.Add($"{name}: larger than {limit} bytes once decompressed: not read");
                        continue;
                    }

                    run.BytesLeft -= nested.Length;
                    Read(nested, location + "!" + name, depth + 1, run);
                }
                catch (InvalidDataException ex)
                {
                    // A damaged nested archive hides only its own artifacts; the outer archive's are still listed, and it is said.
                    run.Problems.Add($"{name}: not a readable Java archive ({ex.Message})");
                }
            }
        }

        if (!named && run.Entries >= 0)
        {
            if (manifest is not null && FromManifest(manifest, location) is { } package)
            {
                run.Packages.Add(package);
            }
            else
            {
                var archive = depth == 1 ? string.Empty : location[(location.LastIndexOf('!') + 1)..] + ": ";
                run.Problems.Add($"{archive}no pom.properties, and no manifest that names a Maven group, artifact and version: its artifact is not listed");
            }
        }
    }

    /// <summary>
    /// The artifact a jar without pom.properties names in its META-INF/MANIFEST.MF main section, as Trivy's jar parser
    /// reads it: the group from Implementation-Vendor-Id, else Bundle-SymbolicName up to its last '.'; the artifact from
    /// Implementation-Title, else the symbolic name's last part; the version from Implementation-Version, else
    /// Bundle-Version; group and artifact lower-cased. Without a group there is no artifact: a Maven purl without its
    /// namespace names no artifact at all (Trivy drops it too, Syft guesses from the file name; nothing is guessed here).
    /// Free-text Implementation-Vendor values ("The Apache Software Foundation") are not groups and are not used.
    /// </summary>
    internal static SoftwarePackage? FromManifest(string manifest, string location)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? key = null;
        foreach (var raw in manifest.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Length == 0)
            {
                break;
            }

            // A line longer than 72 bytes goes on in the next line, which starts with one space.
            if (line[0] == ' ' && key is not null)
            {
                values[key] += line[1..];
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            key = colon > 0 ? line[..colon].Trim() : null;
            if (key is not null && !values.TryAdd(key, line[(colon + 1)..].Trim()))
            {
                key = null;
            }
        }

        var symbolic = values.GetValueOrDefault("Bundle-SymbolicName")?.Split(';')[0].Trim() ?? string.Empty;
        var dot = symbolic.LastIndexOf('.');
        var group = Usable(values.GetValueOrDefault("Implementation-Vendor-Id")) ?? (dot > 0 ? Usable(symbolic[..dot]) : null);
        var artifact = Usable(values.GetValueOrDefault("Implementation-Title")) ?? (dot > 0 ? Usable(symbolic[(dot + 1)..]) : null);
        var version = Usable(values.GetValueOrDefault("Implementation-Version")) ?? Usable(values.GetValueOrDefault("Bundle-Version"));
        if (group is null || artifact is null || version is null)
        {
            return null;
        }

        group = group.ToLowerInvariant();
        artifact = artifact.ToLowerInvariant();
        return new SoftwarePackage("maven", $"{group}:{artifact}", version, PackageUrl.Create("maven", group, artifact, version), location) { Namespace = group };

        // Maven coordinates have no spaces; a title such as "Apache Commons Lang" is a name for people, not an artifact ID.
        static string? Usable(string? value) => value is { Length: > 0 and <= 200 } && !value.Any(char.IsWhiteSpace) ? value : null;
    }

    /// <summary>The entry's bytes, or null when it holds more than <paramref name="limit"/>.</summary>
    private static byte[]? ReadBounded(ZipArchiveEntry entry, long limit)
    {
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            if (copy.Length + read > limit)
            {
                return null;
            }

            copy.Write(buffer, 0, read);
        }

        return copy.ToArray();
    }

    private sealed class Run
    {
        public List<SoftwarePackage> Packages { get; } = [];
        public List<string> Problems { get; } = [];
        public int Entries { get; set; } = MaxEntries;
        public long BytesLeft { get; set; } = MaxExpandedBytes;
    }

    private static SoftwarePackage? Artifact(string properties, string location)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var raw in properties.Split('\n'))
        {
            var line = raw.Trim();
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && !line.StartsWith('#'))
            {
                values.TryAdd(line[..equals].Trim(), line[(equals + 1)..].Trim());
            }
        }

        return values.GetValueOrDefault("groupId") is { Length: > 0 } group && values.GetValueOrDefault("artifactId") is { Length: > 0 } artifact
            && values.GetValueOrDefault("version") is { Length: > 0 } version
            ? new SoftwarePackage("maven", $"{group}:{artifact}", version, PackageUrl.Create("maven", group, artifact, version), location) { Namespace = group }
            : null;
    }
}
