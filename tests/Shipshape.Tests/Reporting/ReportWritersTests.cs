using Shipshape.Reporting;

namespace Shipshape.Tests.Reporting;

public sealed class ReportWritersTests
{
    public static TheoryData<string> Formats => new(ReportWriters.Names);

    /// <summary>A writer for any format: the ASFF and OCSF writers get a fixed time, account and Region.</summary>
    private static IReportWriter Writer(string format) =>
        ReportWriters.Create(format, color: false, ConsoleDetail.Normal, SecurityFindingSamples.Options);

    [Fact]
    public void Names_Catalogue_ListsTheEightFormats() =>
        Assert.Equal(["console", "json", "sarif", "junit", "markdown", "html", "asff", "ocsf", "cyclonedx", "spdx"], ReportWriters.Names);

    [Theory]
    [MemberData(nameof(Formats))]
    public void Create_KnownFormat_ReturnsWriterForThatFormat(string format)
    {
        Assert.Equal(format, Writer(format).Format);
        Assert.True(ReportWriters.IsKnown(format.ToUpperInvariant()));
    }

    [Theory]
    [InlineData("asff")]
    [InlineData("ocsf")]
    public void Create_SecurityFindingFormatWithoutOptions_ThrowsNamingWhatIsMissing(string format)
    {
        var error = Assert.Throws<ArgumentException>(() => ReportWriters.Create(format));

        Assert.Contains(format, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_AsffWithoutRegion_Throws() =>
        Assert.Throws<ArgumentException>(() => ReportWriters.Create("asff", false, ConsoleDetail.Normal, SecurityFindingSamples.Options with { AwsRegion = null }));

    [Fact]
    public void Create_UpperCaseName_IsAccepted() => Assert.IsType<SarifReportWriter>(ReportWriters.Create("SARIF"));

    [Fact]
    public void Create_ConsoleWithColor_PassesColourThrough()
    {
        Assert.True(Assert.IsType<ConsoleReportWriter>(ReportWriters.Create("console", color: true)).Color);
        Assert.False(Assert.IsType<ConsoleReportWriter>(ReportWriters.Create("console", color: false)).Color);
    }

    [Fact]
    public void Create_UnknownFormat_ThrowsNamingTheKnownFormats()
    {
        var error = Assert.Throws<ArgumentException>(() => ReportWriters.Create("pdf"));

        Assert.Contains("console, json, sarif, junit, markdown, html", error.Message, StringComparison.Ordinal);
        Assert.False(ReportWriters.TryCreate("pdf", color: false, out _));
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Write_TwoRuns_AreByteIdentical(string format)
    {
        var first = ReportOutput.Bytes(Writer(format), SampleReport.Create());
        var second = ReportOutput.Bytes(Writer(format), SampleReport.Create());

        Assert.Equal(first, second);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Write_AnyFormat_IsUtf8WithoutBomWithLfAndTrailingNewline(string format)
    {
        var bytes = ReportOutput.Bytes(Writer(format), SampleReport.Create());

        Assert.False(bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF);
        Assert.DoesNotContain((byte)'\r', bytes);
        Assert.Equal((byte)'\n', bytes[^1]);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Write_AnyFormat_LeavesStreamOpen(string format)
    {
        using var stream = new MemoryStream();
        Writer(format).Write(SampleReport.Create(), stream);

        Assert.True(stream.CanWrite);
    }
}
