using Shipshape.Hcl.Evaluation;

namespace Shipshape.Ingest.Terraform;

/// <summary>file() and templatefile() reads, relative to a module directory and never outside the scanned root.</summary>
public sealed class TerraformFileSystem : IHclFileSystem
{
    public const long MaxBytes = 4 * 1024 * 1024;

    private readonly string _root;
    private readonly string _directory;

    public TerraformFileSystem(string root, string directory)
    {
        _root = Path.GetFullPath(root);
        _directory = directory;
    }

    public (string Text, string DisplayPath)? Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.Contains("${", StringComparison.Ordinal))
        {
            return null;
        }

        var full = Path.GetFullPath(Path.Combine(_directory, path));
        var relative = Path.GetRelativePath(_root, full);
        if (relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative))
        {
            return null;
        }

        try
        {
            var info = new FileInfo(full);
            if (!info.Exists || info.Length > MaxBytes || info.LinkTarget is not null)
            {
                return null;
            }

            return (File.ReadAllText(full), relative.Replace('\\', '/'));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
