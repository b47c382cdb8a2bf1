using Shipshape.Core;
using System.Text;
using Shipshape.Engine;
using Shipshape.Rules;
using Shipshape.Secrets;
using Shipshape.Secrets.Detection;
using Shipshape.Secrets.Git;
using Shipshape.Tests.Support;

namespace Shipshape.Tests.Secrets;

/// <summary>Real repositories built with the git CLI; the scanner reads their objects itself.</summary>
public sealed class GitHistoryScannerTests
{
    private const string Token = "ghp_4Rk9ZqT2mX7vB1nC8dE5fG3hJ6kL0pQ2sU9w";

    private static string Git(string dir, params string[] args) => GitCli.Run(dir, args);

    // A filler file large enough that later versions are stored as deltas once packed.
    private static string Filler(int version) =>
        string.Join('\n', Enumerable.Range(0, 300).Select(i => $"line {i} of the configuration, revision {(i == 150 ? version : 0)}")) + "\n";

    private static (TempTree Tree, string AddCommit) BuildRepository(bool pack)
    {
        var tree = new TempTree();
        Git(tree.Root, "init", "-q");
        tree.Write("README.md", "# app\n");
        tree.Write("config/settings.txt", Filler(1));
        Git(tree.Root, "add", ".");
        Git(tree.Root, "commit", "-q", "-m", "initial");

        tree.Write("config/settings.txt", Filler(2));
        tree.Write("deploy/ci.env", $"# CI settings\nREGION=eu-west-1\nGH_TOKEN={Token}\n");
        Git(tree.Root, "add", ".");
        Git(tree.Root, "commit", "-q", "-m", "add ci settings");
        var added = Git(tree.Root, "rev-parse", "HEAD");

        File.Delete(tree.PathOf("deploy/ci.env"));
        tree.Write("config/settings.txt", Filler(3));
        Git(tree.Root, "add", "-A");
        Git(tree.Root, "commit", "-q", "-m", "remove the token");
        Git(tree.Root, "tag", "-a", "v1", "-m", "release");
        if (pack)
        {
            Git(tree.Root, "gc", "-q", "--aggressive");
        }

        return (tree, added);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Scan_SecretAddedThenDeleted_ReportedOnceAtTheAddingCommit(bool pack)
    {
        var (tree, added) = BuildRepository(pack);
        using (tree)
        {
            var result = new GitHistoryScanner(new ContentScanner(SecretEngine.Default), 10 << 20).Scan(tree.Root);

            Assert.Equal(3, result.Commits);
            var file = Assert.Single(result.Files);
            Assert.Equal("deploy/ci.env", file.Path);
            var hit = Assert.Single(file.Content.Secrets);
            Assert.Equal("github-pat", hit.RuleId);
            Assert.Equal(3, hit.Line);
            Assert.Equal(added, file.Content.Commit!.Id);
            Assert.Equal("Ada Lovelace", file.Content.Commit.Author);
            Assert.Equal("ada@example.com", file.Content.Commit.AuthorEmail);
            Assert.Equal(new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero), file.Content.Commit.Date);
        }
    }

    [Fact]
    public void Read_PackedRepository_BlobsMatchGitCatFile()
    {
        var (tree, _) = BuildRepository(pack: true);
        using (tree)
        {
            Assert.DoesNotContain(Directory.GetDirectories(Path.Combine(tree.Root, ".git", "objects")), d => Path.GetFileName(d).Length == 2);
            var repo = GitRepository.Open(tree.Root);
            foreach (var rev in (string[])["HEAD~2:config/settings.txt", "HEAD~1:config/settings.txt", "HEAD:config/settings.txt"])
            {
                var id = Git(tree.Root, "rev-parse", rev);
                var obj = repo.Read(id);
                Assert.Equal(GitObjectType.Blob, obj.Type);
                Assert.Equal(Git(tree.Root, "cat-file", "-p", id), Encoding.UTF8.GetString(obj.Data).Trim());
            }
        }
    }

    [Fact]
    public void Scanner_GitHistory_FindingNamesCommitAndNeverTheSecret()
    {
        var (tree, added) = BuildRepository(pack: false);
        using (tree)
        {
            var report = new Scanner(RuleCatalog.CreateDefault()).Scan(new ScanOptions { Paths = [tree.Root], GitHistory = true, Scanners = ["secrets"] }).RelativeTo(tree.Root);

            var finding = Assert.Single(report.Findings);
            Assert.Equal("SHP-SEC-100", finding.RuleId);
            Assert.Equal("deploy/ci.env", finding.Location.Path);
            Assert.Equal(3, finding.Location.StartLine);
            Assert.Contains($"first committed in {added[..12]} by Ada Lovelace <ada@example.com> on 2026-03-01", finding.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(Token, finding.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Open_NotARepository_Throws()
    {
        using var tree = new TempTree();
        Assert.Throws<GitFormatException>(() => GitRepository.Open(tree.Root));
    }

    [Fact]
    public void Scanner_GitHistoryTwice_WritesTheSameDiagnostics()
    {
        // The history's summary says what was read, not how long it took, so two scans give the same report.
        var (tree, _) = BuildRepository(pack: true);
        using (tree)
        {
            ScanReport Run() => new Scanner(RuleCatalog.CreateDefault()).Scan(new ScanOptions { Paths = [tree.Root], GitHistory = true, Scanners = ["secrets"] }).RelativeTo(tree.Root);

            var first = Run();
            var second = Run();

            Assert.Equal(first.Diagnostics.Select(d => d.Message), second.Diagnostics.Select(d => d.Message));
            Assert.Contains(first.Diagnostics, d => d.Message.StartsWith("git history: 3 commits, ", StringComparison.Ordinal) && d.Message.EndsWith(" MiB scanned", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Scanner_GitHistoryPastTheScanDeadline_IsReportedNotCheckedAndNoSecretsRuleIsSaidNotToHaveRun()
    {
        var (tree, _) = BuildRepository(pack: false);
        using (tree)
        using (var expired = new CancellationTokenSource())
        {
            expired.Cancel();

            var report = new Scanner(RuleCatalog.CreateDefault()).Scan(new ScanOptions { Paths = [tree.Root], GitHistory = true, Scanners = ["secrets"] }, expired.Token);

            Assert.Contains(report.Diagnostics, d => d.Message.StartsWith("git history not checked: the scan's time limit", StringComparison.Ordinal));
            Assert.DoesNotContain(report.Diagnostics, d => d.Message.Contains("before these rules ran", StringComparison.Ordinal) && d.Message.Contains("SHP-SEC", StringComparison.Ordinal));
        }
    }
}
