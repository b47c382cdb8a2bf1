using System.Collections.Immutable;
using System.CommandLine;
using System.Text;
using System.Text.Json;
using Shipshape.Core;
using Shipshape.Engine;
using Shipshape.Engine.Baselines;
using Shipshape.Engine.Configuration;
using Shipshape.Images.Signatures;
using Shipshape.Reporting;
using Shipshape.Rules;

namespace Shipshape.Cli;

/// <summary>The command tree: thin bindings from options to the engine and the writers, and the exit codes.</summary>
public static class ShipshapeCommand
{
    /// <summary>Runs a command line; <paramref name="stdin"/> opens what "scan -" reads (the process's standard input by default).</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, bool? color = null, Func<Stream>? stdin = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        var debug = args.Contains("--debug", StringComparer.Ordinal);
        try
        {
            var catalog = RuleCatalog.CreateDefault();
            var root = Build(catalog, stdout, stderr, color, stdin ?? Console.OpenStandardInput);
            var parse = root.Parse(args);
            if (parse.Errors.Count > 0)
            {
                foreach (var error in parse.Errors)
                {
                    stderr.WriteLine($"shipshape: {error.Message}");
                }

                stderr.WriteLine("Run 'shipshape --help' for usage.");
                return ExitCodes.Usage;
            }

            return await parse.InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false }).ConfigureAwait(false);
        }
        catch (ConfigException ex)
        {
            // Configuration found in the scanned tree is the pull request's: its errors may quote a secret.
            stderr.WriteLine($"shipshape: {TerminalText.Sanitize(ReportRedactor.Default.Redact(ex.Message))}");
            return ExitCodes.Usage;
        }
#pragma warning disable CA1031 // The last line of defence: an internal error is exit code 3 with one line, never a stack dump (unless --debug).
        catch (Exception ex)
