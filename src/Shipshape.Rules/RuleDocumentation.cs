using System.Text;
using Shipshape.Core;

namespace Shipshape.Rules;

/// <summary>Renders the documentation pages of docs/rules from rule metadata; deterministic, '\n' line ends.</summary>
public static class RuleDocumentation
{
    /// <summary>One rule's page: docs/rules/&lt;ID&gt;.md.</summary>
    public static string RenderPage(RuleMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        var page = new StringBuilder();
        Line(page, $"# {metadata.Id}: {metadata.Title}");
        Line(page);
        Line(page, "| | |");
        Line(page, "| --- | --- |");
        Line(page, $"| ID | `{metadata.Id}` |");
        Line(page, $"| Severity | {metadata.Severity.ToName()} |");
        Line(page, $"| Practice | {metadata.Practice.ToTitle()} (`{metadata.Practice.ToId()}`) |");
        if (!metadata.Sources.IsEmpty)
        {
            Line(page, $"| Sources | {string.Join(", ", metadata.Sources.Select(s => $"`{s}`"))} |");
        }

        Line(page);
        Line(page, metadata.Description);
        Section(page, "Rationale", metadata.Rationale);
        Section(page, "Remediation", metadata.Remediation);
        foreach (var example in metadata.Examples)
        {
            Line(page);
            Line(page, $"## Example: {SourceTitle(example.Source)} (`{example.EffectiveFileName}`)");
            Line(page);
            Line(page, "Reported:");
            Line(page);
            Line(page, Fenced(example.Bad, Language(example)));
            Line(page);
            Line(page, "Fixed:");
            Line(page);
            Line(page, Fenced(example.Good, Language(example)));
        }

        if (metadata.Examples.IsEmpty && metadata.BadExample is not null)
        {
            Section(page, "Non-compliant example", Fenced(metadata.BadExample, metadata));
        }

        if (metadata.GoodExample is not null)
        {
            Section(page, "Compliant example", Fenced(metadata.GoodExample, metadata));
        }

        List(page, "Equivalent checks in other tools", metadata.Equivalents.Select(e => $"`{e}`"));
        List(page, "Compliance frameworks", metadata.Frameworks.Select(f => $"`{f}`"));
        List(page, "References", metadata.References.Select(r => $"<{r}>"));
        return page.ToString();
    }

    /// <summary>The index page, docs/rules/README.md: one table per practice area, in checklist order.</summary>
    public static string RenderIndex(IEnumerable<RuleMetadata> metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        var all = metadata.ToList();
        var page = new StringBuilder();
        Line(page, "# Shipshape rules");
        Line(page);
        Line(page, "Generated from the rule metadata in `src/Shipshape.Rules/Metadata`; do not edit by hand.");
        foreach (var practice in PracticeNames.All)
        {
            var rules = all.Where(m => m.Practice == practice).OrderBy(m => m.Id, StringComparer.Ordinal).ToList();
            if (rules.Count == 0)
            {
                continue;
            }

            Line(page);
            Line(page, $"## {practice.ToTitle()}");
            Line(page);
            Line(page, "| ID | Title | Severity | Equivalents |");
            Line(page, "| --- | --- | --- | --- |");
            foreach (var rule in rules)
            {
                var equivalents = rule.Equivalents.IsEmpty ? "–" : string.Join(", ", rule.Equivalents);
                Line(page, $"| [{rule.Id}]({rule.Id}.md) | {Escape(rule.Title)} | {rule.Severity.ToName()} | {equivalents} |");
            }
        }

        return page.ToString();
    }

    private static void Section(StringBuilder page, string heading, string body)
    {
        Line(page);
        Line(page, $"## {heading}");
        Line(page);
        Line(page, body);
    }

    private static void List(StringBuilder page, string heading, IEnumerable<string> items)
    {
        var list = items.ToList();
        if (list.Count == 0)
        {
            return;
        }

        Line(page);
        Line(page, $"## {heading}");
        Line(page);
        foreach (var item in list)
        {
            Line(page, $"- {item}");
        }
    }

    /// <summary>A fenced block in the example's own language: JSON for ECS fragments, Dockerfile or YAML otherwise.</summary>
    private static string Fenced(string code, RuleMetadata metadata)
    {
        var language = code.TrimStart().StartsWith('{') ? "json"
            : metadata.Sources.All(s => string.Equals(s, "dockerfile", StringComparison.Ordinal)) ? "dockerfile"
            : "yaml";
        return Fenced(code, language);
    }

    private static string Fenced(string code, string language) => $"```{language}\n{code.TrimEnd()}\n```";

    /// <summary>The fence language of an example, from the name it is scanned under.</summary>
    private static string Language(RuleExample example)
    {
        var name = example.EffectiveFileName;
        return name.EndsWith(".json", StringComparison.Ordinal) ? "json"
            : name.EndsWith(".tf", StringComparison.Ordinal) ? "hcl"
            : name.EndsWith(".yaml", StringComparison.Ordinal) || name.EndsWith(".yml", StringComparison.Ordinal) ? "yaml"
            : string.Equals(example.Source, RuleExampleSources.Dockerfile, StringComparison.Ordinal) ? "dockerfile"
            : "text";
    }

    private static string SourceTitle(string source) => source switch
    {
        RuleExampleSources.CloudFormation => "CloudFormation",
        RuleExampleSources.Terraform => "Terraform",
        RuleExampleSources.EcsTaskDefinition => "ECS task definition",
        RuleExampleSources.Kubernetes => "Kubernetes",
        RuleExampleSources.Compose => "Compose",
        RuleExampleSources.Dockerfile => "Dockerfile",
        RuleExampleSources.IamJson => "IAM policy",
        _ => "Text file",
    };

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);

    private static void Line(StringBuilder page, string text = "") => page.Append(text).Append('\n');
}
