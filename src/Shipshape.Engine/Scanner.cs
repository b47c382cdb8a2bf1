using System.Collections.Immutable;
using Microsoft.Extensions.FileSystemGlobbing;
using Shipshape.Core;
using Shipshape.Core.Model;
using Shipshape.Engine.Baselines;
using Shipshape.Engine.Configuration;
using Shipshape.Engine.Suppressions;
using Shipshape.Ingest.CloudFormation;
using Shipshape.Ingest.Discovery;
using Shipshape.Rules;

namespace Shipshape.Engine;

/// <summary>The pipeline from options to report: configuration, discovery, parsing, rules, suppressions, baseline, order.</summary>
public sealed class Scanner
{
    public const string ToolVersion = "0.1.0";

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
        foreach (var path in options.Paths)
        {
            if (!File.Exists(path) && !Directory.Exists(path))
            {
                throw new ConfigException($"no such file or directory: {path}");
            }
        }

        var config = LoadConfig(options);
        var rules = SelectRules(options, config);
        var baseline = options.BaselinePath is null ? null : Baseline.Load(options.BaselinePath);
        var failOn = options.FailOn ?? config.FailOn ?? Severity.High;

        var discovery = FileDiscovery.Discover(new DiscoveryOptions
        {
            Roots = options.Paths,
            MaxFileBytes = options.MaxFileBytes ?? config.MaxFileBytes ?? DiscoveryOptions.DefaultMaxFileBytes,
            ExtraIgnorePatterns = config.ExcludePaths,
        });

        var inputReader = _fixedInputReader ?? InputReader.CreateDefault(new CloudFormationOptions { Parameters = options.CloudFormationParameters });
        var files = discovery.Files;
        options.Progress?.Invoke($"Scanning {files.Length} files");
        var outcomes = new FileOutcome[files.Length];
        var done = 0;
        Parallel.For(0, files.Length, new ParallelOptions { CancellationToken = cancellationToken }, i =>
        {
            outcomes[i] = ReadFile(inputReader, files[i]);
            var n = Interlocked.Increment(ref done);
            if (n % 500 == 0)
            {
                options.Progress?.Invoke($"  {n}/{files.Length} files read");
            }
        });

