using System.Collections.Immutable;

namespace Shipshape.Core.Model;

/// <summary>
/// One Dockerfile instruction after line continuations and comments are folded away: its keyword in upper
/// case, its leading flags (<c>--platform=…</c>, <c>--from=…</c>), its arguments as written, the exec-form
/// words when the arguments are a JSON array, and the bodies of any heredocs it opens.
/// </summary>
public sealed record DockerfileInstruction(
    string Keyword,
    ImmutableArray<string> Flags,
    string Arguments,
    ImmutableArray<string>? ExecForm,
    ImmutableArray<string> Heredocs,
    SourceSpan Span)
{
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
