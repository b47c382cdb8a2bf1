namespace Shipshape.Tests.Support;

/// <summary>
/// Folders of ../shared (the read-only corpus CI has beside the repository): whether they are present, and the
/// reason a test that needs them is skipped in a clone without them.
/// </summary>
public static class SharedFolder
{
    /// <summary>The absolute path of <paramref name="relative"/> (such as "corpus/realworld") under ../shared.</summary>
    public static string PathOf(string relative) => Path.Combine(TestPaths.Shared, relative);

    /// <summary>Null when every folder is present; otherwise why a test that needs them cannot run.</summary>
    public static string? SkipReason(IEnumerable<string> relatives)
    {
        var missing = relatives.Where(r => !Directory.Exists(PathOf(r))).Select(r => "../shared/" + r.Replace('\\', '/')).ToList();
        return missing.Count == 0
            ? null
            : $"{string.Join(" and ", missing)} {(missing.Count == 1 ? "is" : "are")} not present (a fresh clone without the shared corpus); CI runs this test";
    }
}