        var diagnostics = discovery.Diagnostics.ToBuilder();
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
        };

        foreach (var expired in config.Ignores.Where(i => i.Expires is { } e && e < options.Today))
        {
            diagnostics.Add(Diagnostic.Warning(
                new SourceSpan(ConfigDisplayPath(options), expired.Line, 0, expired.Line, 0),
                $"ignore entry for {expired.Rule} expired on {expired.Expires:yyyy-MM-dd}; its findings count again"));
        }

        var findings = ImmutableArray.CreateBuilder<Finding>();
        foreach (var rule in rules)
        {
            var metadata = _catalog.Get(rule.Id);
            IEnumerable<RuleHit> hits;
            try
            {
                hits = rule.Evaluate(model, context).ToList();
            }
#pragma warning disable CA1031 // One failing rule must not lose the rest of the scan; it is reported.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                diagnostics.Add(Diagnostic.Error(SourceSpan.FileOnly("<engine>"), $"rule {rule.Id} failed: {ex.GetType().Name}: {ex.Message}"));
                continue;
            }

            foreach (var hit in hits)
            {
                var severity = config.SeverityOverrides.TryGetValue(rule.Id, out var overridden) ? overridden : metadata.Severity;
                var fingerprint = Fingerprints.Compute(rule.Id, hit.Location.Path, hit.Resource.Address, hit.PropertyPath, hit.FingerprintKey);
                var finding = new Finding
                {
                    RuleId = rule.Id,
                    Title = metadata.Title,
                    Severity = severity,
                    Practice = metadata.Practice,
                    Message = hit.Message,
                    Location = hit.Location,
                    Resource = new ResourceRef(hit.Resource.Address, hit.Resource.Kind, hit.PropertyPath, hit.Resource.DisplayName),
                    Equivalents = metadata.Equivalents,
                    Fingerprint = fingerprint,
                };
                findings.Add(finding with
                {
                    Suppression = Inline(rule.Id, hit, suppressionsByPath) ?? Declared(rule.Id, hit) ?? Configured(finding, config, options.Today)
                        ?? (baseline?.Contains(fingerprint) == true ? new Suppression(SuppressionKind.Baseline, "in baseline") : null),
                });
            }
        }

        var ruleMetadata = rules.ToImmutableSortedDictionary(r => r.Id, r => _catalog.Get(r.Id), StringComparer.Ordinal);
        return new ScanReport
        {
            ToolVersion = ToolVersion,
            Findings = [.. findings.OrderBy(f => f.Location.Path, StringComparer.Ordinal)
                .ThenBy(f => f.Location.StartLine)
                .ThenBy(f => f.RuleId, StringComparer.Ordinal)
                .ThenBy(f => f.Resource.Address, StringComparer.Ordinal)
                .ThenBy(f => f.Resource.Path, StringComparer.Ordinal)
                .ThenBy(f => f.Fingerprint, StringComparer.Ordinal)],
            Diagnostics = [.. diagnostics.OrderBy(d => d.Location.Path, StringComparer.Ordinal)
                .ThenBy(d => d.Location.StartLine)
                .ThenBy(d => d.Message, StringComparer.Ordinal)],
            Rules = ruleMetadata,
            FilesScanned = outcomes.Count(o => o.Scanned),
            Resources = model.Resources.Length,
            FailOn = failOn,
        };
    }

    private static FileOutcome ReadFile(InputReader inputReader, DiscoveredFile file)
    {
        if (!inputReader.Accepts(file.RelativePath, file.Format))
        {
            return new FileOutcome(file.RelativePath, false, [], [], []);
        }

        byte[] content;
        try
        {
            content = File.ReadAllBytes(file.FullPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new FileOutcome(file.RelativePath, false, [], [Diagnostic.Warning(SourceSpan.FileOnly(file.RelativePath), $"cannot read file: {ex.Message}")], []);
        }

        try
        {
            return inputReader.Read(file.RelativePath, file.Format, content);
        }
#pragma warning disable CA1031 // A bug met on one file is reported for that file; the scan goes on.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return new FileOutcome(file.RelativePath, false, [], [Diagnostic.Error(SourceSpan.FileOnly(file.RelativePath), $"internal error reading file: {ex.GetType().Name}: {ex.Message}")], []);
        }
    }

    private static Suppression? Inline(string ruleId, RuleHit hit, Dictionary<string, ImmutableArray<InlineSuppression>> byPath)
    {
        if (!byPath.TryGetValue(hit.Location.Path, out var suppressions))
        {
            return null;
        }

        var line = hit.Location.StartLine;
        var resourceLine = hit.Resource.Span.StartLine;
        foreach (var s in suppressions)
        {
            if (!s.Covers(ruleId))
            {
                continue;
            }

            if ((line > 0 && (s.Line == line || s.Line + 1 == line)) || (resourceLine > 0 && (s.Line == resourceLine || s.Line + 1 == resourceLine)))
            {
                return new Suppression(SuppressionKind.Inline, s.Reason);
            }
        }

        return null;
    }

    private static Suppression? Declared(string ruleId, RuleHit hit) =>
        hit.Resource.Suppressions.FirstOrDefault(s => s.RuleId == "*" || string.Equals(s.RuleId, ruleId, StringComparison.OrdinalIgnoreCase))
            is { } declared ? new Suppression(SuppressionKind.Inline, declared.Reason) : null;

    private static Suppression? Configured(Finding finding, ShipshapeConfig config, DateOnly today)
    {
        foreach (var entry in config.Ignores)
        {
            if (entry.Expires is { } expires && expires < today)
            {
                continue;
            }

            if (entry.Rule != "*" && !string.Equals(entry.Rule, finding.RuleId, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (entry.Resource is not null && !string.Equals(entry.Resource, finding.Resource.Address, StringComparison.Ordinal))
            {
                continue;
            }

            if (entry.PathGlob is not null)
            {
                var matcher = new Matcher(StringComparison.Ordinal);
                matcher.AddInclude(entry.PathGlob);
                if (!matcher.Match(finding.Location.Path).HasMatches)
                {
                    continue;
                }
            }

            return new Suppression(SuppressionKind.Config, entry.Reason);
        }

        return null;
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
        var candidate = Path.Combine(first, ConfigLoader.DefaultFileName);
        return Directory.Exists(first) && File.Exists(candidate) ? ConfigLoader.Load(candidate) : ShipshapeConfig.Empty;
    }

    private static string ConfigDisplayPath(ScanOptions options) => options.ConfigPath ?? ConfigLoader.DefaultFileName;

    private ImmutableArray<IRule> SelectRules(ScanOptions options, ShipshapeConfig config)
    {
        var known = _catalog.Metadata;
        foreach (var id in options.OnlyRules.Concat(options.SkipRules).Concat(config.EnabledRules).Concat(config.DisabledRules).Concat(config.SeverityOverrides.Keys))
        {
            if (!known.ContainsKey(id.ToUpperInvariant()))
            {
                throw new ConfigException($"unknown rule ID '{id}' (see 'shipshape rules')");
            }
        }

        var only = (options.OnlyRules.IsEmpty ? config.EnabledRules : options.OnlyRules)
            .Select(r => r.ToUpperInvariant()).ToHashSet(StringComparer.Ordinal);
        var skip = options.SkipRules.Concat(config.DisabledRules).Select(r => r.ToUpperInvariant()).ToHashSet(StringComparer.Ordinal);
        return [.. _catalog.Rules.Where(r => (only.Count == 0 || only.Contains(r.Id)) && !skip.Contains(r.Id)).OrderBy(r => r.Id, StringComparer.Ordinal)];
    }
}
