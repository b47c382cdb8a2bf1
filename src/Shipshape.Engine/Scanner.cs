using System.Collections.Immutable;
using System.Globalization;
using Microsoft.Extensions.FileSystemGlobbing;
using Shipshape.Core;
using Shipshape.Core.Model;
using Shipshape.Engine.Baselines;
using Shipshape.Engine.Configuration;
using Shipshape.Engine.Suppressions;
using Shipshape.Images;
using Shipshape.Images.Inventory;
using Shipshape.Core.Inventory;
using Shipshape.Ingest.CloudFormation;
using Shipshape.Ingest.Discovery;
using Shipshape.Rules;
using Shipshape.Secrets;
using Shipshape.Secrets.Detection;
using Shipshape.Secrets.Sources;

namespace Shipshape.Engine;

/// <summary>The pipeline from options to report: configuration, discovery, parsing, rules, suppressions, baseline, order.</summary>
public sealed class Scanner
{
    public const string ToolVersion = "0.1.0";

    /// <summary>The path "-" names standard input; findings in it are reported under this name.</summary>
    public const string StandardInputPath = "-";
    public const string StandardInputName = "<stdin>";

    private readonly RuleCatalog _catalog;
    private readonly InputReader? _fixedInputReader;

    /// <param name="inputReader">The readers to use; by default every supported format, configured from the scan options.</param>
    public Scanner(RuleCatalog catalog, InputReader? inputReader = null)
    {
        _catalog = catalog;
        _fixedInputReader = inputReader;
    }

