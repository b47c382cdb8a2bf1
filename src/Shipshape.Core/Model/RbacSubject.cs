namespace Shipshape.Core.Model;

/// <summary>One subject of a RoleBinding or ClusterRoleBinding: a User, Group or ServiceAccount (with its namespace).</summary>
public sealed record RbacSubject(Value<string> Kind, Value<string> Name, string? Namespace, SourceSpan Span, string Path);
