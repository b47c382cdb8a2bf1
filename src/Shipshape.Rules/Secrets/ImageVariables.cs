using System.Collections.Immutable;
using Shipshape.Core.Model;

namespace Shipshape.Rules.Secrets;

/// <summary>
/// The plaintext name/value pairs of an image that the environment-variable secret rules judge: config Env, Labels, and
/// what its history recorded: ARG and ENV values and the build arguments ("|2 TOKEN=… NPM_TOKEN=…") a RUN line saw.
/// History ENV and LABEL pairs that the config already has are not repeated.
/// </summary>
internal static class ImageVariables
{
    public static IEnumerable<(ContainerImage Image, KeyValue Variable, string What)> Of(ModelSet model)
    {
        foreach (var image in model.OfType<ContainerImage>())
        {
            foreach (var variable in image.Environment)
            {
                yield return (image, variable, "environment variable");
            }

            foreach (var label in image.Labels)
            {
                yield return (image, label, "label");
            }

            var known = image.Environment.Concat(image.Labels).Select(v => (v.Name.Current, v.Val.Current)).ToHashSet();
            foreach (var line in image.History)
            {
                foreach (var (keyword, name, value) in Pairs(line.Current))
                {
                    if (keyword != "ARG" && known.Contains((name, value)))
                    {
                        continue;
                    }

                    var what = keyword == "ARG" ? $"build argument (in {line.Path})" : $"{keyword} (in {line.Path})";
                    yield return (image, new KeyValue(line with { Current = name }, new Value<string?>(value, line.Origin, line.Span, line.Path)), what);
                }
            }
        }
    }

    /// <summary>The NAME=value pairs of one history line: "ENV A=1 B=2", "ARG A=1", "RUN |2 A=1 B=2 /bin/sh -c …", classic "/bin/sh -c #(nop)  ENV A=1".</summary>
    internal static IEnumerable<(string Keyword, string Name, string Value)> Pairs(string createdBy)
    {
        var text = createdBy.Trim();
        const string Nop = "/bin/sh -c #(nop)";
        if (text.StartsWith(Nop, StringComparison.Ordinal))
        {
            text = text[Nop.Length..].Trim();
        }

        if (text.StartsWith("RUN ", StringComparison.Ordinal))
        {
            text = text[4..].TrimStart();
        }

        var tokens = Tokens(text);
        if (tokens.Length > 0 && tokens[0].StartsWith('|') && int.TryParse(tokens[0].AsSpan(1), System.Globalization.CultureInfo.InvariantCulture, out var count))
        {
            return tokens.Skip(1).Take(count).Select(t => Pair("ARG", t)).OfType<(string, string, string)>().ToList();
        }

        if (tokens.Length > 1 && tokens[0] is "ENV" or "ARG" or "LABEL")
        {
            // The legacy form "ENV NAME value" has one pair with a space.
            if (tokens[0] == "ENV" && !tokens[1].Contains('=', StringComparison.Ordinal))
            {
                return [("ENV", tokens[1], string.Join(' ', tokens.Skip(2)))];
            }

            return tokens.Skip(1).Select(t => Pair(tokens[0], t)).OfType<(string, string, string)>().ToList();
        }

        return [];
    }

    private static (string, string, string)? Pair(string keyword, string token)
    {
        var equals = token.IndexOf('=', StringComparison.Ordinal);
        return equals <= 0 ? null : (keyword, token[..equals], token[(equals + 1)..]);
    }

    // Space-separated, double quotes group (and are removed), backslash escapes the next character.
    private static ImmutableArray<string> Tokens(string text)
    {
        var tokens = ImmutableArray.CreateBuilder<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        var any = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\\' && i + 1 < text.Length)
            {
                current.Append(text[++i]);
                any = true;
            }
            else if (c == '"')
            {
                quoted = !quoted;
                any = true;
            }
            else if (char.IsWhiteSpace(c) && !quoted)
            {
                if (any)
                {
                    tokens.Add(current.ToString());
                    current.Clear();
                    any = false;
                }
            }
            else
            {
                current.Append(c);
                any = true;
            }
        }

        if (any)
        {
            tokens.Add(current.ToString());
        }

        return tokens.ToImmutable();
    }
}
