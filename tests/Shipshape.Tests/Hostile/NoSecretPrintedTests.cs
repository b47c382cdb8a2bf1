using System.IO.Compression;
using System.Text;
using Shipshape.Core;
using Shipshape.Reporting;
using Shipshape.Tests.Cli;
using Shipshape.Tests.Support;

namespace Shipshape.Tests.Hostile;

/// <summary>
/// Class 5 of the hostile-input issue: unique secrets planted in every kind of input (values, image tags, names,
/// file and archive member names, lines a parser quotes in its error) and a card number never come out whole,
/// in any writer or on standard error.
/// </summary>
public sealed class NoSecretPrintedTests
{
    [Fact]
    public async Task Scan_SecretsPlantedInEveryKindOfInput_NeverAppearInAnyWriterOrOnStandardError()
    {
        var tokens = Enumerable.Range(0, 16).Select(i => HostileScan.GitHubToken(500 + i)).ToArray();
        var card = LuhnValid("453914", 16, seed: 9);
        using var tree = new TempTree();
        tree.Write("task.json", $$"""
            {"family": "app", "containerDefinitions": [{"name": "web", "image": "registry.example.com/app:{{tokens[0]}}",
              "environment": [{"name": "GITHUB_TOKEN", "value": "{{tokens[1]}}"}, {"name": "CARD", "value": "{{card}}"}], "command": ["--token", "{{tokens[2]}}"]}]}
            """);
        tree.Write("Dockerfile", $"FROM alpine:{tokens[3]}\nARG GH={tokens[4]}\nENV TOKEN={tokens[5]}\nRUN curl -H \"Authorization: token {tokens[6]}\" https://example.com\n");
        tree.Write("pod.yaml", $"apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: c\n    image: nginx:{tokens[7]}\n    env:\n    - name: GH_TOKEN\n      value: \"{tokens[8]}\"\n");
        tree.Write("main.tf", $"resource \"aws_ecs_cluster\" \"c\" {{\n  name = \"{tokens[9]}\"\n}}\nresource \"aws_ecs_task_definition\" \"t\" {{\n  family = \"x\"\n  container_definitions = jsonencode([{{ name = \"a\", image = \"nginx:{tokens[10]}\" }}])\n}}\n");
        tree.Write("compose.yaml", $"services:\n  web:\n    image: nginx:{tokens[11]}\n    environment:\n      GITHUB_TOKEN: {tokens[12]}\n");
        tree.Write("broken.yaml", $"a: [\n  b: \"{tokens[13]}\" c\n");
        tree.Write($"dir_{tokens[14]}/notes.txt", $"token = \"{tokens[14]}\"\n");
        using (var zip = new ZipArchive(File.Create(tree.PathOf("bundle.zip")), ZipArchiveMode.Create))
        {
            using var member = new StreamWriter(zip.CreateEntry($"{tokens[15]}.txt").Open());
            member.Write($"token = \"{tokens[15]}\"\ncard = {card}\n");
        }

        foreach (var format in ReportWriters.Names)
        {
            var (_, stdout, stderr) = await CliRunner.RunAsync("scan", tree.Root, "--format", format, "--aws-account-id", "111122223333", "--aws-region", "eu-west-1");

            foreach (var secret in tokens.Append(card))
            {
                Assert.DoesNotContain(secret, stdout, StringComparison.Ordinal);
                Assert.DoesNotContain(secret, stderr, StringComparison.Ordinal);
            }

            if (ReportWriters.Sbom.Contains(format))
            {
                continue; // an SBOM lists packages, not findings
            }

            // The secrets were found, not just dropped: every writer of findings names at least one redacted token.
            Assert.Contains("… (40 characters)", stdout.Replace("\\u2026", "…", StringComparison.Ordinal), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Scan_PlantedSecrets_AreRedactedInTheReportModelItself()
    {
        var token = HostileScan.GitHubToken(42);
        using var tree = new TempTree();
        tree.Write("Dockerfile", $"FROM registry.example.com/base:{token}\nUSER 1000\n");

        var report = HostileScan.Scan(tree);

        var texts = report.Findings.SelectMany(f => new[] { f.Message, f.Location.Path, f.Resource.Address, f.Resource.Path ?? string.Empty })
            .Concat(report.Diagnostics.SelectMany(d => new[] { d.Message, d.Location.Path }));
        Assert.DoesNotContain(texts, t => t.Contains(token, StringComparison.Ordinal));
        Assert.Contains(report.Findings, f => f.Message.Contains("[ghp_… (40 characters)]", StringComparison.Ordinal));
    }

    private static string LuhnValid(string prefix, int length, int seed)
    {
        var random = new Random(seed);
        var digits = new StringBuilder(prefix);
        while (digits.Length < length - 1)
        {
            digits.Append((char)('0' + random.Next(10)));
        }

        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[digits.Length - 1 - i] - '0';
            sum += i % 2 == 0 ? (d * 2 > 9 ? (d * 2) - 9 : d * 2) : d;
        }

        return digits.Append((char)('0' + ((10 - (sum % 10)) % 10))).ToString();
    }
}