    /// <summary>Scans; throws <see cref="ConfigException"/> for usage and configuration errors (nothing scanned).</summary>
    public ScanReport Scan(ScanOptions options, CancellationToken cancellationToken = default)
    {
        var readStdin = options.Paths.Contains(StandardInputPath, StringComparer.Ordinal);
        if (readStdin && options.StandardInput is null)
        {
            throw new ConfigException("'-' (standard input) is not available here");
        }

        foreach (var path in options.Paths.Where(p => p != StandardInputPath))
        {
            if (!File.Exists(path) && !Directory.Exists(path))
            {
                throw new ConfigException($"no such file or directory: {path}");
            }
        }

        if (options.SourceRoot is { } sourceRoot && !Directory.Exists(sourceRoot))
        {
            throw new ConfigException($"--source-root: no such directory: {sourceRoot}");
        }

        foreach (var path in options.VariableFiles.Where(p => !File.Exists(p)))
        {
            throw new ConfigException($"--var-file: no such file: {path}");
        }

        var config = LoadConfig(options);

        // The command line wins; what it leaves open, the configuration decides (its keys mirror the options).
        options = options with
        {
            FileTimeout = options.FileTimeout ?? config.FileTimeout,
            Severities = options.Severities.IsEmpty ? config.Severities : options.Severities,
            Scanners = options.Scanners.IsEmpty ? config.Scanners : options.Scanners,
        };
        var rules = SelectRules(options, config);
        rules = [.. rules.Where(r => ScannerNames.Selects(options.Scanners, r, _catalog.Get(r.Id)))];
        var content = rules.Any(r => r is IContentRule) ? ContentStage.Create(options) : null;
        var modelRules = rules.Any(r => r is not IContentRule);
        var baseline = options.BaselinePath is null ? null : Baseline.Load(options.BaselinePath);
        var failOn = options.FailOn ?? config.FailOn ?? Severity.High;

        var maxFileBytes = options.MaxFileBytes ?? config.MaxFileBytes ?? DiscoveryOptions.DefaultMaxFileBytes;

        // The readers below see the effective limit, whether it came from the command line or the configuration.
        options = options with { MaxFileBytes = maxFileBytes };
        var roots = options.Paths.Where(p => p != StandardInputPath).ToImmutableArray();
        var readImages = ScannerNames.ReadsImages(options.Scanners);
        var discovery = roots.IsEmpty
            ? new DiscoveryResult { Files = [], Diagnostics = [] }
            : FileDiscovery.Discover(new DiscoveryOptions
            {
                Roots = roots,
                MaxFileBytes = maxFileBytes,
                ExtraIgnorePatterns = [.. config.ExcludePaths, .. options.SkipPaths],
                KeepBinary = content is null ? null : (p, head) => ArchiveReader.IsArchiveName(p) || ArchiveReader.IsArchive(head) || content.Scanner.Engine.ReportsByPath(p),
                IsImageDirectory = readImages ? ImageDetector.IsImageDirectory : null,
                IsImageFile = readImages ? ImageDetector.IsImageFile : null,
            });
        if (!options.Scanners.IsEmpty && options.Scanners.All(s => string.Equals(s, ScannerNames.Image, StringComparison.OrdinalIgnoreCase)))
        {
            // --scanners image alone: the images, not the files around them.
            discovery = discovery with { Files = [] };
        }

        if (options.RequireImages)
        {
            foreach (var root in roots.Where(r => !discovery.Images.Any(i => string.Equals(i.FullPath, Path.TrimEndingDirectorySeparator(Path.GetFullPath(r)), StringComparison.Ordinal))))
            {
                throw new ConfigException($"not a container image: {root} (expected a docker-save archive or an OCI image layout, as a directory, .tar, .tar.gz or .tar.zst)");
            }
        }

        var inputReader = _fixedInputReader ?? InputReader.CreateDefault(new CloudFormationOptions { Parameters = options.CloudFormationParameters });
        options.Progress?.Invoke(readStdin ? $"Scanning {discovery.Files.Length} files and standard input" : $"Scanning {discovery.Files.Length} files");

        // The scan's deadline: files not reached by then are reported as not checked, and the report is still written.
        using var scanDeadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (options.ScanTimeout is { } scanTimeout)
        {
            scanDeadline.CancelAfter(scanTimeout);
        }

        var scanToken = scanDeadline.Token;

        // Directory-level formats (Terraform modules) read their files together; the secrets scanner still sees each file.
        var (moduleOutcomes, remaining) = modelRules
            ? inputReader.ReadModules(discovery.Files, options, scanToken)
            : ([], discovery.Files);
        var claimed = discovery.Files.Except(remaining, ReferenceEqualityComparer.Instance).ToHashSet(ReferenceEqualityComparer.Instance);
        var files = discovery.Files;
        var outcomes = new FileOutcome[files.Length];
        var done = 0;
        Parallel.For(0, files.Length, i =>
        {
            outcomes[i] = ReadFile(inputReader, files[i], content, options, modelRules && !claimed.Contains(files[i]), scanToken);
            var n = Interlocked.Increment(ref done);
            options.FileProgress?.Invoke(n, files.Length);
        });

        // Images stream their layers (large, read once each); one at a time keeps memory to one layer's file.
        var imageOutcomes = discovery.Images.Select(image => ReadImage(image, content, options, maxFileBytes, scanToken)).ToList();
        outcomes = [.. moduleOutcomes, .. outcomes, .. imageOutcomes];
        if (readStdin)
        {
            outcomes = [.. outcomes, ReadStandardInput(inputReader, options, maxFileBytes, content, modelRules, scanToken)];
        }

        var diagnostics = discovery.Diagnostics.ToBuilder();
        if (UnusedConfigHere(options) is { } unused)
        {
            diagnostics.Add(unused);
        }

        if (discovery.SkippedIgnored > 0)
        {
            // Ignore files come with the tree being scanned: what they leave out is said, so it cannot hide silently.
            diagnostics.Add(Diagnostic.Info(SourceSpan.FileOnly("<discovery>"), string.Create(CultureInfo.InvariantCulture,
                $"{discovery.SkippedIgnored} files and directories were left out by .gitignore, .shipshapeignore or exclude patterns")));
        }

        if (content is not null && discovery.SkippedBinary > 0)
        {
            // Binary files are recognised by their bytes, not their names; saying how many keeps the skip visible.
            diagnostics.Add(Diagnostic.Info(SourceSpan.FileOnly("<discovery>"), string.Create(CultureInfo.InvariantCulture,
                $"{discovery.SkippedBinary} binary files (NUL bytes or mostly non-text bytes: shared objects, compiled files, images) were not searched for secrets; archives and key stores are opened")));
        }

        diagnostics.AddRange(content?.Diagnostics ?? []);
        if (options.GitHistory && content is not null)
        {
            var (history, summary) = content.ReadHistory(options, options.MaxFileBytes ?? config.MaxFileBytes ?? DiscoveryOptions.DefaultMaxFileBytes, scanToken);
            outcomes = [.. outcomes, .. history];
            diagnostics.Add(summary);
        }

        var resources = ImmutableArray.CreateBuilder<Resource>();
        var suppressionsByPath = new Dictionary<string, ImmutableArray<InlineSuppression>>(StringComparer.Ordinal);
        foreach (var outcome in outcomes)
        {
            resources.AddRange(outcome.Resources);
            diagnostics.AddRange(outcome.Diagnostics);
            if (!outcome.Suppressions.IsEmpty)
            {
                suppressionsByPath[outcome.Path] = outcome.Suppressions;
            }
        }

        var model = new ModelSet(resources.ToImmutable());
        var context = new RuleContext
        {
            TrustedRegistries = !options.TrustedRegistries.IsEmpty ? options.TrustedRegistries
                : !config.TrustedRegistries.IsEmpty ? config.TrustedRegistries
                : RuleContext.DefaultTrustedRegistries,
            IamCatalog = options.IamCatalog ?? RuleContext.Default.IamCatalog,
            Today = options.Today,
            MaxImageAgeDays = options.MaxImageAgeDays ?? config.MaxImageAgeDays ?? RuleContext.DefaultMaxImageAgeDays,
        };

        foreach (var expired in config.Ignores.Where(i => i.Expires is { } e && e < options.Today))
        {
            diagnostics.Add(Diagnostic.Warning(
                new SourceSpan(ConfigDisplayPath(options), expired.Line, 0, expired.Line, 0),
                $"ignore entry for {expired.Rule} expired on {expired.Expires:yyyy-MM-dd}; its findings count again"));
        }

        // Expired entries no longer apply; each glob is compiled once for the whole scan.
        var ignores = config.Ignores.Where(i => i.Expires is not { } e || e >= options.Today)
            .Select(i => (Entry: i, Paths: i.PathGlob is null ? null : Glob(i.PathGlob)))
            .ToImmutableArray();
        var source = new SourceRoot(FindSourceRoot(options.SourceRoot), Directory.GetCurrentDirectory());
        // The prefixes discovery gave the files, longest first.
        var displayRoots = discovery.Files.Select(f => f.DisplayRoot)
            .Where(r => r.Length > 0).Distinct(StringComparer.Ordinal).OrderByDescending(r => r.Length).ToImmutableArray();

        // Fingerprints use the path relative to the repository root, so they do not change with where the scan
        // started; a file outside the repository falls back to its path under the scanned root.
        string StablePath(string path) => source.Relative(path) ?? RootRelative(path, displayRoots);
        var findings = ImmutableArray.CreateBuilder<Finding>();
        var findingsPerPath = new Dictionary<string, int>(StringComparer.Ordinal);
        var droppedOverall = 0L;
        var records = new EvaluationRecorder();
        void Add(IRule rule, RuleHit hit)
        {
            options.ObserveHit?.Invoke(rule.Id, hit.Resource);

            // A rule that could not decide (an unresolved value) reports no finding; the resource is unresolved for it.
            if (hit.Undecided)
            {
                records.Undecided(rule.Id, hit.Resource);
                return;
            }

            // A failure another rule's finding reports: failed in the records, no second finding.
            if (hit.CoveredBy is { } coveredBy)
            {
                records.Covered(rule.Id, hit.Resource, coveredBy);
                return;
            }

            // The evaluation records see every hit, before caps and filters: a capped or filtered finding still failed.
            records.Hit(rule.Id, hit.Resource);

            // A generated file with a million secrets would exhaust memory and bury the report; the rest is counted.
            // An archive is one input: its members share its cap ("a.zip!x/y" counts for "a.zip").
            var path = hit.Location.Path;
            var bang = path.IndexOf('!', StringComparison.Ordinal);
            var input = bang > 0 ? path[..bang] : path;
            var count = findingsPerPath[input] = findingsPerPath.GetValueOrDefault(input) + 1;
            if (count > options.MaxFindingsPerFile)
            {
                return;
            }

            if (findings.Count >= options.MaxFindings)
            {
                droppedOverall++;
                return;
            }

            var metadata = _catalog.Get(rule.Id);
            var severity = config.SeverityOverrides.TryGetValue(rule.Id, out var overridden) ? overridden : metadata.Severity;
            if (!options.Severities.IsEmpty && !options.Severities.Contains(severity))
            {
                return;
            }

            var equivalents = hit.NotEquivalents.Count == 0 ? metadata.Equivalents : [.. metadata.Equivalents.Where(e => !hit.NotEquivalents.Contains(e))];
            var fingerprint = Fingerprints.Compute(rule.Id, StablePath(hit.Location.Path), hit.Resource.Address, hit.PropertyPath, hit.FingerprintKey,
                hit.Resource.Module?.RootDirectory is { } moduleRoot ? StablePath(moduleRoot) : null);
            var finding = new Finding
            {
                RuleId = rule.Id,
                Title = metadata.Title,
                Severity = severity,
                Practice = metadata.Practice,
                Message = hit.Message,
                Location = hit.Location,
                Resource = new ResourceRef(hit.Resource.Address, hit.Resource.Kind, hit.PropertyPath, hit.Resource.DisplayName, hit.Resource.Module),
                Equivalents = equivalents,
                Fingerprint = fingerprint,
            };
            findings.Add(finding with
            {
                Suppression = (hit.AllowedBy is { } allowedBy && (options.ForeignSuppressions ?? config.ForeignSuppressions ?? true) ? new Suppression(SuppressionKind.Inline, allowedBy) : null)
                    ?? Inline(rule.Id, equivalents, hit, suppressionsByPath, options.ForeignSuppressions ?? config.ForeignSuppressions ?? true, options.Today) ?? Declared(rule.Id, equivalents, hit, options.ForeignSuppressions ?? config.ForeignSuppressions ?? true) ?? Configured(finding, ignores, [RootRelative(finding.Location.Path, displayRoots), source.Relative(finding.Location.Path)])
                    ?? (baseline?.Contains(fingerprint) == true ? new Suppression(SuppressionKind.Baseline, "in baseline") : null),
            });
        }

        var notRun = new List<string>();
        foreach (var rule in rules)
        {
            // Content rules report from what was read (below); only model rules can be left unrun by the time limit.
            if (scanToken.IsCancellationRequested && rule is not IContentRule)
            {
                notRun.Add(rule.Id);
                records.Unfinished(rule.Id);
                continue;
            }

            // Hits are taken one at a time, so the caps apply before millions of them exist at once.
            try
            {
                var n = 0;
                foreach (var hit in rule.Evaluate(model, context))
                {
                    Add(rule, hit);
                    if ((++n & 0xFFF) == 0 && scanToken.IsCancellationRequested)
                    {
                        diagnostics.Add(Diagnostic.Partial(SourceSpan.FileOnly("<engine>"), $"rule {rule.Id} was stopped by the scan's time limit (--timeout); its findings so far are reported"));
                        records.Unfinished(rule.Id);
                        break;
                    }
                }
            }
#pragma warning disable CA1031 // One failing rule must not lose the rest of the scan; it is reported, and counts as a check not done.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                records.Unfinished(rule.Id);
                diagnostics.Add(Diagnostic.Error(SourceSpan.FileOnly("<engine>"), $"rule {rule.Id} failed ({ex.GetType().Name}: {ex.Message}); what it had not checked yet is not reported, please report it") with { Incomplete = IncompleteKind.Partial });
            }
        }

