using System.Text;

namespace Shipshape.Reporting;

/// <summary>The one encoding all writers use: UTF-8 without a byte-order mark.</summary>
internal static class ReportEncoding
{
    public static UTF8Encoding Utf8NoBom { get; } = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    /// <summary>A text writer over <paramref name="output"/> that writes '\n' line ends and leaves the stream open.</summary>
    public static StreamWriter CreateTextWriter(Stream output) =>
        new(output, Utf8NoBom, bufferSize: 4096, leaveOpen: true) { NewLine = "\n" };
}
