using System.Globalization;

namespace Shipshape.Engine.Configuration;

/// <summary>Sizes and durations as users write them on the command line and in .shipshape.yaml.</summary>
public static class Quantities
{
    private static readonly (string Suffix, long Factor)[] SizeSuffixes =
    [
        ("KIB", 1L << 10), ("MIB", 1L << 20), ("GIB", 1L << 30),
        ("KB", 1L << 10), ("MB", 1L << 20), ("GB", 1L << 30),
        ("K", 1L << 10), ("M", 1L << 20), ("G", 1L << 30), ("B", 1L),
    ];

    private static readonly (string Suffix, double Seconds)[] DurationSuffixes =
    [
        ("MS", 0.001), ("S", 1), ("M", 60), ("H", 3600),
    ];

    /// <summary>What a size may look like, for messages.</summary>
    public const string SizeHelp = "a positive number of bytes, optionally with a unit: 500000, 512K, 10MB, 10MiB, 1G (units are powers of 1024)";

    /// <summary>What a duration may look like, for messages.</summary>
    public const string DurationHelp = "a positive number of seconds, optionally with a unit: 30, 30s, 500ms, 5m, 1h";

    /// <summary>A positive size: bytes, or a number with a unit K/KB/KiB, M/MB/MiB, G/GB/GiB (all powers of 1024).</summary>
    public static bool TryParseSize(string? text, out long bytes)
    {
        bytes = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var (number, factor) = Split(text.Trim().ToUpperInvariant(), SizeSuffixes, 1L);
        if (!long.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n <= 0)
        {
            return false;
        }

        try
        {
            bytes = checked(n * factor);
            return true;
        }
        catch (OverflowException)
        {
            return false;
        }
    }

    /// <summary>A positive duration: seconds, or a number with a unit ms, s, m, h.</summary>
    public static bool TryParseDuration(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var (number, factor) = Split(text.Trim().ToUpperInvariant(), DurationSuffixes, 1.0);
        if (!double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n) || n <= 0 || double.IsInfinity(n))
        {
            return false;
        }

        var seconds = n * factor;
        if (seconds > TimeSpan.FromDays(7).TotalSeconds || seconds < 0.001)
        {
            return false;
        }

        duration = TimeSpan.FromSeconds(seconds);
        return true;
    }

    private static (string Number, T Factor) Split<T>(string text, (string Suffix, T Factor)[] suffixes, T none)
    {
        foreach (var (suffix, factor) in suffixes)
        {
            if (text.Length > suffix.Length && text.EndsWith(suffix, StringComparison.Ordinal) && text[^(suffix.Length + 1)] is (>= '0' and <= '9') or ' ')
            {
                return (text[..^suffix.Length].Trim(), factor);
            }
        }

        return (text, none);
    }
}
