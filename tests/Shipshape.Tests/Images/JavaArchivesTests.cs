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
}
