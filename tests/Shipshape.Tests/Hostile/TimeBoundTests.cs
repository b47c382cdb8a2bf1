using System.Text;
using Shipshape.Core;
using Shipshape.Hcl.Evaluation;
using Shipshape.Hcl.Syntax;
using Shipshape.Ingest.Discovery;
using Shipshape.Tests.Support;

namespace Shipshape.Tests.Hostile;

/// <summary>Class 1 of the hostile-input issue: every algorithm over input is linear or budgeted, and a file that hits its deadline is reported while the scan goes on.</summary>
public sealed class TimeBoundTests
{
    [Fact]
    public void Scan_OneMegabyteSingleLineWithKeywordsEverywhere_FindsTheSecretAtItsEnd()
    {
        // Every "token" is a keyword hit on the same line: line bounds found per hit were quadratic (7-18 s for 1 MiB).
        var token = HostileScan.GitHubToken(1);
        using var tree = new TempTree();
        tree.Write("minified.js", string.Concat(Enumerable.Repeat("token=a;", 128 * 1024)) + $" gh=\"{token}\"\n");

        var report = HostileScan.Scan(tree, o => o with { Scanners = ["secrets"] });

        var finding = Assert.Single(report.Findings, f => f.RuleId == "SHP-SEC-100");
        Assert.Equal(1, finding.Location.StartLine);
        Assert.Contains("github-pat", finding.Message, StringComparison.Ordinal);
        HostileScan.AssertNoInternalError(report);
    }

    [Fact]
    public void Scan_CloudFormationMappingsThatReferToEachOtherTwice_EndsUnresolved()
    {
        // Each entry joins the next one twice: 40 levels would be 2^40 resolutions (and characters) without memoisation and caps.
        var mappings = new StringBuilder("Mappings:\n  M:\n");
        for (var i = 0; i < 40; i++)
        {
            mappings.Append($"    k{i}:\n      v: {{\"Fn::Join\": [\"\", [{{\"Fn::FindInMap\": [M, k{i + 1}, v]}}, {{\"Fn::FindInMap\": [M, k{i + 1}, v]}}]]}}\n");
        }

        mappings.Append("    k40:\n      v: abcdefgh\n");
        using var tree = new TempTree();
        tree.Write("template.yaml", "AWSTemplateFormatVersion: '2010-09-09'\n" + mappings + """
            Resources:
              Cluster:
                Type: AWS::ECS::Cluster
                Properties:
                  ClusterName: {"Fn::FindInMap": [M, k0, v]}
            """);

        var report = HostileScan.Scan(tree);

        Assert.Equal(1, report.Resources);
        HostileScan.AssertNoInternalError(report);
    }

    [Theory]
    [InlineData("length(range(1e16, 1e16 + 10))", "10")] // "v += 1" never advances past 1e16
    [InlineData("pow(10, 400)", "unknown error")] // infinity: neither Terraform nor JSON can hold it
    [InlineData("jsonencode([pow(10, 400)])", "unknown")] // unknown inside: the encoding is unknown too, never "Infinity"
    [InlineData("format(\"%999999999d\", 1)", "unknown error")] // a gigabyte of padding
    [InlineData("length(distinct(concat(range(0, 1000), range(0, 1000))))", "1000")]
    public void Evaluate_HostileFunctionCall_IsBounded(string expression, string expected)
    {
        var (expr, errors) = HclParser.ParseExpression("f.tf", expression);
        Assert.Empty(errors);

        var value = new HclEvaluator().Evaluate(expr!, HclScope.Empty);

        Assert.Equal(expected, value is HclUnknown u ? (u.IsError ? "unknown error" : "unknown") : HclJson.Encode(value));
    }

