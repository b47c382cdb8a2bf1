using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Shipshape.Hcl.Evaluation;

/// <summary>jsonencode and jsondecode, with System.Text.Json's reader and writer only (no reflection).</summary>
public static class HclJson
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The compact JSON encoding of a wholly known value (unknown parts are written as null).</summary>
    public static string Encode(HclValue value)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            Write(writer, value, 0);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void Write(Utf8JsonWriter writer, HclValue value, int depth)
    {
        if (depth > 512)
        {
            writer.WriteNullValue();
            return;
        }

        switch (value)
        {
            case HclBool b:
                writer.WriteBooleanValue(b.Value);
                break;
            case HclNumber n when double.IsFinite(n.Value):
                writer.WriteRawValue(n.Text);
                break;
            case HclString s:
                writer.WriteStringValue(s.Value);
                break;
            case HclTuple t:
                writer.WriteStartArray();
                foreach (var item in t.Items)
                {
                    Write(writer, item, depth + 1);
                }

                writer.WriteEndArray();
                break;
            case HclObject o:
                writer.WriteStartObject();
                foreach (var (key, item) in o.Items)
                {
                    writer.WritePropertyName(key);
                    Write(writer, item, depth + 1);
                }

                writer.WriteEndObject();
                break;
            default:
                writer.WriteNullValue();
                break;
        }
    }

    /// <summary>Decodes JSON text; invalid JSON gives an error-unknown.</summary>
    public static HclValue Decode(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 256, AllowTrailingCommas = false });
            return From(document.RootElement);
        }
        catch (Exception ex) when (ex is JsonException or FormatException)
        {
            // FormatException: a number such as 1e400 that a double cannot hold.
            return HclUnknown.Error($"jsondecode: {ex.Message}");
        }
    }

    private static HclValue From(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => HclObject.From(element.EnumerateObject().Select(p => new KeyValuePair<string, HclValue>(p.Name, From(p.Value)))),
        JsonValueKind.Array => new HclTuple([.. element.EnumerateArray().Select(From)]),
        JsonValueKind.String => HclValue.Of(element.GetString() ?? string.Empty),
        JsonValueKind.Number => HclValue.Of(element.GetDouble()),
        JsonValueKind.True => HclValue.True,
        JsonValueKind.False => HclValue.False,
        _ => HclValue.Null,
    };
}
