using System.Buffers.Binary;
using System.Text;

namespace Shipshape.Images.Inventory;

/// <summary>
/// Reads the rows of one table of a SQLite database file held in memory, following the file format
/// (sqlite.org/fileformat2.html): the schema table's B-tree on page 1 names the table's root page, whose table B-tree is
/// walked left to right, payloads that spill following their overflow chains. Read here rather than through
/// Microsoft.Data.Sqlite so the Native AOT binary stays one file without a native SQLite library, and no layer file is
/// ever written to disk. Nothing in the file is trusted: every page number, cell offset, size and varint is checked
/// against the file, each page is visited once (a loop in the tree or an overflow chain ends the read), the walk uses
/// an explicit stack, and the rows are counted. A write-ahead log beside the file is not read.
/// </summary>
internal static class SqliteTable
{
    /// <summary>Rows returned from one table at most.</summary>
    public const int MaxRows = 200_000;

    private const int MaxDepth = 64;

    /// <summary>Payload bytes one database may yield beyond its own size (cells and overflow pages are each read once, so a sound file never needs more).</summary>
    private const long PayloadSlackBytes = 1024 * 1024;

    /// <summary>The values of each row of the table named <paramref name="table"/>, or a problem that says why they could not be read.</summary>
    public static (List<object?[]> Rows, string? Problem) Read(ReadOnlyMemory<byte> file, string table)
    {
        var rows = new List<object?[]>();
        var data = file.Span;
        if (data.Length < 100 || !data[..16].SequenceEqual("SQLite format 3\0"u8))
        {
            return (rows, "not a SQLite database (no SQLite header)");
        }

        var pageSize = BinaryPrimitives.ReadUInt16BigEndian(data[16..]) is var size && size == 1 ? 65536 : size;
        var usable = pageSize - data[20];
        if (pageSize < 512 || (pageSize & (pageSize - 1)) != 0 || usable < 480)
        {
            return (rows, $"SQLite header names an invalid page size ({pageSize})");
        }

        var reader = new Reader(file, pageSize, usable);
        long root = 0;
        var problem = reader.Walk(1, row =>
        {
            if (root == 0 && row.Length >= 4 && row[0] is "table" && string.Equals(row[1] as string, table, StringComparison.Ordinal) && row[3] is long page)
            {
                root = page;
            }

            return true;
        });
        if (problem is not null)
        {
            return (rows, "schema not readable: " + problem);
        }

        if (root == 0)
        {
            return (rows, $"no table named {table}");
        }

        problem = reader.Walk(root, row =>
        {
            rows.Add(row);
            return rows.Count < MaxRows;
        });
        if (problem is null && rows.Count >= MaxRows)
        {
            problem = $"more than {MaxRows} rows: the rest are not read";
        }

        return (rows, problem);
    }

    private sealed class Reader(ReadOnlyMemory<byte> file, int pageSize, int usable)
    {
        private readonly HashSet<long> visited = [];

        /// <summary>Payload bytes still allowed: the file's size and a little more, so no file yields more rows than it holds.</summary>
        private long budget = file.Length + PayloadSlackBytes;

        private long PageCount => file.Length / pageSize;

        /// <summary>Every row of the table B-tree rooted at <paramref name="root"/>, in rowid order, until <paramref name="take"/> says stop.</summary>
        public string? Walk(long root, Func<object?[], bool> take)
        {
            var stack = new Stack<(long Page, int Depth)>();
            stack.Push((root, 0));
            while (stack.Count > 0)
            {
                var (number, depth) = stack.Pop();
                if (number < 1 || number > PageCount || !visited.Add(number))
                {
                    return $"page {number} is outside the file or visited twice";
                }

                if (depth > MaxDepth)
                {
                    return $"B-tree deeper than {MaxDepth} pages";
                }

                var page = file.Span.Slice((int)((number - 1) * pageSize), pageSize);
                var header = number == 1 ? 100 : 0;
                var type = page[header];
                if (type is not (5 or 13))
                {
                    return $"page {number} is not a table B-tree page (type {type})";
                }

                var cells = BinaryPrimitives.ReadUInt16BigEndian(page[(header + 3)..]);
                var pointers = header + (type == 5 ? 12 : 8);
                if (pointers + (2 * cells) > usable)
                {
                    return $"page {number} claims {cells} cells, more than fit";
                }

                if (type == 5)
                {
                    // Children are pushed right to left so rows come out in rowid order.
                    stack.Push((BinaryPrimitives.ReadUInt32BigEndian(page[(header + 8)..]), depth + 1));
                    for (var i = cells - 1; i >= 0; i--)
                    {
                        var offset = BinaryPrimitives.ReadUInt16BigEndian(page[(pointers + (2 * i))..]);
                        if (offset + 4 > usable)
                        {
                            return $"page {number}: cell {i} outside the page";
                        }

                        stack.Push((BinaryPrimitives.ReadUInt32BigEndian(page[offset..]), depth + 1));
                    }

                    continue;
                }

                // Each byte of the page belongs to one cell at most: cell pointers that repeat or overlap would read the same bytes
                // as many rows.
                var used = new bool[usable];
                used.AsSpan(0, pointers + (2 * cells)).Fill(true);
                for (var i = 0; i < cells; i++)
                {
                    var offset = BinaryPrimitives.ReadUInt16BigEndian(page[(pointers + (2 * i))..]);
                    var (payload, problem) = Payload(page, number, offset, used);
                    if (problem is not null)
                    {
                        return problem;
                    }

                    var (row, rowProblem) = Record(payload!);
                    if (rowProblem is not null)
                    {
                        return $"page {number}: cell {i}: {rowProblem}";
                    }

                    if (!take(row!))
                    {
                        return null;
                    }
                }
            }

            return null;
        }

