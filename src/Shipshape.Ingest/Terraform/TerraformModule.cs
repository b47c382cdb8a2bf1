using System.Collections.Immutable;
using Shipshape.Core;
using Shipshape.Hcl.Syntax;

namespace Shipshape.Ingest.Terraform;

/// <summary>A parsed module: the top-level blocks of all .tf and .tf.json files of one directory.</summary>
/// <param name="Directory">The absolute directory.</param>
/// <param name="RelativeDirectory">The directory relative to the scan root ("." for the root itself).</param>
public sealed record TerraformModule(
    string Directory,
    string RelativeDirectory,
    ImmutableArray<HclBlock> Blocks,
    ImmutableArray<ModuleFile> Files,
    ImmutableArray<Diagnostic> Diagnostics)
{
    public IEnumerable<HclBlock> OfType(string type) => Blocks.Where(b => string.Equals(b.Type, type, StringComparison.Ordinal));
}
