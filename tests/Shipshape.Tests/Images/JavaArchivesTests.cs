using System.IO.Compression;
using System.Text;
using Shipshape.Images.Inventory;

namespace Shipshape.Tests.Images;

public sealed class JavaArchivesTests
{
    private static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var stream = zip.CreateEntry(name).Open();
                stream.Write(content);
            }
        }

        return buffer.ToArray();
    }

    [Fact]
    public void Parse_DamagedNestedArchive_KeepsTheOuterArtifactAndSaysWhichArchiveWasNotRead()
    {
        var pom = Encoding.UTF8.GetBytes("groupId=org.example\nartifactId=app\nversion=1.2.3\n");
        var jar = Zip(("META-INF/maven/org.example/app/pom.properties", pom), ("BOOT-INF/lib/broken.jar", "not a zip at all"u8.ToArray()));

        var (packages, problem) = JavaArchives.Parse(jar, "img!layer 1/app.jar");

        Assert.Equal(["org.example:app@1.2.3"], packages.Select(p => $"{p.Name}@{p.Version}"));
        Assert.NotNull(problem);
        Assert.StartsWith("BOOT-INF/lib/broken.jar: not a readable Java archive", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ManyDamagedNestedArchives_NamesTheFirstTenAndCountsTheRest()
    {
        var pom = Encoding.UTF8.GetBytes("groupId=org.example\nartifactId=app\nversion=1.2.3\n");
        var entries = Enumerable.Range(0, 500).Select(i => ($"lib/broken{i:D3}.jar", "not a zip at all"u8.ToArray())).Prepend(("META-INF/maven/org.example/app/pom.properties", pom));
        var jar = Zip([.. entries]);

        var (packages, problem) = JavaArchives.Parse(jar, "img!layer 1/app.jar");

        Assert.Single(packages);
        Assert.NotNull(problem);
        Assert.Equal(10, problem.Split("; ").Count(p => p.Contains("not a readable Java archive", StringComparison.Ordinal)));
        Assert.Contains("lib/broken009.jar", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("lib/broken010.jar", problem, StringComparison.Ordinal);
        Assert.EndsWith("; and 490 more", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NoPomPropertiesButAManifest_NamesTheArtifactFromTheManifest()
    {
        var manifest = "Manifest-Version: 1.0\r\nImplementation-Title: jackson-databind\r\nImplementation-Version: 2.15.2\r\n"
            + "Bundle-SymbolicName: com.fasterxml.jackson.core.jackson-datab\r\n ind;singleton:=true\r\nBundle-Version: 2.15.2.SNAPSHOT\r\n\r\nName: com/fasterxml/\r\nImplementation-Title: other\r\n";
        var jar = Zip(("META-INF/MANIFEST.MF", Encoding.UTF8.GetBytes(manifest)), ("com/fasterxml/jackson/databind/ObjectMapper.class", [0xca, 0xfe]));

        var (packages, problem) = JavaArchives.Parse(jar, "img!layer 1/app/lib/jackson-databind.jar");

        Assert.Null(problem);
        var package = Assert.Single(packages);
        Assert.Equal(("com.fasterxml.jackson.core:jackson-databind", "2.15.2", "pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.15.2"), (package.Name, package.Version, package.Purl));
    }

    [Fact]
    public void FromManifest_VendorIdAndBundleVersion_AreTheGroupAndVersion()
    {
        var package = JavaArchives.FromManifest("Implementation-Vendor-Id: org.Example\nBundle-SymbolicName: org.example.util\nBundle-Version: 1.0.0-SNAPSHOT\n", "x");

        Assert.Equal("pkg:maven/org.example/util@1.0.0-SNAPSHOT", package?.Purl);
    }

    [Theory]
    [InlineData("Implementation-Title: commons-lang3\nImplementation-Version: 3.12.0\nImplementation-Vendor: The Apache Software Foundation\n")]
    [InlineData("Implementation-Title: Apache Commons Lang\nImplementation-Version: 3.12.0\nImplementation-Vendor-Id: org.apache.commons\n")]
    [InlineData("Bundle-SymbolicName: org.example.util\n")]
    public void FromManifest_NoGroupArtifactOrVersionToTell_NamesNothing(string manifest) =>
        Assert.Null(JavaArchives.FromManifest(manifest, "x"));

    [Fact]
    public void Parse_NeitherPomPropertiesNorAUsableManifest_SaysItsArtifactIsNotListed()
    {
        var jar = Zip(("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\n"u8.ToArray()), ("lib/inner.jar", Zip(("a.txt", [1]))));

        var (packages, problem) = JavaArchives.Parse(jar, "img!layer 1/app.jar");

        Assert.Empty(packages);
        Assert.Equal("lib/inner.jar: no pom.properties, and no manifest that names a Maven group, artifact and version: its artifact is not listed; "
            + "no pom.properties, and no manifest that names a Maven group, artifact and version: its artifact is not listed", problem);
    }
}
