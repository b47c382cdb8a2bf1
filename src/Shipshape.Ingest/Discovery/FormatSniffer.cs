using System.Text;

namespace Shipshape.Ingest.Discovery;

/// <summary>Guesses a file's input format from its name and at most its first 4 KiB, without parsing it.</summary>
public static class FormatSniffer
{
    /// <summary>How much of the head is looked at.</summary>
    public const int HeadBytes = 4096;

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    /// <summary>The format of a file given its '/'-separated relative path (or name) and its first bytes.</summary>
    public static InputFormat Sniff(string relativePath, ReadOnlySpan<byte> head)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        // Spans, not strings: discovery sniffs every file of the tree.
        var name = relativePath.AsSpan(relativePath.AsSpan().LastIndexOfAny('/', '\\') + 1);
        var extension = Path.GetExtension(name);

        if (IsDockerfileName(name))
        {
            return InputFormat.Dockerfile;
        }

        if (Is(extension, ".yaml") || Is(extension, ".yml"))
        {
            return InputFormat.Yaml;
        }

        if (Is(extension, ".tf") || Is(extension, ".tfvars") || Is(extension, ".hcl"))
        {
            return InputFormat.Hcl;
        }

        // TOML and INI-style files (a gitleaks configuration's "[[rules]]") are never JSON or YAML documents.
        if (Is(extension, ".toml") || Is(extension, ".ini") || Is(extension, ".cfg") || Is(extension, ".properties"))
        {
            return InputFormat.Text;
        }

        var content = SniffContent(head);
        if (Is(extension, ".json"))
        {
            // A .json file that plainly reads as YAML is YAML (CloudFormation accepts either); anything else is the JSON parser's to judge.
            return content == InputFormat.Yaml ? InputFormat.Yaml : InputFormat.Json;
        }

        // CloudFormation .template files, and files with any other or no extension, are judged by content alone.
        return content;
    }

    private static InputFormat SniffContent(ReadOnlySpan<byte> head)
    {
        if (head.Length > HeadBytes)
        {
            head = head[..HeadBytes];
        }

        if (head.StartsWith(Utf8Bom))
        {
            head = head[3..];
        }

        if (head.Contains((byte)0))
        {
            return InputFormat.Unknown;
        }

        // Decoded on the stack (UTF-8 never gives more characters than bytes): only the first lines are looked at.
        Span<char> buffer = stackalloc char[HeadBytes];
        ReadOnlySpan<char> text = buffer[..Utf8.GetChars(head, buffer)];
        var trimmed = text.TrimStart();
        if (trimmed.IsEmpty)
        {
            return InputFormat.Unknown;
        }

        if (trimmed[0] == '{' || (trimmed[0] == '[' && !IsIniSection(FirstLine(trimmed))))
        {
            return InputFormat.Json;
        }

        var sawArg = false;
        foreach (var rawLine in text.EnumerateLines())
        {
            var line = rawLine.TrimEnd();
            if (line.IsEmpty || line.TrimStart().IsEmpty || line.TrimStart()[0] == '#')
            {
                continue;
            }

            if (line.StartsWith("---", StringComparison.Ordinal) || line.StartsWith("%YAML", StringComparison.Ordinal))
            {
                return InputFormat.Yaml;
            }

            var instruction = line.TrimStart();
            if (IsInstruction(instruction, "FROM"))
            {
                return InputFormat.Dockerfile;
            }

            // A Dockerfile may declare build arguments before its first FROM.
            if (IsInstruction(instruction, "ARG"))
            {
                sawArg = true;
                continue;
            }

            if (!sawArg && IsYamlKeyLine(line))
            {
                return InputFormat.Yaml;
            }

            return InputFormat.Text;
        }

        return InputFormat.Text;
    }

    private static bool IsDockerfileName(ReadOnlySpan<char> name) =>
        Is(name, "Dockerfile") || Is(name, "Containerfile") ||
        name.StartsWith("Dockerfile.", StringComparison.OrdinalIgnoreCase) ||
        name.StartsWith("Containerfile.", StringComparison.OrdinalIgnoreCase) ||
        name.EndsWith(".dockerfile", StringComparison.OrdinalIgnoreCase) ||
        name.EndsWith(".containerfile", StringComparison.OrdinalIgnoreCase);

    private static bool Is(ReadOnlySpan<char> value, string expected) => value.Equals(expected, StringComparison.OrdinalIgnoreCase);

    private static bool IsInstruction(ReadOnlySpan<char> line, string keyword) =>
        line.Length > keyword.Length &&
        line.StartsWith(keyword, StringComparison.OrdinalIgnoreCase) &&
        line[keyword.Length] is ' ' or '\t';

    // "key:" or "key: value" at column 0, with a plain or quoted key; "a: b" inside prose has spaces in its key and does not count.
    private static bool IsYamlKeyLine(ReadOnlySpan<char> line)
    {
        var i = 0;
        if (line[0] is '"' or '\'')
        {
            var close = line[1..].IndexOf(line[0]);
            if (close < 0)
            {
                return false;
            }

            i = close + 2;
        }
        else
        {
            while (i < line.Length && (char.IsAsciiLetterOrDigit(line[i]) || line[i] is '_' or '-' or '.' or '/'))
            {
                i++;
            }

            if (i == 0 || line[0] is '-' or '.' or '/')
            {
                return false;
            }
        }

        return i < line.Length && line[i] == ':' && (i + 1 == line.Length || line[i + 1] is ' ' or '\t');
    }

    private static ReadOnlySpan<char> FirstLine(ReadOnlySpan<char> text)
    {
        var end = text.IndexOfAny('\r', '\n');
        return (end < 0 ? text : text[..end]).TrimEnd();
    }

    // "[section]" or "[a.b]" (INI, TOML, git config) rather than a JSON array.
    private static bool IsIniSection(ReadOnlySpan<char> line)
    {
        if (line.Length < 3 || line[0] != '[' || line[^1] != ']' || !char.IsAsciiLetter(line[1]))
        {
            return false;
        }

        foreach (var c in line[1..^1])
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' or ' '))
            {
                return false;
            }
        }

        return !line.SequenceEqual("[true]") && !line.SequenceEqual("[false]") && !line.SequenceEqual("[null]");
    }
}
