namespace Shipshape.Core.Model;

/// <summary>A network a compose file defines (an entry of the top-level <c>networks</c>), addressed by its name.</summary>
public sealed record ComposeNetwork : Resource
{
    /// <summary>driver; absent means bridge (or overlay for a stack deployed to a swarm, which the file does not say).</summary>
    public required Value<string?> Driver { get; init; }

    /// <summary>Whether driver_opts has the <c>encrypted</c> option (its presence turns overlay encryption on, whatever its value).</summary>
    public required Value<bool?> Encrypted { get; init; }

    /// <summary>external: the network is created outside the file, and its settings are not the file's.</summary>
    public required Value<bool?> External { get; init; }
}
