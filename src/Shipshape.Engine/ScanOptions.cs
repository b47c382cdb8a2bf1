using System.Collections.Immutable;
using Shipshape.Core;

namespace Shipshape.Engine;

/// <summary>What to scan and how; command-line values, which take precedence over the configuration file.</summary>
public sealed record ScanOptions
{
    public ImmutableArray<string> Paths { get; init; } = ["."];

    /// <summary>
    /// The repository root SARIF URIs and fingerprints are relative to (--source-root); null: the git top level
    /// of the working directory, else the working directory.
    /// </summary>
    public string? SourceRoot { get; init; }
    public Severity? FailOn { get; init; }
    /// <summary>An explicit configuration file; when null, .shipshape.yaml in the first path is used if present.</summary>
    public string? ConfigPath { get; init; }
    public string? BaselinePath { get; init; }
    public ImmutableArray<string> OnlyRules { get; init; } = [];
    public ImmutableArray<string> SkipRules { get; init; } = [];
    public ImmutableArray<string> TrustedRegistries { get; init; } = [];
    /// <summary>Only findings of these severities are reported (after configured overrides); empty: all.</summary>
    public ImmutableArray<Severity> Severities { get; init; } = [];
    /// <summary>More paths to leave out, in .gitignore syntax relative to each scan root (--skip-path).</summary>
    public ImmutableArray<string> SkipPaths { get; init; } = [];
    /// <summary>Whether other tools' suppression comments (checkov:skip, tfsec/trivy:ignore, kics-scan, hadolint ignore) apply through each rule's equivalents.</summary>
    public bool? ForeignSuppressions { get; init; }
    /// <summary>Exit 0 even with failing findings (the CLI's --soft-fail); null: the configuration's softFail.</summary>
    public bool? SoftFail { get; init; }
    /// <summary>Exit 2 when anything was not fully checked (--fail-on-incomplete); null: the configuration's failOnIncomplete.</summary>
    public bool? FailOnIncomplete { get; init; }

    /// <summary>The IAM action catalogue to use (the CLI passes the newer of the user cache and the embedded copy); null: the embedded one.</summary>
    public Lazy<Shipshape.Iam.Catalog.IamCatalog>? IamCatalog { get; init; }
    public long? MaxFileBytes { get; init; }
    /// <summary>CloudFormation parameter values (like --parameter-overrides); pseudo parameters such as AWS::Region too.</summary>
    public ImmutableDictionary<string, string> CloudFormationParameters { get; init; } = ImmutableDictionary<string, string>.Empty;
    /// <summary>Terraform variable files (--var-file), applied to every root module after its own .tfvars.</summary>
    public ImmutableArray<string> VariableFiles { get; init; } = [];
    /// <summary>Terraform variable values as NAME=VALUE (--var), applied last.</summary>
    public ImmutableArray<string> Variables { get; init; } = [];
    /// <summary>The date ignore entries expire against; injectable for tests.</summary>
    public DateOnly Today { get; init; } = DateOnly.FromDateTime(DateTime.UtcNow);
    /// <summary>"os/arch[/variant]": read only that platform of multi-platform images (--platform); null for every platform.</summary>
    public string? Platform { get; init; }
    /// <summary>What image signatures are verified against (--key, --trust-root, --notation-cert); none: signatures are found, not verified.</summary>
    public Shipshape.Images.Signatures.SignatureTrust SignatureTrust { get; init; } = Shipshape.Images.Signatures.SignatureTrust.None;
    /// <summary>The <c>image</c> verb: every path must be a container image (an error otherwise).</summary>
    public bool RequireImages { get; init; }
    /// <summary>Whether the scanned tree's lockfiles are read into a software inventory (the CLI asks only for an SBOM format).</summary>
    public bool ReadLockfiles { get; init; } = true;
    /// <summary>Images created more than this many days before <see cref="Today"/> are reported (--max-image-age); null for the default.</summary>
    public int? MaxImageAgeDays { get; init; }
    /// <summary>
    /// Opens standard input for the path "-" (<c>helm template . | shipshape scan -</c>); it is read as one file
    /// named <see cref="Scanner.StandardInputName"/> whose format is sniffed from its content.
    /// </summary>
    public Func<Stream>? StandardInput { get; init; }
    /// <summary>Which scanners run: misconfig, iam, secrets, image (see <see cref="ScannerNames"/>); empty means all that apply.</summary>
    public ImmutableArray<string> Scanners { get; init; } = [];
    /// <summary>Also scan every commit reachable from the refs of the git repository at the first path for secrets.</summary>
    public bool GitHistory { get; init; }
    /// <summary>
    /// Let the history scan follow what the repository names outside the scanned root (a .git file's gitdir, commondir,
    /// objects/info/alternates) and read the repository of a parent directory; without it, those are reported, not read.
    /// </summary>
    public bool GitFollowExternal { get; init; }
    /// <summary>A gitleaks configuration; when null, .gitleaks.toml in the first path is used if present.</summary>
    public string? GitleaksConfigPath { get; init; }
    /// <summary>How long one file (or one Terraform module directory) may take before it is reported as not checked and the scan goes on.</summary>
    public TimeSpan? FileTimeout { get; init; }

    /// <summary>The per-file time limit in force: this scan's, else the configuration's, else the default.</summary>
    public TimeSpan EffectiveFileTimeout => FileTimeout ?? DefaultFileTimeout;
    /// <summary>How long the whole scan may take; files not reached by then are reported as not checked. Null: no limit.</summary>
    public TimeSpan? ScanTimeout { get; init; } = DefaultScanTimeout;
    /// <summary>Findings kept per file; the rest are dropped with a diagnostic saying how many.</summary>
    public int MaxFindingsPerFile { get; init; } = DefaultMaxFindingsPerFile;
    /// <summary>Findings kept per scan, so that many files, each under its own cap, cannot add up past memory.</summary>
    public int MaxFindings { get; init; } = DefaultMaxFindings;

    /// <summary>Real configuration files parse in milliseconds; ten seconds is only reached by hostile or pathological input.</summary>
    public static readonly TimeSpan DefaultFileTimeout = TimeSpan.FromSeconds(10);
    /// <summary>Half an hour: a CI job that needs longer has a problem worth hearing about.</summary>
    public static readonly TimeSpan DefaultScanTimeout = TimeSpan.FromMinutes(30);
    /// <summary>More findings than this in one file say the same thing again; a generated file with a million would exhaust memory.</summary>
    public const int DefaultMaxFindingsPerFile = 1000;
    /// <summary>Fifty thousand findings is far past what anyone reads; a report of them is tens of megabytes already.</summary>
    public const int DefaultMaxFindings = 50_000;

    /// <summary>Receives progress lines (the CLI writes them to standard error).</summary>
    public Action<string>? Progress { get; init; }

    /// <summary>Called as files are read: (files read, files in all); from several threads at once.</summary>
    public Action<int, int>? FileProgress { get; init; }

    /// <summary>Called with the rule ID and the resource of every hit a rule makes, before any filter, and of every resource a rule could not decide for (for tests and tools).</summary>
    public Action<string, Core.Model.Resource>? ObserveHit { get; init; }
}
