namespace Shipshape.Iam.Catalog;

/// <summary>
/// The user-level catalogue cache that `shipshape iam update-catalog` refreshes ($XDG_CACHE_HOME/shipshape or
/// ~/.cache/shipshape); the scanner uses it only when it is newer than the embedded copy.
/// </summary>
public static class IamCatalogCache
{
    public const string FileName = "iam-catalog.tsv.gz";

    /// <summary>The cache file's path from the environment's XDG_CACHE_HOME or home directory.</summary>
    public static string DefaultPath()
    {
        var root = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        if (string.IsNullOrWhiteSpace(root))
        {
            root = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        }

        return Path.Combine(root, "shipshape", FileName);
    }

    /// <summary>The newer of the cache at <paramref name="cachePath"/> (when readable) and the embedded catalogue.</summary>
    public static IamCatalog LoadPreferred(string? cachePath = null)
    {
        var path = cachePath ?? DefaultPath();
        var embedded = IamCatalog.Embedded;
        if (!File.Exists(path))
        {
            return embedded;
        }

        try
        {
            using var stream = File.OpenRead(path);
            var cached = IamCatalog.ReadCompressed(stream);
            return string.CompareOrdinal(cached.Updated, embedded.Updated) > 0 && cached.ActionCount > 0 ? cached : embedded;
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            // A damaged cache must not break scans: the embedded copy is always good.
            return embedded;
        }
    }

    /// <summary>Writes a catalogue to the cache file atomically (a temporary file, then a rename).</summary>
    public static void Save(IamCatalog catalog, string path)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(path);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temporary = path + ".tmp";
        using (var stream = File.Create(temporary))
        {
            IamCatalogFormat.WriteCompressed(catalog, stream);
        }

        File.Move(temporary, path, overwrite: true);
    }
}
