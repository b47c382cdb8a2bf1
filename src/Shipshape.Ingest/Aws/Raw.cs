using Shipshape.Core;
using Shipshape.Core.Model;

namespace Shipshape.Ingest.Aws;

/// <summary>
/// How builders turn a raw value read by a format adapter into a model value. A raw value is explicit, unresolved,
/// or absent; absent arrives as Defaulted with no value yet (at the enclosing object's span, with the format's path),
/// and only the builder gives it the documented default, so the default lives in one place per concept.
/// </summary>
internal static class Raw
{
    /// <summary>The default for an absent value; an unresolved one keeps the default as its placeholder.</summary>
    public static Value<string> Or(Value<string?> raw, string fallback) =>
        new(raw.IsExplicit ? raw.Current ?? fallback : fallback, raw.Origin, raw.Span, raw.Path) { Reference = raw.Reference, ReferenceAttribute = raw.ReferenceAttribute };

    /// <summary>The default for an absent value; an unresolved one stays without a value.</summary>
    public static Value<string?> OrNullable(Value<string?> raw, string? fallback) =>
        raw.IsDefaulted ? raw with { Current = raw.Current ?? fallback } : raw;

    /// <summary>The default for an absent value; an unresolved one keeps the default as its placeholder.</summary>
    public static Value<bool> Or(Value<bool?> raw, bool fallback) =>
        new(raw.IsExplicit ? raw.Current ?? fallback : fallback, raw.Origin, raw.Span, raw.Path) { Reference = raw.Reference, ReferenceAttribute = raw.ReferenceAttribute };

    /// <summary>Presence of a block or an attachment: absent means none.</summary>
    public static Value<bool> Declared(Value<bool?> raw) => Or(raw, false);

    /// <summary>A block or attachment that is there, at its own span.</summary>
    public static Value<bool?> Present(SourceSpan span, string path) => Value<bool?>.Explicit(true, span, path);

    /// <summary>A block or attachment that is not there, anchored at the enclosing object.</summary>
    public static Value<bool?> Absent(SourceSpan span, string path) => Value<bool?>.Defaulted(null, span, path);
}
