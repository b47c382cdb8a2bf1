using Shipshape.Core;
using Shipshape.Hcl.Evaluation;
using Shipshape.Ingest.Discovery;

namespace Shipshape.Ingest.Terraform;

/// <summary>
/// file(), templatefile() and fileexists() reads, relative to a module directory and never outside the scanned
/// root (also not through a symlinked directory): a refused read is an unresolved value and a diagnostic.
/// </summary>
public sealed class TerraformFileSystem : IHclFileSystem
{
    public const long MaxBytes = 4 * 1024 * 1024;

    private readonly ScanRoot _boundary;
    private readonly string _root;
    private readonly string _directory;
    private readonly string _moduleDisplay;
    private readonly string _displayRoot;
    private readonly ICollection<Diagnostic>? _diagnostics;

    public TerraformFileSystem(string root, string directory)
        : this(new ScanRoot(root), root, directory, ".", null)
    {
    }

    /// <param name="moduleDisplay">The module directory as reported (relative to the root), where refusals are reported.</param>
    /// <param name="diagnostics">Receives one diagnostic per refused read; null: refusals are silent (tests).</param>
    /// <param name="displayRoot">The root as the user gave it, which the paths of files read are reported under.</param>
    public TerraformFileSystem(ScanRoot boundary, string root, string directory, string moduleDisplay, ICollection<Diagnostic>? diagnostics, string displayRoot = "")
    {
        _displayRoot = displayRoot;
        _boundary = boundary;
        _root = Path.GetFullPath(root);
        _directory = directory;
        _moduleDisplay = moduleDisplay;
        _diagnostics = diagnostics;
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
        if (relative == ".." || relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal) || Path.IsPathRooted(relative))
        {
            Refuse(path, "it is outside the scanned root, which is never read");
            return null;
        }

        if (!File.Exists(full))
        {
            return null;
        }

        if (!_boundary.TryRead(full, MaxBytes, out var bytes, out var refusal))
        {
            Refuse(path, refusal);
            return null;
        }

        return (System.Text.Encoding.UTF8.GetString(TextDecoding.ToUtf8(bytes)), DisplayPaths.Join(_displayRoot, relative.Replace('\\', '/')));
    }

    private void Refuse(string path, string reason) =>
        _diagnostics?.Add(Diagnostic.Partial(SourceSpan.FileOnly(_moduleDisplay), $"file \"{path}\" was not read ({reason}); what depends on it is unresolved"));
}
