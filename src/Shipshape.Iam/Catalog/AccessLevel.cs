namespace Shipshape.Iam.Catalog;

/// <summary>The access level the Service Authorization Reference gives an action.</summary>
public enum AccessLevel
{
    List,
    Read,
    Write,
    PermissionsManagement,
    Tagging,
}
