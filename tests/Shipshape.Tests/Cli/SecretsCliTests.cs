using System.Text;
using System.Text.Json;
using Shipshape.Cli;
using Shipshape.Tests.Support;

namespace Shipshape.Tests.Cli;

public sealed class SecretsCliTests
{
    private const string Token = "ghp_4Rk9ZqT2mX7vB1nC8dE5fG3hJ6kL0pQ2sU9w";

    private static async Task<(int Code, string Stdout, string Stderr)> RunWithStdinAsync(string input, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await ShipshapeCommand.RunAsync(args, stdout, stderr, color: false, stdin: () => new MemoryStream(Encoding.UTF8.GetBytes(input)));
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task Scan_Stdin_ReportsSecretAtStdinPathWithoutTheValue()
    {
        var (code, stdout, _) = await RunWithStdinAsync($"line one\nGH_TOKEN={Token}\n", "scan", "-", "--format", "json", "--quiet");

        Assert.Equal(1, code);
        Assert.DoesNotContain(Token, stdout, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(stdout);
        var finding = Assert.Single(json.RootElement.GetProperty("findings").EnumerateArray());
        Assert.Equal("SHP-SEC-100", finding.GetProperty("ruleId").GetString());
        Assert.Equal("<stdin>", finding.GetProperty("location").GetProperty("path").GetString());
        Assert.Equal(2, finding.GetProperty("location").GetProperty("startLine").GetInt32());
        Assert.Contains("github-pat", finding.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scan_ScannersMisconfigOnly_IgnoresSecretsInPlainFiles()
    {
        using var tree = new TempTree();
        tree.Write("app.env", $"GH_TOKEN={Token}\n");
        tree.Write("Dockerfile", "FROM public.ecr.aws/docker/library/alpine:3.20\nUSER 1000\nHEALTHCHECK CMD true\n");

        var (code, stdout, _) = await CliRunner.RunAsync("scan", tree.Root, "--scanners", "misconfig", "--format", "json", "--quiet");

        Assert.NotEqual(2, code);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal(1, json.RootElement.GetProperty("summary").GetProperty("filesScanned").GetInt32());
        Assert.DoesNotContain(json.RootElement.GetProperty("findings").EnumerateArray(), f => f.GetProperty("practice").GetString() == "secrets");
    }

    [Fact]
    public async Task Scan_UnknownScanner_ExitsTwo()
    {
        var (code, _, stderr) = await CliRunner.RunAsync("scan", ".", "--scanners", "secrets,vulns");

        Assert.Equal(2, code);
        Assert.Contains("unknown scanner 'vulns'", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scan_GitleaksConfigOption_CustomRuleReported()
    {
        using var tree = new TempTree();
        var config = tree.Write("rules/corp.toml", "[[rules]]\nid = \"corp-key\"\ndescription = \"Corp key\"\nregex = '''corp_[a-z0-9]{20}'''\nkeywords = [\"corp_\"]\n");
        tree.Write("src/app.py", "KEY = 'corp_k3j9x7q2m8v4n6b1z5w0'\n");

        var (code, stdout, _) = await CliRunner.RunAsync("scan", Path.Combine(tree.Root, "src"), "--gitleaks-config", config, "--scanners", "secrets", "--format", "json", "--quiet");

        Assert.Equal(1, code);
        Assert.Contains("corp-key: Corp key", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("corp_k3j9x7q2m8v4n6b1z5w0", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scan_GitleaksConfigMissing_ExitsTwo()
    {
        var (code, _, stderr) = await CliRunner.RunAsync("scan", ".", "--gitleaks-config", "/nonexistent/gitleaks.toml");

        Assert.Equal(2, code);
        Assert.Contains("gitleaks configuration not found", stderr, StringComparison.Ordinal);
    }
}
