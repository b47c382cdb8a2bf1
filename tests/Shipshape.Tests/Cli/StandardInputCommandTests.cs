namespace Shipshape.Tests.Cli;

/// <summary>"shipshape scan -": rendered Helm or Kustomize output piped in.</summary>
public sealed class StandardInputCommandTests
{
    [Fact]
    public async Task Scan_DashWithRenderedManifest_ReportsFindingsUnderStdinAndExitsOne()
    {
        const string rendered = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: c\n    image: c:1\n    securityContext:\n      privileged: true\n";

        var (code, stdout, _) = await CliRunner.RunWithInputAsync(rendered, "scan", "-", "--format", "json", "--rule", "SHP-CTR-001");

        Assert.Equal(1, code);
        Assert.Contains("\"path\": \"<stdin>\"", stdout, StringComparison.Ordinal);
        Assert.Contains("\"address\": \"Pod/default/p\"", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scan_DashWithNothing_ExitsZero()
    {
        var (code, _, stderr) = await CliRunner.RunWithInputAsync(string.Empty, "scan", "-", "--quiet");

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, stderr);
    }
}
