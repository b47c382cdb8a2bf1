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

    /// <summary>
    /// The largest value (characters of a string, elements of a collection; see <see cref="HclValue.Size"/>) one
    /// expression may produce: 4 Mi, far above real configurations, far below what exhausts memory.
    /// </summary>
    public const long MaxValueSize = 4L * 1024 * 1024;

    /// <summary>The total size of the values one configuration may create, so that many large values cannot add up: 64 Mi.</summary>
    public const long DefaultAllocation = 64L * 1024 * 1024;

    private readonly CancellationToken _cancellationToken;
    private long _remaining;
    private long _reads;
    private long _allocation = DefaultAllocation;
    private long _instances = DefaultInstances;
    private int _overrunReported;

    /// <param name="cancellationToken">The deadline: once it passes, every step is refused, so evaluation ends with unknowns.</param>
    public HclBudget(long steps = DefaultSteps, long reads = DefaultReads, CancellationToken cancellationToken = default)
    {
        _remaining = steps;
        _reads = reads;
        _cancellationToken = cancellationToken;
    }

    public bool Exhausted => Interlocked.Read(ref _remaining) <= 0 || Interlocked.Read(ref _allocation) <= 0 || _cancellationToken.IsCancellationRequested;

    /// <summary>Whether the deadline passed (rather than the budget running out).</summary>
    public bool TimedOut => _cancellationToken.IsCancellationRequested;

    /// <summary>Takes one step; false once the budget is spent or the deadline passed.</summary>
    public bool Spend() => !_cancellationToken.IsCancellationRequested && Interlocked.Decrement(ref _remaining) >= 0;

    /// <summary>
    /// Set once a regex of this configuration ran out of time: the others are not run, so that a backtracking
    /// pattern in hundreds of resources costs one timeout, not hundreds.
    /// </summary>
    public bool RegexGaveUp { get; set; }

    /// <summary>Takes the size of a newly created value; false once the configuration has created too much.</summary>
    public bool SpendSize(long size) => Interlocked.Add(ref _allocation, -size) >= 0;

    /// <summary>Takes one resource or module instance; false once they are spent.</summary>
    public bool SpendInstance() => Interlocked.Decrement(ref _instances) >= 0;

    /// <summary>True the first time only, so running out of instances is reported once.</summary>
    public bool FirstInstanceOverrun() => Interlocked.Exchange(ref _overrunReported, 1) == 0;

    /// <summary>Takes one file read; false once the reads are spent.</summary>
    public bool SpendRead() => Interlocked.Decrement(ref _reads) >= 0;
}
