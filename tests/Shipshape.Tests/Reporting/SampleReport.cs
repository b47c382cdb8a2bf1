using System.Collections.Immutable;
using Shipshape.Core;

namespace Shipshape.Tests.Reporting;

/// <summary>A small hand-written report covering a finding with a line, lineless findings, a suppression and diagnostics.</summary>
internal static class SampleReport
{
    public const string PrivilegedRule = "SHP-CTR-001";
    public const string SecretRule = "SHP-SEC-002";
    public const string LogRule = "SHP-LOG-003";

    public static Finding Privileged { get; } = new()
    {
        RuleId = PrivilegedRule,
        Title = "Container runs privileged",
        Severity = Severity.High,
        Practice = Practice.HostAndContainer,
        Message = "Container 'web' in task definition 'app' sets privileged to true.",
        Location = new SourceSpan("infra/app one.yaml", 42, 7, 43, 20),
        Resource = new ResourceRef("AppTaskDefinition", "AWS::ECS::TaskDefinition", "containerDefinitions[web].privileged"),
        Equivalents = ["CKV_AWS_334", "ECS.4"],
        Fingerprint = "fp-privileged-0001",
    };

    public static Finding NoLogs { get; } = new()
    {
        RuleId = LogRule,
        Title = "Container has no log configuration",
        Severity = Severity.Medium,
        Practice = Practice.LoggingAndMonitoring,
        Message = "Container 'web' has no logConfiguration.",
        Location = SourceSpan.FileOnly("task-def.json"),
        Resource = new ResourceRef("app", "AWS::ECS::TaskDefinition", null),
        Fingerprint = "fp-nologs-0002",
    };

    public static Finding Secret { get; } = new()
    {
        RuleId = SecretRule,
        Title = "Secret in container environment",
        Severity = Severity.Critical,
        Practice = Practice.Secrets,
        Message = "Environment variable 'API_KEY' holds a secret (AKIA****MPLE).",
        Location = SourceSpan.FileOnly("task-def.json"),
        Resource = new ResourceRef("app", "AWS::ECS::TaskDefinition", "containerDefinitions[web].environment[API_KEY]"),
        Equivalents = ["CKV_AWS_46"],
        Fingerprint = "fp-secret-0003",
        Suppression = new Suppression(SuppressionKind.Config, "Test key, rotated"),
    };

    public static ImmutableSortedDictionary<string, RuleMetadata> Rules { get; } =
        new[]
        {
            Rule(PrivilegedRule, "Container runs privileged", Severity.High, Practice.HostAndContainer, ["CKV_AWS_334", "ECS.4"]),
            Rule(SecretRule, "Secret in container environment", Severity.Critical, Practice.Secrets, ["CKV_AWS_46"]),
            Rule(LogRule, "Container has no log configuration", Severity.Medium, Practice.LoggingAndMonitoring, []),
        }.ToImmutableSortedDictionary(r => r.Id, r => r, StringComparer.Ordinal);

    public static ScanReport Create() => new()
    {
        ToolVersion = "0.1.0",
        Findings = [Privileged, NoLogs, Secret],
        Diagnostics =
        [
            Diagnostic.Error(new SourceSpan("broken.json", 3, 5, 3, 5), "Unexpected token '}'."),
            Diagnostic.Warning(SourceSpan.FileOnly("huge.yaml"), "File is larger than 5 MB; skipped."),
        ],
        Rules = Rules,
        FilesScanned = 4,
        Resources = 6,
    };

    public static ScanReport Empty() => Create() with { Findings = [], Diagnostics = [] };

    /// <summary>The report with the privileged finding's message replaced.</summary>
    public static ScanReport WithMessage(string message) =>
        Create() with { Findings = [Privileged with { Message = message }, NoLogs, Secret] };

    public static RuleMetadata Rule(string id, string title, Severity severity, Practice practice, ImmutableArray<string> equivalents) => new()
    {
        Id = id,
        Title = title,
        Severity = severity,
        Practice = practice,
        Description = "Finds: " + title + ".",
        Rationale = "Rationale for " + id + ".",
        Remediation = "Remediate " + id + ".",
        References = ["https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html", "CIS Docker 5.4"],
        Equivalents = equivalents,
    };
}
