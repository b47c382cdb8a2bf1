using System.Collections.Immutable;
using Shipshape.Core;
using Shipshape.Engine;
using Shipshape.Engine.Configuration;
using Shipshape.Rules;
using Shipshape.Tests.Support;

namespace Shipshape.Tests.Images;

/// <summary>Images built in code (see <see cref="ImageBuilder"/>), scanned as a user would scan them; locations are "IMAGE!layer N/path" or "IMAGE!blob".</summary>
public sealed class ImageScanTests
{
    private static readonly RuleCatalog Catalog = RuleCatalog.CreateDefault();

    // Built at run time so that no secret-shaped literal is committed.
    private static readonly string GitHubToken = "ghp_" + "4Rk9ZqT2mX7vB1nC8dE5fG3hJ6kL0pQ2sU9w";

    private static readonly DateOnly Today = new(2026, 12, 4);

    // The images built here are unsigned; ImageSignatureTests covers signatures and SHP-CTR-060.
    private static readonly ImmutableArray<string> Unsigned = ["SHP-CTR-060"];

    private static ImageSpec Hardened => new()
    {
        User = "10001",
        Healthcheck = ["CMD-SHELL", "wget -qO- http://localhost:8080/health || exit 1"],
        Tags = ["111122223333.dkr.ecr.eu-west-1.amazonaws.com/app:1.4.2"],
        ExposedPorts = ["8080/tcp"],
        Layers = [new LayerSpec([LayerEntrySpec.Dir("app"), LayerEntrySpec.File("app/server.py", "print('hello')\n", 493)])],
    };

    private static ScanReport Scan(TempTree tree, string name, string? platform = null) =>
        new Scanner(Catalog).Scan(new ScanOptions { Paths = [tree.PathOf(name)], Today = Today, Platform = platform, RequireImages = true, SkipRules = Unsigned }).RelativeTo(tree.Root);

    private static (string Rule, string Path, int Line)[] Findings(ScanReport report) =>
        [.. report.Findings.Select(f => (f.RuleId, f.Location.Path, f.Location.StartLine))];

    private static string ConfigOf(TempTree tree, string name) =>
        "blobs/sha256/" + Path.GetFileName(Directory.GetFiles(tree.PathOf(name + "/blobs/sha256"))
            .Single(f => File.ReadAllText(f).Contains("\"rootfs\"", StringComparison.Ordinal)));

    [Fact]
    public void Scan_HardenedOciLayout_ReportsNothing()
    {
        using var tree = new TempTree();
        ImageBuilder.WriteDirectory(ImageBuilder.OciLayout(Hardened), tree.PathOf("img"));

        var report = Scan(tree, "img");

        Assert.Empty(report.Findings);
        Assert.Empty(report.Diagnostics);
        Assert.Equal((1, 1), (report.FilesScanned, report.Resources));
    }

    [Fact]
    public void Scan_InsecureConfig_ReportsTheDockerfileRulesAtTheConfigBlob()
    {
        using var tree = new TempTree();
        ImageBuilder.WriteDirectory(ImageBuilder.OciLayout(Hardened with
        {
            User = null,
            Healthcheck = null,
            ExposedPorts = ["22/tcp", "8080/tcp"],
            Tags = ["docker.io/library/app:1.4.2"],
        }), tree.PathOf("img"));

        var report = Scan(tree, "img");

        var config = "img!" + ConfigOf(tree, "img");
        var index = "img!index.json";
        Assert.Equal(
            [("SHP-CTR-002", config, 0), ("SHP-CTR-016", config, 0), ("SHP-NET-005", config, 0), ("SHP-CTR-006", index, 0)],
            Findings(report).OrderBy(f => f.Path, StringComparer.Ordinal).ThenBy(f => f.Rule, StringComparer.Ordinal));
        Assert.Contains("Image 'docker.io/library/app:1.4.2' sets no User in its config, so it runs as root.", report.Findings.Select(f => f.Message));
        Assert.Contains(report.Findings, f => f.RuleId == "SHP-NET-005" && f.Message.Contains("22/tcp", StringComparison.Ordinal));
    }

