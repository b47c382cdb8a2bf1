namespace Shipshape.Ingest.Discovery;

/// <summary>
/// A scanned root as a boundary for readers that follow references themselves (Terraform's file(), module
/// sources, .tfvars files): a path is inside only when its fully resolved form (every symlink followed) lies
/// below the root's physical path, so neither "../" nor a symlinked directory leads out of it.
/// </summary>
public sealed class ScanRoot
{
    private readonly string _physical;

    public ScanRoot(string root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        _physical = PathResolver.RealPath(full) ?? full;
    }

    /// <summary>Whether the path, resolved, exists inside the root.</summary>
    public bool Contains(string path) => PathResolver.RealPath(path) is { } real && PathResolver.IsInside(real, _physical);

    /// <summary>
    /// Reads a file inside the root: refused (with the reason) when it resolves outside the root, is not a regular
    /// file (a FIFO would block), is larger than <paramref name="maxBytes"/>, or cannot be read.
    /// </summary>
    public bool TryRead(string path, long maxBytes, out byte[] content, out string refusal)
    {
        content = [];
        var real = PathResolver.RealPath(path);
        if (real is null)
        {
            refusal = "it does not exist";
            return false;
        }

        if (!PathResolver.IsInside(real, _physical))
        {
            refusal = "it is outside the scanned root, which is never read";
            return false;
        }

        try
        {
            content = FileDiscovery.ReadRegularFile(real, maxBytes);
            refusal = string.Empty;
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            refusal = e.Message;
            return false;
        }
    }
}
