using Shipshape.Rules;

namespace Shipshape.Tests.Rules;

/// <summary>docs/rules is generated from metadata; set SHIPSHAPE_UPDATE_DOCS=1 to rewrite it.</summary>
public sealed class RuleDocsTests
{
    [Fact]
    public void RuleDocs_Generated_MatchCommittedFiles()
    {
        var catalog = RuleCatalog.CreateDefault();
        var directory = Path.Combine(RepositoryRoot(), "docs", "rules");
        var expected = catalog.Metadata.Values.ToDictionary(m => m.Id + ".md", RuleDocumentation.RenderPage, StringComparer.Ordinal);
        expected["README.md"] = RuleDocumentation.RenderIndex(catalog.Metadata.Values);

        if (string.Equals(Environment.GetEnvironmentVariable("SHIPSHAPE_UPDATE_DOCS"), "1", StringComparison.Ordinal))
        {
            Directory.CreateDirectory(directory);
            foreach (var stale in Directory.GetFiles(directory, "*.md").Where(f => !expected.ContainsKey(Path.GetFileName(f))))
            {
                File.Delete(stale);
            }

            foreach (var (name, content) in expected)
            {
                File.WriteAllText(Path.Combine(directory, name), content);
            }
        }

        var committed = Directory.GetFiles(directory, "*.md").Select(Path.GetFileName).Order(StringComparer.Ordinal);
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), committed);
        foreach (var (name, content) in expected)
        {
            Assert.True(content == File.ReadAllText(Path.Combine(directory, name)), $"docs/rules/{name} is out of date; run the tests with SHIPSHAPE_UPDATE_DOCS=1.");
        }
    }

    [Fact]
    public void RenderPage_Rule_HasHeadingFieldsAndFencedExamples()
    {
        var page = RuleDocumentation.RenderPage(RuleCatalog.CreateDefault().Get("SHP-CTR-001"));
        Assert.StartsWith("# SHP-CTR-001: Container runs privileged\n", page, StringComparison.Ordinal);
        Assert.Contains("| Severity | high |", page, StringComparison.Ordinal);
        Assert.Contains("| Practice | Host and container security (`host-and-container`) |", page, StringComparison.Ordinal);
        Assert.Contains("## Example: ECS task definition (`task-definition.json`)\n\nReported:\n\n```json\n{\n  \"family\": \"web\",", page, StringComparison.Ordinal);
        Assert.Contains("## Example: Terraform (`main.tf`)\n\nReported:\n\n```hcl\nresource \"aws_ecs_task_definition\"", page, StringComparison.Ordinal);
        Assert.Contains("## Example: Compose (`compose.yaml`)", page, StringComparison.Ordinal);
        Assert.Contains("- `CKV_AWS_334`\n", page, StringComparison.Ordinal);
        Assert.Contains("- `AWS-FSBP:ECS.4`\n", page, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", page, StringComparison.Ordinal);
    }

    [Fact]
    public void RenderIndex_AllRules_GroupsByPracticeInChecklistOrder()
    {
        var index = RuleDocumentation.RenderIndex(RuleCatalog.CreateDefault().Metadata.Values);
        var iam = index.IndexOf("## IAM management", StringComparison.Ordinal);
        var network = index.IndexOf("## Network and runtime security", StringComparison.Ordinal);
        var logging = index.IndexOf("## Logging and monitoring", StringComparison.Ordinal);
        Assert.True(iam >= 0 && iam < network && network < logging);
        Assert.Contains("| [SHP-IAM-002](SHP-IAM-002.md) | Task role is the execution role | medium | CKV_AWS_249 |", index, StringComparison.Ordinal);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Shipshape.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Shipshape.slnx not found above the test output directory.");
    }
}
