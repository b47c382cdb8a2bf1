using System.Collections.Immutable;

namespace Shipshape.Core.Model;

/// <summary>
/// One Dockerfile instruction after line continuations and comments are folded away: its keyword in upper
/// case, its leading flags (<c>--platform=…</c>, <c>--from=…</c>), its arguments as written, the exec-form
/// words when the arguments are a JSON array, and the bodies of any heredocs it opens. The parser also splits the
/// arguments into <see cref="Words"/> (Dockerfile word rules) and, for RUN, the shell text into
/// <see cref="Pipelines"/> of simple commands, so rules read commands without parsing anything themselves.
/// </summary>
public sealed record DockerfileInstruction(
    string Keyword,
    ImmutableArray<string> Flags,
    string Arguments,
    ImmutableArray<string>? ExecForm,
    ImmutableArray<string> Heredocs,
    SourceSpan Span)
{
    /// <summary>
    /// The arguments as words: the exec-form words when the arguments are a JSON array, else the words after
    /// Docker's quoting and escaping rules (no variable substitution).
    /// </summary>
    public ImmutableArray<string> Words { get; init; } = [];

    /// <summary>
    /// For RUN: the pipelines the shell runs (separated by <c>;</c>, <c>&amp;&amp;</c>, <c>||</c>, <c>&amp;</c> and
    /// newlines), each a list of simple commands joined by <c>|</c>; a heredoc body counts when it is the script
    /// itself (<c>RUN &lt;&lt;EOF</c>, <c>RUN bash &lt;&lt;EOF</c>). Empty for other instructions.
    /// </summary>
    public ImmutableArray<ImmutableArray<ShellCommand>> Pipelines { get; init; } = [];

    /// <summary>Every simple command of <see cref="Pipelines"/>, in order.</summary>
    public IEnumerable<ShellCommand> Commands => Pipelines.SelectMany(p => p);

    /// <summary>The value of a flag such as "from" in <c>--from=builder</c>, or null.</summary>
    public string? Flag(string name)
    {
        foreach (var flag in Flags)
        {
            var body = flag.TrimStart('-');
            var eq = body.IndexOf('=', StringComparison.Ordinal);
            var key = eq < 0 ? body : body[..eq];
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return eq < 0 ? string.Empty : body[(eq + 1)..];
            }
        }

        return null;
    }

    /// <summary>The command a shell would run: exec-form words joined by spaces, or the shell form with its heredoc bodies.</summary>
    public string CommandText => ExecForm is { } words
        ? string.Join(' ', words)
        : Heredocs.IsEmpty ? Arguments : Arguments + "\n" + string.Join('\n', Heredocs);
}
