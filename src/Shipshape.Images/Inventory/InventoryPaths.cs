namespace Shipshape.Images.Inventory;

/// <summary>Which files of a layer say what is installed (paths without a leading '/'), and how much of them is read.</summary>
public static class InventoryPaths
{
    /// <summary>One package database larger than this is not read (a diagnostic says so); Debian's status is a few MB.</summary>
    public const int MaxFileBytes = 32 * 1024 * 1024;

    /// <summary>What the inventory files of one layer may add up to.</summary>
    public const long MaxLayerBytes = 256L * 1024 * 1024;

    /// <summary>rpm's Berkeley DB and NDB databases: not read (their presence gets a diagnostic); rpm 4.16's SQLite one is.</summary>
    public static readonly IReadOnlySet<string> UnreadRpmDatabases = new HashSet<string>(StringComparer.Ordinal)
    {
        "var/lib/rpm/Packages", "var/lib/rpm/Packages.db", "usr/lib/sysimage/rpm/Packages", "usr/lib/sysimage/rpm/Packages.db",
    };

    public static bool IsRpmSqlite(string path) => path is "var/lib/rpm/rpmdb.sqlite" or "usr/lib/sysimage/rpm/rpmdb.sqlite";

    /// <summary>Inventory files that are binary (a zip, a SQLite database): kept although they hold NUL bytes.</summary>
    public static bool IsBinary(string path) => IsJavaArchive(path) || IsRpmSqlite(path);

    public static bool IsOsRelease(string path) => path is "etc/os-release" or "usr/lib/os-release";

    public static bool IsDpkgStatus(string path) =>
        path == "var/lib/dpkg/status" || (path.StartsWith("var/lib/dpkg/status.d/", StringComparison.Ordinal) && !path.EndsWith(".md5sums", StringComparison.Ordinal)
            && path.IndexOf('/', "var/lib/dpkg/status.d/".Length) < 0);

    public static bool IsApkDatabase(string path) => path == "lib/apk/db/installed";

    /// <summary>"…/node_modules/name/package.json" or "…/node_modules/@scope/name/package.json".</summary>
    public static bool IsNpmPackage(string path)
    {
        if (!path.EndsWith("/package.json", StringComparison.Ordinal))
        {
            return false;
        }

        var parts = path.Split('/');
        var n = parts.Length;
        return (n >= 3 && parts[n - 3] == "node_modules" && !parts[n - 2].StartsWith('@'))
            || (n >= 4 && parts[n - 4] == "node_modules" && parts[n - 3].StartsWith('@'));
    }

    public static bool IsPythonMetadata(string path) =>
        (path.EndsWith("/METADATA", StringComparison.Ordinal) && Parent(path).EndsWith(".dist-info", StringComparison.Ordinal))
        || (path.EndsWith("/PKG-INFO", StringComparison.Ordinal) && Parent(path).EndsWith(".egg-info", StringComparison.Ordinal));

    public static bool IsDotnetDeps(string path) => path.EndsWith(".deps.json", StringComparison.Ordinal);

    /// <summary>A Java archive (.jar, .war, .ear): a zip whose META-INF/maven/*/*/pom.properties name the artifacts.</summary>
    public static bool IsJavaArchive(string path) =>
        path.EndsWith(".jar", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".war", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".ear", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// A lockfile: package-lock.json, npm-shrinkwrap.json, yarn.lock, pnpm-lock.yaml, NuGet's packages.lock.json,
    /// go.mod, go.sum, and requirements*.txt.
    /// </summary>
    public static bool IsLockfileName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name is "package-lock.json" or "npm-shrinkwrap.json" or "yarn.lock" or "pnpm-lock.yaml" or "packages.lock.json" or "go.mod" or "go.sum"
            || (name.StartsWith("requirements", StringComparison.Ordinal) && name.EndsWith(".txt", StringComparison.Ordinal));
    }

    /// <summary>
    /// A lockfile of an application in an image. Not requirements*.txt (any Python package may ship one; what pip
    /// installed is in dist-info), nor the lockfiles packages carry inside node_modules or Go's module cache, which
    /// describe how those packages were developed, not what the image holds.
    /// </summary>
    public static bool IsImageLockfile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var name = path[(path.LastIndexOf('/') + 1)..];
        return IsLockfileName(name) && !name.StartsWith("requirements", StringComparison.Ordinal)
            && !path.Contains("node_modules/", StringComparison.Ordinal) && !path.Contains("/pkg/mod/", StringComparison.Ordinal) && !path.StartsWith("pkg/mod/", StringComparison.Ordinal);
    }

    /// <summary>Whether a layer file is one whose content the inventory reads.</summary>
    public static bool Wants(string path) =>
        IsOsRelease(path) || IsDpkgStatus(path) || IsApkDatabase(path) || IsRpmSqlite(path) || IsNpmPackage(path) || IsPythonMetadata(path) || IsDotnetDeps(path) || IsJavaArchive(path) || IsImageLockfile(path);

    private static string Parent(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash < 0 ? string.Empty : path[..slash];
    }
}
