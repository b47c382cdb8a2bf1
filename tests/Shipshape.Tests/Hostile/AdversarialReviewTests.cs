using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using Shipshape.Core;
using Shipshape.Tests.Cli;
using Shipshape.Tests.Support;

namespace Shipshape.Tests.Hostile;

/// <summary>What an adversarial review found past the first round: chains across named conditions, caps that must hold across files, archive members and pods, and the channels around the report (options, configuration errors, write errors).</summary>
public sealed class AdversarialReviewTests
{
    [Fact]
    public void Scan_ChainOfSixtyThousandNamedConditions_IsNoStackOverflow()
    {
        var conditions = new StringBuilder("{\"C0\": {\"Fn::Equals\": [\"a\", \"a\"]}");
        for (var i = 1; i < 60_000; i++)
        {
            conditions.Append($", \"C{i}\": {{\"Condition\": \"C{i - 1}\"}}");
        }

        using var tree = new TempTree();
        tree.Write("template.json", "{\"Conditions\": " + conditions + "}, \"Resources\": {\"Cluster\": {\"Type\": \"AWS::ECS::Cluster\", \"Condition\": \"C59999\", \"Properties\": {}}}}");

        var report = HostileScan.Scan(tree);

        // Too deep to decide: the condition is unknown, so the resource is kept (not dropped as false).
        Assert.Equal(1, report.Resources);
        HostileScan.AssertNoInternalError(report);
    }

    [Fact]
    public void Scan_PodWithTenThousandContainers_ChecksTheFirstThousandAndSaysSo()
    {
        using var tree = new TempTree();
        tree.Write("pod.yaml", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n"
            + string.Concat(Enumerable.Range(0, 10_000).Select(i => $"  - {{name: c{i}, image: nginx}}\n")));

        var report = HostileScan.Scan(tree);

        Assert.Contains(report.Diagnostics, d => d.Incomplete == IncompleteKind.Partial && d.Message.Contains("only the first 1000 containers", StringComparison.Ordinal));
        Assert.Equal(1000, report.Findings.Count(f => f.Location.Path == "pod.yaml"));
    }

