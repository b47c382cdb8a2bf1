using System.Text;
using Shipshape.Core;
using Shipshape.Engine.Configuration;
using Shipshape.Reporting;
using Shipshape.Tests.Support;

namespace Shipshape.Tests.Hostile;

/// <summary>Class 4 of the hostile-input issue: nothing outside the scanned root is read unless the user named it.</summary>
public sealed class ConfinementTests
{
    private const string OutsideContent = "OUTSIDE-CONTENT-4711";

    /// <summary>A scanned root "repo" beside a folder "outside" that it must never read.</summary>
    private static TempTree Layout()
    {
        var tree = new TempTree();
        tree.Write("outside/secret.txt", OutsideContent + "\n");
        tree.Write("outside/vars.tfvars", $"v = \"{OutsideContent}\"\n");
        tree.Write("outside/mod/main.tf", "resource \"aws_ecs_cluster\" \"from_outside\" {\n  name = \"x\"\n}\n");
        tree.Write("outside/base.toml", "[[rules]]\nid = \"outside\"\nregex = '''x'''\n");
        Directory.CreateDirectory(tree.PathOf("repo"));
        return tree;
    }

    private static string Json(ScanReport report)
    {
        using var buffer = new MemoryStream();
        new JsonReportWriter().Write(report, buffer);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    [Fact]
    public void Scan_TerraformReadsThatLeadOutsideTheRoot_AreUnresolvedAndReported()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var tree = Layout();
        File.CreateSymbolicLink(tree.PathOf("repo/link"), tree.PathOf("outside"));
        File.CreateSymbolicLink(tree.PathOf("repo/modlink"), tree.PathOf("outside/mod"));
        File.CreateSymbolicLink(tree.PathOf("repo/terraform.tfvars"), tree.PathOf("outside/vars.tfvars"));
        tree.Write("repo/main.tf", """
            variable "v" {}
            resource "aws_ecs_cluster" "lexical" { name = file("../outside/secret.txt") }
            resource "aws_ecs_cluster" "linked" { name = file("link/secret.txt") }
            resource "aws_ecs_cluster" "template" { name = templatefile("link/secret.txt", {}) }
            resource "aws_ecs_cluster" "exists" { name = fileexists("link/secret.txt") ? "yes" : "no" }
            resource "aws_ecs_cluster" "variable" { name = var.v }
            module "outside" { source = "./modlink" }
            """);

        var report = HostileScan.Scan(new() { Paths = [tree.PathOf("repo")] });

        Assert.Equal(5, report.Resources);
        Assert.DoesNotContain(OutsideContent, Json(report), StringComparison.Ordinal);
        Assert.DoesNotContain("from_outside", Json(report), StringComparison.Ordinal);
        var refusals = report.Diagnostics.Where(d => d.Message.Contains("outside the scanned", StringComparison.Ordinal)).ToList();
        Assert.Contains(refusals, d => d.Message.Contains("\"../outside/secret.txt\"", StringComparison.Ordinal));
        Assert.Contains(refusals, d => d.Message.Contains("\"link/secret.txt\"", StringComparison.Ordinal));
        Assert.Contains(refusals, d => d.Message.Contains("module 'outside'", StringComparison.Ordinal));
        Assert.Contains(report.Diagnostics, d => d.Location.Path == "terraform.tfvars" && d.Incomplete == IncompleteKind.Skipped);
    }

    [Theory]
    [InlineData(".gitleaks.toml", "outside/base.toml")]
    [InlineData(".shipshape.yaml", "outside/secret.txt")]
    [InlineData(".gitleaksignore", "outside/secret.txt")]
    public void Scan_ConfigurationFileLinkedToOutsideTheRoot_IsRefused(string name, string target)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var tree = Layout();
        tree.Write("repo/app.env", "A=1\n");
        File.CreateSymbolicLink(tree.PathOf("repo/" + name), tree.PathOf(target));

        var error = Assert.Throws<ConfigException>(() => HostileScan.Scan(new() { Paths = [tree.PathOf("repo")] }));

        Assert.Contains(name, error.Message, StringComparison.Ordinal);
        Assert.Contains("outside the scanned directory", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(OutsideContent, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scan_GitleaksConfigurationExtendingAFileOutsideTheRoot_IsRefused()
    {
        using var tree = Layout();
        tree.Write("repo/app.env", "A=1\n");
        tree.Write("repo/.gitleaks.toml", "[extend]\npath = \"../outside/base.toml\"\n");

        var error = Assert.Throws<ConfigException>(() => HostileScan.Scan(new() { Paths = [tree.PathOf("repo")] }));

        Assert.Contains("outside the scanned root", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scan_GitleaksConfigurationNamedByTheUser_MayExtendAnyFile()
    {
        using var tree = Layout();
        tree.Write("repo/app.env", "A=1\n");
        tree.Write("config/gitleaks.toml", "[extend]\npath = \"../outside/base.toml\"\n");

        var report = HostileScan.Scan(new() { Paths = [tree.PathOf("repo")], GitleaksConfigPath = tree.PathOf("config/gitleaks.toml"), Scanners = ["secrets"] });

        Assert.Equal(1, report.FilesScanned);
    }

    [Fact]
    public void Scan_IgnoreFileLinkedToOutsideTheRoot_IsNotAppliedAndSaysSo()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var tree = Layout();
        tree.Write("outside/ignore-all", "*\n");
        tree.Write("repo/task.json", """{"family": "app", "containerDefinitions": [{"name": "web", "image": "nginx", "privileged": true}]}""");
        File.CreateSymbolicLink(tree.PathOf("repo/.gitignore"), tree.PathOf("outside/ignore-all"));

        var report = HostileScan.Scan(new() { Paths = [tree.PathOf("repo")] });

        Assert.Contains(report.Findings, f => f.RuleId == "SHP-CTR-001");
        Assert.Single(report.Diagnostics, d => d.Location.Path == ".gitignore" && d.Message.Contains("patterns were not applied", StringComparison.Ordinal));
    }
}
