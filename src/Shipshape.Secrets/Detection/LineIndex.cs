namespace Shipshape.Secrets.Detection;

/// <summary>Maps character offsets to 1-based lines and columns; built once per text, on the first hit.</summary>
internal sealed class LineIndex
{
    private readonly string _text;
    private readonly List<int> _starts = [0];

    public LineIndex(string text)
    {
        _text = text;
        var span = text.AsSpan();
        var at = 0;
        while (true)
        {
            var i = span[at..].IndexOf('\n');
            if (i < 0)
            {
                break;
            }

            at += i + 1;
            _starts.Add(at);
        }
    }

    public (int Line, int Column) Position(int offset)
    {
        var i = _starts.BinarySearch(offset);
        var line = i >= 0 ? i : ~i - 1;
        return (line + 1, offset - _starts[line] + 1);
    }

    /// <summary>The text of the line holding <paramref name="offset"/>, without its line break.</summary>
    public ReadOnlySpan<char> LineAt(int offset)
    {
        var (line, _) = Position(offset);
        var start = _starts[line - 1];
        var end = line < _starts.Count ? _starts[line] : _text.Length;
        return _text.AsSpan(start, end - start).TrimEnd("\r\n");
    }

    /// <summary>The offset at which the line holding <paramref name="offset"/> starts.</summary>
    public int LineStartOf(int offset)
    {
        var (line, _) = Position(offset);
        return _starts[line - 1];
    }

    /// <summary>The text of the lines from the one holding <paramref name="start"/> to the one holding <paramref name="end"/>.</summary>
    public ReadOnlySpan<char> LinesAround(int start, int end)
    {
        var (first, _) = Position(start);
        var (last, _) = Position(Math.Max(start, end - 1));
        var from = _starts[first - 1];
        var to = last < _starts.Count ? _starts[last] : _text.Length;
        return _text.AsSpan(from, to - from);
    }
}
