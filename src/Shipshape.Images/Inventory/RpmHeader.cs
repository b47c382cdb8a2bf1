using System.Buffers.Binary;
using System.Text;

namespace Shipshape.Images.Inventory;

/// <summary>
/// An rpm header as rpmdb stores it (the header without its magic, rpm's "header blob"): the index count and data
/// size, that many 16-byte index entries (tag, type, offset, count, big-endian), then the data store. Only the tags
/// the inventory needs are read, and nothing is trusted: the counts must fit the blob, and every offset and string
/// must lie inside the data store.
/// </summary>
internal sealed class RpmHeader
{
    public const int Name = 1000;
    public const int Version = 1001;
    public const int Release = 1002;
    public const int Epoch = 1003;
    public const int License = 1014;
    public const int Arch = 1022;
    public const int SourceRpm = 1044;

    private const int Int32Type = 4;
    private const int StringType = 6;
    private const int I18nStringType = 9;

    /// <summary>rpm's own limit on the index entries of one header (hdrchkTags).</summary>
    private const int MaxIndexEntries = 0xffff;

    private readonly Dictionary<int, string> strings;
    private readonly Dictionary<int, long> numbers;

    private RpmHeader(Dictionary<int, string> strings, Dictionary<int, long> numbers)
    {
        this.strings = strings;
        this.numbers = numbers;
    }

    public string? String(int tag) => strings.GetValueOrDefault(tag);

    public long? Number(int tag) => numbers.TryGetValue(tag, out var value) ? value : null;

    /// <summary>The header, or the reason the blob is not one.</summary>
    public static (RpmHeader? Header, string? Problem) Parse(ReadOnlySpan<byte> blob)
    {
        if (blob.Length < 8)
        {
            return (null, "shorter than a header");
        }

        var entries = BinaryPrimitives.ReadInt32BigEndian(blob);
        var dataSize = BinaryPrimitives.ReadInt32BigEndian(blob[4..]);
        if (entries < 1 || entries > MaxIndexEntries || dataSize < 0 || 8L + (16L * entries) + dataSize > blob.Length)
        {
            return (null, $"claims {entries} index entries and {dataSize} bytes of data, more than its {blob.Length} bytes");
        }

        var data = blob.Slice(8 + (16 * entries), dataSize);
        var strings = new Dictionary<int, string>();
        var numbers = new Dictionary<int, long>();
        for (var i = 0; i < entries; i++)
        {
            var entry = blob.Slice(8 + (16 * i), 16);
            var tag = BinaryPrimitives.ReadInt32BigEndian(entry);
            var type = BinaryPrimitives.ReadInt32BigEndian(entry[4..]);
            var offset = BinaryPrimitives.ReadInt32BigEndian(entry[8..]);
            var count = BinaryPrimitives.ReadInt32BigEndian(entry[12..]);
            if (tag is not (Name or Version or Release or Epoch or License or Arch or SourceRpm) || strings.ContainsKey(tag) || numbers.ContainsKey(tag))
            {
                continue;
            }

            if (offset < 0 || offset >= data.Length || count < 1)
            {
                return (null, $"tag {tag} points outside the data store");
            }

            if (type == Int32Type)
            {
                if (offset + 4 > data.Length)
                {
                    return (null, $"tag {tag} points outside the data store");
                }

                numbers[tag] = BinaryPrimitives.ReadInt32BigEndian(data[offset..]);
            }
            else if (type is StringType or I18nStringType)
            {
                // An i18n string is a list of translations; the first is the untranslated one.
                var end = data[offset..].IndexOf((byte)0);
                if (end < 0)
                {
                    return (null, $"tag {tag}: string without its terminating NUL");
                }

                strings[tag] = Encoding.UTF8.GetString(data.Slice(offset, end));
            }
        }

        return (new RpmHeader(strings, numbers), null);
    }
}
