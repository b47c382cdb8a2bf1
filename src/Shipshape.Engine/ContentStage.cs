using System.Collections.Immutable;
using System.Globalization;
using Shipshape.Core;
using Shipshape.Engine.Configuration;
using Shipshape.Secrets;
using Shipshape.Secrets.Config;
using Shipshape.Secrets.Detection;
using Shipshape.Secrets.Git;
using Shipshape.Secrets.Sources;

namespace Shipshape.Engine;

/// <summary>
/// The secrets scanner's part of a scan: the compiled engine (built-in rules, or a gitleaks configuration),
/// .gitleaksignore, and the sources beyond the tree: standard input and git history.
/// </summary>
internal sealed class ContentStage
{
    private readonly GitleaksIgnore _ignore;

    private ContentStage(ContentScanner scanner, GitleaksIgnore ignore)
    {
        Scanner = scanner;
        _ignore = ignore;
    }

    public ContentScanner Scanner { get; }

    /// <exception cref="ConfigException">The gitleaks configuration is missing or invalid.</exception>
    public static ContentStage Create(ScanOptions options)
    {
        var root = options.Paths.FirstOrDefault(p => p != "-") ?? ".";
        var rootDir = Directory.Exists(root) ? root : null;
        SecretEngine engine;
        try
        {
            if (options.GitleaksConfigPath is { } explicitPath)
            {
                engine = File.Exists(explicitPath)
                    ? SecretEngine.Create(GitleaksConfigLoader.Load(explicitPath))
                    : throw new ConfigException($"gitleaks configuration not found: {explicitPath}");
            }
            else if (rootDir is not null && File.Exists(Path.Combine(rootDir, GitleaksConfigLoader.DefaultFileName)))
            {
                engine = SecretEngine.Create(GitleaksConfigLoader.Load(Path.Combine(rootDir, GitleaksConfigLoader.DefaultFileName)));
            }
            else
            {
                engine = SecretEngine.Default;
            }
        }
        catch (SecretConfigException ex)
        {
            throw new ConfigException(ex.Message);
        }

        var ignorePath = rootDir is null ? null : Path.Combine(rootDir, GitleaksIgnore.FileName);
        var ignore = ignorePath is not null && File.Exists(ignorePath) ? GitleaksIgnore.Parse(File.ReadAllText(ignorePath)) : GitleaksIgnore.Empty;
        return new ContentStage(new ContentScanner(engine), ignore);
    }

    public ContentScanResult Scan(string path, ReadOnlySpan<byte> content) => _ignore.Filter(path, Scanner.Scan(path, content));

    /// <summary>
    /// Every commit of the repository at the first path: what each introduced, once, as outcomes with their commit;
    /// what could not be read (corrupt or missing objects, capped blobs, a repository outside the root) comes as
    /// diagnostics on <c>&lt;git-history&gt;</c>, in a last outcome, and the rest is still scanned.
    /// </summary>
    /// <exception cref="ConfigException">The path is not in a git repository at all.</exception>
    public (IEnumerable<FileOutcome> Outcomes, Diagnostic Summary) ReadHistory(ScanOptions options, long maxBlobBytes, CancellationToken cancellationToken)
    {
        var root = options.Paths.FirstOrDefault(p => p != "-") ?? ".";
        GitHistoryResult result;
        var started = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            result = new GitHistoryScanner(Scanner, maxBlobBytes, options.GitFollowExternal).Scan(root, cancellationToken);
        }
        catch (GitFormatException ex)
        {
            throw new ConfigException($"--git-history: {ex.Message}");
        }

        var outcomes = result.Files.Select(f => new FileOutcome(f.Path, false, [], [], []) { Content = _ignore.Filter(f.Path, f.Content) })
            .Append(new FileOutcome(GitHistoryScanner.Location, false, [], result.Diagnostics, []));
        var summary = Diagnostic.Info(SourceSpan.FileOnly(GitHistoryScanner.Location), string.Create(CultureInfo.InvariantCulture,
            $"git history: {result.Commits} commits, {result.BlobsScanned} file versions, {result.BytesScanned / 1048576.0:0.0} MiB scanned in {started.Elapsed.TotalSeconds:0.00} s"));
        return (outcomes, summary);
    }

    /// <summary>An archive as a virtual tree: every text file inside it scanned as a member outcome.</summary>
    public FileOutcome ReadArchive(string path, byte[] bytes, long maxEntryBytes)
    {
        var diagnostics = new List<Diagnostic>();
        // Members come one at a time and only those with hits are kept, so an archive's text is never all in memory at once.
        var members = new ArchiveReader(maxEntryBytes).Read(path, bytes, diagnostics)
            .Select(e => new FileOutcome(e.Path, true, [], [], []) { Content = Scan(e.Path, e.Content) })
            .Where(o => !o.Content.IsEmpty)
            .ToImmutableArray();
        return new FileOutcome(path, true, [], [.. diagnostics], []) { Members = members };
    }

}
