using System.Collections.Immutable;

namespace Shipshape.Core.Model;

/// <summary>All resources found in a scan, which rules read; resources are grouped by type on demand.</summary>
public sealed class ModelSet
{
    public ModelSet(ImmutableArray<Resource> resources) => Resources = resources;

    public ImmutableArray<Resource> Resources { get; }

    public IEnumerable<T> OfType<T>() where T : Resource => Resources.OfType<T>();
}
