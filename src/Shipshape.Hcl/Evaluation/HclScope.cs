using System.Collections.Immutable;
using Shipshape.Core;

namespace Shipshape.Hcl.Evaluation;

/// <summary>A scope of plain names (for-expression variables, templatefile variables) over an optional parent.</summary>
public sealed class HclScope : IHclScope
{
    private readonly ImmutableDictionary<string, HclValue> _names;
    private readonly IHclScope? _parent;

    public HclScope(ImmutableDictionary<string, HclValue> names, IHclScope? parent = null, IHclFileSystem? files = null)
    {
        _names = names;
        _parent = parent;
        Files = files ?? parent?.Files;
    }

    public IHclFileSystem? Files { get; }

    public static HclScope Empty { get; } = new(ImmutableDictionary<string, HclValue>.Empty);

    public HclValue? Lookup(string root, string? attribute, SourceSpan span)
    {
        if (_names.TryGetValue(root, out var value))
        {
            return attribute is null ? value : null;
        }

        return _parent?.Lookup(root, attribute, span);
    }

    public HclScope With(string name, HclValue value) => new(_names.SetItem(name, value), _parent, Files);
}
