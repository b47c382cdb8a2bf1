using System.Collections.Immutable;
using Shipshape.Core;
using Shipshape.Ingest.Discovery;

namespace Shipshape.Tests.Ingest.Discovery;

public sealed class FileDiscoveryTests
{
    private static DiscoveryResult Discover(string root, long maxFileBytes = DiscoveryOptions.DefaultMaxFileBytes, bool useGitignore = true, params string[] extra) =>
        FileDiscovery.Discover(new DiscoveryOptions
        {
            Roots = [root],
            MaxFileBytes = maxFileBytes,
            UseGitignore = useGitignore,
            ExtraIgnorePatterns = [.. extra],
        });

    private static string[] Paths(DiscoveryResult result) => [.. result.Files.Select(f => f.RelativePath)];

    [Fact]
    public void Discover_NestedGitignoreWithNegation_ReincludesOnlyInItsSubtree()
    {
        using var tree = new TempTree();
        tree.Write(".gitignore", "# logs\n*.log\nbuild/\n");
        tree.Write("app.json");
        tree.Write("a.log", "x");
        tree.Write("sub/.gitignore", "!keep.log\r\n");
        tree.Write("sub/keep.log", "x");
        tree.Write("sub/other.log", "x");
        tree.Write("other/keep.log", "x");
        tree.Write("build/out.json");
        tree.Write("sub/build/out.json");

        var result = Discover(tree.Root);

        Assert.Equal([".gitignore", "app.json", "sub/.gitignore", "sub/keep.log"], Paths(result));
        // a.log, sub/other.log, other/keep.log, build/ and sub/build/
        Assert.Equal(5, result.SkippedIgnored);
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void Discover_NestedGitignoreAnchoredPattern_IsRelativeToItsOwnDirectory()
    {
        using var tree = new TempTree();
        tree.Write("svc/.gitignore", "/local.json\n");
        tree.Write("svc/local.json");
        tree.Write("svc/deep/local.json");
        tree.Write("local.json");

        var result = Discover(tree.Root);

        Assert.Equal(["local.json", "svc/.gitignore", "svc/deep/local.json"], Paths(result));
    }

    [Fact]
    public void Discover_ExcludedDirectory_CannotBeReincludedByNegatingAFileInside()
    {
        using var tree = new TempTree();
        tree.Write(".gitignore", "vendor/\n!vendor/keep.json\n");
        tree.Write("vendor/keep.json");

        var result = Discover(tree.Root);

        Assert.Equal([".gitignore"], Paths(result));
    }

    [Fact]
    public void Discover_ShipshapeIgnore_ExcludesAndOverridesGitignore()
    {
        using var tree = new TempTree();
        tree.Write(".gitignore", ".env\n");
        tree.Write(".shipshapeignore", "fixtures/\n!.env\n");
        tree.Write(".env", "TOKEN=x");
        tree.Write("fixtures/bad.json");
        tree.Write("task.json");

        var result = Discover(tree.Root);

        Assert.Equal([".env", ".gitignore", ".shipshapeignore", "task.json"], Paths(result));
        Assert.Equal(1, result.SkippedIgnored);
    }

    [Fact]
    public void Discover_UseGitignoreFalse_StillHonoursShipshapeIgnore()
    {
        using var tree = new TempTree();
        tree.Write(".gitignore", "*.json\n");
        tree.Write(".shipshapeignore", "*.yaml\n");
        tree.Write("a.json");
        tree.Write("b.yaml", "a: 1");

        var result = Discover(tree.Root, useGitignore: false);

        Assert.Equal([".gitignore", ".shipshapeignore", "a.json"], Paths(result));
    }

    [Fact]
    public void Discover_ExtraPatterns_AreAppliedRelativeToTheRoot()
    {
        using var tree = new TempTree();
        tree.Write("docs/readme.md", "text");
        tree.Write("docs/nested/readme.md", "text");
        tree.Write("readme.md", "text");

        var result = Discover(tree.Root, extra: "/docs/*.md");

        Assert.Equal(["docs/nested/readme.md", "readme.md"], Paths(result));
        Assert.Equal(1, result.SkippedIgnored);
    }

    [Fact]
    public void Discover_GitDirectoryAndGitFile_AreAlwaysSkipped()
    {
        using var tree = new TempTree();
        tree.Write(".git/config", "[core]");
        tree.Write(".git/objects/ab/cdef", "x");
        tree.Write("worktree/.git", "gitdir: /elsewhere");
        tree.Write("worktree/task.json");

        var result = Discover(tree.Root, useGitignore: false);

        Assert.Equal(["worktree/task.json"], Paths(result));
        Assert.Equal(0, result.SkippedIgnored);
    }

    [Fact]
    public void Discover_OversizeFile_WarnsWithPathSizeAndLimitAndIsNotReturned()
    {
        using var tree = new TempTree();
        tree.Write("big/huge.json", new string(' ', 101));
        tree.Write("fits.json", new string(' ', 100));

        var result = Discover(tree.Root, maxFileBytes: 100);

        Assert.Equal(["fits.json"], Paths(result));
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal(DisplayPaths.Join(DisplayPaths.Prefix(tree.Root), "big/huge.json"), diagnostic.Location.Path);
        Assert.Contains("big/huge.json", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("101 bytes", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("100 bytes", diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal(1, result.SkippedOversize);
    }

    [Fact]
    public void Discover_NulByteWithinFirst8000Bytes_SkipsFileAsBinary()
    {
        using var tree = new TempTree();
        var early = new byte[9000];
        early.AsSpan().Fill((byte)'a');
        early[7999] = 0;
        var late = new byte[9000];
        late.AsSpan().Fill((byte)'a');
        late[8000] = 0;
        tree.WriteBytes("early.bin", early);
        tree.WriteBytes("late.txt", late);

        var result = Discover(tree.Root);

        Assert.Equal(["late.txt"], Paths(result));
        Assert.Equal(1, result.SkippedBinary);
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void Discover_EmptyFile_IsReturnedWithLengthZero()
    {
        using var tree = new TempTree();
        tree.Write("empty.json", string.Empty);

        var file = Assert.Single(Discover(tree.Root).Files);

        Assert.Equal("empty.json", file.RelativePath);
        Assert.Equal(0, file.Length);
        Assert.Equal(InputFormat.Json, file.Format);
    }

    [Fact]
    public void Discover_DirectorySymlinkToParent_TerminatesWithoutDuplicates()
    {
        using var tree = new TempTree();
        tree.Write("a.json");
        tree.Write("sub/b.json");
        Directory.CreateSymbolicLink(tree.PathOf("sub/loop"), tree.Root);

        var result = Discover(tree.Root);

        Assert.Equal(["a.json", "sub/b.json"], Paths(result));
        Assert.Equal(1, result.SkippedSymlinks);
    }

    [Fact]
    public void Discover_FileSymlinkOutsideRoot_IsNotFollowed()
    {
        using var tree = new TempTree();
        using var outside = new TempTree();
        var secret = outside.Write("secret.txt", "password=hunter2");
        tree.Write("task.json");
        File.CreateSymbolicLink(tree.PathOf("link.txt"), secret);
        File.CreateSymbolicLink(tree.PathOf("relative.txt"), Path.Join("..", Path.GetFileName(outside.Root), "secret.txt"));

        var result = Discover(tree.Root);

        Assert.Equal(["task.json"], Paths(result));
        Assert.Equal(2, result.SkippedSymlinks);
        Assert.DoesNotContain(result.Files, f => f.FullPath.StartsWith(outside.Root, StringComparison.Ordinal));
    }

    [Fact]
    public void Discover_FileSymlinkInsideRoot_IsFollowedUnderTheLinkPath()
    {
        using var tree = new TempTree();
        tree.Write(".gitignore", "other/\n");
        tree.Write("other/config.yaml", "a: 1");
        File.CreateSymbolicLink(tree.PathOf("alias.yaml"), Path.Join("other", "config.yaml"));

        var result = Discover(tree.Root);

        Assert.Equal([".gitignore", "alias.yaml"], Paths(result));
        var alias = result.Files[1];
        Assert.Equal(tree.PathOf("other/config.yaml"), alias.FullPath);
        Assert.Equal(InputFormat.Yaml, alias.Format);
        Assert.Equal(0, result.SkippedSymlinks);
    }

    [Fact]
    public void Discover_FileSymlinkToAFileFoundDirectly_ReportsOnlyTheTarget()
    {
        using var tree = new TempTree();
        var target = tree.Write("real/task.json", "{\"family\":\"web\"}");
        // The link sorts before its target and still must not take the target's place.
        File.CreateSymbolicLink(tree.PathOf("a-task.json"), target);

        var result = Discover(tree.Root);

        var file = Assert.Single(result.Files);
        Assert.Equal("real/task.json", file.RelativePath);
        Assert.Equal(target, file.FullPath);
    }

    [Fact]
    public void Discover_NonexistentRoot_GivesErrorAndScansOtherRoots()
    {
        using var tree = new TempTree();
        tree.Write("task.json");
        var missing = Path.Join(tree.Root, "does-not-exist");

        var result = FileDiscovery.Discover(new DiscoveryOptions { Roots = [missing, tree.Root] });

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(missing, diagnostic.Location.Path);
        Assert.Contains("does not exist", diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal(["task.json"], Paths(result));
    }

    [Fact]
    public void Discover_NoRoots_GivesError()
    {
        var result = FileDiscovery.Discover(new DiscoveryOptions { Roots = [] });

        Assert.Equal(DiagnosticSeverity.Error, Assert.Single(result.Diagnostics).Severity);
        Assert.Empty(result.Files);
    }

    [Fact]
    public void Discover_AnyTree_IsOrderedOrdinallyByRelativePathWithSlashes()
    {
        using var tree = new TempTree();
        foreach (var path in new[] { "b.json", "a/z.json", "A.json", "a.json", "a/b/c.json", "a-b.json" })
        {
            tree.Write(path);
        }

        var result = Discover(tree.Root);

        Assert.Equal(["A.json", "a-b.json", "a.json", "a/b/c.json", "a/z.json", "b.json"], Paths(result));
        Assert.All(result.Files, f =>
        {
            Assert.Equal(tree.Root, f.Root);
            Assert.True(Path.IsPathFullyQualified(f.FullPath));
            Assert.Equal(tree.PathOf(f.RelativePath), f.FullPath);
        });
    }

    [Fact]
    public void Discover_DirectoryTree_EachFileWithItsTypeAndSizeFromTheListingAndProbe()
    {
        // The walk takes entry types from the directory listing and sizes from the probe's stat: sizes, nested
        // directories, links to files inside (read under the link's name) and to directories (skipped) come out as a
        // stat of every entry would have said.
        using var tree = new TempTree();
        tree.Write("a/b/c/deep.yaml", "kind: Pod\n");
        tree.WriteBytes("big.json", [.. "{\"k\": \""u8, .. Enumerable.Repeat((byte)'x', 70_000), .. "\"}"u8]);
        tree.Write("empty.tf", string.Empty);
        File.CreateSymbolicLink(tree.PathOf("linked.yaml"), tree.PathOf("a/b/c/deep.yaml"));
        Directory.CreateSymbolicLink(tree.PathOf("linked-dir"), tree.PathOf("a"));

        var result = Discover(tree.Root);

        Assert.Equal(
            [("a/b/c/deep.yaml", 10L), ("big.json", 70_009L), ("empty.tf", 0L)],
            result.Files.Select(f => (f.RelativePath, f.Length)).Where(f => f.RelativePath != "linked.yaml"));
        Assert.DoesNotContain(result.Files, f => f.RelativePath.StartsWith("linked-dir", StringComparison.Ordinal));
    }

    [Fact]
    public void Discover_FileRoot_UsesFileNameAsRelativePath()
    {
        using var tree = new TempTree();
        var file = tree.Write("deploy/Dockerfile.prod", "FROM alpine:3.20\n");

        var result = FileDiscovery.Discover(new DiscoveryOptions { Roots = [file] });

        var found = Assert.Single(result.Files);
        Assert.Equal("Dockerfile.prod", found.RelativePath);
        Assert.Equal(file, found.FullPath);
        Assert.Equal(file, found.Root);
        Assert.Equal(17, found.Length);
        Assert.Equal(InputFormat.Dockerfile, found.Format);
    }

    [Fact]
    public void Discover_OverlappingRoots_ReportEachFileOnce()
    {
        using var tree = new TempTree();
        tree.Write("sub/task.json");

        var result = FileDiscovery.Discover(new DiscoveryOptions { Roots = [tree.Root, tree.PathOf("sub")] });

        Assert.Equal(["sub/task.json"], Paths(result));
    }

    [Fact]
    public void Discover_UnreadableDirectory_WarnsInsteadOfThrowing()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var tree = new TempTree();
        tree.Write("ok.json");
        tree.Write("locked/secret.json");
        tree.Lock("locked");
        var readable = CanList(tree.PathOf("locked"));

        var result = Discover(tree.Root);

        if (readable)
        {
            // Running as root: permissions do not apply, so the directory is simply scanned.
            Assert.Equal(["locked/secret.json", "ok.json"], Paths(result));
            Assert.Empty(result.Diagnostics);
        }
        else
        {
            Assert.Equal(["ok.json"], Paths(result));
            var diagnostic = Assert.Single(result.Diagnostics);
            Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
            Assert.Equal("locked", diagnostic.Location.Path);
        }
    }

    [Fact]
    public void Discover_AnyTree_WritesNothingIntoIt()
    {
        using var tree = new TempTree();
        tree.Write(".gitignore", "*.log\n");
        tree.Write("a.log", "x");
        tree.Write("svc/task.json");
        var before = tree.Snapshot();

        _ = Discover(tree.Root);

        Assert.Equal(before, tree.Snapshot());
    }

    [Fact]
    public void Discover_DeepTree_DoesNotRecurseOnTheCallStack()
    {
        using var tree = new TempTree();
        var relative = string.Join('/', Enumerable.Repeat("d", 200)) + "/deep.json";
        tree.Write(relative);

        var result = Discover(tree.Root);

        Assert.Equal([relative], Paths(result));
    }

    [Fact]
    public async Task Discover_NamedPipe_ReturnsWithoutOpeningIt()
    {
        if (OperatingSystem.IsWindows() || !File.Exists("/usr/bin/mkfifo"))
        {
            return;
        }

        using var tree = new TempTree();
        tree.Write("task.json");
        using (var mkfifo = System.Diagnostics.Process.Start("/usr/bin/mkfifo", tree.PathOf("pipe")))
        {
            await mkfifo.WaitForExitAsync();
        }

        var result = await Task.Run(() => Discover(tree.Root)).WaitAsync(TimeSpan.FromSeconds(10));

        // A FIFO is never opened (that would block until a writer comes): it is skipped, and the report says so.
        Assert.Equal(["task.json"], Paths(result));
        var skipped = Assert.Single(result.Diagnostics);
        Assert.Equal(DisplayPaths.Join(DisplayPaths.Prefix(tree.Root), "pipe"), skipped.Location.Path);
        Assert.Equal(IncompleteKind.Skipped, skipped.Incomplete);
        Assert.Contains("FIFO", skipped.Message, StringComparison.Ordinal);
        Assert.Equal(1, result.SkippedSpecial);
    }

    private static bool CanList(string directory)
    {
        try
        {
            _ = Directory.GetFileSystemEntries(directory);
            return true;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    [Fact]
    public void Discover_Options_DefaultsMatchTheBrief()
    {
        var options = new DiscoveryOptions { Roots = ImmutableArray.Create(".") };

        Assert.Equal(10L * 1024 * 1024, options.MaxFileBytes);
        Assert.True(options.UseGitignore);
        Assert.Empty(options.ExtraIgnorePatterns);
    }

    [Fact]
    public void Discover_SmallFile_KeepsTheBytesTheProbeReadAndNotThoseOfALargerFile()
    {
        using var tree = new TempTree();
        tree.Write("small.yaml", "apiVersion: v1\nkind: ConfigMap\n");
        tree.Write("large.yaml", "# padding\n" + new string('x', FileDiscovery.BinaryProbeBytes + 10));

        var files = Discover(tree.Root).Files.ToDictionary(f => f.RelativePath);

        Assert.Equal("apiVersion: v1\nkind: ConfigMap\n"u8.ToArray(), files["small.yaml"].Content?.ToArray());
        // Longer than the probe: the probe saw only its head, so it is read whole when it is scanned.
        Assert.Null(files["large.yaml"].Content);
    }

    [Fact]
    public void Discover_RetainedBytes_StayWithinTheBudget()
    {
        using var tree = new TempTree();
        for (var i = 0; i < 10; i++)
        {
            tree.Write($"f{i}.txt", new string('a', 100));
        }

        var none = FileDiscovery.Discover(new DiscoveryOptions { Roots = [tree.Root], MaxRetainedBytes = 0 });
        var some = FileDiscovery.Discover(new DiscoveryOptions { Roots = [tree.Root], MaxRetainedBytes = 350 });

        Assert.All(none.Files, f => Assert.Null(f.Content));
        // Three files of 100 bytes fit in 350; which three depends on the parallel probes, how many does not.
        Assert.Equal(3, some.Files.Count(f => f.Content is not null));
        Assert.Equal(10, some.Files.Length);
    }
}
