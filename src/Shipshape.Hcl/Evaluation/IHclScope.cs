using Shipshape.Core;

namespace Shipshape.Hcl.Evaluation;

/// <summary>
/// Resolves the names an expression refers to. Lookup(root, attribute) is asked first with the attribute that
/// follows the root (var.x, local.y, aws_iam_role.task), so a scope can resolve lazily; returning null means
/// "not handled here", after which Lookup(root, null) is asked for the bare name.
/// </summary>
public interface IHclScope
{
    HclValue? Lookup(string root, string? attribute, SourceSpan span);

    /// <summary>The directory file() and templatefile() read relative to, or null when reading files is not allowed.</summary>
    IHclFileSystem? Files { get; }
}