        if (notRun.Count > 0)
        {
            diagnostics.Add(Diagnostic.Skipped(SourceSpan.FileOnly("<engine>"), $"the scan's time limit (--timeout) ran out before these rules ran: {string.Join(", ", notRun)}"));
        }

        AddContentFindings(rules, outcomes, findings, Add);
        if (droppedOverall > 0)
        {
            diagnostics.Add(Diagnostic.Partial(SourceSpan.FileOnly("<engine>"), string.Create(CultureInfo.InvariantCulture,
                $"{droppedOverall} findings were not reported: at most {options.MaxFindings} findings are kept per scan")));
        }

        foreach (var (path, count) in findingsPerPath.Where(p => p.Value > options.MaxFindingsPerFile))
        {
            diagnostics.Add(Diagnostic.Partial(SourceSpan.FileOnly(path), string.Create(CultureInfo.InvariantCulture,
                $"{count - options.MaxFindingsPerFile} of its {count} findings were not reported: at most {options.MaxFindingsPerFile} findings are kept per file")));
        }

        var sourceInventory = options.ReadLockfiles ? SourceInventory(roots, discovery.Files, maxFileBytes, diagnostics) : [];
        var ruleMetadata = rules.ToImmutableSortedDictionary(r => r.Id, r => _catalog.Get(r.Id), StringComparer.Ordinal);

