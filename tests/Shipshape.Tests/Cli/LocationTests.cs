using System.Text.Json;
using Shipshape.Core;
using Shipshape.Tests.Support;

namespace Shipshape.Tests.Cli;

/// <summary>
/// Paths in reports are the scanned paths as given, relative to the current directory (as grep and eslint show
/// them); SARIF URIs and fingerprints are relative to the repository root, whatever directory the scan starts from.
/// </summary>
public sealed class LocationTests
{
    // A task definition from the Amazon ECS developer guide's examples, run privileged.
    private const string Task = """
        {
          "family": "web",
          "containerDefinitions": [
            {
              "name": "web",
              "image": "public.ecr.aws/nginx/nginx:1.27",
              "privileged": true
            }
          ]
        }
        """;

    private static TempTree Repository()
    {
        var tree = new TempTree();
        tree.Write("infra/task.json", Task);
        tree.Write("other/task.json", Task);
        Directory.CreateDirectory(tree.PathOf(".git"));
        return tree;
    }

    private static List<(string Path, string Fingerprint)> Privileged(string json) =>
        [.. JsonDocument.Parse(json).RootElement.GetProperty("findings").EnumerateArray()
            .Where(f => f.GetProperty("ruleId").GetString() == "SHP-CTR-001")
            .Select(f => (f.GetProperty("location").GetProperty("path").GetString()!, f.GetProperty("fingerprint").GetString()!))
            .OrderBy(p => p.Item1, StringComparer.Ordinal)];

    [Fact]
    public void Scan_TwoPathsFromTheRepository_EachFileKeepsItsPrefixAndItsOwnFingerprint()
    {
        using var tree = Repository();

        var (code, stdout, _) = ProcessCli.Run(tree.Root, "scan", "infra/", "./other", "--format", "json", "-q");

        Assert.Equal(1, code);
        var found = Privileged(stdout);
        Assert.Equal(["infra/task.json", "other/task.json"], found.Select(f => f.Path));
        Assert.NotEqual(found[0].Fingerprint, found[1].Fingerprint);
    }

    [Fact]
    public void Scan_FromASubdirectory_PathIsRelativeToItButSarifUriAndFingerprintToTheRepository()
    {
        using var tree = Repository();

        var (_, fromTop, _) = ProcessCli.Run(tree.Root, "scan", "infra", "--format", "json", "-q");
        var (_, fromInside, _) = ProcessCli.Run(tree.PathOf("infra"), "scan", ".", "--format", "json", "-q");
        var (_, sarif, _) = ProcessCli.Run(tree.PathOf("infra"), "scan", ".", "--format", "sarif", "-q");

        Assert.Equal("infra/task.json", Assert.Single(Privileged(fromTop)).Path);
        Assert.Equal("task.json", Assert.Single(Privileged(fromInside)).Path);
        Assert.Equal(Assert.Single(Privileged(fromTop)).Fingerprint, Assert.Single(Privileged(fromInside)).Fingerprint);

        var run = JsonDocument.Parse(sarif).RootElement.GetProperty("runs")[0];
        var result = run.GetProperty("results").EnumerateArray().First(r => r.GetProperty("ruleId").GetString() == "SHP-CTR-001");
        var artifact = result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation");
        Assert.Equal("infra/task.json", artifact.GetProperty("uri").GetString());
        Assert.Equal("%SRCROOT%", artifact.GetProperty("uriBaseId").GetString());
        Assert.Equal(new Uri(tree.Root + "/").AbsoluteUri, run.GetProperty("originalUriBaseIds").GetProperty("%SRCROOT%").GetProperty("uri").GetString());
    }

    [Fact]
    public void Scan_SourceRootOption_AnchorsSarifUris()
    {
        using var tree = Repository();

        var (_, sarif, _) = ProcessCli.Run(tree.Root, "scan", "infra", "--format", "sarif", "-q", "--source-root", "infra");

        var uris = JsonDocument.Parse(sarif).RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .Select(r => r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString())
            .Distinct().ToList();
        Assert.Equal(["task.json"], uris);
    }

    [Fact]
    public void Scan_AbsolutePathOutsideTheWorkingDirectory_IsShownRelativeToIt()
    {
        using var tree = Repository();
        using var elsewhere = new TempTree();

        var (_, stdout, _) = ProcessCli.Run(elsewhere.Root, "scan", tree.PathOf("infra"), "--format", "json", "-q");

        var expected = Path.GetRelativePath(elsewhere.Root, tree.PathOf("infra/task.json")).Replace('\\', '/');
        Assert.StartsWith("../", expected, StringComparison.Ordinal);
        Assert.Equal(expected, Assert.Single(Privileged(stdout)).Path);
    }

    [Theory]
    [InlineData("infra", "/w", "infra")]
    [InlineData("./infra/", "/w", "infra")]
    [InlineData(".", "/w", "")]
    [InlineData("/w/infra", "/w", "infra")]
    [InlineData("/elsewhere/infra", "/w", "../elsewhere/infra")]
    [InlineData("../x", "/w/sub", "../x")]
    public void Prefix_GivenPath_IsRelativeToTheWorkingDirectory(string given, string cwd, string expected) =>
        Assert.Equal(expected, DisplayPaths.Prefix(given, cwd));

    [Theory]
    [InlineData("", "app.tf", "app.tf")]
    [InlineData("infra", "app.tf", "infra/app.tf")]
    [InlineData("infra", ".", "infra")]
    [InlineData("", "", ".")]
    public void Join_PrefixAndRelative(string prefix, string relative, string expected) =>
        Assert.Equal(expected, DisplayPaths.Join(prefix, relative));

    [Theory]
    [InlineData("app.tf", "/repo/infra", "infra/app.tf")]
    [InlineData("../other/a.yaml", "/repo/infra", "other/a.yaml")]
    [InlineData("a.zip!x/y.env", "/repo", "a.zip!x/y.env")]
    [InlineData("../../tmp/a.tf", "/repo/infra", null)]
    [InlineData("<stdin>", "/repo", null)]
    [InlineData("-", "/repo", null)]
    public void SourceRootRelative_MapsDisplayPathsIntoTheRepository(string path, string cwd, string? expected) =>
        Assert.Equal(expected, new SourceRoot("/repo", cwd).Relative(path));

    [Fact]
    public void Scan_ConfigurationInTheCurrentDirectoryButNotInThePath_IsReportedAsNotUsed()
    {
        using var tree = Repository();
        tree.Write(".shipshape.yaml", "rules:\n  disable: [SHP-CTR-001]\n");

        var (_, fromTop, _) = ProcessCli.Run(tree.Root, "scan", "infra", "--format", "json", "-q");
        var (_, whole, _) = ProcessCli.Run(tree.Root, "scan", ".", "--format", "json", "-q");

        var diagnostics = JsonDocument.Parse(fromTop).RootElement.GetProperty("diagnostics").EnumerateArray().Select(d => d.GetProperty("message").GetString()).ToList();
        Assert.Contains(diagnostics, m => m!.StartsWith(".shipshape.yaml in the current directory was not used", StringComparison.Ordinal));
        Assert.Single(Privileged(fromTop));
        Assert.Empty(Privileged(whole));
        Assert.DoesNotContain(JsonDocument.Parse(whole).RootElement.GetProperty("diagnostics").EnumerateArray(), d => d.GetProperty("message").GetString()!.Contains("was not used", StringComparison.Ordinal));
    }
}
