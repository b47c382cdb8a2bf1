using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Shipshape.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Shipshape.Tests.Cli;

/// <summary>
/// What the README and the repository give CI systems: the recipes' YAML parses and their Shipshape command lines
/// run and write the reports they name; the pre-commit hooks run; the Dockerfile of the AOT binary passes
/// Shipshape's own scan, non-root on a distroless base.
/// </summary>
public sealed class CiRecipeTests
{
    private static string Root => TestPaths.RepoRoot;

    private static List<string> ReadmeYamlBlocks()
    {
        var readme = File.ReadAllText(Path.Combine(Root, "README.md"));
        var start = readme.IndexOf("## In CI", StringComparison.Ordinal);
        var section = readme[start..readme.IndexOf("\n## ", start + 1, StringComparison.Ordinal)];
        return [.. Regex.Matches(section, "```yaml\n(.*?)```", RegexOptions.Singleline).Select(m => m.Groups[1].Value)];
    }

    private static YamlNode Parse(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return stream.Documents[0].RootNode;
    }

    [Fact]
    public void Readme_Recipes_AreYamlOfTheShapeEachSystemReads()
    {
        var blocks = ReadmeYamlBlocks();

        Assert.Equal(3, blocks.Count);
        var github = (YamlMappingNode)Parse(blocks[0]);
        var steps = (YamlSequenceNode)((YamlMappingNode)((YamlMappingNode)github["jobs"])["shipshape"])["steps"];
        var upload = steps.OfType<YamlMappingNode>().Single(s => s.Children.TryGetValue("uses", out var u) && u.ToString().StartsWith("github/codeql-action/upload-sarif", StringComparison.Ordinal));
        Assert.Equal("shipshape.sarif", ((YamlMappingNode)upload["with"])["sarif_file"].ToString());
        Assert.Equal("always()", upload["if"].ToString());
        Assert.Equal("write", ((YamlMappingNode)github["permissions"])["security-events"].ToString());

        var gitlab = (YamlMappingNode)((YamlMappingNode)Parse(blocks[1]))["shipshape"];
        Assert.Equal("shipshape-junit.xml", ((YamlMappingNode)((YamlMappingNode)gitlab["artifacts"])["reports"])["junit"].ToString());

        var precommit = (YamlSequenceNode)((YamlMappingNode)Parse(blocks[2]))["repos"];
        Assert.Equal("https://github.com/shipshape-sec/shipshape", ((YamlMappingNode)precommit[0])["repo"].ToString());
    }

    [Fact]
    public async Task Readme_RecipeCommandLines_RunAndWriteTheReportsTheyName()
    {
        var commands = ReadmeYamlBlocks().SelectMany(b => Regex.Matches(b, @"shipshape scan (?<args>[^\n]+)").Select(m => m.Groups["args"].Value.Trim())).ToList();
        Assert.Equal(2, commands.Count);

        foreach (var command in commands)
        {
            using var tree = new TempTree();
            tree.Write("task.json", """{"family": "web", "containerDefinitions": [{"name": "web", "image": "nginx:1.27", "privileged": true}]}""");

            // The recipe's arguments, with the scanned directory and the report files in the temporary tree.
            var args = command.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(a => a == "." ? tree.Root : Regex.Replace(a, "^(sarif|junit|json)=(.+)$", m => m.Groups[1].Value + "=" + tree.PathOf(m.Groups[2].Value)))
                .ToArray();
            var (code, stdout, stderr) = await CliRunner.RunAsync(["scan", .. args]);

            Assert.True(code == 1, $"shipshape scan {command}: exit {code}: {stderr}");
            Assert.Contains("SHP-CTR-001", stdout, StringComparison.Ordinal);
            foreach (Match report in Regex.Matches(command, "(?<format>sarif|junit)=(?<file>\\S+)"))
            {
                var written = File.ReadAllText(tree.PathOf(report.Groups["file"].Value));
                if (report.Groups["format"].Value == "sarif")
                {
                    Assert.Equal("2.1.0", JsonDocument.Parse(written).RootElement.GetProperty("version").GetString());
                }
                else
                {
                    Assert.Contains(XDocument.Parse(written).Descendants("testcase"), t => t.Attribute("classname")?.Value == "SHP-CTR-001");
                }
            }
        }
    }

