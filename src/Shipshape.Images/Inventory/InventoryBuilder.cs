using System.Collections.Immutable;
using System.Text;
using Shipshape.Core.Inventory;

namespace Shipshape.Images.Inventory;

/// <summary>
/// Turns the package files of an image's final filesystem, or of a source tree, into one inventory: the distribution
/// from os-release, then every package database, language package file and Go executable's build information, deduplicated by package URL and sorted.
/// Problems (an unreadable database, rpm's Berkeley DB) are returned as messages with their location.
/// </summary>
public static class InventoryBuilder
{
    public static (SoftwareInventory Inventory, ImmutableArray<(string Location, string Message)> Problems) FromImage(
        string name, string? version, IEnumerable<InventoryFile> files, IEnumerable<InventoryFile> goBuildInfo, IEnumerable<(string Path, string Location)> rpmDatabases)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(goBuildInfo);
        ArgumentNullException.ThrowIfNull(rpmDatabases);
        var all = files.OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
        var problems = ImmutableArray.CreateBuilder<(string, string)>();
        var os = all.Where(f => InventoryPaths.IsOsRelease(f.Path)).OrderBy(f => f.Path == "etc/os-release" ? 0 : 1)
            .Select(f => OsRelease.Parse(Text(f))).FirstOrDefault(o => o is not null);
        var vendor = os?.Id ?? "debian";
        var distro = os is null ? null : os.Version.Length > 0 ? $"{os.Id}-{os.Version}" : os.Id;
        var packages = new List<SoftwarePackage>();
        foreach (var file in all)
        {
            var found = file.Path switch
            {
                var p when InventoryPaths.IsDpkgStatus(p) => DpkgStatus.Parse(Text(file), file.Location, vendor, distro).ToList(),
                var p when InventoryPaths.IsApkDatabase(p) => ApkDatabase.Parse(Text(file), file.Location, os?.Id ?? "alpine", distro).ToList(),
                var p when InventoryPaths.IsNpmPackage(p) => LanguagePackages.NpmPackageJson(file.Content, file.Location).ToList(),
                var p when InventoryPaths.IsPythonMetadata(p) => LanguagePackages.PythonMetadata(Text(file), file.Location).ToList(),
                var p when InventoryPaths.IsDotnetDeps(p) => LanguagePackages.DotnetDeps(file.Content, file.Location).ToList(),
                var p when InventoryPaths.IsJavaArchive(p) => Java(file, problems),
                var p when InventoryPaths.IsRpmSqlite(p) => Rpm(file, os, distro, problems),
                _ => null,
            };
            if (found is { Count: 0 } && !InventoryPaths.IsNpmPackage(file.Path) && !InventoryPaths.IsDpkgStatus(file.Path) && !InventoryPaths.IsBinary(file.Path))
            {
                problems.Add((file.Location, "package database not read: no package found in it (malformed or empty)"));
            }

            packages.AddRange(found ?? []);
        }

        packages.AddRange(Lockfiles([.. all.Where(f => InventoryPaths.IsImageLockfile(f.Path))], problems, MaxImageLockfileBytes));
        foreach (var binary in goBuildInfo.OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            var (modules, problem) = GoBuildInfo.Parse(binary.Content.Span, binary.Location);
            if (problem is not null)
            {
                problems.Add((binary.Location, "Go executable's modules not " + (modules.Count == 0 ? "read: " : "fully read: ") + problem));
            }

            packages.AddRange(modules);
        }

        foreach (var (_, location) in rpmDatabases.OrderBy(r => r.Path, StringComparer.Ordinal))
        {
            problems.Add((location, "rpm database not read: its Berkeley DB or NDB format is not read (only rpm's SQLite database is); the inventory does not list its rpm packages"));
        }

