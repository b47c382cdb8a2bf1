using System.Collections.Immutable;

namespace Shipshape.Iam.Catalog;

/// <summary>One IAM action: access level, the resource types it accepts and its condition keys.</summary>
public sealed record IamAction(string Service, string Name, AccessLevel AccessLevel, ImmutableArray<IamActionResource> Resources, ImmutableArray<string> ConditionKeys)
{
    /// <summary>"ecs:StopTask".</summary>
    public string FullName => $"{Service}:{Name}";

    /// <summary>Whether the action accepts resource ARNs; when false, it only accepts "Resource": "*".</summary>
    public bool AcceptsResourceArns => !Resources.IsEmpty;

    public bool HasConditionKey(string key) => ConditionKeys.Contains(key, StringComparer.OrdinalIgnoreCase);
}
