using System.Text;
using Shipshape.Core;
using Shipshape.Reporting;

namespace Shipshape.Tests.Reporting;

/// <summary>Runs a writer into memory.</summary>
internal static class ReportOutput
{
    public static byte[] Bytes(IReportWriter writer, ScanReport report)
    {
        using var stream = new MemoryStream();
        writer.Write(report, stream);
        return stream.ToArray();
    }

    public static string Text(IReportWriter writer, ScanReport report) =>
        new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(Bytes(writer, report));
}
