using Shipshape.Secrets.Detection;

namespace Shipshape.Rules.Secrets;

/// <summary>Redaction and hashing of secret values: nothing here ever returns a full secret.</summary>
public static class SecretRedactor
{
    /// <summary>The first four characters (fewer for short values), an ellipsis and the length: "AKIA… (20 characters)".</summary>
    public static string Redact(string value) => Redaction.Redact(value);

    /// <summary>Lower-case hex SHA-256 of the UTF-8 value: a stable fingerprint key that does not reveal it.</summary>
    public static string Hash(string value) => Redaction.Hash(value);
}
