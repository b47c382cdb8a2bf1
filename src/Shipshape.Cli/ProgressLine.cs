using System.Diagnostics;

namespace Shipshape.Cli;

/// <summary>
/// Progress for a terminal: one line on standard error, rewritten in place (files done / total) at most ten times a
/// second, and erased before the report is written. Used only when standard error is a terminal.
/// </summary>
internal sealed class ProgressLine(TextWriter stderr)
{
    private const string Erase = "\r\u001b[K";
    private readonly Lock _gate = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _lastTicks = long.MinValue;
    private bool _shown;

    /// <summary>A stage of the scan ("Scanning 1,234 files").</summary>
    public void Stage(string message)
    {
        lock (_gate)
        {
            stderr.Write(Erase + message);
            stderr.Flush();
            _shown = true;
        }
    }

    /// <summary>Files read so far out of all; drawn when a tenth of a second has passed, and at the last file.</summary>
    public void Files(int done, int total)
    {
        var now = _clock.ElapsedTicks;
        if (done != total && now - Interlocked.Read(ref _lastTicks) < Stopwatch.Frequency / 10)
        {
            return;
        }

        lock (_gate)
        {
            Interlocked.Exchange(ref _lastTicks, now);
            var percent = total == 0 ? 100 : done * 100L / total;
            stderr.Write(Erase + $"Scanning: {done}/{total} files ({percent}%)");
            stderr.Flush();
            _shown = true;
        }
    }

    /// <summary>Erases the line, so the report and messages after it start on a clean line.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            if (_shown)
            {
                stderr.Write(Erase);
                stderr.Flush();
                _shown = false;
            }
        }
    }
}
