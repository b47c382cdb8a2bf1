using System.IO.Compression;
using System.Text;
using Shipshape.Core;
using Shipshape.Engine;
using Shipshape.Engine.Configuration;
using Shipshape.Rules;
using Shipshape.Secrets;
using Shipshape.Secrets.Detection;
using Shipshape.Secrets.Git;
using Shipshape.Tests.Support;
using static Shipshape.Tests.Support.HandMadeRepository;

namespace Shipshape.Tests.Secrets;

/// <summary>
/// Repositories forged byte by byte (or built with git and then damaged): the history scan must not hang, crash,
/// read outside the scanned root or inflate a bomb, must say what it could not read, and must still find the
/// secrets in what it could.
/// </summary>
public sealed class GitHostileInputTests
{
    private const string Token = "ghp_4Rk9ZqT2mX7vB1nC8dE5fG3hJ6kL0pQ2sU9w";
    private const long MaxBlob = 10 << 20;
    private static readonly string SecretFile = $"# CI\nGH_TOKEN={Token}\n";

    private static GitHistoryResult Scan(string root, bool followExternal = false) =>
        new GitHistoryScanner(new ContentScanner(SecretEngine.Default), MaxBlob, followExternal).Scan(root);

    private static string Fake(string pair) => string.Concat(Enumerable.Repeat(pair, 20));

    private static string[] Messages(GitHistoryResult result) => [.. result.Diagnostics.Select(d => d.Message)];

    // A repository outside any test's scanned root, with one secret, for the confinement tests.
    private static (TempTree Tree, HandMadeRepository Repo) Outside()
    {
        var tree = new TempTree();
        var repo = new HandMadeRepository(tree.PathOf(".git"));
        repo.CommitFiles(("ci.env", repo.Blob(SecretFile)));
        return (tree, repo);
    }

