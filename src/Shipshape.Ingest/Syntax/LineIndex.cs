namespace Shipshape.Ingest.Syntax;

/// <summary>Maps byte offsets of a UTF-8 buffer to 1-based line and column numbers.</summary>
public sealed class LineIndex
{
    private readonly int[] _lineStarts;

    public LineIndex(ReadOnlySpan<byte> content)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < content.Length; i++)
        {
            if (content[i] == (byte)'\n')
            {
                starts.Add(i + 1);
            }
        }

        _lineStarts = [.. starts];
    }

    public int LineCount => _lineStarts.Length;

    public (int Line, int Column) Locate(long offset)
    {
        var index = Array.BinarySearch(_lineStarts, (int)Math.Min(offset, int.MaxValue));
        if (index < 0)
        {
            index = ~index - 1;
        }

        return (index + 1, (int)(offset - _lineStarts[index]) + 1);
    }
}
