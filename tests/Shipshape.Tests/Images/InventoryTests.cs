using Shipshape.Core;
using Shipshape.Core.Inventory;
using Shipshape.Engine;
using Shipshape.Images.Inventory;
using Shipshape.Rules;
using Shipshape.Tests.Support;

namespace Shipshape.Tests.Images;

/// <summary>The inventory of an image's final filesystem and of a source tree's lockfiles, with their package URLs.</summary>
public sealed class InventoryTests
{
    private static readonly RuleCatalog Catalog = RuleCatalog.CreateDefault();

    internal static ScanReport ScanImage(TempTree tree) => ScanImage(tree, InventoryImages.Spec);

    /// <summary>Scans <paramref name="spec"/> written as the OCI layout "img" in <paramref name="tree"/>.</summary>
    internal static ScanReport ScanImage(TempTree tree, ImageSpec spec, long? maxFileBytes = null)
    {
        ImageBuilder.WriteDirectory(ImageBuilder.OciLayout(spec), tree.PathOf("img"));
        return new Scanner(Catalog).Scan(new ScanOptions { Paths = [tree.PathOf("img")], Today = new DateOnly(2026, 12, 4), RequireImages = true, MaxFileBytes = maxFileBytes })
            .RelativeTo(tree.Root);
    }

    /// <summary>Scans the source tree <paramref name="tree"/>.</summary>
    internal static ScanReport ScanTree(TempTree tree) => new Scanner(Catalog).Scan(new ScanOptions { Paths = [tree.Root], Today = new DateOnly(2026, 12, 4) }).RelativeTo(tree.Root);

    [Fact]
    public void Scan_ImageWithPackageDatabases_ListsEveryInstalledPackageWithItsPurl()
    {
        using var tree = new TempTree();

        var inventory = Assert.Single(ScanImage(tree).Inventories);

        Assert.Equal("111122223333.dkr.ecr.eu-west-1.amazonaws.com/shop:2.0.1", inventory.Name);
        Assert.Equal(SoftwareInventory.ContainerKind, inventory.Kind);
        Assert.StartsWith("sha256:", inventory.Version, StringComparison.Ordinal);
        Assert.Equal(new OperatingSystemInfo("debian", "12", "Debian GNU/Linux 12 (bookworm)"), inventory.OperatingSystem);
        Assert.Equal(
        [
            "pkg:apk/debian/busybox@1.36.1-r15?arch=x86_64&distro=debian-12",
            "pkg:apk/debian/musl@1.2.4_git20230717-r4?arch=x86_64&distro=debian-12",
            "pkg:deb/debian/curl@7.88.1-10%2Bdeb12u5?arch=amd64&distro=debian-12",
            "pkg:deb/debian/libc6@2.36-9%2Bdeb12u4?arch=amd64&distro=debian-12",
            "pkg:deb/debian/tzdata@2024a-0%2Bdeb12u1?arch=all&distro=debian-12",
            "pkg:golang/github.com/acme/net-fork@v0.17.1-acme",
            "pkg:golang/github.com/gorilla/mux@v1.8.1",
            "pkg:golang/stdlib@1.22.3",
            "pkg:maven/com.acme/shop@2.0.1",
            "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1",
            "pkg:npm/%40aws-sdk/client-s3@3.600.0",
            "pkg:npm/express@4.19.2",
            "pkg:nuget/Newtonsoft.Json@13.0.3",
            "pkg:pypi/requests-toolbelt@1.0.0",
            "pkg:rpm/debian/bash@5.1.8-9.el9?arch=x86_64&distro=debian-12",
            "pkg:rpm/debian/openssl-libs@1:3.0.7-27.el9?arch=x86_64&distro=debian-12",
        ], inventory.Packages.Select(p => p.Purl));
    }

