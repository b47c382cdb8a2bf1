using System.Collections.Immutable;
using Shipshape.Core;

namespace Shipshape.Tests.Reporting;

/// <summary>A small report with findings of four severities and four rules, for the HTML report in a browser.</summary>
internal static class BrowserReport
{
    public static Finding Finding(string ruleId, Severity severity, Practice practice, string path, int line, string address, string message) => new()
    {
        RuleId = ruleId,
        Title = "Title of " + ruleId,
        Severity = severity,
        Practice = practice,
        Message = message,
        Location = line > 0 ? new SourceSpan(path, line, 1, line, 1) : SourceSpan.FileOnly(path),
        Resource = new ResourceRef(address, "AWS::ECS::TaskDefinition", null),
        Fingerprint = "fp-" + ruleId + "-" + path + "-" + line,
    };

    public static ScanReport Create()
    {
        Finding[] findings =
        [
            Finding("SHP-CTR-001", Severity.High, Practice.HostAndContainer, "infra/app.yaml", 42, "AppTaskDefinition", "Container 'web' sets privileged to true."),
            Finding("SHP-CTR-001", Severity.High, Practice.HostAndContainer, "k8s/web.yaml", 10, "Deployment/default/web", "Container 'web' sets privileged to true."),
            Finding("SHP-SEC-002", Severity.Critical, Practice.Secrets, "task-def.json", 0, "app", "Environment variable 'API_KEY' holds a secret (AKIA****MPLE)."),
            Finding("SHP-LOG-003", Severity.Medium, Practice.LoggingAndMonitoring, "task-def.json", 0, "app", "Container 'web' has no logConfiguration."),
            Finding("SHP-NET-001", Severity.Low, Practice.Network, "infra/network.tf", 7, "aws_security_group.web", "Ingress from 0.0.0.0/0 on port 22."),
        ];
        return new ScanReport
        {
            ToolVersion = "0.1.0",
            Findings = [.. findings],
            Diagnostics = [Diagnostic.Error(new SourceSpan("broken.json", 3, 5, 3, 5), "Unexpected token '}'.")],
            Rules = findings.Select(f => f.RuleId).Distinct().Select(id =>
            {
                var f = findings.First(x => x.RuleId == id);
                return SampleReport.Rule(id, f.Title, f.Severity, f.Practice, []);
            }).ToImmutableSortedDictionary(r => r.Id, r => r, StringComparer.Ordinal),
            FilesScanned = 5,
            Resources = 5,
        };
    }
}
