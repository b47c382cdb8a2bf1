namespace Shipshape.Hcl.Evaluation;

/// <summary>
/// How much evaluation work one configuration may cost, shared by every evaluator working on it (a module and
/// the modules it calls), so that hostile input (templates that include themselves twice, counts multiplied
/// through nested modules) ends quickly with unknown values instead of running for ever.
/// </summary>
public sealed class HclBudget
{
    /// <summary>Expressions evaluated before the rest becomes unknown: far above what real modules need (the largest corpus module uses well under a million).</summary>
    public const long DefaultSteps = 5_000_000;

    /// <summary>file() and templatefile() reads, which cost far more than a step.</summary>
    public const long DefaultReads = 2_000;

    /// <summary>Resource and module instances (count, for_each) one configuration may expand to.</summary>
    public const long DefaultInstances = 20_000;

    private long _remaining;
    private long _reads;
    private long _instances = DefaultInstances;
    private int _overrunReported;

    public HclBudget(long steps = DefaultSteps, long reads = DefaultReads)
    {
        _remaining = steps;
        _reads = reads;
    }

    public bool Exhausted => Interlocked.Read(ref _remaining) <= 0;

    /// <summary>Takes one step; false once the budget is spent.</summary>
    public bool Spend() => Interlocked.Decrement(ref _remaining) >= 0;

    /// <summary>Takes one resource or module instance; false once they are spent.</summary>
    public bool SpendInstance() => Interlocked.Decrement(ref _instances) >= 0;

    /// <summary>True the first time only, so running out of instances is reported once.</summary>
    public bool FirstInstanceOverrun() => Interlocked.Exchange(ref _overrunReported, 1) == 0;

    /// <summary>Takes one file read; false once the reads are spent.</summary>
    public bool SpendRead() => Interlocked.Decrement(ref _reads) >= 0;
}