    [Fact]
    public void Scan_RootUserAndTrustedRegistryOverride_ReportsRootNotRegistry()
    {
        using var tree = new TempTree();
        ImageBuilder.WriteDirectory(ImageBuilder.OciLayout(Hardened with { User = "0:0", Tags = ["ghcr.io/acme/app:1.0"] }), tree.PathOf("img"));

        var report = new Scanner(Catalog).Scan(new ScanOptions { Paths = [tree.PathOf("img")], Today = Today, TrustedRegistries = ["ghcr.io/acme"], SkipRules = Unsigned }).RelativeTo(tree.Root);

        var finding = Assert.Single(report.Findings);
        Assert.Equal("SHP-CTR-002", finding.RuleId);
        Assert.Equal("Image 'ghcr.io/acme/app:1.0' runs as User '0:0', which is root.", finding.Message);
    }

    [Theory]
    [InlineData(true, false, "img.tar")]
    [InlineData(false, false, "img.tar")]
    [InlineData(false, true, "img.tar.gz")]
    [InlineData(false, true, "img.tar.zst")]
    public void Scan_DockerSaveArchive_ReportsASecretAtItsLayerAndLine(bool legacy, bool compressed, string name)
    {
        using var tree = new TempTree();
        var image = Hardened with
        {
            Layers = [.. Hardened.Layers, new LayerSpec([LayerEntrySpec.File("app/deploy.sh", $"#!/bin/sh\nexport GH_TOKEN={GitHubToken}\n")], LayerCompression.Zstd)],
        };
        var tar = ImageBuilder.Tar(ImageBuilder.DockerSave(image, legacy));
        tree.WriteBytes(name, compressed ? ImageBuilder.Compress(tar, name.EndsWith(".zst", StringComparison.Ordinal) ? LayerCompression.Zstd : LayerCompression.Gzip) : tar);

        var report = Scan(tree, name);

        Assert.Equal([("SHP-SEC-100", $"{name}!layer 2/app/deploy.sh", 2)], Findings(report));
        Assert.DoesNotContain(GitHubToken, report.Findings[0].Message, StringComparison.Ordinal);
        Assert.Empty(report.Diagnostics);
    }