    [Fact]
    public void Scan_TerraformLocalsThatDoubleAStringFortyTimes_StayWithinTheBudget()
    {
        var locals = new StringBuilder("locals {\n  s0 = \"ab\"\n");
        for (var i = 1; i <= 40; i++)
        {
            locals.Append($"  s{i} = \"${{local.s{i - 1}}}${{local.s{i - 1}}}\"\n  l{i} = concat(local.l{i - 1}, local.l{i - 1})\n");
        }

        locals.Append("  l0 = [1, 2]\n}\n");
        using var tree = new TempTree();
        tree.Write("main.tf", locals + "resource \"aws_ecs_cluster\" \"c\" {\n  name = \"${local.s40}-${length(local.l40)}\"\n}\n");

        var report = HostileScan.Scan(tree);

        // The cluster is still read (its name is unresolved): 2^41 characters are never built.
        Assert.Equal(1, report.Resources);
        HostileScan.AssertNoInternalError(report);
    }

    [Fact]
    public void Scan_DockerfileThatDoublesAnArgFortyTimes_LeavesItUnresolved()
    {
        var dockerfile = new StringBuilder("FROM alpine:3.20\nARG A=xx\nENV B=yy\n");
        for (var i = 0; i < 40; i++)
        {
            dockerfile.Append("ARG A=$A$A\nENV B=${B}${B}\n");
        }

        using var tree = new TempTree();
        tree.Write("Dockerfile", dockerfile + "USER 1000\nRUN echo $A $B\n");

        var report = HostileScan.Scan(tree);

        Assert.Equal(1, report.Resources);
        HostileScan.AssertNoInternalError(report);
    }

    [Fact]
    public async Task IgnorePattern_ManyDoubleStars_MatchesInLinearTime()
    {
        // A backtracking matcher tries every way to split 40 directories among 30 "**/": it never ends.
        var pattern = IgnorePattern.Parse(string.Concat(Enumerable.Repeat("**/", 30)) + "zzz")!;
        var deep = string.Concat(Enumerable.Repeat("a/", 40));

        var result = await Task.Run(() => (pattern.IsMatch(deep + "f.txt", isDirectory: false), pattern.IsMatch(deep + "zzz", isDirectory: false)))
            .WaitAsync(HostileScan.HangGuard);

        Assert.Equal((false, true), result);
    }

    [Fact]
    public void Scan_ConfiguredRegexThatBacktracks_TimesOutOncePerFileAndTheScanGoesOn()
    {
        using var tree = new TempTree();
        tree.Write(".gitleaks.toml", "[[rules]]\nid = \"nested-quantifier\"\nregex = '''(a|aa)+b'''\nkeywords = [\"aaaa\"]\n");
        tree.Write("many.txt", string.Concat(Enumerable.Repeat(new string('a', 60) + "!\n", 400)));
        tree.Write("app.env", "A=1\n");

        var report = HostileScan.Scan(tree, o => o with { Scanners = ["secrets"] });

        // One note for the file (not one 250 ms timeout per line: 400 lines would take 100 s), and both files scanned.
        var note = Assert.Single(report.Diagnostics, d => d.Location.Path == "many.txt");
        Assert.Equal(IncompleteKind.Partial, note.Incomplete);
        Assert.Contains("nested-quantifier", note.Message, StringComparison.Ordinal);
        Assert.Equal(3, report.FilesScanned);
    }

    [Fact]
    public void Scan_FileOverItsDeadline_IsReportedAsNotChecked()
    {
        using var tree = new TempTree();
        tree.Write("big.yaml", string.Concat(Enumerable.Range(0, 200_000).Select(i => $"key{i}: [value, {i}]\n")));
        tree.Write("task.json", """{"family": "app", "containerDefinitions": [{"name": "web", "image": "nginx", "privileged": true}]}""");

        var report = HostileScan.Scan(tree, o => o with { FileTimeout = TimeSpan.FromMilliseconds(1), Scanners = ["misconfig"] });

        var skipped = Assert.Single(report.Diagnostics, d => d.Location.Path == "big.yaml");
        Assert.Equal(IncompleteKind.Skipped, skipped.Incomplete);
        Assert.Contains("per-file time limit", skipped.Message, StringComparison.Ordinal);
        Assert.True(report.Summary.NotChecked >= 1);
    }
}
