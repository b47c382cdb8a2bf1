namespace Shipshape.Secrets.Git;

/// <summary>
/// Git's delta format: the base and result sizes, then copy-from-base and insert instructions. Every size and
/// offset is checked against the buffers before use, so a hostile delta is an error, never an overrun.
/// </summary>
internal static class Delta
{
    /// <exception cref="GitFormatException">The delta does not fit its base, or its result would exceed <paramref name="maxResultBytes"/>.</exception>
    public static byte[] Apply(byte[] source, byte[] delta, long maxResultBytes)
    {
        var at = 0;
        var sourceSize = ReadSize(delta, ref at);
        if (sourceSize != source.Length)
        {
            throw new GitFormatException($"delta expects a base of {sourceSize} bytes, not {source.Length}");
        }

        var resultSize = ReadSize(delta, ref at);
        if (resultSize > maxResultBytes)
        {
            throw new GitFormatException($"delta result of {resultSize} bytes is over the limit of {maxResultBytes}");
        }

        var result = new byte[resultSize];
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
                        offset |= (long)Next(delta, ref at) << (8 * bit);
                    }
                }

                for (var bit = 0; bit < 3; bit++)
                {
                    if ((op & (0x10 << bit)) != 0)
                    {
                        size |= (long)Next(delta, ref at) << (8 * bit);
                    }
                }

                if (size == 0)
                {
                    size = 0x10000;
                }

                if (offset + size > source.Length || size > result.Length - written)
                {
                    throw new GitFormatException($"delta copies {size} bytes at {offset}, outside its base of {source.Length} bytes or its result");
                }

                source.AsSpan((int)offset, (int)size).CopyTo(result.AsSpan(written));
                written += (int)size;
            }
            else if (op != 0)
            {
                if (op > delta.Length - at || op > result.Length - written)
                {
                    throw new GitFormatException("delta inserts more bytes than it holds or its result takes");
                }

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

    private static byte Next(ReadOnlySpan<byte> delta, ref int at) =>
        at < delta.Length ? delta[at++] : throw new GitFormatException("delta is truncated");

    private static long ReadSize(ReadOnlySpan<byte> delta, ref int at)
    {
        long size = 0;
        var shift = 0;
        byte c;
        do
        {
            if (shift > 56)
            {
                throw new GitFormatException("delta size field is too long");
            }

            c = Next(delta, ref at);
            size |= (long)(c & 0x7f) << shift;
            shift += 7;
        }
        while ((c & 0x80) != 0);
        return size;
    }
}
