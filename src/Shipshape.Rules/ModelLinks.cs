using Shipshape.Core.Model;

namespace Shipshape.Rules;

/// <summary>Follows links between resources: a value whose Reference names another resource's address.</summary>
internal static class ModelLinks
{
    /// <summary>
    /// The resource of type <typeparamref name="T"/> whose address is <paramref name="reference"/> (a value of
    /// <paramref name="from"/>), or null. A reference resolves in its own template or Terraform root module first:
    /// two root modules calling one module under one name (or two templates with one logical ID) share addresses.
    /// </summary>
    public static T? Resolve<T>(ModelSet model, string? reference, Resource from) where T : Resource
    {
        if (reference is null)
        {
            return null;
        }

        T? elsewhere = null;
        foreach (var candidate in model.OfType<T>())
        {
            if (string.Equals(candidate.Address, reference, StringComparison.Ordinal))
            {
                if (SameScope(candidate, from))
                {
                    return candidate;
                }

                elsewhere ??= candidate;
            }
        }

        return elsewhere;
    }

    /// <summary>Whether <paramref name="target"/> is what <paramref name="from"/>'s reference names: same address, same scope.</summary>
    public static bool Links(string? reference, Resource from, Resource target) =>
        string.Equals(reference, target.Address, StringComparison.Ordinal) && SameScope(from, target);

    /// <summary>Whether two resources come from the same template, file or Terraform root module.</summary>
    public static bool SameScope(Resource a, Resource b) =>
        string.Equals(a.LinkScope ?? a.Span.Path, b.LinkScope ?? b.Span.Path, StringComparison.Ordinal);
}
