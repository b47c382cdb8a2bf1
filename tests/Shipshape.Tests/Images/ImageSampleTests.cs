using System.Text;
using Shipshape.Tests.Support;

namespace Shipshape.Tests.Images;

/// <summary>
/// samples/image-insecure is an OCI image layout written by <see cref="Files"/> (layers uncompressed or zstd, whose
/// output is the same on every platform; no gzip, whose bytes depend on the zlib build). The test keeps the committed
/// copy equal to the generator; SHIPSHAPE_UPDATE_SAMPLES=1 rewrites it.
/// </summary>
public sealed class ImageSampleTests
{
    // The same Stripe documentation key samples/compose-insecure uses; the npm token is built from parts.
    private const string StripeKey = "sk_live_4eC39HqLyjWDarjtT1zdp7dc";
    private static readonly string NpmToken = "npm_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8";

    // A few packages of the dpkg database, so that --format cyclonedx and spdx have an inventory to show.
    private const string SampleDpkgStatus = """
        Package: libc6
        Status: install ok installed
        Architecture: amd64
        Version: 2.36-9+deb12u4

        Package: openssh-server
        Status: install ok installed
        Architecture: amd64
        Version: 1:9.2p1-2+deb12u2

        Package: sudo
        Status: install ok installed
        Architecture: amd64
        Version: 1.9.13p3-1+deb12u1

        """;

    public static string SampleDirectory => Path.Combine(TestPaths.Samples, "image-insecure");

    /// <summary>The sample: a shop API image with most of what an image can get wrong, one layer tampered with after the build.</summary>
    internal static SortedDictionary<string, byte[]> Files()
    {
        var tampered = new LayerSpec([LayerEntrySpec.File("app/VERSION", "1.4.2\n"), LayerEntrySpec.Whiteout("root/.npmrc")], LayerCompression.None);
        var image = new ImageSpec
        {
            Tags = ["docker.io/acme/shop-api:1.4.2"],
            Created = "2024-03-01T12:00:00Z",
            Env = ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", $"STRIPE_API_KEY={StripeKey}"],
            ExposedPorts = ["22/tcp", "8080/tcp"],
            History =
            [
                "ADD rootfs.tar /",
                $"ENV STRIPE_API_KEY={StripeKey}",
                $"RUN |1 NPM_TOKEN={NpmToken} /bin/sh -c npm ci # buildkit",
                "COPY app /app # buildkit",
            ],
            Layers =
            [
                new LayerSpec(
                [
                    LayerEntrySpec.Dir("etc"),
                    LayerEntrySpec.File("etc/passwd", "root:x:0:0:root:/root:/bin/sh\napp:x:10001:10001::/app:/sbin/nologin\ntoor:x:0:0::/root:/bin/sh\n"),
                    LayerEntrySpec.File("etc/shadow", "root:::0:::::\napp:!:19000:0:99999:7:::\n", 416),
                    LayerEntrySpec.Dir("tmp", 1023),
                    LayerEntrySpec.Dir("srv/uploads", 511),
                    LayerEntrySpec.File("usr/bin/passwd", "#!/bin/sh\n", 2541),
                    LayerEntrySpec.File("usr/bin/sudo", "#!/bin/sh\n", 2541),
                    LayerEntrySpec.File("usr/sbin/sshd", "#!/bin/sh\n", 493),
                    LayerEntrySpec.File("var/lib/apt/lists/deb.debian.org_debian_dists_bookworm_InRelease", "Origin: Debian\n"),
                    LayerEntrySpec.File("etc/os-release", "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nID=debian\nVERSION_ID=\"12\"\n"),
                    LayerEntrySpec.File("var/lib/dpkg/status", SampleDpkgStatus),
                ], LayerCompression.None),
                new LayerSpec(
                [
                    LayerEntrySpec.Dir("root"),
                    LayerEntrySpec.File("root/.npmrc", $"//registry.npmjs.org/:_authToken={NpmToken}\n", 384),
                    LayerEntrySpec.Dir("app"),
                    LayerEntrySpec.File("app/settings.py", $"DEBUG = False\nSTRIPE_KEY = \"{StripeKey}\"\n"),
                ], LayerCompression.Zstd),
                tampered,
            ],
        };

        var files = ImageBuilder.OciLayout(image);

        // After the build, someone changed the last layer (the version file) without updating the manifest.
        var original = ImageBuilder.LayerTar(tampered);
        var name = "blobs/sha256/" + ImageBuilder.Sha256(original);
        files[name] = ImageBuilder.LayerTar(tampered with { Entries = [LayerEntrySpec.File("app/VERSION", "1.4.2-hotfix\n"), LayerEntrySpec.Whiteout("root/.npmrc")] });
        return files;
    }

    [Fact]
    public void Sample_ImageInsecure_IsWhatItsGeneratorWrites()
    {
        var files = Files();
        if (Environment.GetEnvironmentVariable("SHIPSHAPE_UPDATE_SAMPLES") == "1")
        {
            if (Directory.Exists(SampleDirectory))
            {
                Directory.Delete(SampleDirectory, recursive: true);
            }

            ImageBuilder.WriteDirectory(files, SampleDirectory);
        }

        var committed = Directory.GetFiles(SampleDirectory, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(SampleDirectory, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);
        Assert.Equal(files.Keys, committed);
        Assert.All(files, f => Assert.True(f.Value.AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(SampleDirectory, f.Key))),
            $"{f.Key} differs from the generator: SHIPSHAPE_UPDATE_SAMPLES=1 dotnet test --filter ImageSampleTests ({Encoding.UTF8.GetString(f.Value.AsSpan(0, Math.Min(40, f.Value.Length)))})"));
    }
}
