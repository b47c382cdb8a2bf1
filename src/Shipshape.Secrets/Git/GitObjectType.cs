namespace Shipshape.Secrets.Git;

/// <summary>Git object types, with the numbers pack files use.</summary>
public enum GitObjectType
{
    None = 0,
    Commit = 1,
    Tree = 2,
    Blob = 3,
    Tag = 4,
    OffsetDelta = 6,
    RefDelta = 7,
}
