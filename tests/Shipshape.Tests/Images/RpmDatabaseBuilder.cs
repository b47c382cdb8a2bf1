using System.Buffers.Binary;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Shipshape.Tests.Images;

/// <summary>One installed rpm, as rpm's header would hold it.</summary>
internal sealed record RpmSpec(string Name, string Version, string Release, string Arch, int? Epoch = null, string? License = null, string? SourceRpm = null)
{
    /// <summary>Bytes of a description, to make the header spill onto SQLite overflow pages.</summary>
    public int Padding { get; init; }
}

/// <summary>
/// rpm 4.16's rpmdb.sqlite, written with SQLite itself: the Packages table (hnum, blob) and one index table, each blob an
/// rpm header written from the rpm file-format documentation (index count, data size, 16-byte index entries, data store),
/// led by the immutable region tag real databases carry.
/// </summary>
internal static class RpmDatabaseBuilder
{
    public static byte[] Sqlite(params RpmSpec[] packages) => Sqlite(packages.Select(Header));

    public static byte[] Sqlite(IEnumerable<byte[]> blobs)
    {
        var path = Path.Combine(Path.GetTempPath(), $"shipshape-rpmdb-{Guid.NewGuid():N}.sqlite");
        try
        {
            using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString()))
            {
                connection.Open();
                Execute(connection, "CREATE TABLE 'Packages' (hnum INTEGER PRIMARY KEY AUTOINCREMENT, blob BLOB NOT NULL)");
                Execute(connection, "CREATE TABLE 'Name' (key TEXT NOT NULL, hnum INTEGER NOT NULL, idx INTEGER NOT NULL, FOREIGN KEY (hnum) REFERENCES 'Packages'(hnum))");
                using var transaction = connection.BeginTransaction();
                foreach (var blob in blobs)
                {
                    using var insert = connection.CreateCommand();
                    insert.CommandText = "INSERT INTO Packages (blob) VALUES ($blob)";
                    insert.Parameters.AddWithValue("$blob", blob);
                    insert.ExecuteNonQuery();
                }

                transaction.Commit();
            }

            return File.ReadAllBytes(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>The header blob: tags in ascending order after the region tag (63), strings NUL-terminated, INT32 values 4-aligned.</summary>
    public static byte[] Header(RpmSpec spec)
    {
        var entries = new List<(int Tag, int Type, int Offset, int Count)>();
        var data = new List<byte>();
        void Text(int tag, string? value, int type = 6)
        {
            if (value is not null)
            {
                entries.Add((tag, type, data.Count, 1));
                data.AddRange(Encoding.UTF8.GetBytes(value));
                data.Add(0);
            }
        }

        // The region trailer (a BIN of 16 bytes) that rpm puts first; a reader skips tags it does not know.
        entries.Add((63, 7, data.Count, 16));
        data.AddRange(new byte[16]);
        Text(1000, spec.Name);
        Text(1001, spec.Version);
        Text(1002, spec.Release);
        if (spec.Epoch is { } epoch)
        {
            while (data.Count % 4 != 0)
            {
                data.Add(0);
            }

            entries.Add((1003, 4, data.Count, 1));
            var bytes = new byte[4];
            BinaryPrimitives.WriteInt32BigEndian(bytes, epoch);
            data.AddRange(bytes);
        }

        Text(1005, spec.Padding > 0 ? new string('x', spec.Padding) : null, type: 9);
        Text(1014, spec.License);
        Text(1022, spec.Arch);
        Text(1044, spec.SourceRpm);
        var blob = new byte[8 + (16 * entries.Count) + data.Count];
        BinaryPrimitives.WriteInt32BigEndian(blob, entries.Count);
        BinaryPrimitives.WriteInt32BigEndian(blob.AsSpan(4), data.Count);
        for (var i = 0; i < entries.Count; i++)
        {
            var at = blob.AsSpan(8 + (16 * i));
            BinaryPrimitives.WriteInt32BigEndian(at, entries[i].Tag);
            BinaryPrimitives.WriteInt32BigEndian(at[4..], entries[i].Type);
            BinaryPrimitives.WriteInt32BigEndian(at[8..], entries[i].Offset);
            BinaryPrimitives.WriteInt32BigEndian(at[12..], entries[i].Count);
        }

        data.CopyTo(blob, 8 + (16 * entries.Count));
        return blob;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
