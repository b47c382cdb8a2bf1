using Shipshape.Secrets;

namespace Shipshape.Images;

/// <summary>
/// What one streamed layer holds, without its content: entries, whiteouts, opaque directories, the secrets found in
/// its files, the few small text files rules read, and the digest of its uncompressed tar (its diff ID) when it was
/// read to the end.
/// </summary>
internal sealed class LayerSummary
{
    public List<LayerEntry> Entries { get; } = [];

    /// <summary>Paths a ".wh.NAME" entry deletes from the layers below.</summary>
    public List<string> Whiteouts { get; } = [];

    /// <summary>Directories a ".wh..wh..opq" entry empties of what the layers below put there.</summary>
    public List<string> OpaqueDirectories { get; } = [];

    public Dictionary<string, ContentScanResult> Hits { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, string> TextFiles { get; } = new(StringComparer.Ordinal);

    /// <summary>Files that say what is installed (package databases, package.json, METADATA), by path, with their bytes.</summary>
    public Dictionary<string, byte[]> InventoryFiles { get; } = new(StringComparer.Ordinal);

    /// <summary>Inventory files over <see cref="Inventory.InventoryPaths.MaxFileBytes"/>, or past the layer's share, by path.</summary>
    public HashSet<string> InventoryOversize { get; } = new(StringComparer.Ordinal);

    public long InventoryBytes { get; set; }

    /// <summary>The Go build information blobs of ELF executables, by path (each at most <see cref="Inventory.GoBuildInfo.MaxBlobBytes"/>).</summary>
    public Dictionary<string, byte[]> GoBuildInfo { get; } = new(StringComparer.Ordinal);

    public string? DiffId { get; set; }

    public int Oversize { get; set; }

    public int Binary { get; set; }

    public int RenamedMembers { get; set; }

    /// <summary>Why the layer was not read to the end, when it was not.</summary>
    public List<string> Problems { get; } = [];
}