        // Content rules evaluate files: every file of the working tree (and archive member) the secrets scanner read.
        // Listed once (a Distinct enumerated twice built its set twice, on the one thread after the scan).
        List<Resource> scannedFiles = content is null ? [] : [.. outcomes.SelectMany(WithMembers)
            .Where(o => o.Scanned && o.Content.Commit is null).Select(o => o.Path).Distinct(StringComparer.Ordinal).Select(SourceFile.At)];
        var (checks, checkedByPractice) = records.Build(ruleMetadata.Values, [.. model.Resources, .. scannedFiles],
            diagnostics.Where(d => d.Incomplete is not null || d.Severity == DiagnosticSeverity.Error));

        // Whatever reached a message, an address or a diagnostic, a secret in it is printed redacted by every writer.
        var redactor = new ReportRedactor(content is null || content.Scanner.Engine == SecretEngine.Default
            ? [SecretEngine.Default]
            : [SecretEngine.Default, content.Scanner.Engine]);
        var redactedFindings = findings.AsParallel().AsOrdered().Select(redactor.Redact).ToList();
        var redactedDiagnostics = diagnostics.Select(redactor.Redact).ToList();
        return new ScanReport
        {
            ToolVersion = ToolVersion,
            Findings = [.. redactedFindings.OrderBy(f => f.Location.Path, StringComparer.Ordinal)
                .ThenBy(f => f.Location.StartLine)
                .ThenBy(f => f.RuleId, StringComparer.Ordinal)
                .ThenBy(f => f.Resource.Address, StringComparer.Ordinal)
                .ThenBy(f => f.Resource.Path, StringComparer.Ordinal)
                .ThenBy(f => f.Resource.Module?.RootDirectory, StringComparer.Ordinal)
                .ThenBy(f => f.Fingerprint, StringComparer.Ordinal)],
            Diagnostics = [.. redactedDiagnostics.OrderBy(d => d.Location.Path, StringComparer.Ordinal)
                .ThenBy(d => d.Location.StartLine)
                .ThenBy(d => d.Message, StringComparer.Ordinal)],
            Rules = ruleMetadata,
            Checks = [.. checks.Select(redactor.Redact)],
            CheckedByPractice = checkedByPractice,
            FilesScanned = outcomes.Where(o => o.Scanned).Select(o => o.Path).Distinct(StringComparer.Ordinal).Count(),
            Resources = model.Resources.Length,
            FailOn = failOn,
            SoftFail = options.SoftFail ?? config.SoftFail ?? false,
            FailOnIncomplete = options.FailOnIncomplete ?? config.FailOnIncomplete ?? false,
            Source = source,
            Inventories = [.. model.Resources.OfType<ContainerImage>().Select(i => i.Inventory).OfType<SoftwareInventory>(), .. sourceInventory],
        };
    }

    /// <summary>The packages the scanned tree's lockfiles pin, as one inventory named after the first scanned path; none without lockfiles.</summary>
    private static List<SoftwareInventory> SourceInventory(ImmutableArray<string> roots, ImmutableArray<DiscoveredFile> files, long maxFileBytes, ImmutableArray<Diagnostic>.Builder diagnostics)
    {
        var lockfiles = new List<InventoryFile>();
        foreach (var file in files.Where(f => InventoryBuilder.IsLockfile(f.RelativePath)))
        {
            try
            {
                lockfiles.Add(new InventoryFile(file.RelativePath, file.DisplayPath, file.ReadBytes(maxFileBytes)));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Unreadable now: the file's own read already reported it.
            }
        }

        if (lockfiles.Count == 0)
        {
            return [];
        }

        var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(roots.FirstOrDefault() ?? ".")));
        var (inventory, problems) = InventoryBuilder.FromLockfiles(name.Length == 0 ? "source" : name, lockfiles);
        diagnostics.AddRange(problems.Select(p => Diagnostic.Info(SourceSpan.FileOnly(p.Location), p.Message)));
        return [inventory];
    }

    /// <summary>A reported path with the scanned path it came under taken off (the longest that matches).</summary>
    private static string RootRelative(string path, ImmutableArray<string> displayRoots)
    {
        foreach (var root in displayRoots)
        {
            if (path.Length > root.Length && path.StartsWith(root, StringComparison.Ordinal) && (path[root.Length] == '/' || root.EndsWith('/')))
            {
                return path[(root.Length + (root.EndsWith('/') ? 0 : 1))..];
            }
        }

        return path;
    }

    /// <summary>
    /// The repository root: the one given, else the nearest directory from the working directory up that holds
    /// <c>.git</c> (a directory, or a file in a worktree; only its existence is looked at), else the working directory.
    /// </summary>
    private static string FindSourceRoot(string? given)
    {
        if (given is not null)
        {
            return Path.TrimEndingDirectorySeparator(Path.GetFullPath(given));
        }

        var cwd = Directory.GetCurrentDirectory();
        for (var d = new DirectoryInfo(cwd); d is not null; d = d.Parent)
        {
            var dotGit = Path.Join(d.FullName, ".git");
            if (Directory.Exists(dotGit) || File.Exists(dotGit))
            {
                return Path.TrimEndingDirectorySeparator(d.FullName);
            }
        }

        return Path.TrimEndingDirectorySeparator(cwd);
    }

    // Content rules see every scanned file; a value a model rule of the secrets practice already reported on
    // that line (an environment variable, say) is not reported twice.
    private static void AddContentFindings(ImmutableArray<IRule> rules, FileOutcome[] outcomes, ImmutableArray<Finding>.Builder findings, Action<IRule, RuleHit> add)
    {
        var contentRules = rules.OfType<IContentRule>().ToList();
        if (contentRules.Count == 0)
        {
            return;
        }

        var reported = findings.Where(f => f.Practice == Practice.Secrets).Select(f => (f.Location.Path, f.Location.StartLine)).ToHashSet();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var outcome in outcomes.SelectMany(WithMembers).Where(o => !o.Content.IsEmpty))
        {
            var file = SourceFile.At(outcome.Path);
            foreach (var rule in contentRules)
            {
                foreach (var hit in rule.Evaluate(file, outcome.Content))
                {
                    // History repeats what the tree shows: one finding per rule, file and secret, the tree's first.
                    var key = $"{rule.Id}\0{hit.Location.Path}\0{hit.FingerprintKey}";
                    if (reported.Contains((hit.Location.Path, hit.Location.StartLine)) || (outcome.Content.Commit is not null && !seen.Add(key)))
                    {
                        continue;
                    }

                    if (outcome.Content.Commit is null)
                    {
                        seen.Add(key);
                    }

                    add(rule, hit);
                }
            }
        }
    }

    /// <summary>A file's outcome, then its archive members' (without an array built per file).</summary>
    private static IEnumerable<FileOutcome> WithMembers(FileOutcome outcome)
    {
        yield return outcome;
        foreach (var member in outcome.Members)
        {
            yield return member;
        }
    }

    private static FileOutcome ReadFile(InputReader inputReader, DiscoveredFile file, ContentStage? content, ScanOptions options, bool modelRules, CancellationToken scanToken)
    {
        // Parsing into the model is wasted work when only content rules run (--scanners secrets).
        var accepted = modelRules && inputReader.Accepts(file.DisplayPath, file.Format);
        if (!accepted && content is null)
        {
            return new FileOutcome(file.DisplayPath, false, [], [], []);
        }

        if (scanToken.IsCancellationRequested)
        {
            return NotChecked(file.DisplayPath, ScanDeadlineMessage(options));
        }

        byte[] bytes;
        try
        {
            // A small file the format probe read whole is not opened again.
            bytes = file.ReadBytes(options.MaxFileBytes ?? DiscoveryOptions.DefaultMaxFileBytes);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return NotChecked(file.DisplayPath, $"cannot read file: {ex.Message}");
        }

        // Archives are known by their bytes (a zip, gzip or tar under any name) or, to say why a damaged one was not read, by name.
        if (file.Format == InputFormat.Binary && content is not null && !ArchiveReader.IsArchiveName(file.DisplayPath) && !ArchiveReader.IsArchive(bytes))
        {
            // A key store kept for its name: the rules that report files by path see it, its bytes are not text.
            var byPath = content.Scan(file.RelativePath, [], scanToken);
            return new FileOutcome(file.DisplayPath, true, [], [], []) { Content = byPath };
        }

        if (file.Format == InputFormat.Binary && content is not null)
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(scanToken);
            deadline.CancelAfter(options.EffectiveFileTimeout);
            return content.ReadArchive(file.DisplayPath, bytes, options.MaxFileBytes ?? DiscoveryOptions.DefaultMaxFileBytes, options.MaxFindingsPerFile, deadline.Token);
        }

        return ReadBytes(inputReader, file.DisplayPath, file.Format, bytes, content, accepted, options, scanToken, file.RelativePath);
    }

    /// <summary>
    /// One file's bytes into the model (when a reader accepts it) and through the secrets scanner (when it runs), each
    /// within the file's deadline: a part that runs out of time is reported as not checked and the scan goes on.
    /// </summary>
    // The secrets scanner matches gitleaks allowlists and .gitleaksignore entries against the path under the scanned
    // root (as gitleaks does); the outcome carries the reported path.
    private static FileOutcome ReadBytes(InputReader inputReader, string path, InputFormat format, byte[] bytes, ContentStage? content, bool accepted, ScanOptions options, CancellationToken scanToken, string? contentPath = null)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(scanToken);
        deadline.CancelAfter(options.EffectiveFileTimeout);
        var token = deadline.Token;
        bytes = TextDecoding.ToUtf8(bytes);
        FileOutcome outcome;
        try
        {
            outcome = accepted ? inputReader.Read(path, format, bytes, token) : new FileOutcome(path, content is not null, [], [], []);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            outcome = NotChecked(path, TimeoutMessage(options, scanToken, "reading it into the model"));
        }
