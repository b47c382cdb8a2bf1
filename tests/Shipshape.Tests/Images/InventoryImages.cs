namespace Shipshape.Tests.Images;

/// <summary>An image with one package of each kind the inventory reads, and a later layer that deletes one of them.</summary>
internal static class InventoryImages
{
    public const string DpkgStatus = """
        Package: libc6
        Status: install ok installed
        Priority: optional
        Architecture: amd64
        Version: 2.36-9+deb12u4
        Description: GNU C Library: Shared libraries
         Contains the standard libraries that are used by nearly all programs.

        Package: curl
        Status: install ok installed
        Architecture: amd64
        Version: 7.88.1-10+deb12u5

        Package: oldtool
        Status: deinstall ok config-files
        Architecture: amd64
        Version: 1.0-1

        """;

    public const string DistrolessStatus = """
        Package: tzdata
        Version: 2024a-0+deb12u1
        Architecture: all

        """;

    public const string ApkInstalled = """
        C:Q1abc=
        P:busybox
        V:1.36.1-r15
        A:x86_64
        L:GPL-2.0-only
        o:busybox

        P:musl
        V:1.2.4_git20230717-r4
        A:x86_64
        L:MIT

        """;

    public const string OsRelease = """
        PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
        NAME="Debian GNU/Linux"
        VERSION_ID="12"
        ID=debian

        """;

    public const string PythonMetadata = """
        Metadata-Version: 2.1
        Name: Requests_Toolbelt
        Version: 1.0.0
        License: Apache 2.0

        A utility belt for advanced users of python-requests.
        """;

    public const string DepsJson = """
        {
          "runtimeTarget": { "name": ".NETCoreApp,Version=v8.0" },
          "libraries": {
            "Shop.Api/1.0.0": { "type": "project", "serviceable": false, "sha512": "" },
            "Newtonsoft.Json/13.0.3": { "type": "package", "serviceable": true, "sha512": "sha512-x", "path": "newtonsoft.json/13.0.3" }
          }
        }
        """;

    public static ImageSpec Spec => new()
    {
        User = "10001",
        Healthcheck = ["CMD", "/app/health"],
        Tags = ["111122223333.dkr.ecr.eu-west-1.amazonaws.com/shop:2.0.1"],
        Layers =
        [
            new LayerSpec(
            [
                LayerEntrySpec.File("etc/os-release", OsRelease),
                LayerEntrySpec.File("var/lib/dpkg/status", DpkgStatus),
                LayerEntrySpec.File("var/lib/dpkg/status.d/tzdata", DistrolessStatus),
                LayerEntrySpec.File("var/lib/dpkg/status.d/tzdata.md5sums", "0123 usr/share/zoneinfo/UTC\n"),
                LayerEntrySpec.File("lib/apk/db/installed", ApkInstalled),
                LayerEntrySpec.File("var/lib/rpm/rpmdb.sqlite", "SQLite format 3"),
            ]),
            new LayerSpec(
            [
                LayerEntrySpec.File("app/node_modules/express/package.json", """{ "name": "express", "version": "4.19.2" }"""),
                LayerEntrySpec.File("app/node_modules/@aws-sdk/client-s3/package.json", """{ "name": "@aws-sdk/client-s3", "version": "3.600.0" }"""),
                LayerEntrySpec.File("app/node_modules/left-pad/package.json", """{ "name": "left-pad", "version": "1.3.0" }"""),
                LayerEntrySpec.File("app/node_modules/express/lib/package.json", """{ "name": "not-a-package", "version": "0.0.1" }"""),
                LayerEntrySpec.File("usr/lib/python3/dist-packages/requests_toolbelt-1.0.0.dist-info/METADATA", PythonMetadata),
                LayerEntrySpec.File("app/Shop.Api.deps.json", DepsJson),
            ]),
            new LayerSpec([LayerEntrySpec.Whiteout("app/node_modules/left-pad")]),
        ],
    };
}