    [Fact]
    public async Task PreCommitHooks_EachRunsAShipshapeScanOnTheFilesItNames()
    {
        var hooks = (YamlSequenceNode)Parse(File.ReadAllText(Path.Combine(Root, ".pre-commit-hooks.yaml")));

        Assert.Equal(["shipshape", "shipshape-docker"], hooks.Select(h => ((YamlMappingNode)h)["id"].ToString()));
        foreach (YamlMappingNode hook in hooks)
        {
            Assert.Contains(hook["language"].ToString(), new[] { "system", "docker" });
            Assert.Equal("false", hook["pass_filenames"].ToString());
            var files = new Regex(hook["files"].ToString());
            Assert.True(files.IsMatch("infra/main.tf") && files.IsMatch("Dockerfile") && files.IsMatch("k8s/deploy.yaml") && files.IsMatch("task-definition.json"));
            Assert.False(files.IsMatch("README.md") || files.IsMatch("src/app.cs"));

            var entry = hook["entry"].ToString().Split(' ');
            Assert.Matches("(^|/)shipshape$", entry[0]);
            using var tree = new TempTree();
            tree.Write("task.json", """{"family": "web", "containerDefinitions": [{"name": "web", "image": "nginx:1.27", "privileged": true}]}""");
            var (code, stdout, _) = await CliRunner.RunAsync([.. entry[1..].Select(a => a == "." ? tree.Root : a)]);
            Assert.Equal(1, code);
            Assert.Contains("SHP-CTR-001", stdout, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Dockerfile_PassesShipshapesOwnScan_NonRootOnADistrolessBase()
    {
        var dockerfile = File.ReadAllText(Path.Combine(Root, "Dockerfile"));
        var (code, stdout, stderr) = ProcessCli.Run(Root, "scan", "Dockerfile", ".pre-commit-hooks.yaml", "--config", ".shipshape.yaml", "--format", "json", "--fail-on", "info");

        Assert.True(code == 0, stderr + stdout);
        var findings = JsonDocument.Parse(stdout).RootElement.GetProperty("findings").EnumerateArray().ToList();
        Assert.All(findings, f => Assert.True(f.GetProperty("suppressed").GetBoolean()));
        Assert.All(findings, f => Assert.False(string.IsNullOrWhiteSpace(f.GetProperty("suppression").GetProperty("reason").GetString())));

        // The last stage: a chiseled (distroless) base, a non-root user, the binary as the entry point.
        var last = dockerfile[dockerfile.LastIndexOf("\nFROM ", StringComparison.Ordinal)..];
        Assert.Matches(@"^\nFROM mcr\.microsoft\.com/dotnet/runtime-deps:[^\s]*chiseled", last);
        Assert.Matches(@"\nUSER app\n", last);
        Assert.Contains("ENTRYPOINT [\"/usr/local/bin/shipshape\"]", last, StringComparison.Ordinal);
        Assert.Contains("-p:PublishAot=true", dockerfile, StringComparison.Ordinal);
    }

    [Fact]
    public void RepositoryRoot_ShipshapesOwnScan_ReportsNothing()
    {
        // What the README promises: `shipshape scan .` at the top of this repository, with its .shipshape.yaml.
        var (code, stdout, stderr) = ProcessCli.Run(Root, "scan", ".", "--format", "json", "--quiet");

        Assert.True(code == 0, stderr);
        var findings = JsonDocument.Parse(stdout).RootElement.GetProperty("findings").EnumerateArray().Where(f => !f.GetProperty("suppressed").GetBoolean());
        Assert.Empty(findings.Select(f => f.GetProperty("ruleId").GetString() + " " + f.GetProperty("location").GetProperty("path").GetString()));
    }
}
