using Shipshape.Core.Model;

namespace Shipshape.Rules;

/// <summary>Follows links between resources: a value whose Reference names another resource's address.</summary>
internal static class ModelLinks
{
    /// <summary>The resource of type <typeparamref name="T"/> whose address is <paramref name="reference"/> (a value's Reference), or null.</summary>
    public static T? Resolve<T>(ModelSet model, string? reference) where T : Resource =>
        reference is null ? null : model.OfType<T>().FirstOrDefault(r => string.Equals(r.Address, reference, StringComparison.Ordinal));
}
