using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text;
using Shipshape.Core;
using Shipshape.Hcl.Syntax;
using Shipshape.Ingest.Discovery;

namespace Shipshape.Ingest.Terraform;

/// <summary>Parses module directories once each (thread-safe), confined to the scanned root.</summary>
public sealed class TerraformModuleLoader
{
    private readonly string _root;
    private readonly ConcurrentDictionary<string, Lazy<TerraformModule>> _modules = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<ImmutableDictionary<string, string>>> _manifests = new(StringComparer.Ordinal);

    /// <param name="root">The scanned root: nothing outside it is read.</param>
    /// <param name="displayRoot">The root as the user gave it, which reported paths start with (see <see cref="DisplayPaths"/>).</param>
    public TerraformModuleLoader(string root, string displayRoot = "")
    {
        _root = Path.GetFullPath(root);
        DisplayRoot = displayRoot;
        Boundary = new ScanRoot(_root);
    }

    public string Root => _root;

    /// <summary>The root as reported: what every reported path of this loader starts with ("" for the current directory).</summary>
    public string DisplayRoot { get; }

    /// <summary>What may be read: files whose resolved path is inside the scanned root.</summary>
    public ScanRoot Boundary { get; }

    public static bool IsConfigurationFile(string name) =>
        name.EndsWith(".tf", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".tf.json", StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether the directory is inside the root, also once symlinks are resolved (a module source may not leave it).</summary>
    public bool IsInsideRoot(string directory)
    {
        var relative = Path.GetRelativePath(_root, Path.GetFullPath(directory));
        return !relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative) && Boundary.Contains(directory);
    }

    /// <summary>A path under the root as reports show it: the display root joined with the path relative to the root.</summary>
    public string Relative(string fullPath) =>
        DisplayPaths.Join(DisplayRoot, Path.GetRelativePath(_root, fullPath).Replace('\\', '/'));

    /// <summary>The module in a directory: its configuration files as discovered, or (for a called module) as found on disk.</summary>
    public TerraformModule Load(string directory, IReadOnlyList<string>? files = null) =>
        _modules.GetOrAdd(Path.GetFullPath(directory), d => new Lazy<TerraformModule>(() => Parse(d, files))).Value;

    /// <summary>The modules terraform init installed for a root module directory (read once).</summary>
    public ImmutableDictionary<string, string> Manifest(string rootDirectory) =>
        _manifests.GetOrAdd(Path.GetFullPath(rootDirectory), d => new Lazy<ImmutableDictionary<string, string>>(() => TerraformModuleManifest.Read(this, d))).Value;

    private TerraformModule Parse(string directory, IReadOnlyList<string>? files)
    {
        files ??= Directory.Exists(directory)
            ? [.. Directory.EnumerateFiles(directory).Where(f => IsConfigurationFile(Path.GetFileName(f))).Order(StringComparer.Ordinal)]
            : [];
        var blocks = ImmutableArray.CreateBuilder<HclBlock>();
        var read = ImmutableArray.CreateBuilder<ModuleFile>();
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        foreach (var file in files)
        {
            var relative = Relative(file);
            if (!Boundary.TryRead(file, TerraformFileSystem.MaxBytes * 4, out var bytes, out var refusal))
            {
                diagnostics.Add(Diagnostic.Skipped(SourceSpan.FileOnly(relative), $"not read: {refusal}"));
                continue;
            }

            read.Add(new ModuleFile(relative, bytes));
            var parsed = file.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
                ? TerraformJsonSyntax.Parse(relative, bytes)
                : HclParser.Parse(relative, Encoding.UTF8.GetString(bytes));
            blocks.AddRange(parsed.Body.Blocks);
            diagnostics.AddRange(parsed.Diagnostics);
        }

        var relativeDirectory = Relative(directory);
        return new TerraformModule(directory, relativeDirectory.Length == 0 ? "." : relativeDirectory, blocks.ToImmutable(), read.ToImmutable(), diagnostics.ToImmutable());
    }
}
