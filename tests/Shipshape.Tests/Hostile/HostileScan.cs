using Shipshape.Core;
using Shipshape.Engine;
using Shipshape.Rules;
using Shipshape.Tests.Support;

namespace Shipshape.Tests.Hostile;

/// <summary>Runs scans of generated hostile inputs, each under a hang guard (a scan that never returns fails the test instead of the run).</summary>
internal static class HostileScan
{
    public static readonly RuleCatalog Catalog = RuleCatalog.CreateDefault();

    /// <summary>Long enough for a loaded 2-core CI machine; a hang is what it catches, not slowness.</summary>
    public static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(90);

    public static ScanReport Scan(TempTree tree, Func<ScanOptions, ScanOptions>? configure = null) =>
        Scan(configure?.Invoke(Options(tree)) ?? Options(tree));

    public static ScanReport Scan(ScanOptions options)
    {
        var task = Task.Run(() => new Scanner(Catalog).Scan(options));
        try
        {
            return task.Wait(HangGuard) ? task.Result.RelativeTo([.. options.Paths]) : throw new TimeoutException($"the scan did not return within {HangGuard}");
        }
        catch (AggregateException ex) when (ex.InnerException is { } inner)
        {
            // The scan's own exception (a configuration error, say), as a direct call would throw it.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(inner);
            throw;
        }
    }

    public static ScanOptions Options(TempTree tree) => new() { Paths = [tree.Root], Today = new DateOnly(2026, 12, 4) };

    /// <summary>A GitHub token shaped like a real one (36 mixed characters, high entropy), unique per call site.</summary>
    public static string GitHubToken(int seed)
    {
        var random = new Random(seed);
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        return "ghp_" + new string([.. Enumerable.Range(0, 36).Select(_ => alphabet[random.Next(alphabet.Length)])]);
    }

    public static void AssertNoInternalError(ScanReport report) =>
        Assert.DoesNotContain(report.Diagnostics, d => d.Message.Contains("internal error", StringComparison.OrdinalIgnoreCase));
}