        return (new SoftwareInventory { Name = name, Kind = SoftwareInventory.ContainerKind, Version = version, OperatingSystem = os, Packages = Ordered(packages) }, problems.ToImmutable());
    }

    /// <summary>Packages listed from one lockfile at most (like rpm's 200,000 rows); a large monorepo's lockfile has a few thousand.</summary>
    public const int MaxLockfilePackages = 100_000;

    /// <summary>Bytes of lockfiles one image's inventory reads at most (the layer limit bounds each layer, not the image).</summary>
    public const long MaxImageLockfileBytes = 64L * 1024 * 1024;

    /// <summary>Whether a source-tree file is a lockfile the inventory reads (<see cref="InventoryPaths.IsLockfileName"/>).</summary>
    public static bool IsLockfile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return InventoryPaths.IsLockfileName(path[(path.LastIndexOfAny(['/', '\\']) + 1)..]);
    }

    /// <summary>The packages a source tree's lockfiles pin, and the lockfiles that named none.</summary>
    public static (SoftwareInventory Inventory, ImmutableArray<(string Location, string Message)> Problems) FromLockfiles(string name, IEnumerable<InventoryFile> lockfiles)
    {
        ArgumentNullException.ThrowIfNull(lockfiles);
        var problems = ImmutableArray.CreateBuilder<(string, string)>();
        var packages = Lockfiles(lockfiles.ToList(), problems, long.MaxValue);
        return (new SoftwareInventory { Name = name, Kind = SoftwareInventory.SourceKind, Packages = Ordered(packages) }, problems.ToImmutable());
    }

    /// <summary>
    /// The packages of each lockfile; go.sum only where no go.mod of Go 1.17 or later beside it lists the build's modules.
    /// A lockfile that names no package is reported: malformed, or a project without dependencies.
    /// </summary>
    /// <param name="byteBudget">Bytes of lockfiles read at most (an image's are bounded; a source tree's files by the tree's own limits).</param>
    private static List<SoftwarePackage> Lockfiles(List<InventoryFile> files, ImmutableArray<(string, string)>.Builder problems, long byteBudget)
    {
        var packages = new List<SoftwarePackage>();
        var completeGoMods = files.Where(f => FileName(f.Path) == "go.mod" && GoModules.IsComplete(Text(f))).Select(f => Directory(f.Path)).ToHashSet(StringComparer.Ordinal);
        foreach (var file in files.OrderBy(f => f.Location, StringComparer.Ordinal))
        {
            var fileName = FileName(file.Path);
            if (fileName == "go.sum" && completeGoMods.Contains(Directory(file.Path)))
            {
                continue;
            }

            if (file.Content.Length > byteBudget)
            {
                problems.Add((file.Location, $"lockfile not read: the image's lockfiles add up to more than {MaxImageLockfileBytes / (1024 * 1024)} MiB; the inventory does not list its packages"));
                continue;
            }

            byteBudget -= file.Content.Length;
            var found = (fileName switch
            {
                "package-lock.json" or "npm-shrinkwrap.json" => LanguagePackages.NpmLockfile(file.Content, file.Location),
                "packages.lock.json" => LanguagePackages.NugetLockfile(file.Content, file.Location),
                "yarn.lock" => NodeLockfiles.YarnLock(Text(file), file.Location),
                "pnpm-lock.yaml" => NodeLockfiles.PnpmLock(Text(file), file.Location),
                "go.mod" => GoModules.GoMod(Text(file), file.Location),
                "go.sum" => GoModules.GoSum(Text(file), file.Location),
                _ => LanguagePackages.Requirements(Text(file), file.Location),
            }).Take(MaxLockfilePackages + 1).ToList();
            if (found.Count > MaxLockfilePackages)
            {
                found.RemoveAt(MaxLockfilePackages);
                problems.Add((file.Location, $"lockfile not fully read: more than {MaxLockfilePackages} packages; the rest are not listed"));
            }

            if (found.Count == 0)
            {
                problems.Add((file.Location, "lockfile names no package (malformed, or a project without dependencies)"));
            }

            packages.AddRange(found);
        }

        return packages;
    }

    private static string FileName(string path) => path[(path.LastIndexOfAny(['/', '\\']) + 1)..];

    private static string Directory(string path) => path[..(path.LastIndexOfAny(['/', '\\']) + 1)];

    private static ImmutableArray<SoftwarePackage> Ordered(List<SoftwarePackage> packages) =>
        [.. packages.OrderBy(p => p.Type, StringComparer.Ordinal).ThenBy(p => p.Name, StringComparer.OrdinalIgnoreCase).ThenBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Version, StringComparer.Ordinal)
            .ThenBy(p => p.Location, StringComparer.Ordinal).DistinctBy(p => p.Purl, StringComparer.Ordinal)];

    private static List<SoftwarePackage> Java(InventoryFile file, ImmutableArray<(string, string)>.Builder problems)
    {
        var (packages, problem) = JavaArchives.Parse(file.Content, file.Location);
        if (problem is not null)
        {
            problems.Add((file.Location, "Java archive not fully read: " + problem));
        }

        return packages;
    }

    private static List<SoftwarePackage> Rpm(InventoryFile file, OperatingSystemInfo? os, string? distro, ImmutableArray<(string, string)>.Builder problems)
    {
        var (packages, problem) = RpmDatabase.ParseSqlite(file.Content, file.Location, os?.Id, distro);
        if (problem is not null)
        {
            problems.Add((file.Location, (packages.Count == 0 ? "rpm database not read: " : "rpm database not fully read: ") + problem));
        }

        return packages;
    }

    private static string Text(InventoryFile file) => Encoding.UTF8.GetString(file.Content.Span);
}