    [Fact]
    public void Scan_SecretDeletedByALaterLayer_IsReportedAsPresentInItsLayer()
    {
        using var tree = new TempTree();
        var image = Hardened with
        {
            Layers =
            [
                new LayerSpec([LayerEntrySpec.Dir("etc"), LayerEntrySpec.File("etc/build.env", $"GH_TOKEN={GitHubToken}\n")]),
                new LayerSpec([LayerEntrySpec.Whiteout("etc/build.env")], LayerCompression.Zstd),
            ],
        };
        ImageBuilder.WriteDirectory(ImageBuilder.OciLayout(image), tree.PathOf("img"));

        var report = Scan(tree, "img");

        var finding = Assert.Single(report.Findings);
        Assert.Equal(("SHP-SEC-100", "img!layer 1/etc/build.env", 1), (finding.RuleId, finding.Location.Path, finding.Location.StartLine));
        Assert.EndsWith("; present in layer 1, deleted later.", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scan_OpaqueDirectory_HidesLowerFilesFromTheFinalFilesystemButNotFromTheSecretsScan()
    {
        using var tree = new TempTree();
        var image = Hardened with
        {
            Layers =
            [
                new LayerSpec([LayerEntrySpec.Dir("opt/tool"), LayerEntrySpec.File("opt/tool/helper", "#!/bin/sh\n", 2541), LayerEntrySpec.File("opt/tool/.env", $"GH_TOKEN={GitHubToken}\n")]),
                new LayerSpec([LayerEntrySpec.Dir("opt/tool"), LayerEntrySpec.Opaque("opt/tool"), LayerEntrySpec.File("opt/tool/README", "empty\n")]),
            ],
        };
        ImageBuilder.WriteDirectory(ImageBuilder.OciLayout(image), tree.PathOf("img"));

        var report = Scan(tree, "img");

        // The setuid helper (mode 4755) is gone from the final filesystem; the secret is still in layer 1.
        var finding = Assert.Single(report.Findings);
        Assert.Equal(("SHP-SEC-100", "img!layer 1/opt/tool/.env"), (finding.RuleId, finding.Location.Path));
        Assert.Contains("present in layer 1, deleted later", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scan_DirectoryWhiteout_RemovesItsContentsButNotSiblingsSharingThePrefix()
    {
        using var tree = new TempTree();
        var image = Hardened with
        {
            Layers =
            [
                new LayerSpec([LayerEntrySpec.Dir("opt/tool", 511), LayerEntrySpec.File("opt/tool/bin/helper", "x", 2541), LayerEntrySpec.Dir("opt/tool0", 511), LayerEntrySpec.Dir("opt/tool-extra", 511)]),
                new LayerSpec([LayerEntrySpec.Whiteout("opt/tool")]),
            ],
        };
        ImageBuilder.WriteDirectory(ImageBuilder.OciLayout(image), tree.PathOf("img"));

        var report = Scan(tree, "img");

        Assert.Equal([("SHP-CTR-044", "img!layer 1/opt/tool-extra", 0), ("SHP-CTR-044", "img!layer 1/opt/tool0", 0)], Findings(report));
    }

    [Fact]
    public void Scan_FileReplacedByALaterLayer_SaysWhichLayerReplacedIt()
    {
        using var tree = new TempTree();
        var image = Hardened with
        {
            Layers =
            [
                new LayerSpec([LayerEntrySpec.File("app/.env", $"GH_TOKEN={GitHubToken}\n")]),
                new LayerSpec([LayerEntrySpec.File("app/.env", "GH_TOKEN=\n")], LayerCompression.None),
            ],
        };
        ImageBuilder.WriteDirectory(ImageBuilder.OciLayout(image), tree.PathOf("img"));

        var report = Scan(tree, "img");

        var finding = Assert.Single(report.Findings);
        Assert.Equal("img!layer 1/app/.env", finding.Location.Path);
        Assert.Contains("present in layer 1, replaced in layer 2", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scan_MultiPlatformIndex_ReportsEveryPlatformAndPlatformPicksOne()
    {
        using var tree = new TempTree();
        var amd = Hardened with { User = null };
        var arm = Hardened with { User = "root", Architecture = "arm64" };
        ImageBuilder.WriteDirectory(ImageBuilder.OciLayout(amd, arm), tree.PathOf("img"));

        var all = Scan(tree, "img");
        var armOnly = Scan(tree, "img", platform: "linux/arm64");
        var none = Scan(tree, "img", platform: "linux/s390x");

        Assert.Equal(2, all.Resources);
        Assert.Equal(
            ["111122223333.dkr.ecr.eu-west-1.amazonaws.com/app:1.4.2 (linux/amd64)", "111122223333.dkr.ecr.eu-west-1.amazonaws.com/app:1.4.2 (linux/arm64)"],
            all.Findings.Where(f => f.RuleId == "SHP-CTR-002").Select(f => f.Resource.Address).Order(StringComparer.Ordinal));
        var arm64 = Assert.Single(armOnly.Findings);
        Assert.Equal("Image '111122223333.dkr.ecr.eu-west-1.amazonaws.com/app:1.4.2' runs as User 'root', which is root.", arm64.Message);
        Assert.Empty(none.Findings);
        Assert.Contains(none.Diagnostics, d => d.Incomplete == IncompleteKind.Skipped && d.Message.Contains("no manifest for platform linux/s390x (it has linux/amd64, linux/arm64)", StringComparison.Ordinal));
    }

    [Fact]
    public void Scan_MultiPlatformLayerFiles_CarryThePlatformInTheirPath()
    {
        using var tree = new TempTree();
        var secretLayer = new LayerSpec([LayerEntrySpec.File("app/.env", $"GH_TOKEN={GitHubToken}\n")]);
        ImageBuilder.WriteDirectory(ImageBuilder.OciLayout(Hardened with { Layers = [secretLayer] }, Hardened with { Layers = [secretLayer], Architecture = "arm64" }), tree.PathOf("img"));

        var report = Scan(tree, "img");

        Assert.Equal(["img!linux/amd64/layer 1/app/.env", "img!linux/arm64/layer 1/app/.env"], report.Findings.Select(f => f.Location.Path));
    }

    [Fact]
    public void Scan_TamperedLayerBlob_ReportsADigestMismatchNotACrash()
    {
        using var tree = new TempTree();
        var files = ImageBuilder.OciLayout(Hardened with { Layers = [new LayerSpec([LayerEntrySpec.File("app/a.txt", "original\n")], LayerCompression.None)] });
        var layer = files.Single(f => f.Key.StartsWith("blobs/", StringComparison.Ordinal) && ImageBuilder_IsTar(f.Value)).Key;
        files[layer] = ImageBuilder.LayerTar(new LayerSpec([LayerEntrySpec.File("app/a.txt", "tampered\n")]));
        ImageBuilder.WriteDirectory(files, tree.PathOf("img"));

        var report = Scan(tree, "img");

        var findings = report.Findings.Where(f => f.RuleId == "SHP-CTR-041").ToList();
        Assert.Equal(2, findings.Count);
        Assert.All(findings, f => Assert.Equal("img!" + layer, f.Location.Path));
        Assert.Contains(findings, f => f.Message.Contains("its name in the image layout", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Message.Contains("rootfs.diff_ids[0]", StringComparison.Ordinal));
        Assert.DoesNotContain(report.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public void Scan_TraversalNamesAndSymlinkLoop_StayInsideTheImageAndFinish()
    {
        using var tree = new TempTree();
        var image = Hardened with
        {
            Layers =
            [
                new LayerSpec(
                [
                    LayerEntrySpec.File("../../etc/shadow", "root::19000:0:99999:7:::\nnobody:!:19000::::::\n"),
                    LayerEntrySpec.File("/etc/passwd", "root:x:0:0:root:/root:/bin/sh\n"),
                    LayerEntrySpec.Symlink("loop/a", "b"),
                    LayerEntrySpec.Symlink("loop/b", "a"),
                    LayerEntrySpec.Symlink("loop/self", "self"),
                ]),
            ],
        };
        ImageBuilder.WriteDirectory(ImageBuilder.OciLayout(image), tree.PathOf("deep/img"));

        var report = new Scanner(Catalog).Scan(new ScanOptions { Paths = [tree.PathOf("deep/img")], Today = Today, SkipRules = Unsigned }).RelativeTo(tree.Root);

        var finding = Assert.Single(report.Findings);
        Assert.Equal(("SHP-CTR-045", "deep/img!layer 1/etc/shadow", 1), (finding.RuleId, finding.Location.Path, finding.Location.StartLine));
        Assert.Contains("account 'root' in /etc/shadow has an empty password", finding.Message, StringComparison.Ordinal);
        Assert.Contains(report.Diagnostics, d => d.Message.Contains("2 entries with an absolute path, '..'", StringComparison.Ordinal));
        Assert.False(Directory.Exists(tree.PathOf("etc")) || Directory.Exists(tree.PathOf("deep/etc")));
    }

    [Fact]
    public void Scan_SecretsInEnvLabelsAndHistory_ReportsEachOnce()
    {
        using var tree = new TempTree();
        ImageBuilder.WriteDirectory(ImageBuilder.OciLayout(Hardened with
        {
            Env = ["PATH=/usr/bin", $"GH_TOKEN={GitHubToken}", "DB_PASSWORD=hunter2hunter2"],
            History = [$"ENV GH_TOKEN={GitHubToken}", $"RUN |1 NPM_TOKEN={GitHubToken} /bin/sh -c npm ci # buildkit", "ARG API_SECRET=opensesame42", "RUN /bin/sh -c make"],
        }), tree.PathOf("img"));

        var report = Scan(tree, "img");

        var config = "img!" + ConfigOf(tree, "img");
        Assert.Equal([("SHP-SEC-001", config, 0), ("SHP-SEC-001", config, 0), ("SHP-SEC-002", config, 0), ("SHP-SEC-002", config, 0)], Findings(report).Order());
        Assert.Equal(
            ["config.Env[1]", "config.Env[2]", "history[1].created_by", "history[2].created_by"],
            report.Findings.Select(f => f.Resource.Path).Order(StringComparer.Ordinal));
        Assert.Contains(report.Findings, f => f.Message.StartsWith("Image '111122223333.dkr.ecr.eu-west-1.amazonaws.com/app:1.4.2' sets build argument (in history[1].created_by) 'NPM_TOKEN' to", StringComparison.Ordinal));
        Assert.All(report.Findings, f => Assert.DoesNotContain(GitHubToken, f.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Scan_FilesystemModesAndPackages_ReportsSetuidWorldWritableCachesSudoAndSshd()
    {
        using var tree = new TempTree();
        ImageBuilder.WriteDirectory(ImageBuilder.OciLayout(Hardened with
        {
            Layers =
            [
                new LayerSpec(
                [
                    LayerEntrySpec.Dir("tmp", 1023),
                    LayerEntrySpec.Dir("data", 511),
                    LayerEntrySpec.File("usr/bin/passwd", "ELF", 2541),
                    LayerEntrySpec.File("usr/bin/wall", "ELF", 1517),
                    LayerEntrySpec.File("usr/bin/sudo", "ELF", 2541),
                    LayerEntrySpec.File("usr/sbin/sshd", "ELF", 493),
                    LayerEntrySpec.File("var/lib/apt/lists/lock", string.Empty),
                    LayerEntrySpec.File("var/lib/apt/lists/deb.debian.org_debian_dists_bookworm_InRelease", "index"),
                    LayerEntrySpec.File("var/lib/apt/lists/deb.debian.org_debian_dists_bookworm_main_binary-amd64_Packages.lz4", "index"),
                    LayerEntrySpec.File("var/cache/apt/archives/curl_7.88.1_amd64.deb", "deb"),
                ]),
            ],
        }), tree.PathOf("img"));

        var report = Scan(tree, "img");

        Assert.Equal(
            [
                ("SHP-CTR-044", "img!layer 1/data", 0),
                ("SHP-CTR-043", "img!layer 1/usr/bin/passwd", 0),
                ("SHP-CTR-043", "img!layer 1/usr/bin/sudo", 0),
                ("SHP-CTR-108", "img!layer 1/usr/bin/sudo", 0),
                ("SHP-CTR-043", "img!layer 1/usr/bin/wall", 0),
                ("SHP-CTR-046", "img!layer 1/usr/sbin/sshd", 0),
                ("SHP-CTR-122", "img!layer 1/var/cache/apt/archives/curl_7.88.1_amd64.deb", 0),
                ("SHP-CTR-122", "img!layer 1/var/lib/apt/lists/deb.debian.org_debian_dists_bookworm_InRelease", 0),
            ],
            Findings(report));
        Assert.Contains(report.Findings, f => f.Message == "Image '111122223333.dkr.ecr.eu-west-1.amazonaws.com/app:1.4.2' has /usr/bin/wall setgid (mode 2755, layer 1).");
        Assert.Contains(report.Findings, f => f.Message.Contains("keeps 2 package cache files under /var/lib/apt/lists", StringComparison.Ordinal));
    }

    [Fact]
    public void Scan_HistoryStepRunningSudo_IsReportedAtThatHistoryEntry()
    {
        using var tree = new TempTree();
        ImageBuilder.WriteDirectory(ImageBuilder.OciLayout(Hardened with
        {
            History = ["RUN /bin/sh -c apt-get update && sudo apt-get install -y curl # buildkit", "RUN /bin/sh -c echo pseudo sudoers # buildkit"],
        }), tree.PathOf("img"));

        var report = Scan(tree, "img");

        var finding = Assert.Single(report.Findings);
        Assert.Equal(("SHP-CTR-108", "history[0].created_by"), (finding.RuleId, finding.Resource.Path));
    }

    [Theory]
    [InlineData("2025-12-03T00:00:00Z", true)]
    [InlineData("2025-12-04T00:00:00Z", false)]
    [InlineData("1970-01-01T00:00:00Z", false)]
    public void Scan_ImageAge_IsMeasuredAgainstTheScanDate(string created, bool reported)
    {
        using var tree = new TempTree();
        ImageBuilder.WriteDirectory(ImageBuilder.OciLayout(Hardened with { Created = created }), tree.PathOf("img"));

        var report = Scan(tree, "img");

        Assert.Equal(reported, report.Findings.Any(f => f.RuleId == "SHP-CTR-042"));
        if (reported)
        {
            Assert.Contains("was created on 2025-12-03, 366 days before the scan (the limit is 365)", report.Findings[0].Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Scan_ImageInsideAScannedTree_IsReadAsAnImageNotAsFiles()
    {
        using var tree = new TempTree();
        tree.Write("repo/README.md", "# app\n");
        ImageBuilder.WriteDirectory(ImageBuilder.OciLayout(Hardened with { User = null }), tree.PathOf("repo/build/oci"));
        tree.WriteBytes("repo/build/app.tar", ImageBuilder.Tar(ImageBuilder.DockerSave(Hardened with { Healthcheck = null }, legacy: true)));

        var report = new Scanner(Catalog).Scan(new ScanOptions { Paths = [tree.PathOf("repo")], Today = Today, SkipRules = Unsigned }).RelativeTo(tree.PathOf("repo"));

        Assert.Equal(["SHP-CTR-016", "SHP-CTR-002"], report.Findings.Select(f => f.RuleId));
        Assert.StartsWith("build/app.tar!", report.Findings[0].Location.Path, StringComparison.Ordinal);
        Assert.StartsWith("build/oci!blobs/sha256/", report.Findings[1].Location.Path, StringComparison.Ordinal);
        Assert.Equal(3, report.FilesScanned);
    }

    [Fact]
    public void Scan_ImageVerbOnAPlainDirectory_IsAUsageError()
    {
        using var tree = new TempTree();
        tree.Write("Dockerfile", "FROM scratch\n");

        var error = Assert.Throws<ConfigException>(() => Scan(tree, "."));

        Assert.StartsWith("not a container image: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scan_ScannersImage_RunsOnlyTheRulesThatReadImages()
    {
        using var tree = new TempTree();
        tree.Write("Dockerfile", "FROM node:20\n");
        ImageBuilder.WriteDirectory(ImageBuilder.OciLayout(Hardened with { User = null }), tree.PathOf("img"));

        var report = new Scanner(Catalog).Scan(new ScanOptions { Paths = [tree.Root], Today = Today, Scanners = ["image"], SkipRules = Unsigned }).RelativeTo(tree.Root);

        var finding = Assert.Single(report.Findings);
        Assert.Equal(("SHP-CTR-002", "img!" + ConfigOf(tree, "img")), (finding.RuleId, finding.Location.Path));
    }

    private static bool ImageBuilder_IsTar(byte[] blob) => blob.Length > 262 && blob.AsSpan(257, 5).SequenceEqual("ustar"u8);

    [Fact]
    public void Scan_TarWithADockerSaveManifestButNoConfigOrLayers_SearchesItsOtherFilesAndJudgesNoUnknownSetting()
    {
        // Shaped like docker save's manifest.json, but the config and the layer it names are not there: nothing is
        // known of the image's user or health check, and the file beside it still ships.
        using var tree = new TempTree();
        File.WriteAllBytes(tree.PathOf("fake.tar"), ImageBuilder.Tar(new SortedDictionary<string, byte[]>(StringComparer.Ordinal)
        {
            ["manifest.json"] = """[{"Config":"x.json","RepoTags":["app:1"],"Layers":["nope/layer.tar"]}]"""u8.ToArray(),
            ["secret.env"] = System.Text.Encoding.UTF8.GetBytes($"GITHUB_TOKEN={GitHubToken}\n"),
        }));

        var report = new Scanner(Catalog).Scan(new ScanOptions { Paths = [tree.Root], Today = Today }).RelativeTo(tree.Root);

        Assert.Equal([("SHP-SEC-100", "fake.tar!secret.env", 1)], Findings(report).Where(f => f.Rule.StartsWith("SHP-SEC", StringComparison.Ordinal)));
        Assert.DoesNotContain(report.Findings, f => f.RuleId is "SHP-CTR-002" or "SHP-CTR-016");
        Assert.Contains(report.Diagnostics, d => d.Message.Contains("config its manifest names is not in the image", StringComparison.Ordinal));
    }
}
