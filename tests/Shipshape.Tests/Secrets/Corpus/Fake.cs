using System.Text;

namespace Shipshape.Tests.Secrets.Corpus;

/// <summary>
/// Well-formed but invented credential values, generated at run time from a seed, so that no secret-shaped literal is
/// in the repository (scanners, push protection and Shipshape itself see only the generator) and every run sees the same values.
/// </summary>
internal static class Fake
{
    public const string Alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    public const string Upper32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    public const string Base64Chars = Alnum + "+/";
    public const string Crypt = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    public const string Hex = "0123456789abcdef";
    public const string PasswordChars = Alnum + "!#%&*-_+";

    /// <summary>A random-looking string of <paramref name="length"/> characters from <paramref name="alphabet"/>, fixed by <paramref name="seed"/>.</summary>
    public static string Chars(string seed, int length, string alphabet = Alnum)
    {
        var state = Seed(seed);
        var result = new StringBuilder(length);
        while (result.Length < length)
        {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            result.Append(alphabet[(int)(state % (ulong)alphabet.Length)]);
        }

        return result.ToString();
    }

    /// <summary>A password a person might choose: letters, digits and a symbol, <paramref name="length"/> long.</summary>
    public static string Password(string seed, int length = 14) => Chars(seed, length - 2) + "!" + (Seed(seed) % 10).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static byte[] Bytes(string seed, int length) => Encoding.ASCII.GetBytes(Chars(seed, length, Base64Chars)).Select((b, i) => (byte)(b * 31 + i)).ToArray();

    public static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    /// <summary>A PEM block with a body of random base64, 64 columns, <paramref name="lines"/> lines; <paramref name="headers"/> go before the body.</summary>
    public static string Pem(string label, string seed, int lines = 8, string headers = "") =>
        $"-----BEGIN {label}-----\n{headers}{string.Join("\n", Enumerable.Range(0, lines).Select(i => Chars(seed + i, 64, Base64Chars)))}\n-----END {label}-----";

    /// <summary>Splits a known token across a concatenation, for values that vendors publish (documentation examples).</summary>
    public static string Join(params string[] parts) => string.Concat(parts);

    private static ulong Seed(string seed)
    {
        var state = 1469598103934665603UL;
        foreach (var c in seed)
        {
            state = (state ^ c) * 1099511628211UL;
        }

        return state == 0 ? 88172645463325252UL : state;
    }
}