#pragma warning restore CA1031
        {
            stderr.WriteLine($"shipshape: internal error: {TerminalText.Sanitize(ReportRedactor.Default.Redact(FirstLine(ex.Message)))} ({ex.GetType().Name}); run again with --debug for details, and please report it");
            if (debug)
            {
                stderr.WriteLine(TerminalText.Sanitize(ex.ToString()));
            }

            return ExitCodes.Internal;
        }
    }

    private static string FirstLine(string text)
    {
        var cut = text.IndexOfAny(['\r', '\n']);
        return cut < 0 ? text : text[..cut];
    }

    private static RootCommand Build(RuleCatalog catalog, TextWriter stdout, TextWriter stderr, bool? color, Func<Stream> stdin)
    {
        var root = new RootCommand(
            "Shipshape checks container deployments on AWS (ECS task definitions, CloudFormation, Terraform, Kubernetes manifests, compose files and Dockerfiles) against container-security practices.");
        var frameworks = FrameworkCatalog.CreateDefault(catalog);
        root.Subcommands.Add(ScanCommand(catalog, frameworks, stdout, stderr, color, stdin));
        root.Subcommands.Add(ScanCommand(catalog, frameworks, stdout, stderr, color, stdin, imageVerb: true));
        root.Subcommands.Add(RulesCommand(catalog, stdout));
        root.Subcommands.Add(ExplainCommand(catalog, stdout, stderr));
        root.Subcommands.Add(VersionCommand(stdout));
        root.Subcommands.Add(DocsCommand(catalog, stderr));
        root.Subcommands.Add(IamCommand.Build(stdout, stderr));
        root.Subcommands.Add(ComplianceCommand.Build(frameworks, catalog, stdout));
        return root;
    }

    /// <summary>
    /// The scan verb, or with <paramref name="imageVerb"/> the image verb: the same options and reports over one
    /// container image (an archive or OCI layout, an error when PATH is not one).
    /// </summary>
    private static Command ScanCommand(RuleCatalog catalog, FrameworkCatalog frameworks, TextWriter stdout, TextWriter stderr, bool? color, Func<Stream> stdin, bool imageVerb = false)
    {
        var paths = imageVerb
            ? new Argument<string[]>("path")
            {
                Description = "The image to scan (or several): a docker save archive or an OCI image layout, as a directory, .tar, .tar.gz or .tar.zst.",
                Arity = ArgumentArity.OneOrMore,
            }
            : new Argument<string[]>("path")
            {
                Description = "Files or directories to scan (default: the current directory); - reads one file from standard input.",
                Arity = ArgumentArity.ZeroOrMore,
            };
        paths.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
            {
                if (token.Value.StartsWith('-') && token.Value != Scanner.StandardInputPath)
                {
                    result.AddError($"unknown option '{token.Value}'");
                }
            }
        });
        var format = new Option<string[]>("--format", "-f")
        {
            Description = "Report format: console, json, sarif, junit, markdown, html, asff (AWS Security Hub BatchImportFindings batches, one per line; needs --aws-account-id and --aws-region) ocsf (OCSF 1.3 Detection Finding events, one per line), cyclonedx (CycloneDX 1.6 JSON SBOM of the images and lockfiles) or spdx (SPDX 2.3 JSON SBOM). Repeatable; FORMAT=FILE writes that format to a file (e.g. --format sarif=out.sarif).",
        };
        var output = new Option<string?>("--output", "-o") { Description = "Write the report to FILE instead of standard output (with a single --format)." };
        var failOn = new Option<string?>("--fail-on") { Description = "Exit with code 1 when an unsuppressed finding at or above this severity remains: info, low, medium, high (default), critical." };
        var config = new Option<string?>("--config") { Description = "Configuration file (default: .shipshape.yaml in the first PATH, when present)." };
        var baseline = new Option<string?>("--baseline") { Description = "Baseline file: findings listed in it are reported as suppressed and do not fail the build." };
        var writeBaseline = new Option<string?>("--write-baseline") { Description = "Write the current findings to FILE as a baseline." };
        var rule = new Option<string[]>("--rule") { Description = "Run only these rules: Shipshape IDs, other tools' IDs for the same check (CKV_AWS_97, AVD-AWS-0034, DL3008, ECS.4), wildcards (SHP-NET-*), comma lists; repeatable." };
        var skipRule = new Option<string[]>("--skip-rule") { Description = "Do not run these rules (same forms as --rule); repeatable." };
        var severity = new Option<string[]>("--severity") { Description = "Report only findings of these severities, comma-separated: info, low, medium, high, critical (default: all)." };
        var softFail = new Option<bool>("--soft-fail") { Description = "Report findings but exit 0 even when some are at or above --fail-on (errors still exit 2)." };
        var noForeign = new Option<bool>("--no-foreign-suppressions") { Description = "Ignore other tools' inline suppressions (checkov:skip, tfsec:ignore, trivy:ignore, kics-scan, hadolint ignore), which otherwise apply through each rule's equivalent IDs." };
        var sourceRoot = new Option<string?>("--source-root") { Description = "Repository root that SARIF URIs and fingerprints are relative to (default: the git top level of the current directory, else the current directory)." };
        var skipPath = new Option<string[]>("--skip-path") { Description = "Leave out paths matching this pattern (.gitignore syntax, relative to each PATH); repeatable." };
        var trusted = new Option<string[]>("--trusted-registry")
        {
            Description = "Trusted image registry pattern, e.g. '*.dkr.ecr.*.amazonaws.com' or 'ghcr.io/my-org' (repeatable; default: Amazon ECR private and public).",
        };
        var maxSize = new Option<string?>("--max-file-size") { Description = "Skip files larger than this, with a diagnostic: bytes, or a number with a unit such as 512K, 10MB, 1GiB (powers of 1024; default: 10MB)." };
        var fileTimeout = new Option<string?>("--file-timeout") { Description = "Time one file (or one Terraform module directory) may take before it is reported as not checked and the scan goes on: 30, 30s, 2m (default: 10s)." };
        var scanTimeout = new Option<string?>("--timeout") { Description = "Time the whole scan may take; files not reached by then are reported as not checked: 10m, 1h (default: 30m)." };
        var failOnIncomplete = new Option<bool>("--fail-on-incomplete") { Description = "Exit with code 2 when anything could not be fully checked (skipped, unparseable, over a limit or deadline): a fail-closed gate." };
        var debug = new Option<bool>("--debug") { Description = "On an internal error, print the stack trace as well." };
        var cfnParameter = new Option<string[]>("--cfn-parameter")
        {
            Description = "CloudFormation parameter value KEY=VALUE, like the AWS CLI's --parameter-overrides (repeatable); pseudo parameters too, e.g. AWS::Region=eu-west-1.",
        };
        var cfnParametersFile = new Option<string?>("--cfn-parameters-file")
        {
            Description = "CloudFormation parameter values from a file: the AWS CLI's JSON ([{\"ParameterKey\": …, \"ParameterValue\": …}]), a CodePipeline template configuration ({\"Parameters\": {…}}), or KEY=VALUE lines.",
        };
        var varFile = new Option<string[]>("--var-file") { Description = "Terraform variable file (.tfvars or .tfvars.json) for root modules (repeatable)." };
        var variable = new Option<string[]>("--var") { Description = "Terraform variable NAME=VALUE for root modules (repeatable)." };
        var noColor = new Option<bool>("--no-color") { Description = "Never colour console output. Otherwise colour is used on a terminal; FORCE_COLOR or CLICOLOR_FORCE force it (FORCE_COLOR=0 turns it off), NO_COLOR turns it off." };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Do not print progress and diagnostics to standard error." };
        var compact = new Option<bool>("--compact") { Description = "Console report: only one line per finding and the exit reason." };
        var verbose = new Option<bool>("--verbose") { Description = "Console report: also each finding's message, resource and equivalent IDs, the whole fix, suppressed findings and every diagnostic." };
        var scanners = new Option<string[]>("--scanners") { Description = "Scanners to run, comma-separated: misconfig, iam, secrets, image (default: all; image reads image archives and OCI layouts with the rules that apply to images)." };
        var platform = new Option<string?>("--platform") { Description = "For multi-platform images, check only this platform: os/arch[/variant], e.g. linux/amd64 (default: every platform)." };
        var key = new Option<string[]>("--key") { Description = "Verify cosign image signatures with this PEM public key (ECDSA P-256/P-384/P-521, RSA, Ed25519; repeatable). Without --key, --trust-root or --notation-cert, signatures are found but not verified." };
        var trustRoot = new Option<string[]>("--trust-root") { Description = "PEM CA certificate(s) that certificates carried by cosign signatures must chain to (offline: no transparency log, no revocation; repeatable)." };
        var notationCert = new Option<string[]>("--notation-cert") { Description = "PEM trust-store certificate(s) that Notation signatures' certificate chains must chain to (repeatable)." };
        var maxImageAge = new Option<int?>("--max-image-age") { Description = "Report images created more than this many days before the scan (default: 365)." };
        var gitHistory = new Option<bool>("--git-history") { Description = "Also scan every commit of the git repository at the first PATH for secrets." };
        var gitAllowExternal = new Option<bool>("--git-allow-external")
        {
            Description = "With --git-history, also follow what the repository names outside PATH (a .git file's gitdir, commondir, objects/info/alternates) or read the repository of a parent directory; without it those are reported and not read.",
        };
        var awsAccountId = new Option<string?>("--aws-account-id") { Description = "For --format asff (and ocsf's cloud object): the 12-digit AWS account the findings are imported into; BatchImportFindings must be called with it." };
        var awsRegion = new Option<string?>("--aws-region") { Description = "For --format asff (and ocsf): the Region of the Security Hub the findings are imported into (asff default: AWS_REGION, else AWS_DEFAULT_REGION)." };
        var previousAsff = new Option<string?>("--previous-asff")
        {
            Description = "For --format asff: the previous asff output; findings in it that this scan no longer reports are written again with RecordState ARCHIVED (so are --baseline entries), and findings still reported keep their CreatedAt.",
        };
        var gitleaksConfig = new Option<string?>("--gitleaks-config") { Description = "gitleaks TOML configuration for the secrets scanner (default: .gitleaks.toml in the first PATH, when present)." };

        var compliance = new Option<string?>("--compliance") { Description = "Write the console, Markdown, HTML and JSON reports organised by this framework (see 'shipshape compliance list'): requirements with pass, fail or manual, the rules and the resources they checked." };
        var command = new Command(imageVerb ? "image" : "scan", imageVerb
            ? "Scan one container image (docker save archive or OCI image layout): its config, every layer's files, digests."
            : "Scan files and directories and report findings by practice area.")
        {
            compliance,
            paths, format, output, failOn, config, baseline, writeBaseline, rule, skipRule, trusted, maxSize, fileTimeout, scanTimeout, failOnIncomplete, cfnParameter, cfnParametersFile, varFile, variable, noColor, quiet,
            scanners, gitHistory, gitAllowExternal, gitleaksConfig, debug, severity, softFail, skipPath, noForeign, sourceRoot, compact, verbose, platform, maxImageAge,
            key, trustRoot, notationCert, awsAccountId, awsRegion, previousAsff,
        };
        command.SetAction(parse =>
        {
            var targets = Targets(parse.GetValue(format) ?? [], parse.GetValue(output));
            Severity? threshold = null;
            if (parse.GetValue(failOn) is { } failText)
            {
                threshold = SeverityNames.TryParse(failText, out var s)
                    ? s
                    : throw new ConfigException($"--fail-on: unknown severity '{failText}' (use info, low, medium, high or critical)");
            }

            var isQuiet = parse.GetValue(quiet);
            if (parse.GetValue(compact) && parse.GetValue(verbose))
            {
                throw new ConfigException("--compact and --verbose cannot be used together");
            }

            var detail = parse.GetValue(compact) ? ConsoleDetail.Compact : parse.GetValue(verbose) ? ConsoleDetail.Verbose : ConsoleDetail.Normal;

            // Progress only on a terminal: in CI logs a line per update is noise.
            var progress = !isQuiet && ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected ? new ProgressLine(stderr) : null;
            var pathList = parse.GetValue(paths) is { Length: > 0 } p ? p : ["."];
            var options = new ScanOptions
            {
                IamCatalog = new(() => Shipshape.Iam.Catalog.IamCatalogCache.LoadPreferred()),
                Paths = [.. pathList],
                SourceRoot = parse.GetValue(sourceRoot),
                Scanners = Scanners(parse.GetValue(scanners) ?? []),
                GitHistory = parse.GetValue(gitHistory),
                GitFollowExternal = parse.GetValue(gitAllowExternal),
                GitleaksConfigPath = parse.GetValue(gitleaksConfig),
                FailOn = threshold,
                ConfigPath = parse.GetValue(config),
                BaselinePath = parse.GetValue(baseline),
                OnlyRules = [.. parse.GetValue(rule) ?? []],
                Severities = Severities(parse.GetValue(severity) ?? []),
                SkipPaths = [.. parse.GetValue(skipPath) ?? []],
                ForeignSuppressions = parse.GetValue(noForeign) ? false : null,
                SkipRules = [.. parse.GetValue(skipRule) ?? []],
                TrustedRegistries = [.. parse.GetValue(trusted) ?? []],
                MaxFileBytes = parse.GetValue(maxSize) is { } sizeText
                    ? Quantities.TryParseSize(sizeText, out var bytes) ? bytes : throw new ConfigException($"--max-file-size: '{sizeText}' is not a size; use {Quantities.SizeHelp}")
                    : null,
                FileTimeout = Duration(parse.GetValue(fileTimeout), "--file-timeout"),
                SoftFail = parse.GetValue(softFail) ? true : null,
                FailOnIncomplete = parse.GetValue(failOnIncomplete) ? true : null,
                ScanTimeout = Duration(parse.GetValue(scanTimeout), "--timeout") ?? ScanOptions.DefaultScanTimeout,
                CloudFormationParameters = (parse.GetValue(cfnParametersFile) is { } parameterFile
                        ? ParameterFile.Load(parameterFile)
                        : ImmutableDictionary<string, string>.Empty)
                    .SetItems(KeyValues("--cfn-parameter", parse.GetValue(cfnParameter) ?? [])),
                StandardInput = stdin,
                VariableFiles = [.. parse.GetValue(varFile) ?? []],
                Variables = [.. parse.GetValue(variable) ?? []],
                Platform = parse.GetValue(platform),
                SignatureTrust = SignatureTrustOf(parse.GetValue(key), parse.GetValue(trustRoot), parse.GetValue(notationCert)),
                RequireImages = imageVerb,
                // A source tree's lockfiles are parsed only for an SBOM: no other report uses their packages.
                ReadLockfiles = targets.Any(t => ReportWriters.Sbom.Contains(t.Format, StringComparer.Ordinal)),
                MaxImageAgeDays = parse.GetValue(maxImageAge) is { } days
                    ? days >= 0 ? days : throw new ConfigException($"--max-image-age: {days} is not a number of days")
                    : null,
                Progress = progress is null ? null : progress.Stage,
                FileProgress = progress is null ? null : progress.Files,
            };

            var complianceOptions = parse.GetValue(compliance) is { } frameworkName
                ? ComplianceCommand.Options(frameworks, frameworkName)
                : null;
            var findingOptions = FindingOptions(targets, parse.GetValue(awsAccountId), parse.GetValue(awsRegion), parse.GetValue(previousAsff), parse.GetValue(baseline));

            // Fail before scanning, not after, when a report could not be written.
            foreach (var target in targets.Where(t => t.File is not null).Select(t => t.File!).Append(parse.GetValue(writeBaseline)).OfType<string>())
            {
                CheckWritable(target);
            }

            ScanReport report;
            try
            {
                report = new Scanner(catalog).Scan(options);
            }
            finally
            {
                progress?.Clear();
            }

            if (!isQuiet)
            {
                foreach (var d in report.Diagnostics.Where(d => d.Severity != Core.DiagnosticSeverity.Info))
                {
                    stderr.WriteLine($"{d.Severity.ToString().ToLowerInvariant()}: {TerminalText.Sanitize(d.Location.ToString())}: {TerminalText.Sanitize(d.Message)}");
                }
            }

            // Said before the reports, so that the exit reason stays the last line of a CI log.
            if (report.FilesScanned > 0 && report.Summary.Incomplete && !isQuiet)
            {
                stderr.WriteLine($"shipshape: not everything was checked: {IncompleteText(report.Summary)} (see the diagnostics)");
            }

            var useColor = color is { } fixedColor
                ? fixedColor && !parse.GetValue(noColor)
                : ColorPolicy.Decide(parse.GetValue(noColor), !Console.IsOutputRedirected, System.Environment.GetEnvironmentVariable);
            foreach (var target in targets)
            {
                var writer = complianceOptions is not null && ComplianceReportWriter.Formats.Contains(target.Format, StringComparer.Ordinal)
                    ? new ComplianceReportWriter(target.Format, complianceOptions)
                    : ReportWriters.Create(target.Format, target.File is null && useColor, detail, findingOptions);
                if (target.File is null)
                {
                    using var stream = new TextWriterStream(stdout);
                    Written("standard output", () => writer.Write(report, stream));
                    stream.Flush();
                }
                else
                {
                    using var file = Create(target.File);
                    Written(target.File, () => writer.Write(report, file));
                    if (!isQuiet)
                    {
                        stderr.WriteLine($"Wrote {target.Format} report to {target.File}");
                    }
                }
            }

            if (parse.GetValue(writeBaseline) is { } baselinePath)
            {
                using var file = Create(baselinePath);
                Written(baselinePath, () => Baseline.Write(report, file));
                if (!isQuiet)
                {
                    stderr.WriteLine($"Wrote baseline with {report.Findings.Count(f => f.Suppression is null || f.Suppression.Kind == SuppressionKind.Baseline)} findings to {baselinePath}");
                }
            }

            var verdict = ScanVerdict.Of(report);
            if (report.FilesScanned == 0)
            {
                stderr.WriteLine($"shipshape: nothing was checked: {NothingCheckedReason(report)}");
                return verdict.ExitCode;
            }

            // The console report ends with the reason; other reports (or a console report in a file) leave it to stderr.
            var consoleOnStdout = targets.Any(t => t.File is null && t.Format == "console");
            if (!consoleOnStdout && (verdict.ExitCode == ExitCodes.Usage || !isQuiet))
            {
                stderr.WriteLine($"shipshape: {verdict.Reason}");
            }

            return verdict.ExitCode;
        });
        return command;
    }

    /// <summary>The keys and certificates image signatures are verified against, read before the scan: a bad file is a usage error naming the option and file.</summary>
    private static SignatureTrust SignatureTrustOf(string[]? keys, string[]? roots, string[]? notation)
    {
        try
        {
            return SignatureTrust.Load(keys ?? [], roots ?? [], notation ?? []);
        }
        catch (SignatureTrustException ex)
        {
            throw new ConfigException(ex.Message);
        }
    }

    /// <summary>A previous asff export of a million findings is about 3 GiB; 256 MiB is hundreds of thousands.</summary>
    private const long MaxPreviousAsffBytes = 256L * 1024 * 1024;

    /// <summary>
    /// What the asff and ocsf writers need, checked before the scan: the account and Region (asff requires both; its
    /// Region defaults to AWS_REGION, then AWS_DEFAULT_REGION), and the findings of the previous export to archive.
    /// Null when neither format is requested.
    /// </summary>
    private static SecurityFindingOptions? FindingOptions(ImmutableArray<OutputTarget> targets, string? accountId, string? region, string? previousAsff, string? baselinePath)
    {
        if (accountId is not null && !AwsTarget.IsAccountId(accountId))
        {
            throw new ConfigException($"--aws-account-id: '{accountId}' is not an AWS account ID (12 digits, e.g. 111122223333)");
        }

        if (region is not null && !AwsTarget.IsRegion(region))
        {
            throw new ConfigException($"--aws-region: '{region}' is not an AWS Region name (e.g. eu-west-1)");
        }

        var asff = targets.Any(t => t.Format == "asff");
        if (!asff && previousAsff is not null)
        {
            throw new ConfigException("--previous-asff is only used with --format asff");
        }

        if (!asff && !targets.Any(t => ReportWriters.NeedingFindingOptions.Contains(t.Format, StringComparer.Ordinal)))
        {
            return null;
        }

        // Only Security Hub needs a Region: OCSF events carry one when it is given, never from the environment.
        if (region is null && asff)
        {
            foreach (var name in (string[])["AWS_REGION", "AWS_DEFAULT_REGION"])
            {
                if (System.Environment.GetEnvironmentVariable(name) is { Length: > 0 } fromEnvironment)
                {
                    region = AwsTarget.IsRegion(fromEnvironment)
                        ? fromEnvironment
                        : throw new ConfigException($"{name}: '{fromEnvironment}' is not an AWS Region name (e.g. eu-west-1); set --aws-region");
                    break;
                }
            }
        }

        if (asff && accountId is null)
        {
            throw new ConfigException("--format asff needs --aws-account-id: the 12-digit AWS account the findings are imported into");
        }

        if (asff && region is null)
        {
            throw new ConfigException("--format asff needs --aws-region (or AWS_REGION / AWS_DEFAULT_REGION): the Region of the Security Hub the findings are imported into");
        }

        var previous = ImmutableArray.CreateBuilder<PreviousFinding>();
        if (asff && previousAsff is not null)
        {
            try
            {
                previous.AddRange(AsffReportWriter.ReadPrevious(Shipshape.Ingest.Discovery.FileDiscovery.ReadRegularFile(Path.GetFullPath(previousAsff), MaxPreviousAsffBytes)));
            }
            catch (Exception ex) when (ex is JsonException or FormatException)
            {
                throw new ConfigException($"--previous-asff {previousAsff}: not an asff export ({FirstLine(ex.Message)})", ex);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new ConfigException($"--previous-asff {previousAsff}: cannot read it: {ex.Message}", ex);
            }
        }

        // Baseline entries absent from this scan are archived too; the baseline only knows rule, path and resource.
        if (asff && baselinePath is not null)
        {
            foreach (var entry in Baseline.Load(baselinePath).Entries)
            {
                previous.Add(new PreviousFinding(AsffReportWriter.FindingId(entry.Fingerprint), null, entry.RuleId, entry.Path, entry.Resource));
            }
        }

        return new SecurityFindingOptions { Time = ExportTime(), AwsAccountId = accountId, AwsRegion = region, Previous = previous.ToImmutable() };
    }

    /// <summary>
    /// The time the asff and ocsf records carry: now, or SOURCE_DATE_EPOCH (seconds since 1970, the reproducible-builds
    /// convention) when it is set, so that two runs can write byte-identical files.
    /// </summary>
    private static DateTimeOffset ExportTime()
    {
        if (System.Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH") is not { Length: > 0 } epoch)
        {
            return DateTimeOffset.UtcNow;
        }

        return long.TryParse(epoch, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
            && seconds <= DateTimeOffset.MaxValue.ToUnixTimeSeconds()
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : throw new ConfigException($"SOURCE_DATE_EPOCH: '{epoch}' is not a number of seconds since 1970-01-01");
    }

    private static string IncompleteText(ScanSummary summary) =>
        $"{summary.NotChecked} not checked, {summary.PartlyChecked} checked in part";

    private static string NothingCheckedReason(ScanReport report)
    {
        var skipped = report.Incomplete.Where(d => d.Incomplete == IncompleteKind.Skipped).Select(d => TerminalText.Sanitize(d.Message)).Distinct(StringComparer.Ordinal).Take(3).ToList();
        return skipped.Count == 0
            ? "no file in the given paths is one the selected scanners read"
            : "every input was skipped; " + string.Join("; ", skipped);
    }

    private static ImmutableArray<Severity> Severities(string[] values) =>
        [.. values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Select(v =>
            SeverityNames.TryParse(v, out var s) ? s : throw new ConfigException($"--severity: unknown severity '{v}' (use info, low, medium, high or critical)")).Distinct()];

    private static TimeSpan? Duration(string? text, string option) =>
        text is null ? null
        : Quantities.TryParseDuration(text, out var duration) ? duration
        : throw new ConfigException($"{option}: '{text}' is not a duration; use {Quantities.DurationHelp}");

    private static void CheckWritable(string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null && !Directory.Exists(directory))
        {
            throw new ConfigException($"cannot write {path}: the directory {directory} does not exist");
        }

        if (Directory.Exists(path))
        {
            throw new ConfigException($"cannot write {path}: it is a directory");
        }
    }

    // A full disk or a closed pipe is the environment's problem, not a bug: exit 2 with what could not be written.
    private static void Written(string where, Action write)
    {
        try
        {
            write();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ConfigException($"cannot write {where}: {ex.Message}");
        }
    }

    private static FileStream Create(string path)
    {
        try
        {
            // Write-only: a report written to /dev/stdout or a named pipe must see the reader go away (EPIPE), which a
            // read-write handle on the same pipe never does.
            return new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ConfigException($"cannot write {path}: {ex.Message}");
        }
    }

    private static ImmutableDictionary<string, string> KeyValues(string option, string[] items)
    {
        var builder = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            var eq = item.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw new ConfigException($"{option}: expected KEY=VALUE, not '{item}'");
            }

            builder[item[..eq]] = item[(eq + 1)..];
        }

        return builder.ToImmutable();
    }

    private static ImmutableArray<string> Scanners(string[] values)
    {
        var names = values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(v => v.ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToImmutableArray();
        foreach (var name in names)
        {
            if (!ScannerNames.All.Contains(name, StringComparer.Ordinal))
            {
                throw new ConfigException($"--scanners: unknown scanner '{name}' (use {string.Join(", ", ScannerNames.All)})");
            }
        }

        return names;
    }

    private static ImmutableArray<OutputTarget> Targets(string[] formats, string? output)
    {
        var targets = new List<OutputTarget>();
        foreach (var item in formats.Length == 0 ? ["console"] : formats)
        {
            var eq = item.IndexOf('=', StringComparison.Ordinal);
            var name = (eq < 0 ? item : item[..eq]).Trim().ToLowerInvariant();
            var file = eq < 0 ? null : item[(eq + 1)..];
            if (!ReportWriters.Names.Contains(name, StringComparer.Ordinal))
            {
                throw new ConfigException($"--format: unknown format '{name}' (use {string.Join(", ", ReportWriters.Names)})");
            }

            if (file is { Length: 0 })
            {
                throw new ConfigException($"--format {item}: missing file name after '='");
            }

            targets.Add(new OutputTarget(name, file));
        }

        if (output is not null)
        {
            var toStdout = targets.Where(t => t.File is null).ToList();
            if (toStdout.Count != 1)
            {
                throw new ConfigException("--output needs exactly one --format without '=FILE'");
            }

            targets[targets.IndexOf(toStdout[0])] = toStdout[0] with { File = output };
        }

        if (targets.Count(t => t.File is null) > 1)
        {
            throw new ConfigException("only one report can go to standard output; give the others a file with FORMAT=FILE");
        }

        return [.. targets];
    }

    private static Command RulesCommand(RuleCatalog catalog, TextWriter stdout)
    {
        var format = new Option<string>("--format", "-f") { Description = "console (default) or json.", DefaultValueFactory = _ => "console" };
        var command = new Command("rules", "List the rule catalogue: ID, title, severity, practice area and equivalent IDs of other tools.") { format };
        command.SetAction(parse =>
        {
            var name = parse.GetValue(format) ?? "console";
            if (name == "json")
            {
                stdout.Write(RulesJson(catalog));
                return ExitCodes.Clean;
            }

            if (name != "console")
            {
                throw new ConfigException($"--format: unknown format '{name}' (use console or json)");
            }

            foreach (var practice in PracticeNames.All)
            {
                var rules = catalog.Metadata.Values.Where(m => m.Practice == practice).ToList();
                if (rules.Count == 0)
                {
                    continue;
                }

                stdout.WriteLine(practice.ToTitle());
                foreach (var m in rules)
                {
                    var equivalents = m.Equivalents.IsEmpty ? string.Empty : $"  [{string.Join(", ", m.Equivalents)}]";
                    stdout.WriteLine($"  {m.Id}  {m.Severity.ToName(),-8}  {m.Title}{equivalents}");
                }

                stdout.WriteLine();
            }

            return ExitCodes.Clean;
        });
        return command;
    }

    private static string RulesJson(RuleCatalog catalog)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteNumber("schemaVersion", 1);
            writer.WriteStartArray("rules");
            foreach (var m in catalog.Metadata.Values)
            {
                writer.WriteStartObject();
                writer.WriteString("id", m.Id);
                writer.WriteString("title", m.Title);
                writer.WriteString("severity", m.Severity.ToName());
                writer.WriteString("practice", m.Practice.ToId());
                writer.WriteString("description", m.Description);
                writer.WriteStartArray("equivalents");
                foreach (var e in m.Equivalents)
                {
                    writer.WriteStringValue(e);
                }

                writer.WriteEndArray();
                writer.WriteStartArray("sources");
                foreach (var s in m.Sources)
                {
                    writer.WriteStringValue(s);
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static Command ExplainCommand(RuleCatalog catalog, TextWriter stdout, TextWriter stderr)
    {
        var id = new Argument<string>("rule-id") { Description = "The rule to explain, e.g. SHP-CTR-001." };
        var command = new Command("explain", "Explain a rule: rationale, remediation, examples and references.") { id };
        command.SetAction(parse =>
        {
            var ruleId = (parse.GetValue(id) ?? string.Empty).Trim().ToUpperInvariant();
            if (!catalog.TryGet(ruleId, out var metadata))
            {
                stderr.WriteLine($"shipshape: unknown rule ID '{ruleId}' (see 'shipshape rules')");
                return ExitCodes.Usage;
            }

            stdout.Write(RuleDocumentation.RenderPage(metadata));
            return ExitCodes.Clean;
        });
        return command;
    }

    private static Command VersionCommand(TextWriter stdout)
    {
        var command = new Command("version", "Print the version.");
        command.SetAction(_ =>
        {
            stdout.WriteLine($"shipshape {Scanner.ToolVersion}");
            return ExitCodes.Clean;
        });
        return command;
    }

    private static Command DocsCommand(RuleCatalog catalog, TextWriter stderr)
    {
        var dir = new Argument<string>("directory") { Description = "Where to write one Markdown page per rule and an index." };
        var command = new Command("docs", "Generate the rule documentation pages from the rule metadata.") { dir };
        command.Hidden = true;
        command.SetAction(parse =>
        {
            var target = parse.GetValue(dir)!;
            Directory.CreateDirectory(target);
            foreach (var m in catalog.Metadata.Values)
            {
                File.WriteAllText(Path.Combine(target, m.Id + ".md"), RuleDocumentation.RenderPage(m));
            }

            File.WriteAllText(Path.Combine(target, "README.md"), RuleDocumentation.RenderIndex(catalog.Metadata.Values));
            stderr.WriteLine($"Wrote {catalog.Metadata.Count} rule pages to {target}");
            return ExitCodes.Clean;
        });
        return command;
    }
}
