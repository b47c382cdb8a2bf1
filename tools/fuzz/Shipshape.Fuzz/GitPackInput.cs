using System.Buffers.Binary;
using Shipshape.Secrets.Git;

namespace Shipshape.Fuzz;

/// <summary>
/// The git-pack target. One input holds a v2 pack index and its pack: a big-endian u32 with the index's
/// length, the index, then the pack. They are written into a bare repository in a temporary directory
/// (GitRepository reads packs from disk), then every object the index lists is read through the public
/// API (deltas resolved), commits parsed, trees parsed, and the refs peeled. GitFormatException, which
/// GitRepository declares for a corrupt repository, is the expected failure.
/// </summary>
internal static class GitPackInput
{
    private const int MaxObjects = 64;

    private static readonly string Root = Path.Combine(Path.GetTempPath(), $"shipshape-fuzz-git-{Environment.ProcessId}");

    public static void WriteSeed(string indexPath, string packPath, string outputPath)
    {
        var index = File.ReadAllBytes(indexPath);
        var pack = File.ReadAllBytes(packPath);
        var output = new byte[4 + index.Length + pack.Length];
        BinaryPrimitives.WriteUInt32BigEndian(output, (uint)index.Length);
        index.CopyTo(output, 4);
        pack.CopyTo(output, 4 + index.Length);
        File.WriteAllBytes(outputPath, output);
    }

    public static void Run(byte[] input)
    {
        if (input.Length < 4)
        {
            return;
        }

        var indexLength = (int)Math.Min(BinaryPrimitives.ReadUInt32BigEndian(input), (uint)(input.Length - 4));
        var index = input.AsSpan(4, indexLength).ToArray();
        var pack = input.AsSpan(4 + indexLength).ToArray();
        var ids = ListedIds(index);

        var packDir = Path.Combine(Root, "objects", "pack");
        Directory.CreateDirectory(packDir);
        Directory.CreateDirectory(Path.Combine(Root, "refs", "heads"));
        File.WriteAllText(Path.Combine(Root, "HEAD"), "ref: refs/heads/main\n");
        File.WriteAllText(Path.Combine(Root, "refs", "heads", "main"), ids.Count > 0 ? ids[0] + "\n" : string.Empty);
        File.WriteAllBytes(Path.Combine(packDir, "pack-fuzz.idx"), index);
        File.WriteAllBytes(Path.Combine(packDir, "pack-fuzz.pack"), pack);

        GitRepository repository;
        try
        {
            repository = GitRepository.Open(Root);
        }
        catch (GitFormatException)
        {
            return;
        }

        foreach (var id in ids)
        {
            try
            {
                var obj = repository.TryRead(id);
                switch (obj?.Type)
                {
                    case GitObjectType.Commit:
                        _ = GitCommit.Parse(id, obj.Data);
                        break;
                    case GitObjectType.Tree:
                        _ = GitTree.Parse(obj.Data, out _);
                        break;
                }
            }
            catch (GitFormatException)
            {
                // declared: missing or corrupt
            }
        }

        try
        {
            _ = repository.RefTips(new List<Shipshape.Core.Diagnostic>(), CancellationToken.None);
        }
        catch (GitFormatException)
        {
        }
    }

    /// <summary>The object IDs the index lists (as far as the index holds them), at most <see cref="MaxObjects"/>.</summary>
    private static List<string> ListedIds(byte[] index)
    {
        var ids = new List<string>();
        const int idsAt = 8 + 1024;
        if (index.Length < idsAt)
        {
            return ids;
        }

        var count = BinaryPrimitives.ReadUInt32BigEndian(index.AsSpan(8 + (255 * 4)));
        for (var i = 0; i < Math.Min(count, MaxObjects) && idsAt + ((i + 1) * 20) <= index.Length; i++)
        {
            ids.Add(Convert.ToHexStringLower(index, idsAt + (i * 20), 20));
        }

        return ids;
    }
}
