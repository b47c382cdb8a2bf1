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

    private const int MaxPropertiesBytes = 64 * 1024;

    private const int MaxDepth = 2;

    /// <returns>The artifacts, and a problem when the archive is not a readable zip.</returns>
    public static (List<SoftwarePackage> Packages, string? Problem) Parse(ReadOnlyMemory<byte> content, string location)
    {
        var packages = new List<SoftwarePackage>();
        var budget = MaxEntries;
        try
        {
            Read(content.ToArray(), location, depth: 1, packages, ref budget);
            return (packages, budget < 0 ? $"more than {MaxEntries} entries: the rest are not read" : null);
        }
        catch (InvalidDataException ex)
        {
            return (packages, $"not a readable Java archive ({ex.Message})");
        }
    }

    private static void Read(byte[] bytes, string location, int depth, List<SoftwarePackage> packages, ref int budget)
    {
        using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
        foreach (var entry in zip.Entries.OrderBy(e => e.FullName, StringComparer.Ordinal))
        {
            if (--budget < 0)
            {
                return;
            }

            var name = entry.FullName;
            if (name.StartsWith("META-INF/maven/", StringComparison.Ordinal) && name.EndsWith("/pom.properties", StringComparison.Ordinal) && entry.Length <= MaxPropertiesBytes)
            {
                using var stream = entry.Open();
                using var text = new StreamReader(stream, Encoding.UTF8);
                if (Artifact(text.ReadToEnd(), location) is { } package)
                {
                    packages.Add(package);
                }
            }
            else if (depth < MaxDepth && InventoryPaths.IsJavaArchive(name) && entry.Length <= MaxNestedBytes)
            {
                using var stream = entry.Open();
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                try
                {
                    Read(copy.ToArray(), location + "!" + name, depth + 1, packages, ref budget);
                }
                catch (InvalidDataException)
                {
                    // A damaged nested archive hides only its own artifacts; the outer archive's are still listed.
                }
            }
        }
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
