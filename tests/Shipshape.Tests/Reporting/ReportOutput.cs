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

    /// <summary>The repository root: the nearest folder above the test binaries that holds Shipshape.slnx.</summary>
    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Shipshape.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Shipshape.slnx not found above " + AppContext.BaseDirectory);
    }
}
