using System.Collections.Immutable;
using Shipshape.Core.Model;
using System.Text;

namespace Shipshape.Ingest.Dockerfile;

/// <summary>
/// Splits the shell text of a RUN instruction into pipelines of simple commands, the way a POSIX shell
/// would for the purposes of reading it: ';', '&amp;&amp;', '||', '&amp;' and newlines separate pipelines,
/// '|' separates the commands of one; quotes group words and are removed; <c>$(…)</c>, <c>&lt;(…)</c> and
/// backquotes stay inside their word. Not an evaluator: no expansion, no functions.
/// </summary>
public static class ShellSyntax
{
    private static readonly string[] Wrappers = ["sudo", "env", "command", "exec", "nohup", "time", "doas"];

    public static ImmutableArray<ImmutableArray<ShellCommand>> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var pipelines = ImmutableArray.CreateBuilder<ImmutableArray<ShellCommand>>();
        var pipeline = ImmutableArray.CreateBuilder<ShellCommand>();
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;

        void EndWord()
        {
            if (inWord)
            {
                words.Add(word.ToString());
                word.Clear();
                inWord = false;
            }
        }

        void EndCommand()
        {
            EndWord();
            if (words.Count > 0 && Command(words) is { } command)
            {
                pipeline.Add(command);
            }

            words.Clear();
        }

        void EndPipeline()
        {
            EndCommand();
            if (pipeline.Count > 0)
            {
                pipelines.Add(pipeline.ToImmutable());
                pipeline.Clear();
            }
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '\'':
                    inWord = true;
                    var close = text.IndexOf('\'', i + 1);
                    var end = close < 0 ? text.Length : close;
                    word.Append(text, i + 1, end - i - 1);
                    i = end;
                    break;
                case '"':
                    inWord = true;
                    for (i++; i < text.Length && text[i] != '"'; i++)
                    {
                        if (text[i] == '\\' && i + 1 < text.Length && text[i + 1] is '"' or '\\' or '$' or '`')
                        {
                            i++;
                        }

                        word.Append(text[i]);
                    }

                    break;
                case '\\' when i + 1 < text.Length:
                    inWord = true;
                    if (text[i + 1] != '\n')
                    {
                        word.Append(text[i + 1]);
                    }

                    i++;
                    break;
                case '`':
                    // Legacy command substitution: stays inside its word, like $(…).
                    inWord = true;
                    var tick = i;
                    for (i++; i < text.Length && text[i] != '`'; i++)
                    {
                        if (text[i] == '\\')
                        {
                            i++;
                        }
                    }

                    word.Append(text, tick, Math.Min(i + 1, text.Length) - tick);
                    break;
                case '$' or '<' when i + 1 < text.Length && text[i + 1] == '(':
                    inWord = true;
                    var depth = 0;
                    var start = i;
                    for (i++; i < text.Length; i++)
                    {
                        depth += text[i] == '(' ? 1 : text[i] == ')' ? -1 : 0;
                        if (depth == 0)
                        {
                            break;
                        }
                    }

                    word.Append(text, start, Math.Min(i + 1, text.Length) - start);
                    break;
                case '#' when !inWord:
                    while (i + 1 < text.Length && text[i + 1] != '\n')
                    {
                        i++;
                    }

                    break;
                case ' ' or '\t' or '\r':
                    EndWord();
                    break;
                case '\n' or ';' or '(' or ')':
                case '{' or '}' when !inWord:
                    EndPipeline();
                    break;
                case '&':
                    if (i + 1 < text.Length && text[i + 1] == '>')
                    {
                        EndWord();
                        i++;
                        break;
                    }

                    if (i + 1 < text.Length && text[i + 1] == '&')
                    {
                        i++;
                    }

                    EndPipeline();
                    break;
                case '|':
                    if (i + 1 < text.Length && text[i + 1] == '|')
                    {
                        i++;
                        EndPipeline();
                    }
                    else
                    {
                        EndCommand();
                    }

                    break;
                default:
                    inWord = true;
                    word.Append(c);
                    break;
            }
        }

        EndPipeline();
        return pipelines.ToImmutable();
    }

    /// <summary>All simple commands, pipelines flattened.</summary>
    public static IEnumerable<ShellCommand> Commands(string text) => Parse(text).SelectMany(p => p);

    private static ShellCommand? Command(List<string> words)
    {
        var assignments = ImmutableArray.CreateBuilder<string>();
        var i = 0;
        var viaSudo = false;
        while (i < words.Count)
        {
            var current = words[i];
            if (IsAssignment(current))
            {
                assignments.Add(current);
                i++;
            }
            else if (Wrappers.Contains(current, StringComparer.Ordinal))
            {
                viaSudo |= current is "sudo" or "doas";
                i++;
                while (i < words.Count && words[i].StartsWith('-'))
                {
                    // sudo -u user / -g group take a value.
                    i += words[i] is "-u" or "-g" or "-C" or "-h" or "-p" or "-U" ? 2 : 1;
                }
            }
            else
            {
                break;
            }
        }

        if (i >= words.Count)
        {
            return assignments.Count == 0 ? null : new ShellCommand(assignments.ToImmutable(), string.Empty, [], viaSudo);
        }

        var program = words[i];
        program = program[(program.LastIndexOf('/') + 1)..];
        if (string.Equals(program, "export", StringComparison.Ordinal))
        {
            assignments.AddRange(words.Skip(i + 1).Where(IsAssignment));
        }

        return new ShellCommand(assignments.ToImmutable(), program, [.. words.Skip(i + 1)], viaSudo);
    }

    private static bool IsAssignment(string word)
    {
        var eq = word.IndexOf('=', StringComparison.Ordinal);
        if (eq <= 0 || !(char.IsAsciiLetter(word[0]) || word[0] == '_'))
        {
            return false;
        }

        for (var i = 1; i < eq; i++)
        {
            if (!char.IsAsciiLetterOrDigit(word[i]) && word[i] != '_')
            {
                return false;
            }
        }

        return true;
    }
}