#pragma warning disable CA1031 // A bug met on one file is reported for that file; the scan goes on.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            outcome = InternalError(path, ex);
        }

        if (content is null)
        {
            return outcome;
        }

        try
        {
            var found = content.Scan(contentPath ?? path, bytes, token);
            return found.IsEmpty ? outcome with { Scanned = true } : outcome with
            {
                Scanned = true,
                Content = found,
                Diagnostics = outcome.Diagnostics.AddRange(found.Incomplete.Select(note => Diagnostic.Partial(SourceSpan.FileOnly(path), "not fully checked: " + note))),
                Suppressions = outcome.Suppressions.IsEmpty ? InlineSuppressionParser.Parse(bytes) : outcome.Suppressions,
            };
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            return outcome with { Diagnostics = outcome.Diagnostics.Add(Diagnostic.Partial(SourceSpan.FileOnly(path), TimeoutMessage(options, scanToken, "the secrets scan"))) };
        }
#pragma warning disable CA1031 // A bug met on one file is reported for that file; the scan goes on.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return outcome with { Diagnostics = outcome.Diagnostics.AddRange(InternalError(path, ex).Diagnostics) };
        }
    }

    /// <summary>
    /// One image (archive or layout) into the model, its layer files through the secrets scanner, each file within the
    /// per-file time limit; the whole image within the scan's.
    /// </summary>
    private static FileOutcome ReadImage(DiscoveredFile image, ContentStage? content, ScanOptions options, long maxFileBytes, CancellationToken scanToken)
    {
        if (scanToken.IsCancellationRequested)
        {
            return NotChecked(image.DisplayPath, ScanDeadlineMessage(options));
        }

        var timedOut = 0;
        Func<string, byte[], ContentScanResult>? scan = content is null ? null : (path, bytes) =>
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(scanToken);
            deadline.CancelAfter(options.EffectiveFileTimeout);
            try
            {
                return content.Scan(path, TextDecoding.ToUtf8(bytes), deadline.Token);
            }
            catch (OperationCanceledException) when (!scanToken.IsCancellationRequested)
            {
                timedOut++;
                return ContentScanResult.Empty;
            }
        };
        try
        {
            var result = new ImageReader(new ImageReadOptions { MaxFileBytes = maxFileBytes, Platform = options.Platform, Trust = options.SignatureTrust }).Read(image.FullPath, image.DisplayPath, scan, scanToken);
            var diagnostics = result.Diagnostics;
            if (timedOut > 0)
            {
                diagnostics = diagnostics.Add(Diagnostic.Partial(SourceSpan.FileOnly(image.DisplayPath), string.Create(CultureInfo.InvariantCulture,
                    $"not fully checked: the secrets scan of {timedOut} layer files took longer than the per-file time limit ({options.EffectiveFileTimeout.TotalSeconds:0.###} s, --file-timeout)")));
            }

            return new FileOutcome(image.DisplayPath, !result.Images.IsEmpty, [.. result.Images], diagnostics, [])
            {
                Members = [.. result.Files.Select(f => new FileOutcome(f.Path, true, [], [], []) { Content = f.Content })],
            };
        }
        catch (OperationCanceledException) when (scanToken.IsCancellationRequested)
        {
            return NotChecked(image.DisplayPath, ScanDeadlineMessage(options));
        }
