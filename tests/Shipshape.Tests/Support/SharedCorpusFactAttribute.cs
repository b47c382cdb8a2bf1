namespace Shipshape.Tests.Support;

/// <summary>A fact that needs folders of ../shared (such as "corpus/realworld"): skipped, with the reason, when one is absent.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class SharedCorpusFactAttribute : FactAttribute
{
    public SharedCorpusFactAttribute(params string[] folders)
    {
        Folders = folders;
        Skip = SharedFolder.SkipReason(folders)!;
    }

    public IReadOnlyList<string> Folders { get; }
}
