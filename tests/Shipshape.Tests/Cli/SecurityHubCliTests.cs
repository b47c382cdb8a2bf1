using System.Text.Json;
using Shipshape.Tests.Support;

namespace Shipshape.Tests.Cli;

/// <summary>--format asff and ocsf on the command line: the account and Region options, their checks, and archiving.</summary>
public sealed class SecurityHubCliTests
{
    private const string Account = "111122223333";

    // A task definition from the Amazon ECS developer guide's examples, run privileged.
    private const string Privileged = """
        {
          "family": "web",
          "containerDefinitions": [
            { "name": "web", "image": "public.ecr.aws/nginx/nginx:1.27", "privileged": true }
          ]
        }
        """;

    private static readonly Dictionary<string, string?> NoRegionEnvironment = new() { ["AWS_REGION"] = "", ["AWS_DEFAULT_REGION"] = "" };

    private static List<JsonElement> Records(string jsonLines) =>
        [.. jsonLines.Split('\n', StringSplitOptions.RemoveEmptyEntries).SelectMany(line => JsonDocument.Parse(line).RootElement.Clone().EnumerateArray())];

    private static JsonElement PrivilegedRecord(IEnumerable<JsonElement> records) =>
        records.Single(r => r.GetProperty("GeneratorId").GetString() == "SHP-CTR-001");

