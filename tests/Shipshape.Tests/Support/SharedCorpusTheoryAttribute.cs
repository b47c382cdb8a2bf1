namespace Shipshape.Tests.Support;

/// <summary>
/// A theory that needs folders of ../shared: when one is absent it is skipped as a single case, with the reason, and
/// its data source is never enumerated.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class SharedCorpusTheoryAttribute : TheoryAttribute
{
    public SharedCorpusTheoryAttribute(params string[] folders)
    {
        Folders = folders;
        Skip = SharedFolder.SkipReason(folders)!;
    }

    public IReadOnlyList<string> Folders { get; }
}
