namespace Shipshape.Ingest.Syntax;

/// <summary>The resolved type of a scalar: JSON token types, or YAML plain scalars under the core schema.</summary>
public enum ScalarKind
{
    String,
    Integer,
    Float,
    Boolean,
    Null,
}