    [Fact]
    public async Task Scan_AsffWithoutAccountId_ExitsTwoNamingTheOption()
    {
        using var tree = new TempTree();
        tree.Write("task.json", Privileged);

        var (code, stdout, stderr) = await CliRunner.RunAsync("scan", tree.Root, "--format", "asff", "--aws-region", "eu-west-1");

        Assert.Equal(2, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains("--format asff needs --aws-account-id", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--aws-account-id", "11112222333", "--aws-account-id: '11112222333' is not an AWS account ID")]
    [InlineData("--aws-account-id", "1111-2222-3333", "is not an AWS account ID")]
    [InlineData("--aws-region", "Ireland", "--aws-region: 'Ireland' is not an AWS Region name")]
    public async Task Scan_MalformedAccountOrRegion_ExitsTwoNamingTheOption(string option, string value, string message)
    {
        using var tree = new TempTree();
        tree.Write("task.json", Privileged);
        string[] target = option == "--aws-account-id" ? ["--aws-region", "eu-west-1"] : ["--aws-account-id", Account];

        var (code, _, stderr) = await CliRunner.RunAsync(["scan", tree.Root, "--format", "asff", option, value, .. target]);

        Assert.Equal(2, code);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Scan_AsffWithoutRegionAnywhere_ExitsTwoNamingTheOptionAndTheVariables()
    {
        using var tree = new TempTree();
        tree.Write("task.json", Privileged);

        var (code, _, stderr) = ProcessCli.Run(tree.Root, NoRegionEnvironment, "scan", ".", "--format", "asff", "--aws-account-id", Account);

        Assert.Equal(2, code);
        Assert.Contains("--format asff needs --aws-region (or AWS_REGION / AWS_DEFAULT_REGION)", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Scan_AsffRegionFromTheEnvironment_IsUsedAwsRegionFirst()
    {
        using var tree = new TempTree();
        tree.Write("task.json", Privileged);

        var (code, stdout, _) = ProcessCli.Run(tree.Root, new Dictionary<string, string?> { ["AWS_REGION"] = "ap-southeast-2", ["AWS_DEFAULT_REGION"] = "us-east-1" },
            "scan", ".", "--format", "asff", "--aws-account-id", Account, "-q");
        var (_, fallback, _) = ProcessCli.Run(tree.Root, new Dictionary<string, string?> { ["AWS_REGION"] = "", ["AWS_DEFAULT_REGION"] = "us-east-1" },
            "scan", ".", "--format", "asff", "--aws-account-id", Account, "-q");

        Assert.Equal(1, code);
        Assert.Equal($"arn:aws:securityhub:ap-southeast-2:{Account}:product/{Account}/default", PrivilegedRecord(Records(stdout)).GetProperty("ProductArn").GetString());
        Assert.Equal("us-east-1", PrivilegedRecord(Records(fallback)).GetProperty("Region").GetString());
    }

    [Fact]
    public void Scan_OcsfWithAMalformedAwsRegionVariable_IgnoresTheEnvironment()
    {
        // Only Security Hub needs a Region: a shell's AWS_REGION, whatever it holds, neither breaks nor changes OCSF.
        using var tree = new TempTree();
        tree.Write("task.json", Privileged);

        var (code, stdout, stderr) = ProcessCli.Run(tree.Root, new Dictionary<string, string?> { ["AWS_REGION"] = "bogus region" }, "scan", ".", "--format", "ocsf", "-q");
        var (_, valid, _) = ProcessCli.Run(tree.Root, new Dictionary<string, string?> { ["AWS_REGION"] = "eu-west-1" }, "scan", ".", "--format", "ocsf", "-q");

        Assert.Equal(1, code);
        Assert.DoesNotContain("AWS_REGION", stderr, StringComparison.Ordinal);
        Assert.Contains("\"class_uid\":2004", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("\"cloud\"", valid, StringComparison.Ordinal);
    }

    [Fact]
    public void Scan_FromTheRepositoryAndFromASubdirectory_AsffIdsAndResourceIdsAreTheSame()
    {
        using var tree = new TempTree();
        tree.Write("infra/task.json", Privileged);
        Directory.CreateDirectory(tree.PathOf(".git"));
        string[] asff = ["--format", "asff", "--aws-account-id", Account, "--aws-region", "eu-west-1", "-q"];

        var (_, fromTop, _) = ProcessCli.Run(tree.Root, ["scan", "infra", .. asff]);
        var (_, fromInside, _) = ProcessCli.Run(tree.PathOf("infra"), ["scan", ".", .. asff]);

        var top = PrivilegedRecord(Records(fromTop));
        var inside = PrivilegedRecord(Records(fromInside));
        Assert.StartsWith("shipshape/", top.GetProperty("Id").GetString(), StringComparison.Ordinal);
        Assert.Equal(top.GetProperty("Id").GetString(), inside.GetProperty("Id").GetString());
        Assert.Equal("infra/task.json#web", top.GetProperty("Resources")[0].GetProperty("Id").GetString());
        Assert.Equal("infra/task.json#web", inside.GetProperty("Resources")[0].GetProperty("Id").GetString());
    }

    [Fact]
    public async Task Scan_AsffWithTheBaselineAfterAFix_ArchivesTheFixedFindingUnderItsId()
    {
        using var tree = new TempTree();
        var task = tree.Write("task.json", Privileged);
        var baseline = tree.PathOf("baseline.json");
        var (_, json, _) = await CliRunner.RunAsync("scan", tree.Root, "--format", "json", "--write-baseline", baseline, "-q");
        var fingerprint = JsonDocument.Parse(json).RootElement.GetProperty("findings").EnumerateArray()
            .Single(f => f.GetProperty("ruleId").GetString() == "SHP-CTR-001").GetProperty("fingerprint").GetString();
        File.WriteAllText(task, Privileged.Replace("\"privileged\": true", "\"privileged\": false", StringComparison.Ordinal));

        var (code, stdout, stderr) = await CliRunner.RunAsync("scan", tree.Root, "--format", "asff", "--aws-account-id", Account, "--aws-region", "eu-west-1", "--baseline", baseline, "-q");

        Assert.True(code is 0 or 1, stderr);
        var archived = Records(stdout).Single(r => r.GetProperty("Id").GetString() == "shipshape/" + fingerprint);
        Assert.Equal("ARCHIVED", archived.GetProperty("RecordState").GetString());
        Assert.Equal("SHP-CTR-001", archived.GetProperty("GeneratorId").GetString());
        Assert.EndsWith("task.json#web", archived.GetProperty("Resources")[0].GetProperty("Id").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scan_PreviousAsffAfterAFix_ArchivesTheWholePreviousRecord()
    {
        using var tree = new TempTree();
        var task = tree.Write("task.json", Privileged);
        var previous = tree.PathOf("previous.asff.jsonl");
        await CliRunner.RunAsync("scan", tree.Root, "--format", $"asff={previous}", "--aws-account-id", Account, "--aws-region", "eu-west-1", "-q");
        var before = PrivilegedRecord(Records(File.ReadAllText(previous)));
        File.WriteAllText(task, Privileged.Replace("\"privileged\": true", "\"privileged\": false", StringComparison.Ordinal));

        var (_, stdout, _) = await CliRunner.RunAsync("scan", tree.Root, "--format", "asff", "--aws-account-id", Account, "--aws-region", "eu-west-1", "--previous-asff", previous, "-q");

        var archived = PrivilegedRecord(Records(stdout));
        Assert.Equal(before.GetProperty("Id").GetString(), archived.GetProperty("Id").GetString());
        Assert.Equal("ARCHIVED", archived.GetProperty("RecordState").GetString());
        Assert.Equal("Container runs privileged", archived.GetProperty("Title").GetString());
        Assert.Equal(before.GetProperty("CreatedAt").GetString(), archived.GetProperty("CreatedAt").GetString());
    }

    [Fact]
    public async Task Scan_PreviousAsffThatIsNotAnExport_ExitsTwoBeforeScanning()
    {
        using var tree = new TempTree();
        tree.Write("task.json", Privileged);
        var previous = tree.Write("previous.json", "{\"schemaVersion\": 1, \"findings\": []}");

        var (code, stdout, stderr) = await CliRunner.RunAsync("scan", tree.Root, "--format", "asff", "--aws-account-id", Account, "--aws-region", "eu-west-1", "--previous-asff", previous);

        Assert.Equal(2, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains("--previous-asff", stderr, StringComparison.Ordinal);
        Assert.Contains("not an asff export", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scan_PreviousAsffWithoutAsffFormat_ExitsTwo()
    {
        using var tree = new TempTree();
        var previous = tree.Write("previous.jsonl", "");

        var (code, _, stderr) = await CliRunner.RunAsync("scan", tree.Root, "--format", "json", "--previous-asff", previous);

        Assert.Equal(2, code);
        Assert.Contains("--previous-asff is only used with --format asff", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scan_OcsfWithoutAwsOptions_WritesOneDetectionFindingPerLine()
    {
        using var tree = new TempTree();
        tree.Write("task.json", Privileged);

        var (code, stdout, _) = await CliRunner.RunAsync("scan", tree.Root, "--format", "ocsf", "-q");

        Assert.Equal(1, code);
        var events = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();
        Assert.NotEmpty(events);
        Assert.All(events, e => Assert.Equal(2004, e.GetProperty("class_uid").GetInt32()));
        Assert.Contains(events, e => e.GetProperty("finding_info").GetProperty("analytic").GetProperty("uid").GetString() == "SHP-CTR-001"
            && e.GetProperty("severity_id").GetInt32() == 4);
    }

    [Fact]
    public async Task Help_Scan_ListsTheNewFormatsAndOptionsAndTheReadmeTableListsNoOptionHelpLacks()
    {
        var (code, help, _) = await CliRunner.RunAsync("scan", "--help");
        var readme = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "README.md"));
        var table = readme[readme.IndexOf("| option | meaning |", StringComparison.Ordinal)..];
        table = table[..table.IndexOf("\n\n", StringComparison.Ordinal)];
        var documented = System.Text.RegularExpressions.Regex.Matches(table, @"^\| `(--[a-z-]+)|, `(--[a-z-]+)", System.Text.RegularExpressions.RegexOptions.Multiline)
            .Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value).ToList();

        Assert.Equal(0, code);
        Assert.Contains("asff", help, StringComparison.Ordinal);
        Assert.Contains("ocsf", help, StringComparison.Ordinal);
        Assert.Contains("--aws-account-id", documented);
        Assert.Contains("--aws-region", documented);
        Assert.Contains("--previous-asff", documented);
        Assert.All(documented, option => Assert.Contains(option, help, StringComparison.Ordinal));
        Assert.Contains("`asff`, `ocsf`", table, StringComparison.Ordinal);
    }

    [Fact]
    public void Scan_SourceDateEpoch_FixesTheExportTimeSoTwoRunsAreByteIdentical()
    {
        using var tree = new TempTree();
        tree.Write("task.json", Privileged);
        var environment = new Dictionary<string, string?> { ["SOURCE_DATE_EPOCH"] = "1767225600" };
        string[] args = ["scan", ".", "--format", "asff", "--aws-account-id", Account, "--aws-region", "eu-west-1", "-q"];

        var (_, first, _) = ProcessCli.Run(tree.Root, environment, args);
        var (_, second, _) = ProcessCli.Run(tree.Root, environment, args);
        var (code, _, stderr) = ProcessCli.Run(tree.Root, new Dictionary<string, string?> { ["SOURCE_DATE_EPOCH"] = "yesterday" }, args);

        Assert.Equal(first, second);
        Assert.Equal("2026-01-01T00:00:00.000Z", PrivilegedRecord(Records(first)).GetProperty("UpdatedAt").GetString());
        Assert.Equal(2, code);
        Assert.Contains("SOURCE_DATE_EPOCH: 'yesterday' is not a number", stderr, StringComparison.Ordinal);
    }
}
