using System.Text;
using System.Text.Json;

namespace Shipshape.Iam.Tools;

/// <summary>Writes drafted statements as an IAM policy document (JSON, two-space indent, "\n" line ends, single values unwrapped).</summary>
public static class PolicyJson
{
    public static string Write(IEnumerable<PolicyStatementDraft> statements)
    {
        ArgumentNullException.ThrowIfNull(statements);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, NewLine = "\n" }))
        {
            Write(writer, statements);
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    public static void Write(Utf8JsonWriter writer, IEnumerable<PolicyStatementDraft> statements)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(statements);
        writer.WriteStartObject();
        writer.WriteString("Version", "2012-10-17");
        writer.WriteStartArray("Statement");
        foreach (var s in statements)
        {
            writer.WriteStartObject();
            writer.WriteString("Sid", s.Sid);
            writer.WriteString("Effect", "Allow");
            Values(writer, "Action", s.Actions);
            Values(writer, "Resource", s.Resources);
            if (!s.Conditions.IsEmpty)
            {
                writer.WriteStartObject("Condition");
                foreach (var (op, keys) in s.Conditions)
                {
                    writer.WriteStartObject(op);
                    foreach (var (key, values) in keys)
                    {
                        Values(writer, key, values);
                    }

                    writer.WriteEndObject();
                }

                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void Values(Utf8JsonWriter writer, string name, IReadOnlyList<string> values)
    {
        if (values.Count == 1)
        {
            writer.WriteString(name, values[0]);
            return;
        }

        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }
}
