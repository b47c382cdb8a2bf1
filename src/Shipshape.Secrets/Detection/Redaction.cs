using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Shipshape.Secrets.Detection;

/// <summary>Redaction and hashing of secrets: nothing here ever returns a full secret.</summary>
public static class Redaction
{
    /// <summary>At most the first four characters (a quarter of short values), an ellipsis and the length: "AKIA… (20 characters)".</summary>
    public static string Redact(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var shown = Math.Min(4, value.Length / 4);
        return string.Create(CultureInfo.InvariantCulture, $"{value[..shown]}… ({value.Length} characters)");
    }

    /// <summary>Lower-case hex SHA-256 of the UTF-8 value: a stable key that does not reveal it.</summary>
    public static string Hash(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
    }

    /// <summary>A name taken from scanned text, fit for a message: control characters dropped, at most 64 characters.</summary>
    public static string Clean(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var clean = new string([.. text.Where(c => !char.IsControl(c)).Take(64)]);
        return text.Length > 64 ? clean + "…" : clean;
    }
}
