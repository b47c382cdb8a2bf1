namespace Shipshape.Core.Model;

/// <summary>
/// A model value that knows its origin, its source span (for defaulted values, the enclosing object)
/// and its property path in the source's own names (for example "containerDefinitions[web].privileged").
/// </summary>
public sealed record Value<T>(T Current, ValueOrigin Origin, SourceSpan Span, string Path)
{
    /// <summary>
    /// When the value is a link to another resource (CloudFormation Ref/GetAtt, a Terraform reference), the target's
    /// address ("TaskRole", "aws_iam_role.task"); the value itself is then usually Unresolved.
    /// </summary>
    public string? Reference { get; init; }

    /// <summary>The attribute taken from the referenced resource ("Arn"), or null for a plain reference.</summary>
    public string? ReferenceAttribute { get; init; }

    public bool IsExplicit => Origin == ValueOrigin.Explicit;
    public bool IsDefaulted => Origin == ValueOrigin.Defaulted;
    public bool IsUnresolved => Origin == ValueOrigin.Unresolved;
    /// <summary>Whether the value is known: explicit or defaulted.</summary>
    public bool IsKnown => Origin != ValueOrigin.Unresolved;

    public static Value<T> Explicit(T value, SourceSpan span, string path) => new(value, ValueOrigin.Explicit, span, path);
    public static Value<T> Defaulted(T value, SourceSpan span, string path) => new(value, ValueOrigin.Defaulted, span, path);
    public static Value<T> Unresolved(T placeholder, SourceSpan span, string path) => new(placeholder, ValueOrigin.Unresolved, span, path);

    public override string ToString() => $"{Current} ({Origin})";
}