    [Fact]
    public void Scan_ManyFilesEachUnderTheirCap_StopAtTheScanCap()
    {
        using var tree = new TempTree();
        for (var i = 0; i < 5; i++)
        {
            tree.Write($"p{i}.yaml", $"apiVersion: v1\nkind: Pod\nmetadata:\n  name: p{i}\nspec:\n  containers:\n  - {{name: a, image: nginx}}\n  - {{name: b, image: nginx}}\n");
        }

        var report = HostileScan.Scan(tree, o => o with { MaxFindings = 12 });

        Assert.Equal(12, report.Findings.Length);
        var dropped = Assert.Single(report.Diagnostics, d => d.Location.Path == "<engine>");
        Assert.EndsWith("findings were not reported: at most 12 findings are kept per scan", dropped.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scan_ArchiveWhoseMembersEachHoldSecrets_SharesOneCap()
    {
        using var tree = new TempTree();
        using (var zip = new ZipArchive(File.Create(tree.PathOf("bundle.zip")), ZipArchiveMode.Create))
        {
            for (var m = 0; m < 4; m++)
            {
                using var member = new StreamWriter(zip.CreateEntry($"m{m}.txt").Open());
                for (var i = 0; i < 5; i++)
                {
                    member.Write($"token{i} = \"{HostileScan.GitHubToken((m * 10) + i)}\"\n");
                }
            }
        }

        var report = HostileScan.Scan(tree, o => o with { MaxFindingsPerFile = 7, Scanners = ["secrets"] });

        Assert.Equal(7, report.Findings.Length);
        Assert.All(report.Findings, f => Assert.StartsWith("bundle.zip!", f.Location.Path, StringComparison.Ordinal));
        Assert.Contains(report.Diagnostics, d => d.Location.Path == "bundle.zip" && d.Incomplete == IncompleteKind.Partial);
    }

    [Fact]
    public void Scan_BacktrackingRegexInManyTerraformResources_TimesOutOnce()
    {
        var resources = string.Concat(Enumerable.Range(0, 60).Select(i => $"resource \"aws_ecs_cluster\" \"c{i}\" {{\n  name = regex(\"(a|aa)+$\", local.s)\n}}\n"));
        using var tree = new TempTree();
        tree.Write("main.tf", $"locals {{\n  s = \"{new string('a', 40)}!\"\n}}\n" + resources);

        var report = HostileScan.Scan(tree);

        // Sixty timeouts of 200 ms would take the module past its 10 s deadline; one is all it costs now.
        Assert.Equal(60, report.Resources);
        Assert.Contains(report.Diagnostics, d => d.Message.Contains("regular expression ran out of time", StringComparison.Ordinal));
        Assert.DoesNotContain(report.Diagnostics, d => d.Message.Contains("time limit", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("--baseline")]
    [InlineData("--cfn-parameters-file")]
    [InlineData("--config")]
    public async Task Cli_FileOptionNamingAFifo_ExitsTwoInsteadOfBlocking(string option)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var tree = new TempTree();
        tree.Write("scan/task.json", """{"family": "app", "containerDefinitions": [{"name": "web", "image": "nginx"}]}""");
        using (var mkfifo = Process.Start("mkfifo", tree.PathOf("pipe")))
        {
            await mkfifo.WaitForExitAsync();
        }

        var (code, _, stderr) = await CliRunner.RunAsync("scan", tree.PathOf("scan"), option, tree.PathOf("pipe"), "--quiet").WaitAsync(HostileScan.HangGuard);

        Assert.Equal(2, code);
        Assert.Contains("FIFO", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cli_ReportOnAFullDisk_ExitsTwoSayingWhatCouldNotBeWritten()
    {
        if (!File.Exists("/dev/full"))
        {
            return;
        }

        using var tree = new TempTree();
        tree.Write("task.json", """{"family": "app", "containerDefinitions": [{"name": "web", "image": "nginx"}]}""");

        var (code, _, stderr) = await CliRunner.RunAsync("scan", tree.Root, "--format", "sarif=/dev/full", "--quiet");

        Assert.Equal(2, code);
        Assert.StartsWith("shipshape: cannot write /dev/full", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cli_ConfigurationErrorQuotingASecret_PrintsItRedacted()
    {
        var token = HostileScan.GitHubToken(77);
        using var tree = new TempTree();
        tree.Write("app.env", "A=1\n");
        tree.Write(".shipshape.yaml", $"rules:\n  disable: [{token}]\n");

        var (code, _, stderr) = await CliRunner.RunAsync("scan", tree.Root);

        Assert.Equal(2, code);
        Assert.DoesNotContain(token, stderr, StringComparison.Ordinal);
        Assert.Contains("no rule matches '[ghp_… (40 characters)]'", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Scan_CardNumberAsAnImageTag_IsMaskedInTheMessage()
    {
        using var tree = new TempTree();
        tree.Write("task.json", """{"family": "app", "containerDefinitions": [{"name": "web", "image": "nginx:4532017877893282"}]}""");

        var report = HostileScan.Scan(tree);

        Assert.DoesNotContain(report.Findings, f => f.Message.Contains("4532017877893282", StringComparison.Ordinal));
        Assert.Contains(report.Findings, f => f.Message.Contains("nginx:[453201******3282]", StringComparison.Ordinal));
    }

    [Fact]
    public void Scan_FilesLeftOutByAGitignoreInTheTree_AreCountedInAnInfoDiagnostic()
    {
        using var tree = new TempTree();
        tree.Write(".gitignore", "hidden.json\n");
        tree.Write("hidden.json", """{"family": "app", "containerDefinitions": [{"name": "web", "image": "nginx", "privileged": true}]}""");
        tree.Write("task.json", """{"family": "app", "containerDefinitions": [{"name": "web", "image": "nginx"}]}""");

        var report = HostileScan.Scan(tree);

        var note = Assert.Single(report.Diagnostics, d => d.Location.Path == "<discovery>");
        Assert.Equal(DiagnosticSeverity.Info, note.Severity);
        Assert.StartsWith("1 files and directories were left out", note.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cli_MissingVarFile_ExitsTwo()
    {
        using var tree = new TempTree();
        tree.Write("main.tf", "resource \"aws_ecs_cluster\" \"c\" {\n  name = \"x\"\n}\n");

        var (code, _, stderr) = await CliRunner.RunAsync("scan", tree.Root, "--var-file", tree.PathOf("missing.tfvars"));

        Assert.Equal(2, code);
        Assert.Contains("--var-file: no such file", stderr, StringComparison.Ordinal);
    }
}
