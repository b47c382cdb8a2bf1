using System.CommandLine;
using System.Text;
using System.Text.Json;
using Shipshape.Iam.Catalog;
using Shipshape.Iam.Tools;

namespace Shipshape.Cli;

/// <summary>`shipshape iam generate --cloudtrail FILE...`: per principal, the least-privilege policy of the calls observed.</summary>
internal static class IamGenerateCommand
{
    public static Command Build(TextWriter stdout, TextWriter stderr)
    {
        var files = new Option<string[]>("--cloudtrail")
        {
            Description = "CloudTrail log files as AWS delivers them (JSON or .json.gz), or `aws cloudtrail lookup-events` output (repeatable).",
            Required = true,
            AllowMultipleArgumentsPerToken = true,
        };
        var command = new Command("generate", "Write, per principal, the least-privilege IAM policy covering the calls observed in CloudTrail logs (JSON object keyed by principal ARN).")
        {
            files,
        };
        command.SetAction(parse =>
        {
            var catalog = IamCatalogCache.LoadPreferred();
            var calls = new List<ObservedCall>();
            var notes = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var file in parse.GetValue(files) ?? [])
            {
                if (!File.Exists(file))
                {
                    stderr.WriteLine($"shipshape: {file}: no such file");
                    return ExitCodes.Usage;
                }

                try
                {
                    calls.AddRange(CloudTrailReader.Read(File.ReadAllBytes(file), catalog, notes));
                }
                catch (Exception e) when (e is JsonException or InvalidDataException)
                {
                    stderr.WriteLine($"shipshape: {file}: not a CloudTrail log: {e.Message}");
                }
            }

            foreach (var note in notes)
            {
                stderr.WriteLine($"shipshape: {note}");
            }

            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, NewLine = "\n" }))
            {
                writer.WriteStartObject();
                foreach (var (principal, statements) in PolicyGenerator.Generate(calls))
                {
                    writer.WritePropertyName(principal);
                    PolicyJson.Write(writer, statements);
                }

                writer.WriteEndObject();
            }

            stdout.Write(Encoding.UTF8.GetString(buffer.ToArray()) + "\n");
            return ExitCodes.Clean;
        });
        return command;
    }
}
