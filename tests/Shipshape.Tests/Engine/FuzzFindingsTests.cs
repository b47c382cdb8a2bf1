using System.Buffers.Binary;
using Shipshape.Core;
using Shipshape.Engine;
using Shipshape.Engine.Configuration;
using Shipshape.Rules;
using Shipshape.Tests.Support;

namespace Shipshape.Tests.Engine;

/// <summary>
/// Every input the fuzzers (tools/fuzz.sh) found crashing a component, scanned end to end the way a user would
/// meet it: the scan finishes, the input becomes at most a diagnostic, and no internal error is reported.
/// </summary>
public sealed class FuzzFindingsTests
{
    private static readonly RuleCatalog Catalog = RuleCatalog.CreateDefault();

    public static TheoryData<string, string> Findings()
    {
        var data = new TheoryData<string, string>();
        var root = Path.Combine(TestPaths.RepoRoot, "tools", "fuzz", "findings");
        foreach (var directory in Directory.EnumerateDirectories(root).Order(StringComparer.Ordinal))
        {
            foreach (var file in Directory.EnumerateFiles(directory).Order(StringComparer.Ordinal))
            {
                data.Add(Path.GetFileName(directory), Path.GetFileName(file));
            }
        }

        return data;
    }

    [Fact]
    public void Findings_EveryTarget_HasReproducers()
    {
        var targets = Findings().Select(row => (string)row[0]).Distinct(StringComparer.Ordinal).ToList();

        Assert.Equal(["archive", "dockerfile", "git-pack", "gitleaks-toml", "hcl-eval", "yaml-json"], targets);
    }

    [Theory]
    [MemberData(nameof(Findings))]
    public void Scan_FuzzReproducer_FinishesWithoutInternalError(string target, string file)
    {
        var input = File.ReadAllBytes(Path.Combine(TestPaths.RepoRoot, "tools", "fuzz", "findings", target, file));
        using var tree = new TempTree();
        var options = new ScanOptions { Paths = [tree.Root], Today = new DateOnly(2026, 12, 4) };
        switch (target)
        {
            case "yaml-json":
                // The parser itself (a NUL byte makes discovery skip the file as binary), then the scan.
                var parsed = Shipshape.Ingest.Syntax.StructuredParser.Parse("input.yaml", input);
                Assert.True(parsed.Failed, "a reproducer is malformed YAML, so the parser reports an error");
                tree.WriteBytes("input.yaml", input);
                break;
            case "hcl-eval":
                tree.WriteBytes("main.tf", input);
                break;
            case "dockerfile":
                tree.WriteBytes("Dockerfile", input);
                break;
            case "archive":
                tree.WriteBytes("input" + Path.GetExtension(file), input);
                break;
            case "gitleaks-toml":
                // A malformed configuration is a configuration error (exit 2), never a crash.
                tree.WriteBytes(".gitleaks.toml", input);
                tree.Write("app.env", "A=1\n");
                var error = Assert.Throws<ConfigException>(() => new Scanner(Catalog).Scan(options));
                Assert.Contains("invalid TOML", error.Message, StringComparison.Ordinal);
                return;
            case "git-pack":
                WritePackRepository(tree, input);
                tree.Write("README.md", "x\n");
                options = options with { GitHistory = true, Scanners = ["secrets"] };
                break;
            default:
                throw new InvalidOperationException($"no scan for fuzz target '{target}'");
        }

        var report = new Scanner(Catalog).Scan(options);

        Assert.True(report.FilesScanned >= 1 || input.Contains((byte)0), $"{report.FilesScanned} files scanned");
        Assert.DoesNotContain(report.Diagnostics, d => d.Message.Contains("internal error", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The git-pack input (u32 big-endian index length, index, pack) as the only pack of a repository at the root.</summary>
    private static void WritePackRepository(TempTree tree, byte[] input)
    {
        var indexLength = (int)Math.Min(BinaryPrimitives.ReadUInt32BigEndian(input), (uint)(input.Length - 4));
        tree.WriteBytes(".git/objects/pack/pack-fuzz.idx", input.AsSpan(4, indexLength).ToArray());
        tree.WriteBytes(".git/objects/pack/pack-fuzz.pack", input.AsSpan(4 + indexLength).ToArray());
        tree.Write(".git/HEAD", "ref: refs/heads/main\n");
        var firstId = input.Length >= 4 + 1032 + 20 ? Convert.ToHexStringLower(input.AsSpan(4 + 1032, 20)) : new string('0', 40);
        tree.Write(".git/refs/heads/main", firstId + "\n");
    }
}
