using System.Collections.Immutable;
using System.Globalization;
using Shipshape.Core;
using Shipshape.Engine.Configuration;
using Shipshape.Ingest.Discovery;
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

    /// <summary>Warnings about the configuration itself (a gitleaks configuration with no rules).</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; private init; } = [];

    /// <exception cref="ConfigException">The gitleaks configuration is missing, invalid, or leads outside the scanned root.</exception>
    public static ContentStage Create(ScanOptions options)
    {
        var root = options.Paths.FirstOrDefault(p => p != "-") ?? ".";
        var rootDir = Directory.Exists(root) ? root : null;
        SecretEngine engine;
        string? configPath = null;
        try
        {
            if (options.GitleaksConfigPath is { } explicitPath)
            {
                // Named by the user, so it may be anywhere; still only a regular file of sensible size.
                configPath = explicitPath;
                engine = File.Exists(explicitPath)
                    ? SecretEngine.Create(GitleaksConfigLoader.Load(explicitPath, p => ConfigFiles.ReadText(p, boundary: null)))
                    : throw new ConfigException($"gitleaks configuration not found: {explicitPath}");
            }
            else if (rootDir is not null && ConfigFiles.Find(rootDir, GitleaksConfigLoader.DefaultFileName) is { } found)
            {
                // Found in the scanned tree: neither it nor its [extend] path may lead out of the tree.
                configPath = found;
                var boundary = new ScanRoot(rootDir);
                engine = SecretEngine.Create(GitleaksConfigLoader.Load(found, p => ConfigFiles.ReadText(p, boundary)));
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

        var ignorePath = rootDir is null ? null : ConfigFiles.Find(rootDir, GitleaksIgnore.FileName);
        var ignore = ignorePath is not null ? GitleaksIgnore.Parse(ConfigFiles.ReadText(ignorePath, new ScanRoot(rootDir!))) : GitleaksIgnore.Empty;
        var diagnostics = engine.RuleCount == 0 && configPath is not null
            ? [Diagnostic.Warning(SourceSpan.FileOnly(configPath), "this gitleaks configuration defines no rules and does not extend the defaults ([extend] useDefault = true): the secrets scanner checks nothing")]
            : ImmutableArray<Diagnostic>.Empty;
        return new ContentStage(new ContentScanner(engine), ignore) { Diagnostics = diagnostics };
    }

    public ContentScanResult Scan(string path, ReadOnlySpan<byte> content, CancellationToken cancellationToken = default) =>
        _ignore.Filter(path, Scanner.Scan(path, content, cancellationToken: cancellationToken));

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
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The scan's time limit (--timeout) ran out in the history: what the tree showed is still reported.
            var stopped = Diagnostic.Skipped(SourceSpan.FileOnly(GitHistoryScanner.Location), "git history not checked: the scan's time limit (--timeout) ran out while reading it");
            return ([new FileOutcome(GitHistoryScanner.Location, false, [], [stopped], [])], Diagnostic.Info(SourceSpan.FileOnly(GitHistoryScanner.Location), "git history: stopped by the scan's time limit"));
        }

        // History paths are the repository's; reports show them under the scanned path as given, like the tree's files.
        var prefix = DisplayPaths.Prefix(root);
        var outcomes = result.Files.Select(f => new FileOutcome(DisplayPaths.Join(prefix, f.Path), false, [], [], []) { Content = _ignore.Filter(f.Path, f.Content) })
            .Append(new FileOutcome(GitHistoryScanner.Location, false, [], result.Diagnostics, []));
        // The report says what was read; how long it took goes to the progress output, so two scans give the same report.
        var summary = Diagnostic.Info(SourceSpan.FileOnly(GitHistoryScanner.Location), string.Create(CultureInfo.InvariantCulture,
            $"git history: {result.Commits} commits, {result.BlobsScanned} file versions, {result.BytesScanned / 1048576.0:0.0} MiB scanned"));
        options.Progress?.Invoke(string.Create(CultureInfo.InvariantCulture, $"git history: {result.BytesScanned / 1048576.0:0.0} MiB of file versions scanned in {started.Elapsed.TotalSeconds:0.00} s"));
        return (outcomes, summary);
    }

    /// <summary>An archive as a virtual tree: every text file inside it scanned as a member outcome.</summary>
    /// <param name="cancellationToken">The archive's deadline: when it passes, the members not yet read are reported as not checked.</param>
    /// <param name="maxHits">Hits kept for the whole archive (the scan's per-file cap): members found after that are counted, not kept.</param>
    public FileOutcome ReadArchive(string path, byte[] bytes, long maxEntryBytes, int maxHits, CancellationToken cancellationToken = default)
    {
        var diagnostics = new List<Diagnostic>();
        var members = ImmutableArray.CreateBuilder<FileOutcome>();
        var kept = 0;
        var notKept = 0;
        try
        {
            // Members come one at a time and only those with hits are kept, so an archive's text is never all in memory at once.
            foreach (var entry in new ArchiveReader(maxEntryBytes).Read(path, bytes, diagnostics, cancellationToken))
            {
                var found = Scan(entry.Path, entry.Content, cancellationToken);
                diagnostics.AddRange(found.Incomplete.Select(note => Diagnostic.Partial(SourceSpan.FileOnly(entry.Path), "not fully checked: " + note)));
                var hits = found.Secrets.Length + found.Cards.Length;
                if (hits > 0 && kept >= maxHits)
                {
                    notKept += hits;
                }
                else if (!found.IsEmpty)
                {
                    kept += hits;
                    members.Add(new FileOutcome(entry.Path, true, [], [], []) { Content = found });
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            diagnostics.Add(Diagnostic.Partial(SourceSpan.FileOnly(path), "archive not fully checked: reading it took longer than the per-file time limit (--file-timeout); the members after that were not read"));
        }

        if (notKept > 0)
        {
            diagnostics.Add(Diagnostic.Partial(SourceSpan.FileOnly(path), string.Create(CultureInfo.InvariantCulture,
                $"{notKept} findings in later members of the archive were not reported: at most {maxHits} findings are kept per file")));
        }

        return new FileOutcome(path, true, [], [.. diagnostics], []) { Members = members.ToImmutable() };
    }

}
