using System.Text.Json;
using Shipshape.Core;
using Shipshape.Engine;
using Shipshape.Reporting;
using Shipshape.Rules;
using Shipshape.Tests.Support;

namespace Shipshape.Tests.Reporting;

/// <summary>Inputs and readers for the ASFF and OCSF writer tests: fixed options, a real scan, JSON Lines parsing.</summary>
internal static class SecurityFindingSamples
{
    public const string Account = "111122223333";
    public const string Region = "eu-west-1";
    public static readonly DateTimeOffset Time = new(2026, 3, 1, 12, 30, 45, 678, TimeSpan.Zero);
    public const string TimeText = "2026-03-01T12:30:45.678Z";

    public static SecurityFindingOptions Options { get; } = new() { Time = Time, AwsAccountId = Account, AwsRegion = Region };

    private static readonly Lazy<ScanReport> InsecureScan = new(() =>
        new Scanner(RuleCatalog.CreateDefault()).Scan(new ScanOptions { Paths = [Path.Combine(TestPaths.Samples, "ecs-insecure")] }));

    /// <summary>A real scan of samples/ecs-insecure (task definitions, CloudFormation, secrets).</summary>
    public static ScanReport Insecure => InsecureScan.Value;

    /// <summary>The lines of JSON Lines output, each parsed; the text must end with a newline and have no blank line.</summary>
    public static List<JsonElement> Lines(string text)
    {
        Assert.True(text.Length == 0 || text.EndsWith('\n'), "JSON Lines output ends with a newline");
        var lines = text.Length == 0 ? [] : text[..^1].Split('\n');
        return [.. lines.Select(line =>
        {
            Assert.False(string.IsNullOrWhiteSpace(line), "no blank line in JSON Lines output");
            using var document = JsonDocument.Parse(line);
            return document.RootElement.Clone();
        })];
    }

    /// <summary>The ASFF batches of a writer's output: each line a JSON array of findings.</summary>
    public static List<List<JsonElement>> Batches(string text) =>
        [.. Lines(text).Select(line =>
        {
            Assert.Equal(JsonValueKind.Array, line.ValueKind);
            return line.EnumerateArray().ToList();
        })];

    public static List<JsonElement> Asff(ScanReport report, SecurityFindingOptions? options = null) =>
        [.. Batches(ReportOutput.Text(new AsffReportWriter(options ?? Options), report)).SelectMany(b => b)];

    public static JsonElement ById(IEnumerable<JsonElement> records, string id) =>
        records.Single(r => r.GetProperty("Id").GetString() == id);
}