    [Fact]
    public void Scan_ImageWithPackageDatabases_LocatesEachPackageInItsLayerAndSaysTheBerkeleyDbRpmDatabaseIsNotRead()
    {
        using var tree = new TempTree();

        var report = ScanImage(tree);

        var packages = report.Inventories[0].Packages;
        Assert.EndsWith("img!layer 1/var/lib/dpkg/status", packages.Single(p => p.Name == "curl").Location, StringComparison.Ordinal);
        Assert.EndsWith("img!layer 2/app/Shop.Api.deps.json", packages.Single(p => p.Name == "Newtonsoft.Json").Location, StringComparison.Ordinal);
        Assert.Equal("GPL-2.0-only", packages.Single(p => p.Name == "busybox").License);
        Assert.EndsWith("img!layer 3/app/shop.jar!BOOT-INF/lib/log4j-core-2.14.1.jar", packages.Single(p => p.Name == "org.apache.logging.log4j:log4j-core").Location, StringComparison.Ordinal);
        var rpm = Assert.Single(report.Diagnostics, d => d.Message.StartsWith("rpm database not read", StringComparison.Ordinal));
        Assert.EndsWith("img!layer 1/var/lib/rpm/Packages", rpm.Location.Path, StringComparison.Ordinal);
        Assert.Contains("Berkeley DB", rpm.Message, StringComparison.Ordinal);
        Assert.EndsWith("img!layer 1/usr/lib/sysimage/rpm/rpmdb.sqlite", packages.Single(p => p.Name == "bash").Location, StringComparison.Ordinal);
        Assert.Equal(DiagnosticSeverity.Info, rpm.Severity);
    }

    [Fact]
    public void Scan_PackageDeletedByALaterLayer_IsNotInTheInventory()
    {
        using var tree = new TempTree();

        var report = ScanImage(tree);

        Assert.DoesNotContain(report.Inventories[0].Packages, p => p.Name is "left-pad" or "not-a-package" or "oldtool");
    }

    [Fact]
    public void Scan_SourceTreeWithLockfiles_ListsThePinnedPackages()
    {
        using var tree = new TempTree();
        tree.Write("web/package-lock.json", """
            {
              "name": "web", "version": "1.0.0", "lockfileVersion": 3,
              "packages": {
                "": { "name": "web", "version": "1.0.0" },
                "node_modules/lodash": { "version": "4.17.21" },
                "node_modules/@babel/core": { "version": "7.24.0" },
                "node_modules/a/node_modules/lodash": { "version": "3.10.1" },
                "node_modules/local": { "resolved": "../local", "link": true }
              }
            }
            """);
        tree.Write("api/packages.lock.json", """
            { "version": 1, "dependencies": { "net8.0": {
              "Serilog": { "type": "Direct", "requested": "[3.1.1, )", "resolved": "3.1.1" },
              "Shop.Core": { "type": "Project" } } } }
            """);
        tree.Write("tools/requirements.txt", "boto3==1.34.0  # pinned\nrequests>=2\nPyYAML[extra]==6.0.1 ; python_version > '3'\n");

        var report = new Scanner(Catalog).Scan(new ScanOptions { Paths = [tree.Root], Today = new DateOnly(2026, 12, 4) });

        var inventory = Assert.Single(report.Inventories);
        Assert.Equal(SoftwareInventory.SourceKind, inventory.Kind);
        Assert.Equal(
        [
            "pkg:npm/%40babel/core@7.24.0",
            "pkg:npm/lodash@3.10.1",
            "pkg:npm/lodash@4.17.21",
            "pkg:nuget/Serilog@3.1.1",
            "pkg:pypi/boto3@1.34.0",
            "pkg:pypi/pyyaml@6.0.1",
        ], inventory.Packages.Select(p => p.Purl));
    }

    [Theory]
    [InlineData("deb", "debian", "libssl3", "3.0.11-1~deb12u2", "pkg:deb/debian/libssl3@3.0.11-1~deb12u2")]
    [InlineData("deb", "ubuntu", "bash", "5.1-6ubuntu1:1", "pkg:deb/ubuntu/bash@5.1-6ubuntu1:1")]
    [InlineData("npm", "@angular", "core", "17.0.0", "pkg:npm/%40angular/core@17.0.0")]
    [InlineData("maven", "org.apache.logging.log4j", "log4j-core", "2.14.1", "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1")]
    [InlineData("golang", "github.com/gorilla", "mux", "v1.8.1", "pkg:golang/github.com/gorilla/mux@v1.8.1")]
    public void PackageUrl_Create_EncodesAsThePurlSpecSays(string type, string ns, string name, string version, string expected) =>
        Assert.Equal(expected, PackageUrl.Create(type, ns, name, version));

    [Fact]
    public void PythonMetadata_NameWithUnderscoresAndDots_IsNormalisedInThePurlOnly()
    {
        var package = Assert.Single(LanguagePackages.PythonMetadata("Name: Zope.Interface_Ext\nVersion: 6.1\n", "x"));

        Assert.Equal(("Zope.Interface_Ext", "pkg:pypi/zope-interface-ext@6.1"), (package.Name, package.Purl));
    }
}
