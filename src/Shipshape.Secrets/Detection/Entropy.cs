namespace Shipshape.Secrets.Detection;

/// <summary>Shannon entropy, the measure gitleaks' <c>entropy</c> thresholds use.</summary>
public static class Entropy
{
    /// <summary>Bits per character of <paramref name="text"/>.</summary>
    public static double Shannon(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return 0;
        }

        Span<int> ascii = stackalloc int[128];
        Dictionary<char, int>? other = null;
        foreach (var c in text)
        {
            if (c < 128)
            {
                ascii[c]++;
            }
            else
            {
                other ??= [];
                other[c] = other.GetValueOrDefault(c) + 1;
            }
        }

        double entropy = 0;
        foreach (var count in ascii)
        {
            if (count > 0)
            {
                var p = (double)count / text.Length;
                entropy -= p * Math.Log2(p);
            }
        }

        foreach (var count in other?.Values ?? Enumerable.Empty<int>())
        {
            var p = (double)count / text.Length;
            entropy -= p * Math.Log2(p);
        }

        return entropy;
    }
}