#pragma warning disable CA1031 // A bug met on one image is reported for that image; the scan goes on.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return InternalError(image.DisplayPath, ex);
        }
    }

    private static FileOutcome NotChecked(string path, string message) =>
        new(path, false, [], [Diagnostic.Skipped(SourceSpan.FileOnly(path), message)], []);

    private static FileOutcome InternalError(string path, Exception ex) =>
        new(path, false, [], [Diagnostic.Error(SourceSpan.FileOnly(path), $"not checked: internal error reading file ({ex.GetType().Name}: {ex.Message}); please report it") with { Incomplete = IncompleteKind.Skipped }], []);

    private static string ScanDeadlineMessage(ScanOptions options) =>
        string.Create(CultureInfo.InvariantCulture, $"not checked: the scan's time limit ({(options.ScanTimeout ?? TimeSpan.Zero).TotalSeconds:0.###} s, --timeout) ran out before this file was reached");

    private static string TimeoutMessage(ScanOptions options, CancellationToken scanToken, string what) => scanToken.IsCancellationRequested
        ? ScanDeadlineMessage(options)
        : string.Create(CultureInfo.InvariantCulture, $"not fully checked: {what} took longer than the per-file time limit ({options.EffectiveFileTimeout.TotalSeconds:0.###} s, --file-timeout)");

    /// <summary>Standard input as one file: read up to the size limit, format sniffed from the content.</summary>
    private static FileOutcome ReadStandardInput(InputReader inputReader, ScanOptions options, long maxFileBytes, ContentStage? content, bool modelRules, CancellationToken scanToken)
    {
        byte[] bytes;
        try
        {
            using var input = options.StandardInput!();
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = input.Read(chunk, 0, chunk.Length)) > 0)
            {
                if (buffer.Length + read > maxFileBytes)
                {
                    return NotChecked(StandardInputName, $"not checked: standard input is larger than the size limit ({maxFileBytes} bytes, --max-file-size)");
                }

                buffer.Write(chunk, 0, read);
            }

            bytes = buffer.ToArray();
        }
        catch (IOException ex)
        {
            return NotChecked(StandardInputName, $"cannot read standard input: {ex.Message}");
        }

        var format = FormatSniffer.Sniff(StandardInputName, TextDecoding.ToUtf8(bytes));
        return ReadBytes(inputReader, StandardInputName, format, bytes, content, modelRules && inputReader.Accepts(StandardInputName, format), options, scanToken);
    }

    private static Suppression? Inline(string ruleId, ImmutableArray<string> equivalents, RuleHit hit, Dictionary<string, ImmutableArray<InlineSuppression>> byPath, bool foreign, DateOnly today) =>
        InFile(ruleId, equivalents, hit, byPath, foreign, today) ?? OnModuleCall(ruleId, equivalents, hit, byPath, foreign, today);

    /// <summary>
    /// A comment on (or just above) a <c>module "…" {</c> line covers what that call instantiates, and only that: the
    /// way to suppress a finding of a shared module for one caller in the source.
    /// </summary>
    private static Suppression? OnModuleCall(string ruleId, ImmutableArray<string> equivalents, RuleHit hit, Dictionary<string, ImmutableArray<InlineSuppression>> byPath, bool foreign, DateOnly today)
    {
        if (hit.Resource.Module is not { } module)
        {
            return null;
        }

        foreach (var call in module.Calls)
        {
            if (call.Call is not { HasLine: true } span || !byPath.TryGetValue(span.Path, out var suppressions))
            {
                continue;
            }

            foreach (var s in suppressions)
            {
                if (Applies(s, ruleId, equivalents, foreign, today) && (s.Line == span.StartLine || s.Line + 1 == span.StartLine))
                {
                    return new Suppression(SuppressionKind.Inline, s.Reason);
                }
            }
        }

        return null;
    }

    private static bool Applies(InlineSuppression s, string ruleId, ImmutableArray<string> equivalents, bool foreign, DateOnly today) =>
        !(s.IsForeign && !foreign) && !(s.Expires < today) && s.Covers(ruleId, equivalents);

    private static Suppression? InFile(string ruleId, ImmutableArray<string> equivalents, RuleHit hit, Dictionary<string, ImmutableArray<InlineSuppression>> byPath, bool foreign, DateOnly today)
    {
        if (!byPath.TryGetValue(hit.Location.Path, out var suppressions))
        {
            return null;
        }

        var line = hit.Location.StartLine;
        var resourceLine = hit.Resource.Span.StartLine;
        foreach (var s in suppressions)
        {
            if (!Applies(s, ruleId, equivalents, foreign, today))
            {
                continue;
            }

            // Each tool's comment covers what that tool's own comment covers, no more.
            var nearLine = line > 0 && (s.Line == line || s.Line + 1 == line);
            var aboveResource = resourceLine > 0 && (s.Line == resourceLine || s.Line + 1 == resourceLine);
            var insideResource = resourceLine > 0 && s.Line > resourceLine && s.Line <= hit.Resource.Span.EndLine;
            var covers = s.Origin switch
            {
                // Checkov: a skip anywhere in the resource block applies to the resource.
                "checkov" => nearLine || aboveResource || insideResource,

                // KICS: ignore-line is the line after the comment; ignore-block the block after it (the resource when the
                // comment stands above it, else what follows the comment in the resource).
                "kics" when s.Reason.EndsWith("ignore-line", StringComparison.Ordinal) => line > 0 && s.Line + 1 == line,
                "kics" => aboveResource || (insideResource && line > s.Line),

                // tfsec and Trivy: the line the comment is on or the block below it: above the resource, the resource;
                // inside it, the finding whose lines the comment is on or just above.
                "tfsec" or "trivy" => aboveResource || (line > 0 && s.Line >= line - 1 && s.Line <= Math.Max(line, hit.Location.EndLine)),

                // Shipshape's own and hadolint's: the line (or the instruction) below, or the resource.
                _ => nearLine || aboveResource,
            };
            if (covers)
            {
                return new Suppression(SuppressionKind.Inline, s.Reason);
            }
        }

        return null;
    }

    private static Suppression? Declared(string ruleId, ImmutableArray<string> equivalents, RuleHit hit, bool foreign) =>
        hit.Resource.Suppressions.FirstOrDefault(s => (foreign || s.Origin == "shipshape")
                && (s.RuleId == "*" || string.Equals(s.RuleId, ruleId, StringComparison.OrdinalIgnoreCase) || equivalents.Contains(s.RuleId, StringComparer.OrdinalIgnoreCase)
                    || equivalents.Contains(s.Origin + ":" + s.RuleId, StringComparer.OrdinalIgnoreCase)))
            is { } declared ? new Suppression(SuppressionKind.Inline, declared.Reason) : null;

    private static Suppression? Configured(Finding finding, ImmutableArray<(IgnoreEntry Entry, Matcher? Paths)> ignores, string?[] otherPaths)
    {
        foreach (var (entry, paths) in ignores)
        {
            if (entry.Rule != "*" && !string.Equals(entry.Rule, finding.RuleId, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (entry.Resource is not null && !string.Equals(entry.Resource, finding.Resource.Address, StringComparison.Ordinal))
            {
                continue;
            }

            if (entry.Fingerprint is not null && !string.Equals(entry.Fingerprint, finding.Fingerprint, StringComparison.Ordinal))
            {
                continue;
            }

            // A path pattern may be written relative to the scanned path, to the repository or as reported.
            if (paths is not null && !paths.Match(finding.Location.Path).HasMatches && !otherPaths.Any(p => p is not null && paths.Match(p).HasMatches))
            {
                continue;
            }

            return new Suppression(SuppressionKind.Config, entry.Reason);
        }

        return null;
    }

    private static Matcher Glob(string pattern)
    {
        var matcher = new Matcher(StringComparison.Ordinal);
        matcher.AddInclude(pattern);
        return matcher;
    }

    private ShipshapeConfig LoadConfig(ScanOptions options)
    {
        if (options.ConfigPath is not null)
        {
            return File.Exists(options.ConfigPath)
                ? ConfigLoader.Load(options.ConfigPath)
                : throw new ConfigException($"configuration file not found: {options.ConfigPath}");
        }

        var first = options.Paths.FirstOrDefault(".");
        return Directory.Exists(first) && ConfigFiles.Find(first, ConfigLoader.DefaultFileName) is { } candidate
            ? ConfigLoader.Load(candidate, new ScanRoot(first))
            : ShipshapeConfig.Empty;
    }

    /// <summary>
    /// A .shipshape.yaml in the current directory that was not read (the configuration comes from the first PATH), said
    /// so that a setting a user expects to apply does not silently not apply.
    /// </summary>
    private static Diagnostic? UnusedConfigHere(ScanOptions options)
    {
        var first = options.Paths.FirstOrDefault(p => p != StandardInputPath) ?? ".";
        if (options.ConfigPath is not null || !File.Exists(ConfigLoader.DefaultFileName) || !Directory.Exists(first)
            || ConfigFiles.Find(first, ConfigLoader.DefaultFileName) is not null
            || string.Equals(Path.GetFullPath(first), Directory.GetCurrentDirectory(), StringComparison.Ordinal))
        {
            return null;
        }

        return Diagnostic.Info(SourceSpan.FileOnly(ConfigLoader.DefaultFileName),
            $"{ConfigLoader.DefaultFileName} in the current directory was not used: the configuration is read from the first PATH ({first}); pass --config {ConfigLoader.DefaultFileName} to use it");
    }

    private static string ConfigDisplayPath(ScanOptions options) => options.ConfigPath ?? ConfigLoader.DefaultFileName;

    private ImmutableArray<IRule> SelectRules(ScanOptions options, ShipshapeConfig config)
    {
        var known = _catalog.Metadata;
        foreach (var id in config.SeverityOverrides.Keys)
        {
            if (!known.ContainsKey(id.ToUpperInvariant()))
            {
                throw new ConfigException($"unknown rule ID '{id}' (see 'shipshape rules')");
            }
        }

        var selector = new RuleSelector(known);
        var only = options.OnlyRules.IsEmpty ? selector.Select(config.EnabledRules, "rules.enable") : selector.Select(options.OnlyRules, "--rule");
        var skip = selector.Select(options.SkipRules, "--skip-rule").Union(selector.Select(config.DisabledRules, "rules.disable"));
        return [.. _catalog.Rules.Where(r => (only.Count == 0 || only.Contains(r.Id)) && !skip.Contains(r.Id)).OrderBy(r => r.Id, StringComparer.Ordinal)];
    }
}
