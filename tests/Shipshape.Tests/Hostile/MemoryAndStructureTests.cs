using System.Diagnostics;
using System.Text;
using Shipshape.Cli;
using Shipshape.Core;
using Shipshape.Tests.Support;

namespace Shipshape.Tests.Hostile;

/// <summary>Classes 2 and 3 of the hostile-input issue: expansions are capped by size, and nothing recurses on input depth or opens what is not a regular file.</summary>
public sealed class MemoryAndStructureTests
{
    [Fact]
    public void Scan_AliasExpansionSpreadOverManyDocuments_IsRefusedForTheFile()
    {
        // Each document expands to about 111,000 nodes, under the limit; thirty of them are not.
        var document = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        foreach (var (name, previous) in new[] { ("b", "a"), ("c", "b"), ("d", "c"), ("e", "d") })
        {
            document.Append($"{name}: &{name} [{string.Join(", ", Enumerable.Repeat("*" + previous, 10))}]\n");
        }

        using var tree = new TempTree();
        tree.Write("bomb.yaml", string.Join("---\n", Enumerable.Repeat(document.ToString(), 30)));

        var report = HostileScan.Scan(tree);

        var error = Assert.Single(report.Diagnostics, d => d.Location.Path == "bomb.yaml");
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        Assert.Contains("through aliases", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scan_FileWithMoreFindingsThanTheCap_KeepsTheCapAndSaysHowManyWereDropped()
    {
        using var tree = new TempTree();
        tree.Write("tokens.txt", string.Concat(Enumerable.Range(0, 12).Select(i => $"token{i} = \"{HostileScan.GitHubToken(100 + i)}\"\n")));

        var report = HostileScan.Scan(tree, o => o with { MaxFindingsPerFile = 5, Scanners = ["secrets"] });

        Assert.Equal(5, report.Findings.Length);
        var dropped = Assert.Single(report.Diagnostics, d => d.Location.Path == "tokens.txt");
        Assert.Equal(IncompleteKind.Partial, dropped.Incomplete);
        Assert.StartsWith("7 of its 12 findings were not reported", dropped.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("deep.json", "", "[", "]", "\n")]
    [InlineData("deep.yaml", "a: ", "[", "]", "\n")]
    [InlineData("main.tf", "locals {\n  a = ", "(", ")", "\n}\n")]
    public void Scan_HundredThousandLevelsOfNesting_IsADiagnosticNotAStackOverflow(string name, string prefix, string open, string close, string suffix)
    {
        using var tree = new TempTree();
        tree.Write(name, prefix + string.Concat(Enumerable.Repeat(open, 100_000)) + (open == "(" ? "1" : string.Empty) + string.Concat(Enumerable.Repeat(close, 100_000)) + suffix);

        var report = HostileScan.Scan(tree);

        var error = Assert.Single(report.Diagnostics, d => d.Location.Path == name);
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        Assert.Matches("nesting|depth", error.Message);
    }

    [Fact]
    public async Task Scan_FifoInTheTreeNamedExplicitlyAndBehindASymlink_IsNeverOpenedAndIsReported()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var tree = new TempTree();
        tree.Write("ok/task.json", """{"family": "app", "containerDefinitions": [{"name": "web", "image": "nginx"}]}""");
        using (var mkfifo = Process.Start("mkfifo", tree.PathOf("ok/pipe.yaml")))
        {
            await mkfifo.WaitForExitAsync();
        }

        File.CreateSymbolicLink(tree.PathOf("ok/link.yaml"), tree.PathOf("ok/pipe.yaml"));

        // Opening a FIFO blocks until a writer comes: each of these would hang without the file-type check.
        var inTree = HostileScan.Scan(new() { Paths = [tree.PathOf("ok")] });
        var named = HostileScan.Scan(new() { Paths = [tree.PathOf("ok/pipe.yaml"), tree.PathOf("ok/task.json")] });
        var linked = HostileScan.Scan(new() { Paths = [tree.PathOf("ok/link.yaml"), tree.PathOf("ok/task.json")] });

        // In the tree the link leads to the same file, which is reported once.
        Assert.Equal(["pipe.yaml"], inTree.Diagnostics.Where(d => d.Message.Contains("FIFO", StringComparison.Ordinal)).Select(d => d.Location.Path).Order(StringComparer.Ordinal));
        Assert.Single(named.Diagnostics, d => d.Location.Path == "pipe.yaml" && d.Incomplete == IncompleteKind.Skipped && d.Message.Contains("FIFO", StringComparison.Ordinal));
        Assert.Single(linked.Diagnostics, d => d.Location.Path == "link.yaml" && d.Incomplete == IncompleteKind.Skipped && d.Message.Contains("FIFO", StringComparison.Ordinal));
        Assert.All([inTree, named, linked], r => Assert.Equal(1, r.FilesScanned));
    }

    [Fact]
    public void Scan_CharacterDeviceNamedExplicitly_IsSkipped()
    {
        if (!File.Exists("/dev/zero"))
        {
            return;
        }

        using var tree = new TempTree();
        tree.Write("task.json", """{"family": "app", "containerDefinitions": [{"name": "web", "image": "nginx"}]}""");

        var report = HostileScan.Scan(new() { Paths = ["/dev/zero", tree.Root] });

        Assert.Single(report.Diagnostics, d => d.Location.Path == "zero" && d.Message.Contains("character device", StringComparison.Ordinal));
        Assert.Equal(1, report.FilesScanned);
    }

    [Fact]
    public void Scan_FileNameThatIsNotUtf8_IsSkippedWithADiagnostic()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        using var tree = new TempTree();
        tree.Write("task.json", """{"family": "app", "containerDefinitions": [{"name": "web", "image": "nginx"}]}""");
        // .NET cannot name such a file, so it is made with the shell's printf.
        using (var make = Process.Start("sh", ["-c", $"printf 'a: 1\\n' > \"{tree.Root}/$(printf 'bad\\377.yaml')\""]))
        {
            make.WaitForExit();
        }

        var report = HostileScan.Scan(tree);

        var skipped = Assert.Single(report.Diagnostics);
        Assert.Equal(IncompleteKind.Skipped, skipped.Incomplete);
        Assert.Contains("not valid UTF-8", skipped.Message, StringComparison.Ordinal);
        Assert.Equal(1, report.FilesScanned);
    }

    [Fact]
    public async Task Cli_InternalError_IsOneLineWithoutAStackTraceUnlessDebug()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        using var debugOut = new StringWriter();
        using var debugErr = new StringWriter();
        static Stream Broken() => throw new InvalidOperationException("simulated bug\nsecond line");

        var code = await ShipshapeCommand.RunAsync(["scan", "-", "--quiet"], stdout, stderr, color: false, Broken);
        var debugCode = await ShipshapeCommand.RunAsync(["scan", "-", "--quiet", "--debug"], debugOut, debugErr, color: false, Broken);

        Assert.Equal(3, code);
        var line = Assert.Single(stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("shipshape: internal error: simulated bug (InvalidOperationException)", line, StringComparison.Ordinal);
        Assert.Equal(3, debugCode);
        Assert.Contains("   at ", debugErr.ToString(), StringComparison.Ordinal);
    }
}
