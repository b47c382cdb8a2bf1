using System.Collections.Immutable;
using System.Text.Json;
using Shipshape.Core;
using Shipshape.Engine.Configuration;

namespace Shipshape.Engine.Baselines;

/// <summary>The fingerprints of accepted findings: only findings not in the baseline count.</summary>
public sealed class Baseline
{
    private Baseline(ImmutableHashSet<string> fingerprints, ImmutableArray<BaselineEntry> entries)
    {
        Fingerprints = fingerprints;
        Entries = entries;
    }

    public ImmutableHashSet<string> Fingerprints { get; }

    /// <summary>Each entry with what the file says about it besides the fingerprint, in file order, one per fingerprint.</summary>
    public ImmutableArray<BaselineEntry> Entries { get; }

    public bool Contains(string fingerprint) => Fingerprints.Contains(fingerprint);

    /// <summary>A baseline of a million findings is about 100 MiB; anything larger is not a baseline.</summary>
    public const long MaxBytes = 256L * 1024 * 1024;

    public static Baseline Load(string path)
    {
        try
        {
            // A regular file of bounded size: a FIFO would block, /dev/zero would never end.
            using var document = JsonDocument.Parse(Shipshape.Ingest.Discovery.FileDiscovery.ReadRegularFile(path, MaxBytes));
            if (!document.RootElement.TryGetProperty("findings", out var findings) || findings.ValueKind != JsonValueKind.Array)
            {
                throw new ConfigException($"{path}: not a Shipshape baseline (no 'findings' list)");
            }

            var set = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
            var entries = ImmutableArray.CreateBuilder<BaselineEntry>();
            foreach (var item in findings.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.Object && item.TryGetProperty("fingerprint", out var fp) && fp.ValueKind == JsonValueKind.String
                    && set.Add(fp.GetString()!))
                {
                    entries.Add(new BaselineEntry(fp.GetString()!, Text(item, "ruleId"), Text(item, "path"), Text(item, "resource")));
                }
            }

            return new Baseline(set.ToImmutable(), entries.ToImmutable());
        }
        catch (JsonException ex)
        {
            throw new ConfigException($"{path}:{(ex.LineNumber ?? -1) + 1}: invalid baseline JSON", ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ConfigException($"{path}: cannot read baseline: {ex.Message}", ex);
        }
    }

    private static string? Text(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>Writes every unsuppressed finding of the report (and those already baselined) as the new baseline.</summary>
    public static void Write(ScanReport report, Stream output)
    {
        using var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        writer.WriteStartObject();
        writer.WriteNumber("schemaVersion", 1);
        writer.WriteString("tool", "shipshape");
        writer.WriteStartArray("findings");
        foreach (var finding in report.Findings.Where(f => f.Suppression is null || f.Suppression.Kind == SuppressionKind.Baseline))
        {
            writer.WriteStartObject();
            writer.WriteString("fingerprint", finding.Fingerprint);
            writer.WriteString("ruleId", finding.RuleId);
            writer.WriteString("path", finding.Location.Path);
            writer.WriteString("resource", finding.Resource.Address);
            if (finding.Resource.Module is { } module)
            {
                // For the reader: which caller of the module's file this entry is (the fingerprint already says it).
                writer.WriteString("rootModule", module.RootDirectory);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.Flush();
        output.WriteByte((byte)'\n');
    }
}
