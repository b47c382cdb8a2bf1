using System.Collections.Immutable;
using System.Diagnostics;
using Shipshape.Core;
using Shipshape.Core.Model;
using Shipshape.Ingest;
using Shipshape.Ingest.Discovery;
using Shipshape.Ingest.Terraform;
using Shipshape.Rules;
using Shipshape.Tests.Support;
using Xunit.Abstractions;

namespace Shipshape.Tests.Ingest.Terraform;

/// <summary>
/// Every Terraform module of the real-world corpus loads without a crash or hang; prints files, resources,
/// task definitions, findings, the share of unresolved values and the parse-and-evaluate throughput.
/// </summary>
public sealed class TerraformCorpusTests(ITestOutputHelper output)
{
    [SharedCorpusFact("corpus/realworld")]
    public void Read_RealWorldTerraform_LoadsEveryModuleQuickly()
    {
        var root = Path.Combine(TestPaths.Shared, "corpus", "realworld");
        var reader = new TerraformModuleReader();
        var files = FileDiscovery.Discover(new DiscoveryOptions { Roots = [root] }).Files
            .Where(f => reader.Claims(f.RelativePath, f.Format)).ToImmutableArray();
        var bytes = files.Sum(f => f.Length);
        var resources = 0;

        var clock = Stopwatch.StartNew();
        var result = reader.Read(new ModuleReadRequest(files), _ => Interlocked.Increment(ref resources), CancellationToken.None);
        clock.Stop();

        var tasks = result.Result.Resources.OfType<TaskDefinition>().ToList();
        var values = tasks.SelectMany(Values).ToList();
        var unresolved = values.Count(v => v == ValueOrigin.Unresolved);
        var known = values.Count(v => v != ValueOrigin.Defaulted);
        var errors = result.Result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        var model = new ModelSet(result.Result.Resources);
        var findings = RuleCatalog.CreateDefault().Rules.Sum(r => r.Evaluate(model, RuleContext.Default).Count());
        output.WriteLine(
            $"{files.Length} Terraform files ({bytes / 1024} KiB), {result.Files.Length} read; {resources} resource instances, {tasks.Count} task definitions, "
            + $"{findings} findings on them; unresolved {unresolved} of {known} written values ({100.0 * unresolved / Math.Max(1, known):F1}%); "
            + $"{errors.Count} errors; {clock.ElapsedMilliseconds} ms ({bytes / 1024.0 / 1024.0 / Math.Max(0.001, clock.Elapsed.TotalSeconds):F1} MiB/s)");
        foreach (var error in errors.Take(10))
        {
            output.WriteLine($"  {error.Location}: {error.Message}");
        }

        Assert.True(files.Length > 1400, $"only {files.Length} files");
        Assert.Empty(errors);
        Assert.True(tasks.Count >= 5, $"only {tasks.Count} task definitions");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
    }

    private static IEnumerable<ValueOrigin> Values(TaskDefinition task)
    {
        yield return task.Family.Origin;
        yield return task.NetworkMode.Origin;
        yield return task.PidMode.Origin;
        yield return task.IpcMode.Origin;
        yield return task.TaskRoleArn.Origin;
        yield return task.ExecutionRoleArn.Origin;
        yield return task.MemoryMiB.Origin;
        foreach (var container in task.Containers)
        {
            yield return container.Image.Origin;
            yield return container.Privileged.Origin;
            yield return container.User.Origin;
            yield return container.ReadonlyRootFilesystem.Origin;
        }
    }
}
