using System.Collections.Immutable;
using Shipshape.Core;

namespace Shipshape.Hcl.Syntax;

/// <summary>The attributes and blocks of a file or a block, each in source order.</summary>
public sealed record HclBody(ImmutableArray<HclAttribute> Attributes, ImmutableArray<HclBlock> Blocks, SourceSpan Span)
{
    public HclAttribute? Attribute(string name)
    {
        foreach (var a in Attributes)
        {
            if (string.Equals(a.Name, name, StringComparison.Ordinal))
            {
                return a;
            }
        }

        return null;
    }

    public IEnumerable<HclBlock> BlocksOfType(string type) => Blocks.Where(b => string.Equals(b.Type, type, StringComparison.Ordinal));
}
