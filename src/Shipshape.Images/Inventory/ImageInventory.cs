using System.Collections.Immutable;
using Shipshape.Core;
using Shipshape.Core.Inventory;

namespace Shipshape.Images.Inventory;

/// <summary>
/// The inventory of one image's final filesystem: the package files that survived every later layer's whiteouts and
/// replacements, read from the layer that put them there, and the Go build information of its executables, each located at "IMAGE!layer N/path".
/// </summary>
internal static class ImageInventory
{
    public static SoftwareInventory Read(IReadOnlyDictionary<string, (int Layer, LayerEntry Entry)> final, LayerSummary?[] layers, string displayPath, string? prefix,
        string name, string? version, ImmutableArray<Diagnostic>.Builder diagnostics)
    {
        string Location(string path) => ImagePaths.LayerFile(displayPath, prefix, final[path].Layer, path);
        var files = new List<InventoryFile>();
        var goBinaries = new List<InventoryFile>();
        foreach (var (path, (layer, _)) in final)
        {
            if (layers[layer - 1] is not { } summary)
            {
                continue;
            }

            if (summary.GoBuildInfo.TryGetValue(path, out var buildInfo))
            {
                goBinaries.Add(new InventoryFile(path, Location(path), buildInfo));
            }
            else if (summary.InventoryFiles.TryGetValue(path, out var content))
            {
                files.Add(new InventoryFile(path, Location(path), content));
            }
            else if (summary.InventoryOversize.Contains(path))
            {
                // A Go executable's build information is small; it is only left out past the layer's share.
                diagnostics.Add(Diagnostic.Info(SourceSpan.FileOnly(Location(path)), (InventoryPaths.Wants(path) ? "package database not read" : "Go build information not read")
                    + $": larger than {InventoryPaths.MaxFileBytes} bytes or past the layer's {InventoryPaths.MaxLayerBytes} bytes of package files; the inventory misses its packages"));
            }
        }

        // rpm checkpoints its write-ahead log when it closes the database; a log with frames in it (past its 32-byte
        // header) holds changes the database file does not, which the reader does not apply.
        foreach (var path in final.Keys.Where(p => p.EndsWith("-wal", StringComparison.Ordinal) && InventoryPaths.IsRpmSqlite(p[..^4]) && final[p].Entry.Size > 32).Order(StringComparer.Ordinal))
        {
            diagnostics.Add(Diagnostic.Info(SourceSpan.FileOnly(Location(path)),
                "rpm database's write-ahead log not read: packages installed or removed since rpm last checkpointed it may be missing from the inventory"));
        }

        var rpm = final.Keys.Where(InventoryPaths.UnreadRpmDatabases.Contains).Select(p => (p, Location(p)));
        var (inventory, problems) = InventoryBuilder.FromImage(name, version, files, goBinaries, rpm);
        diagnostics.AddRange(problems.Select(p => Diagnostic.Info(SourceSpan.FileOnly(p.Location), p.Message)));
        return inventory;
    }
}
