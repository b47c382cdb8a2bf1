using System.Globalization;
using System.Text.RegularExpressions;

namespace Shipshape.Ingest.Kubernetes;

/// <summary>
/// Kubernetes resource quantities ("512Mi", "1Gi", "1G", "129e6", "0.5Gi") as the API defines them:
/// binary suffixes Ki…Ei, decimal suffixes k…E, exponents, and "m" for thousandths.
/// </summary>
public static partial class KubernetesQuantity
{
    /// <summary>The quantity in bytes, or null when the text is not a quantity.</summary>
    public static double? Bytes(string? text)
    {
        var match = Pattern().Match(text?.Trim() ?? string.Empty);
        if (!match.Success || !double.TryParse(match.Groups["number"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return null;
        }

        double factor = match.Groups["suffix"].Value switch
        {
            "" => 1,
            "m" => 0.001,
            "k" => 1e3,
            "M" => 1e6,
            "G" => 1e9,
            "T" => 1e12,
            "P" => 1e15,
            "E" => 1e18,
            "Ki" => 1024d,
            "Mi" => 1024d * 1024,
            "Gi" => 1024d * 1024 * 1024,
            "Ti" => 1024d * 1024 * 1024 * 1024,
            "Pi" => 1024d * 1024 * 1024 * 1024 * 1024,
            _ => 1024d * 1024 * 1024 * 1024 * 1024 * 1024,
        };
        return number * factor;
    }

    /// <summary>The quantity in MiB, rounded up so that any positive limit stays positive; null when not a quantity.</summary>
    public static int? MiB(string? text) =>
        Bytes(text) is { } bytes ? (int)Math.Min(int.MaxValue, Math.Ceiling(bytes / (1024d * 1024))) : null;

    [GeneratedRegex(@"^(?<number>[+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?)(?<suffix>Ki|Mi|Gi|Ti|Pi|Ei|m|k|M|G|T|P|E)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
