using System.Collections.Immutable;
using System.Text.Json;
using Shipshape.Engine.Configuration;

namespace Shipshape.Cli;

/// <summary>Reads CloudFormation parameter values in the shapes people keep them.</summary>
public static class ParameterFile
{
    public static ImmutableDictionary<string, string> Load(string path)
    {
        string text;
        try
        {
            text = Shipshape.Engine.Configuration.ConfigFiles.ReadText(path, boundary: null);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ConfigException($"--cfn-parameters-file: cannot read {path}: {ex.Message}", ex);
        }

        return Parse(path, text);
    }

    public static ImmutableDictionary<string, string> Parse(string path, string text)
    {
        var builder = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        var trimmed = text.TrimStart();
        if (trimmed.StartsWith('[') || trimmed.StartsWith('{'))
        {
            try
            {
                using var doc = JsonDocument.Parse(text);
                var root = doc.RootElement;
                if (root.ValueKind == JsonValueKind.Array)
                {
                    // aws cloudformation create-stack --parameters file://params.json
                    foreach (var item in root.EnumerateArray())
                    {
                        if (item.TryGetProperty("ParameterKey", out var key) && item.TryGetProperty("ParameterValue", out var value))
                        {
                            builder[key.GetString() ?? string.Empty] = Text(value);
                        }
                    }
                }
                else if (root.TryGetProperty("Parameters", out var parameters) && parameters.ValueKind == JsonValueKind.Object)
                {
                    // CodePipeline template configuration file.
                    foreach (var property in parameters.EnumerateObject())
                    {
                        builder[property.Name] = Text(property.Value);
                    }
                }
                else
                {
                    throw new ConfigException($"{path}: expected a list of ParameterKey/ParameterValue objects or {{\"Parameters\": {{...}}}}");
                }
            }
            catch (JsonException ex)
            {
                throw new ConfigException($"{path}:{(ex.LineNumber ?? 0) + 1}: invalid JSON in parameters file", ex);
            }

            return builder.ToImmutable();
        }

        var lineNumber = 0;
        foreach (var raw in text.Split('\n'))
        {
            lineNumber++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var eq = line.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw new ConfigException($"{path}:{lineNumber}: expected KEY=VALUE");
            }

            builder[line[..eq].Trim()] = line[(eq + 1)..].Trim();
        }

        return builder.ToImmutable();
    }

    private static string Text(JsonElement value) => value.ValueKind == JsonValueKind.String ? value.GetString() ?? string.Empty : value.GetRawText();
}
