using Shipshape.Reporting;

namespace Shipshape.Tests.Reporting;

public sealed class ReportWritersTests
{
    public static TheoryData<string> Formats => new(ReportWriters.Names);

    [Fact]
    public void Names_Catalogue_ListsTheSixFormats() =>
        Assert.Equal(["console", "json", "sarif", "junit", "markdown", "html"], ReportWriters.Names);

    [Theory]
    [MemberData(nameof(Formats))]
    public void Create_KnownFormat_ReturnsWriterForThatFormat(string format) =>
        Assert.Equal(format, ReportWriters.Create(format).Format);

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
        var first = ReportOutput.Bytes(ReportWriters.Create(format), SampleReport.Create());
        var second = ReportOutput.Bytes(ReportWriters.Create(format), SampleReport.Create());

        Assert.Equal(first, second);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Write_AnyFormat_IsUtf8WithoutBomWithLfAndTrailingNewline(string format)
    {
        var bytes = ReportOutput.Bytes(ReportWriters.Create(format), SampleReport.Create());

        Assert.False(bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF);
        Assert.DoesNotContain((byte)'\r', bytes);
        Assert.Equal((byte)'\n', bytes[^1]);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Write_AnyFormat_LeavesStreamOpen(string format)
    {
        using var stream = new MemoryStream();
        ReportWriters.Create(format).Write(SampleReport.Create(), stream);

        Assert.True(stream.CanWrite);
    }
}
