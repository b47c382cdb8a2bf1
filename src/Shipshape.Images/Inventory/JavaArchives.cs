using System.IO.Compression;
using System.Text;
using Shipshape.Core.Inventory;

namespace Shipshape.Images.Inventory;

/// <summary>
/// Maven artifacts in a Java archive: each META-INF/maven/GROUP/ARTIFACT/pom.properties (groupId, artifactId, version),
/// and those of the archives nested in it (Spring Boot's BOOT-INF/lib, a war's WEB-INF/lib), one level deep and
/// bounded. An archive without pom.properties names no artifact: nothing is guessed from its file name.
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

        return (run.Packages, run.Problems.Count == 0 ? null : string.Join("; ", run.Problems));
    }

    private static void Read(byte[] bytes, string location, int depth, Run run)
    {
        using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
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
                }
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
