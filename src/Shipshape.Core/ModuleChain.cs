using System.Collections.Immutable;

namespace Shipshape.Core;

/// <summary>
/// Where a resource of a called Terraform module was instantiated: the root module's directory (relative, as
/// scanned; "." for the scanned directory itself) and the module calls from the root down, outermost first. A
/// module's file holds one resource block for every caller, so the chain is what tells its instances apart.
/// </summary>
public sealed record ModuleChain(string RootDirectory, ImmutableArray<ModuleCall> Calls)
{
    /// <summary>The innermost module instance's address, <c>module.api.module.tasks</c>: the resource address's prefix.</summary>
    public string Address => Calls.IsDefaultOrEmpty ? string.Empty : Calls[^1].Address;

    /// <summary>The root module and the chain, as reports show them beside the resource address.</summary>
    public override string ToString() => $"root module {RootDirectory}, {Address}";

    public bool Equals(ModuleChain? other) =>
        other is not null && string.Equals(RootDirectory, other.RootDirectory, StringComparison.Ordinal)
        && Calls.AsSpan().SequenceEqual(other.Calls.AsSpan());

    public override int GetHashCode() => HashCode.Combine(RootDirectory, Address);
}
