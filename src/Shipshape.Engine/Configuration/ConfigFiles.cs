using System.Text;
using Shipshape.Ingest.Discovery;

namespace Shipshape.Engine.Configuration;

/// <summary>
/// Configuration files the scan finds in the tree it scans (.shipshape.yaml, .gitleaks.toml, .gitleaksignore):
/// a scanned repository may hold them, but they may not lead out of it through a symlink, and none of them is
/// larger than a configuration ever is.
/// </summary>
public static class ConfigFiles
{
    /// <summary>Configuration files are small; anything larger is refused rather than read whole.</summary>
    public const long MaxBytes = 4 * 1024 * 1024;

    /// <summary>The file <paramref name="name"/> at the root of <paramref name="rootDirectory"/>, or null when there is none.</summary>
    /// <exception cref="ConfigException">It is there but resolves outside the root (a symlink).</exception>
    public static string? Find(string rootDirectory, string name)
    {
        var path = Path.Combine(rootDirectory, name);
        if (!File.Exists(path) && new FileInfo(path).LinkTarget is null)
        {
            return null;
        }

        if (!new ScanRoot(rootDirectory).Contains(path))
        {
            throw new ConfigException($"{path} is a symbolic link that leads outside the scanned directory (or nowhere); it is not read. Remove it, or name a configuration explicitly");
        }

        return path;
    }

    /// <summary>Reads a configuration file as UTF-8 text, within <paramref name="boundary"/> when one is given.</summary>
    /// <exception cref="IOException">It is outside the boundary, not a regular file, too large, or unreadable.</exception>
    public static string ReadText(string path, ScanRoot? boundary)
    {
        byte[] bytes;
        if (boundary is null)
        {
            bytes = FileDiscovery.ReadRegularFile(path, MaxBytes);
        }
        else if (!boundary.TryRead(path, MaxBytes, out bytes, out var refusal))
        {
            throw new IOException(refusal);
        }

        return Encoding.UTF8.GetString(TextDecoding.ToUtf8(bytes));
    }
}
