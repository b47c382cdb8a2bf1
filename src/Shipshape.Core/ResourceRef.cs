namespace Shipshape.Core;

/// <summary>
/// The resource a finding is about: the name its source uses, its type, the property path inside it, and a
/// friendlier name where the source gives one (the CDK construct path), and for a resource of a called Terraform
/// module, the root module and the module calls that reached it.
/// </summary>
public sealed record ResourceRef(string Address, string Kind, string? Path, string? DisplayName = null, ModuleChain? Module = null)
{
    /// <summary>The address as text reports show it: with the root module's directory for a called module's resource.</summary>
    public string QualifiedAddress => Module is null ? Address : $"{Address} (root module {Module.RootDirectory})";
}
