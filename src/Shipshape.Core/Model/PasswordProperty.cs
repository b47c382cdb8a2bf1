namespace Shipshape.Core.Model;

/// <summary>
/// A resource property that holds a password or an authentication token (RDS MasterUserPassword, DMS Password,
/// Directory Service Password, an IAM user's LoginProfile.Password …), one per value, addressed by its resource.
/// </summary>
public sealed record PasswordProperty : Resource
{
    /// <summary>The property as the source names it (MasterUserPassword, master_password, Users[0].Password).</summary>
    public required string Property { get; init; }

    /// <summary>The value: Explicit when written in the file (a literal, or a parameter's or variable's default), Unresolved when it comes from elsewhere.</summary>
    public required Value<string?> Password { get; init; }
}
