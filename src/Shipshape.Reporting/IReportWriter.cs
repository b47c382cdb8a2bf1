using Shipshape.Core;

namespace Shipshape.Reporting;

/// <summary>Turns a scan report into one output format; a pure function of the report.</summary>
public interface IReportWriter
{
    /// <summary>The format name the command line uses, for example "sarif".</summary>
    string Format { get; }

    /// <summary>Writes the report as UTF-8 without a byte-order mark; leaves <paramref name="output"/> open.</summary>
    void Write(ScanReport report, Stream output);
}
