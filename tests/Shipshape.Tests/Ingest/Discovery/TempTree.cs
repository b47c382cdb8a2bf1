using System.Text;

namespace Shipshape.Tests.Ingest.Discovery;

/// <summary>A scratch directory under the system temp path, deleted when disposed.</summary>
public sealed class TempTree : IDisposable
{
    private readonly List<string> _locked = [];

    public TempTree()
    {
        Root = Path.Join(Path.GetTempPath(), "shipshape-discovery-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public string PathOf(string relative) => Path.Join(Root, relative.Replace('/', Path.DirectorySeparatorChar));

    public string Write(string relative, string content = "{}") => WriteBytes(relative, Encoding.UTF8.GetBytes(content));

    public string WriteBytes(string relative, byte[] content)
    {
        var full = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, content);
        return full;
    }

    public string CreateDirectory(string relative) => Directory.CreateDirectory(PathOf(relative)).FullName;

    /// <summary>Removes all permissions from a directory; restored before deletion.</summary>
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Lock(string relative)
    {
        var full = PathOf(relative);
        File.SetUnixFileMode(full, UnixFileMode.None);
        _locked.Add(full);
    }

    /// <summary>Every path below the root, for checking that nothing was written.</summary>
    public IReadOnlyList<string> Snapshot() =>
        Directory.GetFileSystemEntries(Root, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint })
            .Order(StringComparer.Ordinal)
            .ToList();

    public void Dispose()
    {
        if (!OperatingSystem.IsWindows())
        {
            foreach (var directory in _locked)
            {
                File.SetUnixFileMode(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }

        Directory.Delete(Root, recursive: true);
    }
}
