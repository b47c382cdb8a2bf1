using System.Globalization;
using Shipshape.Core.Model;

namespace Shipshape.Rules.Containers;

/// <summary>SHP-CTR-036: a Fargate task definition asks for a task CPU and memory combination that Fargate does not offer.</summary>
public sealed class InvalidFargateSizeRule : IRule
{
    /// <summary>
    /// Amazon ECS Developer Guide, "Amazon ECS task definition parameters for Fargate", Task size: for each CPU value (CPU
    /// units), the memory values (MiB) Fargate supports: the first, last and step of the range.
    /// </summary>
    private static readonly Dictionary<int, (int From, int To, int Step)[]> Sizes = new()
    {
        [256] = [(512, 512, 1), (1024, 2048, 1024)],
        [512] = [(1024, 4096, 1024)],
        [1024] = [(2048, 8192, 1024)],
        [2048] = [(4096, 16384, 1024)],
        [4096] = [(8192, 30720, 1024)],
        [8192] = [(16384, 61440, 4096)],
        [16384] = [(32768, 122880, 8192)],
    };

    public string Id => "SHP-CTR-036";

    /// <summary>Task-level CPU as CPU units: "1024", or vCPUs ("1 vCPU", ".25 vcpu", 1024 units each); null when unreadable.</summary>
    internal static int? CpuUnits(string? text)
    {
        var raw = text?.Trim().Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
        if (string.IsNullOrEmpty(raw))
        {
            return null;
        }

        var factor = raw.EndsWith("VCPU", StringComparison.Ordinal) ? 1024 : 1;
        raw = factor == 1 ? raw : raw[..^4];
        return double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && number > 0 && number * factor <= int.MaxValue
            ? (int)Math.Round(number * factor)
            : null;
    }

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var task in model.OfType<TaskDefinition>())
        {
            if (!task.RequiresCompatibilities.Any(c => string.Equals(c.Trim(), "FARGATE", StringComparison.OrdinalIgnoreCase))
                || !task.Cpu.IsExplicit || CpuUnits(task.Cpu.Current) is not { } cpu
                || task.MemoryMiB is not { IsExplicit: true, Current: { } memory })
            {
                continue;
            }

            var (cpuField, memoryField) = task.SourceFormat == "cloudformation" ? ("Cpu", "Memory") : ("cpu", "memory");
            if (!Sizes.TryGetValue(cpu, out var ranges))
            {
                yield return RuleText.Hit(task, task.Cpu, string.Create(CultureInfo.InvariantCulture,
                    $"{RuleText.DescribeCapitalised(task)} requires Fargate with {cpuField} {cpu}, which is not a Fargate task size (256, 512, 1024, 2048, 4096, 8192 or 16384 CPU units)."));
            }
            else if (!ranges.Any(r => memory >= r.From && memory <= r.To && (memory - r.From) % r.Step == 0))
            {
                var allowed = string.Join(" or ", ranges.Select(r => r.From == r.To
                    ? r.From.ToString(CultureInfo.InvariantCulture)
                    : string.Create(CultureInfo.InvariantCulture, $"{r.From} to {r.To} in steps of {r.Step}")));
                yield return RuleText.Hit(task, task.MemoryMiB, string.Create(CultureInfo.InvariantCulture,
                    $"{RuleText.DescribeCapitalised(task)} requires Fargate with {cpuField} {cpu} and {memoryField} {memory} MiB; Fargate offers {allowed} MiB for that CPU, so the task cannot run."));
            }
        }
    }
}