    [Fact]
    public void Scan_ZlibBombLooseBlob_ReportedWithoutInflatingAndOtherFilesScanned()
    {
        using var tree = new TempTree();
        var repo = new HandMadeRepository(tree.PathOf(".git"));
        var bomb = Fake("b0");
        var path = Path.Combine(repo.GitDir, "objects", bomb[..2], bomb[2..]);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        const long size = 1L << 30;
        using (var zlib = new ZLibStream(File.Create(path), CompressionLevel.Optimal))
        {
            zlib.Write(Encoding.ASCII.GetBytes($"blob {size}\0"));
            var zeros = new byte[1 << 20];
            for (var i = 0; i < size / zeros.Length; i++)
            {
                zlib.Write(zeros);
            }
        }

        Assert.True(new FileInfo(path).Length < 2 << 20, $"{new FileInfo(path).Length} bytes compressed");
        repo.CommitFiles(("bomb.txt", bomb), ("ci.env", repo.Blob(SecretFile)));

        var before = GC.GetTotalAllocatedBytes(precise: true);
        var result = Scan(tree.Root);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        Assert.Equal("ci.env", Assert.Single(result.Files).Path);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(IncompleteKind.Partial, diagnostic.Incomplete);
        Assert.Equal(GitHistoryScanner.Location, diagnostic.Location.Path);
        Assert.Contains("bomb.txt at commit", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains($"{size} bytes, over the limit of {MaxBlob}", diagnostic.Message, StringComparison.Ordinal);
        Assert.True(allocated < 64 << 20, $"{allocated} bytes allocated");
    }

    [Fact]
    public void Scan_PackWithRefDeltaCycleAndSelfReference_ReportedAndOtherFilesScanned()
    {
        using var tree = new TempTree();
        var repo = new HandMadeRepository(tree.PathOf(".git"));
        var delta = Delta(4, 4, 4, (byte)'a', (byte)'b', (byte)'c', (byte)'d');
        string a = Fake("a1"), b = Fake("b1"), self = Fake("c1");
        repo.Pack((a, PackEntry(7, delta, refBase: b)), (b, PackEntry(7, delta, refBase: a)), (self, PackEntry(7, delta, refBase: self)));
        repo.CommitFiles(("a.txt", a), ("b.txt", b), ("self.txt", self), ("ci.env", repo.Blob(SecretFile)));

        var result = Scan(tree.Root);

        Assert.Equal("ci.env", Assert.Single(result.Files).Path);
        var messages = Messages(result);
        Assert.Equal(3, messages.Length);
        Assert.All(messages, m => Assert.Contains("delta chain loops back to pack-forged.idx", m, StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("self.txt at commit", StringComparison.Ordinal));
        Assert.All(result.Diagnostics, d => Assert.Equal(IncompleteKind.Partial, d.Incomplete));
    }

    [Fact]
    public void Scan_PackWithBadOffsetDeltas_EachReportedAndTheGoodDeltaScanned()
    {
        using var tree = new TempTree();
        var repo = new HandMadeRepository(tree.PathOf(".git"));
        var baseText = Encoding.ASCII.GetBytes("hello\n");
        var line = Encoding.ASCII.GetBytes($"GH_TOKEN={Token}\n");
        // Copy the 6 base bytes (offset byte, size byte), then insert the secret line.
        var good = Delta(6, 6 + line.Length, [0x91, 0, 6, (byte)line.Length, .. line]);
        var outOfRange = Delta(6, 10, 0x91, 200, 10);
        var entry0 = PackEntry(3, baseText);
        var entry1 = PackEntry(6, good, ofsBack: entry0.Length);
        var entry2 = PackEntry(6, good, ofsBack: 0);
        var entry3 = PackEntry(6, good, ofsBack: 1_000_000);
        var offset4 = 12 + entry0.Length + entry1.Length + entry2.Length + entry3.Length;
        var entry4 = PackEntry(6, outOfRange, ofsBack: offset4 - 12);
        string[] ids = [Fake("01"), Fake("02"), Fake("03"), Fake("04"), Fake("05")];
        repo.Pack((ids[0], entry0), (ids[1], entry1), (ids[2], entry2), (ids[3], entry3), (ids[4], entry4));
        repo.CommitFiles(("base.txt", ids[0]), ("ci.env", ids[1]), ("self.txt", ids[2]), ("before-start.txt", ids[3]), ("copy.txt", ids[4]));

        var result = Scan(tree.Root);

        var file = Assert.Single(result.Files);
        Assert.Equal("ci.env", file.Path);
        Assert.Equal(2, Assert.Single(file.Content.Secrets).Line);
        var messages = Messages(result);
        Assert.Equal(3, messages.Length);
        Assert.Contains(messages, m => m.StartsWith("self.txt", StringComparison.Ordinal) && m.Contains("which is not before it in the pack", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("before-start.txt", StringComparison.Ordinal) && m.Contains("which is not before it in the pack", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("copy.txt", StringComparison.Ordinal) && m.Contains("delta copies 10 bytes at 200, outside its base of 6 bytes", StringComparison.Ordinal));
    }

    [Fact]
    public void Scan_TruncatedPack_ReportedAndLooseObjectsStillScanned()
    {
        using var tree = new TempTree();
        GitCli.Run(tree.Root, "init", "-q");
        for (var i = 0; i < 20; i++)
        {
            tree.Write($"src/file{i}.txt", string.Join('\n', Enumerable.Range(0, 200).Select(n => $"{i}:{n}:{Guid.NewGuid()}")));
        }

        GitCli.Run(tree.Root, "add", ".");
        GitCli.Run(tree.Root, "commit", "-q", "-m", "files");
        GitCli.Run(tree.Root, "gc", "-q");
        tree.Write("ci.env", SecretFile);
        GitCli.Run(tree.Root, "add", ".");
        GitCli.Run(tree.Root, "commit", "-q", "-m", "secret");
        var pack = Directory.GetFiles(tree.PathOf(".git/objects/pack"), "*.pack").Single();
        var bytes = File.ReadAllBytes(pack);
        File.WriteAllBytes(pack, bytes[..(bytes.Length / 2)]);

        var result = Scan(tree.Root);

        Assert.Equal("ci.env", Assert.Single(result.Files).Path);
        Assert.Equal(2, result.Commits);
        Assert.NotEmpty(result.Diagnostics);
        Assert.All(result.Diagnostics, d => Assert.Equal(IncompleteKind.Partial, d.Incomplete));
        // git writes commits first and trees after them: cut in half, the pack keeps its commits and loses its trees.
        Assert.Collection(
            Messages(result),
            m => Assert.Matches(@"^commit [0-9a-f]{40}: root tree \([0-9a-f]{40}\): pack-[0-9a-f]+\.idx: index gives object [0-9a-f]{40} an offset outside the pack: its files are not scanned$", m),
            m => Assert.Matches(@"^commit [0-9a-f]{40}: tree 'src/' \([0-9a-f]{40}\): pack-[0-9a-f]+\.idx: index gives object [0-9a-f]{40} an offset outside the pack: its files are not scanned$", m));
    }

    [Fact]
    public void Scan_SymbolicRefLoop_ReportedAndOtherBranchesScanned()
    {
        using var tree = new TempTree();
        var repo = new HandMadeRepository(tree.PathOf(".git"), head: "ref: refs/heads/a");
        repo.CommitFiles(("ci.env", repo.Blob(SecretFile)));
        repo.SetRef("refs/heads/a", "ref: refs/heads/b");
        repo.SetRef("refs/heads/b", "ref: refs/heads/a");

        var result = Scan(tree.Root);

        Assert.Equal("ci.env", Assert.Single(result.Files).Path);
        Assert.Equal(
            ["symbolic ref loop: HEAD -> refs/heads/a -> refs/heads/b -> refs/heads/a",
             "symbolic ref loop: refs/heads/a -> refs/heads/b -> refs/heads/a",
             "symbolic ref loop: refs/heads/b -> refs/heads/a -> refs/heads/b"],
            Messages(result));
    }

    [Fact]
    public void Scan_SymbolicRefOutsideRefs_NotFollowed()
    {
        using var outside = new TempTree();
        outside.Write("HEAD", new string('f', 40) + "\n");
        using var tree = new TempTree();
        var repo = new HandMadeRepository(tree.PathOf(".git"), head: $"ref: ../../../../../../../../../..{outside.Root}/HEAD");
        repo.CommitFiles(("ci.env", repo.Blob(SecretFile)));

        var result = Scan(tree.Root);

        Assert.Equal("ci.env", Assert.Single(result.Files).Path);
        var message = Assert.Single(Messages(result));
        Assert.StartsWith("ref HEAD points at '../", message, StringComparison.Ordinal);
        Assert.EndsWith("which is not a valid ref name: not followed", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scan_TreeContainingItself_ReportedAndItsFilesScanned()
    {
        using var tree = new TempTree();
        var repo = new HandMadeRepository(tree.PathOf(".git"));
        var loop = Fake("d1");
        repo.Loose("tree", Tree(("100644", "ci.env", repo.Blob(SecretFile)), ("40000", "loop", loop)), id: loop);
        repo.SetRef("refs/heads/main", repo.Loose("commit", Commit(loop)));

        var result = Scan(tree.Root);

        Assert.Equal("ci.env", Assert.Single(result.Files).Path);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(IncompleteKind.Partial, diagnostic.Incomplete);
        Assert.EndsWith($"tree {loop} contains itself at 'loop/': not followed", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scan_MissingAndCorruptObjects_ReportedAndTheRestScanned()
    {
        using var tree = new TempTree();
        var repo = new HandMadeRepository(tree.PathOf(".git"));
        var corrupt = Fake("e1");
        var path = Path.Combine(repo.GitDir, "objects", "e1", corrupt[2..]);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, Zlib(Encoding.ASCII.GetBytes("blob 99"))[..6]);
        var first = repo.CommitFiles(("ci.env", repo.Blob(SecretFile)));
        var missingParent = Fake("f1");
        var files = repo.Loose("tree", Tree(("100644", "gone.txt", Fake("f2")), ("100644", "bad.txt", corrupt)));
        var tip = repo.Loose("commit", Commit(files, missingParent, first));
        repo.SetRef("refs/heads/main", tip);

        var result = Scan(tree.Root);

        Assert.Equal(2, result.Commits);
        Assert.Equal("ci.env", Assert.Single(result.Files).Path);
        Assert.Equal(
            [$"commit {missingParent} (parent of {tip}) is missing: it and its ancestors are not scanned",
             $"gone.txt at commit {tip}: object {Fake("f2")} is missing: not scanned",
             $"bad.txt at commit {tip}: object {corrupt}: the loose object header is truncated or too long: not scanned"],
            Messages(result));
    }

    [Fact]
    public void Scan_ShallowClone_MissingParentsNotReported()
    {
        using var source = new TempTree();
        GitCli.Run(source.Root, "init", "-q");
        source.Write("README.md", "# app\n");
        GitCli.Run(source.Root, "add", ".");
        GitCli.Run(source.Root, "commit", "-q", "-m", "first");
        source.Write("ci.env", SecretFile);
        GitCli.Run(source.Root, "add", ".");
        GitCli.Run(source.Root, "commit", "-q", "-m", "second");
        using var tree = new TempTree();
        GitCli.Run(tree.Root, "clone", "-q", "--depth", "1", "file://" + source.Root, "clone");

        var result = Scan(tree.PathOf("clone"));

        Assert.Equal(1, result.Commits);
        Assert.Equal("ci.env", Assert.Single(result.Files).Path);
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void Scan_GitFileNamingADirectoryOutsideTheRoot_NotFollowedUnlessAllowed()
    {
        var (outside, _) = Outside();
        using (outside)
        {
            using var tree = new TempTree();
            tree.Write(".git", $"gitdir: {outside.PathOf(".git")}\n");

            var confined = Scan(tree.Root);
            var followed = Scan(tree.Root, followExternal: true);

            Assert.Empty(confined.Files);
            Assert.Equal(0, confined.Commits);
            var diagnostic = Assert.Single(confined.Diagnostics);
            Assert.Equal(IncompleteKind.Skipped, diagnostic.Incomplete);
            Assert.Equal($"the git directory {outside.PathOf(".git")} is outside the scanned root: history not read (--git-allow-external reads it)", diagnostic.Message);
            Assert.Equal("ci.env", Assert.Single(followed.Files).Path);
            Assert.Empty(followed.Diagnostics);
        }
    }

    [Fact]
    public void Scan_GitDirectoryLinkedOutsideTheRoot_NotFollowed()
    {
        var (outside, _) = Outside();
        using (outside)
        {
            using var tree = new TempTree();
            Directory.CreateSymbolicLink(tree.PathOf(".git"), outside.PathOf(".git"));

            var result = Scan(tree.Root);

            Assert.Empty(result.Files);
            Assert.Equal(IncompleteKind.Skipped, Assert.Single(result.Diagnostics).Incomplete);
            Assert.Contains("is outside the scanned root: history not read", result.Diagnostics[0].Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Scan_CommondirOutsideTheRoot_NotFollowedUnlessAllowed()
    {
        var (outside, _) = Outside();
        using (outside)
        {
            using var tree = new TempTree();
            _ = new HandMadeRepository(tree.PathOf(".git"));
            tree.Write(".git/commondir", outside.PathOf(".git") + "\n");

            var confined = Scan(tree.Root);
            var followed = Scan(tree.Root, followExternal: true);

            Assert.Empty(confined.Files);
            Assert.Equal($"commondir names {outside.PathOf(".git")}, outside the scanned root: history not read (--git-allow-external reads it)", Assert.Single(Messages(confined)));
            Assert.Equal("ci.env", Assert.Single(followed.Files).Path);
        }
    }

    [Fact]
    public void Scan_AlternatesOutsideTheRoot_NotReadUnlessAllowed()
    {
        var (outside, source) = Outside();
        using (outside)
        {
            using var tree = new TempTree();
            var repo = new HandMadeRepository(tree.PathOf(".git"));
            var tip = File.ReadAllText(Path.Combine(source.GitDir, "refs", "heads", "main")).Trim();
            repo.SetRef("refs/heads/main", tip);
            tree.Write(".git/objects/info/alternates", outside.PathOf(".git/objects") + "\n");

            var confined = Scan(tree.Root);
            var followed = Scan(tree.Root, followExternal: true);

            Assert.Empty(confined.Files);
            Assert.Equal(
                [$"objects/info/alternates names {outside.PathOf(".git/objects")}, outside the scanned root: objects there are not read (--git-allow-external reads them)",
                 $"ref HEAD points at object {tip}, which is missing",
                 $"ref refs/heads/main points at object {tip}, which is missing"],
                Messages(confined));
            Assert.Equal("ci.env", Assert.Single(followed.Files).Path);
            Assert.Empty(followed.Diagnostics);
        }
    }

    [Fact]
    public void Scan_RootInsideAnotherRepository_NotReadUnlessAllowed()
    {
        var (outside, _) = Outside();
        using (outside)
        {
            var sub = Directory.CreateDirectory(outside.PathOf("services/api")).FullName;

            var confined = Scan(sub);
            var followed = Scan(sub, followExternal: true);

            Assert.Empty(confined.Files);
            var diagnostic = Assert.Single(confined.Diagnostics);
            Assert.Equal(IncompleteKind.Skipped, diagnostic.Incomplete);
            Assert.Equal($"the scanned root is inside the git repository at {outside.Root}: that repository's history is not read (--git-allow-external reads it)", diagnostic.Message);
            Assert.Equal("ci.env", Assert.Single(followed.Files).Path);
        }
    }

    [Fact]
    public void Scanner_GitHistoryWithCorruptObject_DiagnosticInsteadOfExitTwoAndSecretStillReported()
    {
        using var tree = new TempTree();
        var repo = new HandMadeRepository(tree.PathOf(".git"));
        repo.CommitFiles(("ci.env", repo.Blob(SecretFile)), ("gone.txt", Fake("f3")));

        var report = new Scanner(RuleCatalog.CreateDefault()).Scan(new ScanOptions { Paths = [tree.Root], GitHistory = true, Scanners = ["secrets"] }).RelativeTo(tree.Root);

        Assert.Equal("ci.env", Assert.Single(report.Findings).Location.Path);
        var diagnostic = Assert.Single(report.Diagnostics, d => d.Incomplete is not null);
        Assert.Equal(GitHistoryScanner.Location, diagnostic.Location.Path);
        Assert.Equal(IncompleteKind.Partial, diagnostic.Incomplete);
        Assert.EndsWith($"object {Fake("f3")} is missing: not scanned", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scanner_GitHistoryOutsideAnyRepository_StillAConfigurationError()
    {
        using var tree = new TempTree();
        tree.Write("app.env", "A=1\n");

        var error = Assert.Throws<ConfigException>(() => new Scanner(RuleCatalog.CreateDefault()).Scan(new ScanOptions { Paths = [tree.Root], GitHistory = true, Scanners = ["secrets"] }));

        Assert.Contains("not inside a git repository", error.Message, StringComparison.Ordinal);
    }
}
