namespace Shipshape.Tests.Cli;

/// <summary>`shipshape compliance list|show` and `scan --compliance`.</summary>
public sealed class ComplianceCommandTests
{
    [Fact]
    public async Task List_NamesEveryFrameworkWithItsCounts()
    {
        var (code, stdout, _) = await CliRunner.RunAsync("compliance", "list");

        Assert.Equal(0, code);
        Assert.Contains("aws-fsbp                AWS Foundational Security Best Practices 1.0.0:", stdout, StringComparison.Ordinal);
        Assert.Contains("pci-dss-4.0", stdout, StringComparison.Ordinal);
        Assert.Contains("hipaa", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Readme_ComplianceListExcerpt_IsWhatTheCommandPrints()
    {
        var readme = File.ReadAllText(Path.Combine(Support.TestPaths.RepoRoot, "README.md"));
        var start = readme.IndexOf("$ shipshape compliance list\n", StringComparison.Ordinal) + "$ shipshape compliance list\n".Length;
        var excerpt = readme[start..readme.IndexOf("\n```", start, StringComparison.Ordinal)];

        var (_, stdout, _) = await CliRunner.RunAsync("compliance", "list");

        Assert.Equal(excerpt + "\n", stdout);
    }

    [Fact]
    public void Readme_CisEksExcerpt_IsWhatTheScanPrints()
    {
        const string command = "$ shipshape scan samples/k8s-insecure --compliance cis-eks\n";
        var readme = File.ReadAllText(Path.Combine(Support.TestPaths.RepoRoot, "README.md"));
        var start = readme.IndexOf(command, StringComparison.Ordinal) + command.Length;
        var excerpt = readme[start..readme.IndexOf("\n```", start, StringComparison.Ordinal)].Split('\n');

        var (_, stdout, _) = Support.ProcessCli.Run(Support.TestPaths.RepoRoot, "scan", "samples/k8s-insecure", "--compliance", "cis-eks");

        // Every line the README shows is printed, in the same order; "…" marks what the README leaves out.
        var printed = stdout.Split('\n');
        var at = 0;
        foreach (var line in excerpt.Where(l => l.Trim() != "…"))
        {
            var found = Array.IndexOf(printed, line, at);
            Assert.True(found >= 0, $"README line not printed (in this order): {line}");
            at = found + 1;
        }
    }

    [Fact]
    public async Task Show_Framework_ListsRequirementsWithRulesOrManual()
    {
        var (code, stdout, _) = await CliRunner.RunAsync("compliance", "show", "hipaa");

        Assert.Equal(0, code);
        Assert.Contains("  164.312(d)  Person or entity authentication\n      manual\n", stdout, StringComparison.Ordinal);
        Assert.Contains("  164.312(b)  Audit controls\n      SHP-", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("compliance", "show", "sox")]
    [InlineData("scan", "--compliance", "sox", ".")]
    public async Task UnknownFramework_ExitsTwoWithTheKnownNames(params string[] args)
    {
        var (code, _, stderr) = await CliRunner.RunAsync(args);

        Assert.Equal(2, code);
        Assert.Contains("unknown framework 'sox' (known: aws-fsbp, cis-aws-foundations-3.0, cis-docker, cis-eks, hipaa, nist-800-190, pci-dss-4.0)", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scan_WithCompliance_WritesTheViewAndKeepsTheExitCode()
    {
        var (code, stdout, _) = await CliRunner.RunAsync("scan", Path.Combine(Support.TestPaths.Samples, "ecs-hardened"), "--compliance", "aws-fsbp");

        Assert.Equal(0, code);
        Assert.Contains("  PASS           ECS.4  ECS containers should run as non-privileged", stdout, StringComparison.Ordinal);
        Assert.Contains("      SHP-CTR-001 Container runs privileged: 6 checked, 6 pass, 0 fail", stdout, StringComparison.Ordinal);
    }
}
