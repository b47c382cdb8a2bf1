namespace Shipshape.Core.Model;

/// <summary>Where a model value came from.</summary>
public enum ValueOrigin
{
    /// <summary>Written in the source.</summary>
    Explicit,
    /// <summary>Absent from the source; the platform's documented default applies.</summary>
    Defaulted,
    /// <summary>Present but not knowable statically (a variable without default, an import).</summary>
    Unresolved,
}