        /// <summary>A table leaf cell's payload, its overflow pages appended.</summary>
        private (byte[]? Payload, string? Problem) Payload(ReadOnlySpan<byte> page, long number, int offset, bool[] used)
        {
            var at = offset;
            if (at >= usable || !Varint(page[..usable], ref at, out var size) || !Varint(page[..usable], ref at, out _))
            {
                return (null, $"page {number}: cell at {offset} outside the page");
            }

            if (size < 0 || size > file.Length)
            {
                return (null, $"page {number}: payload of {size} bytes, more than the file holds");
            }

            // The local part of a spilling payload, as the file format defines it for table leaves.
            var max = usable - 35;
            var min = ((usable - 12) * 32 / 255) - 23;
            var local = (int)size;
            if (size > max)
            {
                var spill = min + (int)((size - min) % (usable - 4));
                local = spill <= max ? spill : min;
            }

            if (at + local + (local < size ? 4 : 0) > usable)
            {
                return (null, $"page {number}: payload runs past the page");
            }

            if (used.AsSpan(offset, at + local + (local < size ? 4 : 0) - offset).Contains(true))
            {
                return (null, $"page {number}: cell at {offset} repeats or overlaps another cell or the page header");
            }

            used.AsSpan(offset, at + local + (local < size ? 4 : 0) - offset).Fill(true);
            budget -= size;
            if (budget < 0)
            {
                return (null, $"rows add up to more bytes than the database holds ({file.Length}): the rest are not read");
            }

            var payload = new byte[size];
            page.Slice(at, local).CopyTo(payload);
            var filled = local;
            var next = local < size ? (long)BinaryPrimitives.ReadUInt32BigEndian(page[(at + local)..]) : 0;
            while (filled < size)
            {
                if (next < 1 || next > PageCount || !visited.Add(next))
                {
                    return (null, $"page {number}: overflow page {next} is outside the file or visited twice");
                }

                var overflow = file.Span.Slice((int)((next - 1) * pageSize), usable);
                var take = (int)Math.Min(usable - 4, size - filled);
                overflow.Slice(4, take).CopyTo(payload.AsSpan(filled));
                filled += take;
                next = BinaryPrimitives.ReadUInt32BigEndian(overflow);
            }

            return (payload, null);
        }
    }

    /// <summary>A record's values: null, long, double, string (UTF-8) or byte[].</summary>
    private static (object?[]? Row, string? Problem) Record(byte[] payload)
    {
        var at = 0;
        if (!Varint(payload, ref at, out var headerSize) || headerSize < at || headerSize > payload.Length)
        {
            return (null, "record header outside the record");
        }

        var types = new List<long>();
        while (at < headerSize)
        {
            if (!Varint(payload.AsSpan(0, (int)headerSize), ref at, out var type))
            {
                return (null, "record header cut short");
            }

            types.Add(type);
        }

        var values = new object?[types.Count];
        var body = (int)headerSize;
        for (var i = 0; i < types.Count; i++)
        {
            var type = types[i];
            var length = type switch
            {
                >= 12 => (type - 12) / 2,
                1 or 2 or 3 or 4 => type,
                5 => 6,
                6 or 7 => 8,
                _ => 0,
            };
            if (length > payload.Length - body)
            {
                return (null, "record value outside the record");
            }

            var bytes = payload.AsSpan(body, (int)length);
            values[i] = type switch
            {
                0 => null,
                >= 1 and <= 6 => Integer(bytes),
                7 => BitConverter.Int64BitsToDouble(BinaryPrimitives.ReadInt64BigEndian(bytes)),
                8 => 0L,
                9 => 1L,
                >= 12 when type % 2 == 0 => bytes.ToArray(),
                >= 13 => Encoding.UTF8.GetString(bytes),
                _ => null,
            };
            body += (int)length;
        }

        return (values, null);
    }

    private static long Integer(ReadOnlySpan<byte> bytes)
    {
        long value = (sbyte)bytes[0];
        foreach (var b in bytes[1..])
        {
            value = (value << 8) | b;
        }

        return value;
    }

    /// <summary>SQLite's big-endian varint: up to eight bytes of seven bits, then a ninth of eight.</summary>
    private static bool Varint(ReadOnlySpan<byte> data, ref int at, out long value)
    {
        value = 0;
        for (var i = 0; i < 9; i++)
        {
            if (at >= data.Length)
            {
                return false;
            }

            var b = data[at++];
            if (i == 8)
            {
                value = (value << 8) | b;
                return true;
            }

            value = (value << 7) | (long)(b & 0x7f);
            if ((b & 0x80) == 0)
            {
                return true;
            }
        }

        return true;
    }
}
