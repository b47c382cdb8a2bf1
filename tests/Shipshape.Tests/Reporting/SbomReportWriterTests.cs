using System.Text.Json;
using NJsonSchema;
using Shipshape.Core;
using Shipshape.Reporting;
using Shipshape.Tests.Images;
using Shipshape.Tests.Support;

namespace Shipshape.Tests.Reporting;

/// <summary>CycloneDX 1.6 and SPDX 2.3 documents of an image built in code, checked against the official CycloneDX schema and the SPDX 2.3 constraints.</summary>
public sealed class SbomReportWriterTests
{
    private static readonly Lazy<Task<JsonSchema>> CycloneDxSchema = new(() => JsonSchema.FromFileAsync(TestPaths.Fixture("schemas", "cyclonedx", "bom-1.6.SNAPSHOT.schema.json")));

    private static readonly DateTimeOffset Time = new(2026, 12, 4, 10, 30, 0, TimeSpan.Zero);

    private static readonly Lazy<ScanReport> ImageReport = new(() =>
    {
        using var tree = new TempTree();
        return InventoryTests.ScanImage(tree);
    });

    [Fact]
    public async Task CycloneDx_ImageInventory_ValidatesAgainstTheCycloneDx16Schema()
    {
        var text = ReportOutput.Text(new CycloneDxReportWriter(Time), ImageReport.Value);

        var errors = (await CycloneDxSchema.Value).Validate(text);

        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => e.ToString())));
    }

    [Fact]
    public async Task CycloneDxSchema_ComponentWithoutName_IsRejected()
    {
        // Guards the test above: the vendored schema and its references are really enforced.
        var text = ReportOutput.Text(new CycloneDxReportWriter(Time), ImageReport.Value).Replace("\"name\": \"curl\",", string.Empty, StringComparison.Ordinal);

        Assert.NotEmpty((await CycloneDxSchema.Value).Validate(text));
    }

    [Fact]
    public void CycloneDx_ImageInventory_DescribesTheImageAndListsItsPackagesWithPurls()
    {
        using var document = JsonDocument.Parse(ReportOutput.Text(new CycloneDxReportWriter(Time), ImageReport.Value));
        var root = document.RootElement;

        Assert.Equal(("CycloneDX", "1.6"), (root.GetProperty("bomFormat").GetString(), root.GetProperty("specVersion").GetString()));
        Assert.Matches("^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", root.GetProperty("serialNumber").GetString());
        Assert.Equal("2026-12-04T10:30:00Z", root.GetProperty("metadata").GetProperty("timestamp").GetString());
        var subject = root.GetProperty("metadata").GetProperty("component");
        Assert.Equal(("container", "111122223333.dkr.ecr.eu-west-1.amazonaws.com/shop:2.0.1"), (subject.GetProperty("type").GetString(), subject.GetProperty("name").GetString()));
        Assert.StartsWith("sha256:", subject.GetProperty("version").GetString(), StringComparison.Ordinal);
        var components = root.GetProperty("components").EnumerateArray().ToList();
        var os = components[0];
        Assert.Equal(("operating-system", "debian", "12"), (os.GetProperty("type").GetString(), os.GetProperty("name").GetString(), os.GetProperty("version").GetString()));
        var s3 = components.Single(c => c.TryGetProperty("purl", out var p) && p.GetString() == "pkg:npm/%40aws-sdk/client-s3@3.600.0");
        Assert.Equal(("library", "@aws-sdk", "client-s3", "3.600.0"), (s3.GetProperty("type").GetString(), s3.GetProperty("group").GetString(), s3.GetProperty("name").GetString(), s3.GetProperty("version").GetString()));
        var curl = components.Single(c => c.GetProperty("name").GetString() == "curl");
        Assert.Equal("pkg:deb/debian/curl@7.88.1-10%2Bdeb12u5?arch=amd64&distro=debian-12", curl.GetProperty("bom-ref").GetString());
        Assert.Equal(17, components.Count);
        var mux = components.Single(c => c.GetProperty("name").GetString() == "mux");
        Assert.Equal(("github.com/gorilla", "v1.8.1", "pkg:golang/github.com/gorilla/mux@v1.8.1"), (mux.GetProperty("group").GetString(), mux.GetProperty("version").GetString(), mux.GetProperty("purl").GetString()));
        var bash = components.Single(c => c.GetProperty("name").GetString() == "bash").GetProperty("properties").EnumerateArray().Select(p => (p.GetProperty("name").GetString(), p.GetProperty("value").GetString()));
        Assert.Contains(("shipshape:source-package", "bash-5.1.8-9.el9.src.rpm"), bash);
        var log4j = components.Single(c => c.GetProperty("name").GetString() == "log4j-core");
        Assert.Equal(("org.apache.logging.log4j", "2.14.1"), (log4j.GetProperty("group").GetString(), log4j.GetProperty("version").GetString()));
    }

    [Fact]
    public void CycloneDx_SameReportTwice_IsByteIdentical() =>
        Assert.Equal(ReportOutput.Bytes(new CycloneDxReportWriter(Time), ImageReport.Value), ReportOutput.Bytes(new CycloneDxReportWriter(Time), ImageReport.Value));

    [Fact]
    public void Spdx_ImageInventory_MeetsTheSpdx23Constraints()
    {
        var errors = SpdxChecker.Check(ReportOutput.Text(new SpdxReportWriter(Time), ImageReport.Value));

        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public void SpdxChecker_PackageWithoutDownloadLocationAndBadId_IsRejected()
    {
        var text = ReportOutput.Text(new SpdxReportWriter(Time), ImageReport.Value)
            .Replace("\"downloadLocation\": \"NOASSERTION\",", string.Empty, StringComparison.Ordinal)
            .Replace("SPDXRef-DOCUMENT\",\n  \"name\"", "SPDX-DOC\",\n  \"name\"", StringComparison.Ordinal);

        var errors = SpdxChecker.Check(text);

        Assert.Contains(errors, e => e.Contains("downloadLocation is required", StringComparison.Ordinal));
        Assert.Contains("SPDXID must be SPDXRef-DOCUMENT", errors);
    }

    [Fact]
    public void Spdx_ImageInventory_DescribesTheImageWhichContainsEachPackageWithItsPurl()
    {
        using var document = JsonDocument.Parse(ReportOutput.Text(new SpdxReportWriter(Time), ImageReport.Value));
        var root = document.RootElement;
        var packages = root.GetProperty("packages").EnumerateArray().ToList();
        var relationships = root.GetProperty("relationships").EnumerateArray()
            .Select(r => (r.GetProperty("spdxElementId").GetString(), r.GetProperty("relationshipType").GetString(), r.GetProperty("relatedSpdxElement").GetString())).ToList();

        Assert.Equal("2026-12-04T10:30:00Z", root.GetProperty("creationInfo").GetProperty("created").GetString());
        var image = packages[0];
        Assert.Equal(("CONTAINER", "111122223333.dkr.ecr.eu-west-1.amazonaws.com/shop:2.0.1"), (image.GetProperty("primaryPackagePurpose").GetString(), image.GetProperty("name").GetString()));
        var imageId = image.GetProperty("SPDXID").GetString();
        Assert.Contains(("SPDXRef-DOCUMENT", "DESCRIBES", imageId), relationships);
        var toolbelt = packages.Single(p => p.GetProperty("name").GetString() == "Requests_Toolbelt");
        Assert.Equal("1.0.0", toolbelt.GetProperty("versionInfo").GetString());
        var purl = toolbelt.GetProperty("externalRefs")[0];
        Assert.Equal(("PACKAGE-MANAGER", "purl", "pkg:pypi/requests-toolbelt@1.0.0"),
            (purl.GetProperty("referenceCategory").GetString(), purl.GetProperty("referenceType").GetString(), purl.GetProperty("referenceLocator").GetString()));
        Assert.Contains((imageId, "CONTAINS", toolbelt.GetProperty("SPDXID").GetString()), relationships);
        Assert.Equal(18, packages.Count);
        Assert.Equal("built from the source package bash-5.1.8-9.el9.src.rpm", packages.Single(p => p.GetProperty("name").GetString() == "bash").GetProperty("sourceInfo").GetString());
    }

    [Fact]
    public void Sbom_ReportWithoutInventory_IsStillAValidEmptyDocument()
    {
        var report = SampleReport.Create();

        Assert.Empty(SpdxChecker.Check(ReportOutput.Text(new SpdxReportWriter(Time), report)));
        using var document = JsonDocument.Parse(ReportOutput.Text(new CycloneDxReportWriter(), report));
        Assert.Equal(0, document.RootElement.GetProperty("components").GetArrayLength());
    }

    [Fact]
    public async Task Sbom_PartialScan_SaysWhatWasNotReadAndStaysValid()
    {
        var report = ImageReport.Value with
        {
            Diagnostics = [Diagnostic.Partial(SourceSpan.FileOnly("img!blobs/sha256/ab"), "layer not fully read: truncated")],
        };

        var cyclonedx = ReportOutput.Text(new CycloneDxReportWriter(Time), report);
        var spdx = ReportOutput.Text(new SpdxReportWriter(Time), report);

        Assert.Empty((await CycloneDxSchema.Value).Validate(cyclonedx));
        Assert.Empty(SpdxChecker.Check(spdx));
        Assert.Contains("img!blobs/sha256/ab: checked in part: layer not fully read: truncated", cyclonedx, StringComparison.Ordinal);
        Assert.Contains("img!blobs/sha256/ab: checked in part: layer not fully read: truncated", spdx, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sbom_ImageAndLockfileTogether_NestEachSubjectAndStayValid()
    {
        using var tree = new TempTree();
        ImageBuilder.WriteDirectory(ImageBuilder.OciLayout(InventoryImages.Spec), tree.PathOf("img"));
        tree.Write("web/package-lock.json", """{ "lockfileVersion": 3, "packages": { "": { "name": "web" }, "node_modules/express": { "version": "4.19.2" } } }""");
        var report = new Shipshape.Engine.Scanner(Shipshape.Rules.RuleCatalog.CreateDefault()).Scan(new Shipshape.Engine.ScanOptions { Paths = [tree.Root], Today = new DateOnly(2026, 12, 4) });

        var cyclonedx = ReportOutput.Text(new CycloneDxReportWriter(Time), report);
        var spdx = ReportOutput.Text(new SpdxReportWriter(Time), report);

        Assert.Empty((await CycloneDxSchema.Value).Validate(cyclonedx));
        Assert.Empty(SpdxChecker.Check(spdx));
        using var document = JsonDocument.Parse(cyclonedx);
        var subjects = document.RootElement.GetProperty("components").EnumerateArray().ToList();
        Assert.Equal(["container", "application"], subjects.Select(c => c.GetProperty("type").GetString()));
        Assert.Equal("pkg:npm/express@4.19.2", subjects[1].GetProperty("components")[0].GetProperty("purl").GetString());
        Assert.Equal("pkg:npm/express@4.19.2#2", subjects[1].GetProperty("components")[0].GetProperty("bom-ref").GetString());
        Assert.Equal("shipshape scan", document.RootElement.GetProperty("metadata").GetProperty("component").GetProperty("name").GetString());
    }
}
