using System.Text;
using System.Text.Json;
using Shipshape.Core;

namespace Shipshape.Reporting;

/// <summary>Writes SARIF 2.1.0 that passes the OASIS schema and GitHub code scanning's checks.</summary>
public sealed class SarifReportWriter : IReportWriter
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";
    public const string InformationUri = "https://github.com/shipshape-sec/shipshape";
    /// <summary>The uriBaseId every artifact location is relative to.</summary>
    public const string SourceRoot = "%SRCROOT%";
    /// <summary>The partialFingerprints key; versioned so a change of fingerprint scheme starts a new key.</summary>
    public const string FingerprintKey = "shipshapeFingerprint/v1";

    public string Format => "sarif";

    public void Write(ScanReport report, Stream output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);

        var rules = ReportedRules(report);
        var ruleIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < rules.Count; i++)
        {
            ruleIndex[rules[i].Rule.Id] = i;
        }

        using (var json = new Utf8JsonWriter(output, JsonReportWriter.Options))
        {
            json.WriteStartObject();
            json.WriteString("$schema", SchemaUri);
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            json.WriteStartObject();

            json.WriteStartObject("tool");
            json.WriteStartObject("driver");
            json.WriteString("name", "shipshape");
            json.WriteString("version", report.ToolVersion);
            json.WriteString("informationUri", InformationUri);
            json.WriteStartArray("rules");
            foreach (var (rule, severity) in rules)
            {
                WriteRule(json, rule, severity);
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();

            WriteInvocation(json, report);

            // Result URIs are relative to the repository root (git top level, else the working directory, or --source-root).
            json.WriteStartObject("originalUriBaseIds");
            json.WriteStartObject(SourceRoot);
            if (report.Source is { } source)
            {
                json.WriteString("uri", source.DirectoryUri);
            }

            WriteMessage(json, "description", "The repository root; result paths are relative to it.");
            json.WriteEndObject();
            json.WriteEndObject();

            json.WriteStartArray("results");
            foreach (var finding in report.Findings)
            {
                WriteResult(json, report, finding, ruleIndex[finding.RuleId]);
            }

            json.WriteEndArray();
            json.WriteString("columnKind", "utf16CodeUnits");
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        output.Write("\n"u8);
        output.Flush();
    }

    /// <summary>
    /// The rules with at least one result, sorted by ID, each with the severity its results carry: the highest
    /// effective severity, so that a configuration override shows in GitHub's severity column.
    /// </summary>
    private static List<(RuleMetadata Rule, Severity Severity)> ReportedRules(ScanReport report)
    {
        var byId = new SortedDictionary<string, (RuleMetadata Rule, Severity Severity)>(StringComparer.Ordinal);
        foreach (var finding in report.Findings)
        {
            if (byId.TryGetValue(finding.RuleId, out var entry))
            {
                if (finding.Severity > entry.Severity)
                {
                    byId[finding.RuleId] = (entry.Rule, finding.Severity);
                }
            }
            else
            {
                byId[finding.RuleId] = (ReportFacts.RuleFor(report, finding), finding.Severity);
            }
        }

        return [.. byId.Values];
    }

    private static void WriteRule(Utf8JsonWriter json, RuleMetadata rule, Severity severity)
    {
        json.WriteStartObject();
        json.WriteString("id", rule.Id);
        json.WriteString("name", PascalCase(rule.Title, rule.Id));
        WriteMessage(json, "shortDescription", NonEmpty(rule.Title, rule.Id));
        WriteMessage(json, "fullDescription", NonEmpty(rule.Description, rule.Title, rule.Id));
        json.WriteString("helpUri", ReportFacts.RuleDocumentationUri(rule.Id));

        json.WriteStartObject("help");
        json.WriteString("text", HelpText(rule));
        json.WriteString("markdown", HelpMarkdown(rule, severity));
        json.WriteEndObject();

        json.WriteStartObject("defaultConfiguration");
        json.WriteString("level", Level(severity));
        json.WriteEndObject();

        json.WriteStartObject("properties");
        json.WriteString("security-severity", SecuritySeverity(severity));
        json.WriteStartArray("tags");
        var tags = new List<string> { "security", rule.Practice.ToId() };
        foreach (var equivalent in rule.Equivalents)
        {
            if (!tags.Contains(equivalent, StringComparer.Ordinal))
            {
                tags.Add(equivalent);
            }
        }

        foreach (var tag in tags)
        {
            json.WriteStringValue(tag);
        }

        json.WriteEndArray();
        json.WriteString("precision", "high");
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter json, ScanReport report, Finding finding, int ruleIndex)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", finding.RuleId);
        json.WriteNumber("ruleIndex", ruleIndex);
        json.WriteString("level", Level(finding.Severity));
        WriteMessage(json, "message", NonEmpty(finding.Message, finding.Title, finding.RuleId));

        json.WriteStartArray("locations");
        json.WriteStartObject();
        WritePhysicalLocation(json, report, finding.Location, withEndLine: true);
        json.WriteStartArray("logicalLocations");
        json.WriteStartObject();
        json.WriteString("fullyQualifiedName", finding.Resource.Address);
        json.WriteString("kind", "resource");
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();

        if (finding.Resource.Module is { } module)
        {
            WriteModuleCalls(json, report, module);
        }

        json.WriteStartObject("partialFingerprints");
        json.WriteString(FingerprintKey, finding.Fingerprint);
        json.WriteEndObject();

        if (finding.Suppression is { } suppression)
        {
            json.WriteStartArray("suppressions");
            json.WriteStartObject();
            json.WriteString("kind", suppression.Kind == SuppressionKind.Inline ? "inSource" : "external");
            json.WriteString("status", "accepted");
            if (!string.IsNullOrEmpty(suppression.Reason))
            {
                json.WriteString("justification", suppression.Reason);
            }

            json.WriteEndObject();
            json.WriteEndArray();
        }

        json.WriteStartObject("properties");
        json.WriteString("severity", finding.Severity.ToName());
        json.WriteString("practice", finding.Practice.ToId());
        json.WriteString("resourceKind", finding.Resource.Kind);
        if (finding.Resource.Path is not null)
        {
            json.WriteString("propertyPath", finding.Resource.Path);
        }

        if (finding.Resource.Module is { } chain)
        {
            json.WriteString("terraformRootModule", chain.RootDirectory);
            json.WriteString("terraformModule", chain.Address);
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>
    /// A called module's resource is located in the module's file, which every caller shares; the calls that reached
    /// this instance (outermost first, each where its caller's <c>module "…" {</c> line is known) are related locations.
    /// </summary>
    private static void WriteModuleCalls(Utf8JsonWriter json, ScanReport report, ModuleChain module)
    {
        if (!module.Calls.Any(c => c.Call is not null))
        {
            return;
        }

        json.WriteStartArray("relatedLocations");
        for (var i = 0; i < module.Calls.Length; i++)
        {
            if (module.Calls[i].Call is not { } span)
            {
                continue;
            }

            json.WriteStartObject();
            json.WriteNumber("id", i + 1);
            WritePhysicalLocation(json, report, span, withEndLine: false);
            var caller = i == 0 ? "root module " + module.RootDirectory : module.Calls[i - 1].Address;
            WriteMessage(json, "message", $"{module.Calls[i].Address}: the module call in {caller} that instantiates this resource");
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteInvocation(Utf8JsonWriter json, ScanReport report)
    {
        json.WriteStartArray("invocations");
        json.WriteStartObject();
        json.WriteBoolean("executionSuccessful", true);
        json.WriteStartArray("toolExecutionNotifications");
        foreach (var diagnostic in report.Diagnostics)
        {
            json.WriteStartObject();
            json.WriteString("level", diagnostic.Severity switch
            {
                DiagnosticSeverity.Error => "error",
                DiagnosticSeverity.Warning => "warning",
                _ => "note",
            });
            WriteMessage(json, "message", NonEmpty(diagnostic.Message, "(no message)"));
            if (diagnostic.Incomplete is { } incomplete)
            {
                json.WriteStartObject("properties");
                json.WriteString("incomplete", incomplete.ToName());
                json.WriteEndObject();
            }
            if (!string.IsNullOrEmpty(diagnostic.Location.Path))
            {
                json.WriteStartArray("locations");
                json.WriteStartObject();
                WritePhysicalLocation(json, report, diagnostic.Location, withEndLine: false);
                json.WriteEndObject();
                json.WriteEndArray();
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
    }

    // A region only when the line is known: SARIF lines are 1-based and a made-up line would mislead.
    // URIs are relative to the repository root, so code scanning finds the file whatever directory the scan started
    // from; a file outside the repository gets its absolute file URI instead.
    private static void WritePhysicalLocation(Utf8JsonWriter json, ScanReport report, SourceSpan span, bool withEndLine)
    {
        json.WriteStartObject("physicalLocation");
        json.WriteStartObject("artifactLocation");
        var relative = report.Source?.Relative(span.Path);
        if (report.Source is { } source && relative is null && Core.SourceRoot.IsFilePath(span.Path))
        {
            json.WriteString("uri", new Uri(Path.GetFullPath(span.Path, source.WorkingDirectory)).AbsoluteUri);
        }
        else
        {
            json.WriteString("uri", ToUriReference(relative ?? span.Path));
            json.WriteString("uriBaseId", SourceRoot);
        }

        json.WriteEndObject();
        if (span.HasLine)
        {
            json.WriteStartObject("region");
            json.WriteNumber("startLine", span.StartLine);
            if (withEndLine)
            {
                json.WriteNumber("endLine", Math.Max(span.StartLine, span.EndLine));
            }

            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private static void WriteMessage(Utf8JsonWriter json, string name, string text)
    {
        json.WriteStartObject(name);
        json.WriteString("text", text);
        json.WriteEndObject();
    }

    /// <summary>
    /// A relative path as a URI reference: '/' separators, each segment percent-encoded (spaces, '#', '%', ':'
    /// and non-ASCII), so that a segment can never read as a scheme, query or fragment.
    /// </summary>
    public static string ToUriReference(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var segments = path.Replace('\\', '/').Split('/');
        return string.Join('/', segments.Select(Uri.EscapeDataString));
    }

    /// <summary>The SARIF level for a severity: critical and high fail, medium warns, the rest are notes.</summary>
    public static string Level(Severity severity) => severity switch
    {
        Severity.Critical or Severity.High => "error",
        Severity.Medium => "warning",
        _ => "note",
    };

    /// <summary>GitHub's security-severity score, a number written as a string (9.0+ critical, 7.0+ high, 4.0+ medium).</summary>
    public static string SecuritySeverity(Severity severity) => severity switch
    {
        Severity.Critical => "9.5",
        Severity.High => "8.0",
        Severity.Medium => "5.5",
        Severity.Low => "3.0",
        _ => "0.0",
    };

    private static string HelpText(RuleMetadata rule)
    {
        var text = new StringBuilder();
        AppendParagraph(text, NonEmpty(rule.Description, rule.Title, rule.Id));
        if (!string.IsNullOrWhiteSpace(rule.Rationale))
        {
            AppendParagraph(text, "Why: " + rule.Rationale.Trim());
        }

        if (!string.IsNullOrWhiteSpace(rule.Remediation))
        {
            AppendParagraph(text, "Fix: " + rule.Remediation.Trim());
        }

        if (!rule.References.IsEmpty)
        {
            AppendParagraph(text, "References:\n" + string.Join('\n', rule.References.Select(r => "- " + r)));
        }

        return text.ToString().TrimEnd('\n');
    }

    private static string HelpMarkdown(RuleMetadata rule, Severity severity)
    {
        var text = new StringBuilder();
        AppendParagraph(text, "**" + MarkdownText.Escape(NonEmpty(rule.Title, rule.Id)) + "** (" + severity.ToName() + ", "
            + MarkdownText.Escape(rule.Practice.ToTitle()) + ")");
        if (!string.IsNullOrWhiteSpace(rule.Description))
        {
            AppendParagraph(text, rule.Description.Trim());
        }

        if (!string.IsNullOrWhiteSpace(rule.Rationale))
        {
            AppendParagraph(text, "## Rationale\n\n" + rule.Rationale.Trim());
        }

        if (!string.IsNullOrWhiteSpace(rule.Remediation))
        {
            AppendParagraph(text, "## Remediation\n\n" + rule.Remediation.Trim());
        }

        if (!rule.Examples.IsEmpty)
        {
            AppendParagraph(text, "## Example\n\n```\n" + rule.Examples[0].Good.Trim('\n') + "\n```");
        }
        else if (!string.IsNullOrWhiteSpace(rule.GoodExample))
        {
            AppendParagraph(text, "## Example\n\n```\n" + rule.GoodExample.Trim('\n') + "\n```");
        }

        if (!rule.Equivalents.IsEmpty)
        {
            AppendParagraph(text, "## Equivalent checks\n\n" + string.Join(", ", rule.Equivalents.Select(e => "`" + e + "`")));
        }

        if (!rule.References.IsEmpty)
        {
            AppendParagraph(text, "## References\n\n" + string.Join('\n', rule.References.Select(r => "- " + MarkdownText.Link(r))));
        }

        return text.ToString().TrimEnd('\n');
    }

    private static void AppendParagraph(StringBuilder text, string paragraph) => text.Append(paragraph).Append("\n\n");

    private static string NonEmpty(params string[] candidates) =>
        candidates.FirstOrDefault(c => !string.IsNullOrWhiteSpace(c)) ?? "(none)";

    /// <summary>"Container runs privileged" → "ContainerRunsPrivileged"; the ID when the title has no letters or digits.</summary>
    internal static string PascalCase(string title, string fallback)
    {
        var name = new StringBuilder();
        var startOfWord = true;
        foreach (var c in title)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                name.Append(startOfWord ? char.ToUpperInvariant(c) : c);
                startOfWord = false;
            }
            else
            {
                startOfWord = true;
            }
        }

        return name.Length > 0 ? name.ToString() : fallback;
    }
}
