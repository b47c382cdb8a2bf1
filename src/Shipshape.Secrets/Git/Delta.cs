namespace Shipshape.Secrets.Git;

/// <summary>Git's delta format: the base and result sizes, then copy-from-base and insert instructions.</summary>
internal static class Delta
{
    public static byte[] Apply(byte[] source, byte[] delta)
    {
        var at = 0;
        var sourceSize = ReadSize(delta, ref at);
        if (sourceSize != source.Length)
        {
            throw new GitFormatException($"delta expects a base of {sourceSize} bytes, not {source.Length}");
        }

        var result = new byte[ReadSize(delta, ref at)];
        var written = 0;
        while (at < delta.Length)
        {
            var op = delta[at++];
            if ((op & 0x80) != 0)
            {
                long offset = 0;
                long size = 0;
                for (var bit = 0; bit < 4; bit++)
                {
                    if ((op & (1 << bit)) != 0)
                    {
                        offset |= (long)delta[at++] << (8 * bit);
                    }
                }

                for (var bit = 0; bit < 3; bit++)
                {
                    if ((op & (0x10 << bit)) != 0)
                    {
                        size |= (long)delta[at++] << (8 * bit);
                    }
                }

                if (size == 0)
                {
                    size = 0x10000;
                }

                source.AsSpan((int)offset, (int)size).CopyTo(result.AsSpan(written));
                written += (int)size;
            }
            else if (op != 0)
            {
                delta.AsSpan(at, op).CopyTo(result.AsSpan(written));
                at += op;
                written += op;
            }
            else
            {
                throw new GitFormatException("delta instruction 0 is reserved");
            }
        }

        return written == result.Length ? result : throw new GitFormatException("delta result has the wrong size");
    }

    private static long ReadSize(byte[] delta, ref int at)
    {
        long size = 0;
        var shift = 0;
        byte c;
        do
        {
            c = delta[at++];
            size |= (long)(c & 0x7f) << shift;
            shift += 7;
        }
        while ((c & 0x80) != 0);
        return size;
    }
}
